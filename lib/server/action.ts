import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { getDb, type PrismaClient } from "@/lib/server/db/client";
import { recordAudit } from "@/lib/server/audit/record";
import { getActor, getLocale, getRequestContext } from "@/lib/server/auth/session";
import { DomainError, isDomainError } from "@/lib/server/errors";
import { translator } from "@/lib/i18n/translator";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { logger } from "@/lib/server/logger";
import { fieldErrorKeys } from "@/lib/validation/field-errors";

import type { ActionResult } from "./action-result";

export type { ActionResult };

export interface ActionContext<I> {
  db: PrismaClient;
  actor: Actor;
  input: I;
  context: RequestContext;
}

async function recordRefusal(db: PrismaClient, actor: Actor, action: string, context: RequestContext) {
  try {
    await db.$transaction((tx) => recordAudit(tx, { actor, action, entity: "Access", outcome: "DENIED", context }));
  } catch (error) {
    logger.error("audit.refusal_failed", { error: String(error) });
  }
}

/**
 * The body of every server action: parse the input with the zod schema, establish the actor from the
 * session (never from the client), run one service call, and map errors to messages at this boundary.
 * Unexpected errors are logged with a reference id; the user sees only the reference.
 */
export async function runAction<S extends z.ZodType, T>(
  name: string,
  schema: S,
  raw: unknown,
  body: (ctx: ActionContext<z.output<S>>) => Promise<T>,
): Promise<ActionResult<T>> {
  const t = translator(await getLocale());
  const actor = await getActor();
  if (!actor) return { ok: false, message: t("errors.unauthenticated") };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const keys = fieldErrorKeys(parsed.error);
    return { ok: false, message: t("errors.validation"), fieldErrors: Object.fromEntries(Object.entries(keys).map(([f, k]) => [f, t(k)])) };
  }
  const db = getDb();
  const context = await getRequestContext();
  try {
    return { ok: true, data: await body({ db, actor, input: parsed.data, context }) };
  } catch (error) {
    if (isDomainError(error)) {
      // Refused attempts are audited too: a role without the right, or a step the case workflow refuses.
      if (error.code === "FORBIDDEN" || error.code === "TRANSITION_REFUSED") await recordRefusal(db, actor, name, context);
      const fieldErrors = error.fieldErrors ? Object.fromEntries(Object.entries(error.fieldErrors).map(([f, k]) => [f, t(k)])) : undefined;
      // With field messages, the form-level notice says only that something needs correcting.
      return { ok: false, message: t(fieldErrors ? "errors.validation" : error.messageKey), fieldErrors };
    }
    const reference = context.requestId ?? randomUUID();
    logger.error("action.failed", { action: name, reference, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    return { ok: false, message: t("errors.internalWithReference", { reference }), reference };
  }
}

export { DomainError };
