import "server-only";
import { randomUUID } from "node:crypto";
import { DomainError, ERROR_CODES, isDomainError, REFUSAL_CODES, type ErrorCode } from "@/lib/errors";
import type { AppLocale } from "@/lib/i18n/config";
import { translator, type Translate } from "@/lib/i18n/translator";
import { OPERATIONS, type OperationName } from "@/lib/operations";
import type { ActionFailure } from "@/lib/operations/result";
import { requirePermission } from "@/lib/policy/can";
import type { Actor, RequestContext } from "@/lib/policy/actor";
import { fieldErrorKeys } from "@/lib/validation/field-errors";
import { translateMessageRef } from "@/lib/validation/primitives";
import { recordAudit } from "@/lib/server/audit/record";
import { getDb, type PrismaClient } from "@/lib/server/db/client";
import type { UploadedFile } from "@/lib/server/files/storage";
import { logger } from "@/lib/server/logger";
import { IMPLEMENTATIONS } from "./registry";

/** Who calls, as a transport established it: a session cookie, an API token, or code on the server (scripts, tests). */
export interface Caller {
  actor: Actor | null;
  via: "session" | "token" | "internal";
  locale: AppLocale;
  context: RequestContext;
}

/** What a transport hands over once the permission has been checked: the raw input and any uploaded file. */
export interface ReadInput {
  raw: unknown;
  upload?: UploadedFile;
  /** Called once the operation has finished: keeps the uploaded bytes on success, removes them otherwise. */
  settle?: (ok: boolean) => Promise<void>;
  /** The stored answer of an earlier request with the same `Idempotency-Key`: given again, nothing run. */
  replay?: { status: number; data: unknown };
}

export type Outcome = { ok: true; status: number; data: unknown } | { ok: false; status: number; failure: ActionFailure };

export interface ExecuteOptions {
  db?: PrismaClient;
  /** Fixes "now" for the service (tests). */
  now?: Date;
  /** Throw the refusal (after auditing it) instead of answering it: the door for code on the server. */
  rethrow?: boolean;
}

/** A refusal or failure as the caller reads it: the code, the message and the field messages in their language. */
export function failureOf(error: unknown, t: Translate, context: RequestContext): { status: number; failure: ActionFailure } {
  if (isDomainError(error)) {
    const fieldErrors = error.fieldErrors ? Object.fromEntries(Object.entries(error.fieldErrors).map(([field, ref]) => [field, translateMessageRef(t, ref)])) : undefined;
    // With field messages, the form-level notice says only that something needs correcting; a refused file is
    // the whole story, so its message is said at the top too.
    const onlyFile = fieldErrors && Object.keys(fieldErrors).join() === "file";
    const message = onlyFile ? fieldErrors.file! : fieldErrors ? t("errors.validation") : translateMessageRef(t, error.messageKey);
    return { status: error.status, failure: { ok: false, code: error.code, message, ...(fieldErrors ? { fieldErrors } : {}) } };
  }
  const reference = context.requestId ?? randomUUID();
  logger.error("operation.failed", { reference, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  return { status: 500, failure: { ok: false, code: "INTERNAL", message: t("errors.internalWithReference", { reference }), reference } };
}

/** The failure of a refusal made before any operation ran (no route, a cross-site request, no session). */
export function refusal(code: ErrorCode, locale: AppLocale): { status: number; failure: ActionFailure } {
  const t = translator(locale);
  return { status: ERROR_CODES[code].status, failure: { ok: false, code, message: t(ERROR_CODES[code].messageKey) } };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The record a refused call aimed at, as far as its input names one: the audit row says what was tried. */
function targetOf(raw: unknown): { entity: string; entityId: string | null } {
  const input = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  for (const [key, entity] of [["caseId", "InspectionCase"], ["planId", "Plan"], ["drawId", "Draw"], ["fileId", "FileObject"], ["documentId", "CaseDocument"], ["reportId", "RectificationReport"], ["id", "Record"]] as const) {
    const value = input[key];
    if (typeof value === "string" && UUID.test(value)) return { entity, entityId: value };
  }
  return { entity: "Access", entityId: null };
}

/** Refused attempts are audited too (STYLE.md): a role without the right, an id outside scope, a refused step. */
export async function auditRefusal(db: PrismaClient, actor: Actor, action: string, code: ErrorCode, raw: unknown, context: RequestContext): Promise<void> {
  const target = targetOf(raw);
  try {
    await db.$transaction((tx) => recordAudit(tx, { actor, action, entity: target.entity, entityId: target.entityId, outcome: "DENIED", after: { code, via: actor.token ? "token" : "session" }, context }));
  } catch (error) {
    logger.error("audit.refusal_failed", { error: String(error) });
  }
}

/**
 * The one boundary every door goes through (server actions, `/api/v1`, scripts): the actor, then the
 * operation's permission, before anything of the body is read; then the input, parsed strictly once with the
 * operation's schema; then its service. DomainErrors become the caller's answer in their language, with the
 * status of ERROR_CODES; authorization refusals are audited; anything else is logged and answered with a
 * reference, never with its text.
 */
export async function executeOperation(name: OperationName, caller: Caller, read: () => Promise<ReadInput>, options: ExecuteOptions = {}): Promise<Outcome> {
  const operation = OPERATIONS[name];
  const db = options.db ?? getDb();
  const t = translator(caller.locale);
  let input: ReadInput | undefined;
  try {
    if (operation.permission !== null) requirePermission(caller.actor, operation.permission);
    input = await read();
    if (input.replay) return { ok: true, ...input.replay };
    const parsed = operation.input.safeParse(input.raw);
    if (!parsed.success) throw new DomainError("VALIDATION", fieldErrorKeys(parsed.error));
    const handler = IMPLEMENTATIONS[name] as (ctx: HandlerContext<unknown>) => Promise<unknown>;
    const data = await handler({ db, actor: caller.actor as Actor, input: parsed.data, context: caller.context, now: options.now, upload: input.upload });
    await input.settle?.(true);
    return { ok: true, status: 200, data };
  } catch (error) {
    await input?.settle?.(false).catch((cleanup: unknown) => logger.error("operation.settle_failed", { error: String(cleanup) }));
    const answer = options.rethrow ? null : failureOf(error, t, caller.context);
    if (caller.actor && isDomainError(error) && REFUSAL_CODES.includes(error.code)) {
      await auditRefusal(db, caller.actor, operation.audit, error.code, input?.raw, caller.context);
    }
    if (!answer) throw error;
    return { ok: false, ...answer };
  }
}

/** What a service binding receives: the actor is established (a public operation's may be null, typed here as present). */
export interface HandlerContext<I> {
  db: PrismaClient;
  actor: Actor;
  input: I;
  context: RequestContext;
  now?: Date;
  upload?: UploadedFile;
}

/**
 * The door for code on the server (scripts, seeds, tests): the same boundary as the UI and the API, with an
 * actor the caller has already established. Returns the data, or throws the DomainError as the service threw
 * it (message keys, not sentences), after the boundary has audited a refusal.
 */
export async function invokeOperation<N extends OperationName>(
  db: PrismaClient,
  actor: Actor | null,
  name: N,
  raw: unknown,
  options: { now?: Date; context?: RequestContext; upload?: UploadedFile } = {},
): Promise<unknown> {
  const outcome = await executeOperation(name, { actor, via: "internal", locale: actor?.locale ?? "zh-CN", context: options.context ?? {} }, async () => ({ raw, upload: options.upload }), {
    db,
    now: options.now,
    rethrow: true,
  });
  return outcome.ok ? outcome.data : undefined;
}
