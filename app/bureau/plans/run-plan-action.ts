import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { runAction, type ActionContext, type ActionResult } from "@/lib/server/action";

/** The body of every action under /bureau/plans: one service call through runAction, then every plan page shows the change. */
export async function runPlanAction<S extends z.ZodType, T>(name: string, schema: S, raw: unknown, body: (ctx: ActionContext<z.output<S>>) => Promise<T>): Promise<ActionResult<T>> {
  const result = await runAction(name, schema, raw, body);
  if (result.ok) revalidatePath("/bureau/plans", "layout");
  return result;
}
