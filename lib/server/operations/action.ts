import "server-only";
import { headers } from "next/headers";
import { isOperationName, OPERATIONS } from "@/lib/operations";
import type { ActionResult } from "@/lib/operations/result";
import { getActor, getLocale, getRequestContext } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { auditRefusal, executeOperation, refusal } from "./boundary";
import { isSameOrigin } from "./http";

/**
 * The server-action door to the registry: any command the registry holds, by name, with the actor from the
 * session and the same-origin check of every state-changing request. Operations that read (GET) or carry a
 * file go over HTTP instead (a server action's body is limited to 1 MB).
 */
export async function performAction(name: unknown, raw: unknown): Promise<ActionResult<unknown>> {
  const locale = await getLocale();
  if (!isOperationName(name) || OPERATIONS[name].http.method === "GET" || OPERATIONS[name].upload) return refusal("ROUTE_NOT_FOUND", locale).failure;
  const [actor, context, h] = await Promise.all([getActor(), getRequestContext(), headers()]);
  if (!isSameOrigin("POST", h)) {
    if (actor) await auditRefusal(getDb(), actor, OPERATIONS[name].audit, "CROSS_ORIGIN", raw, context);
    return refusal("CROSS_ORIGIN", locale).failure;
  }
  const outcome = await executeOperation(name, { actor, via: "session", locale, context }, async () => ({ raw }));
  // Plain JSON only crosses to the browser: dates as ISO strings, decimals as strings.
  return outcome.ok ? { ok: true, data: JSON.parse(JSON.stringify(outcome.data ?? null)) as unknown } : outcome.failure;
}
