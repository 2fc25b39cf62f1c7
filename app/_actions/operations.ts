"use server";
import type { ActionResult } from "@/lib/operations/result";
import { performAction } from "@/lib/server/operations/action";

/** Every command of the registry, as the one server action the UI calls (lib/server/operations/action.ts). */
export async function performOperation(name: string, raw: unknown): Promise<ActionResult<unknown>> {
  return performAction(name, raw);
}
