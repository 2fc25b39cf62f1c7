import "server-only";
import type { z } from "zod";
import { DomainError } from "@/lib/errors";
import type { ActionResult } from "@/lib/operations/result";
import type { Actor, RequestContext } from "@/lib/policy/actor";
import { getActor, getLocale, getRequestContext } from "@/lib/server/auth/session";
import { getDb, type PrismaClient } from "@/lib/server/db/client";
import { translator } from "@/lib/i18n/translator";
import { fieldErrorKeys } from "@/lib/validation/field-errors";
import { auditRefusal, failureOf, refusal } from "@/lib/server/operations/boundary";
import { REFUSAL_CODES, isDomainError } from "@/lib/errors";

export type { ActionResult };

export interface ActionContext<I> {
  db: PrismaClient;
  actor: Actor;
  input: I;
  context: RequestContext;
}

/**
 * The body of a server action not yet in the operations registry: the same answers as the registry's
 * boundary (lib/server/operations/boundary.ts), which it uses. Each caller moves into the registry.
 */
export async function runAction<S extends z.ZodType, T>(name: string, schema: S, raw: unknown, body: (ctx: ActionContext<z.output<S>>) => Promise<T>): Promise<ActionResult<T>> {
  const locale = await getLocale();
  const actor = await getActor();
  if (!actor) return refusal("UNAUTHENTICATED", locale).failure;
  const db = getDb();
  const context = await getRequestContext();
  try {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw new DomainError("VALIDATION", fieldErrorKeys(parsed.error));
    return { ok: true, data: await body({ db, actor, input: parsed.data, context }) };
  } catch (error) {
    if (isDomainError(error) && REFUSAL_CODES.includes(error.code)) await auditRefusal(db, actor, name, error.code, raw, context);
    return failureOf(error, translator(locale), context).failure;
  }
}

export { DomainError };
