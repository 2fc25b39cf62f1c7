"use server";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/operations/result";
import { performAction } from "@/lib/server/operations/action";

/**
 * Every command of the registry, as the one server action the UI calls (lib/server/operations/action.ts).
 * After a change, every page is rendered afresh: lists, counts and versions on other pages moved too.
 */
export async function performOperation(name: string, raw: unknown): Promise<ActionResult<unknown>> {
  const result = await performAction(name, raw);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
