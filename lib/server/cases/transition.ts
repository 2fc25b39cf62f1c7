import "server-only";
import { CASE_EVENT_PERMISSIONS, decide, REFUSAL_MESSAGE_KEYS, type CaseEvent, type CaseEventInput, type CaseState } from "@/lib/domain/case/workflow";
import { recordAudit } from "@/lib/server/audit/record";
import type { PrismaClient, Tx } from "@/lib/server/db/client";
import { DomainError } from "@/lib/errors";
import { requirePermission } from "@/lib/policy/can";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { getCaseActorKind } from "./actor-kind";
import { loadCaseFacts } from "./facts";
import { getCaseOrThrow, type CaseCore } from "./read";

export interface CaseCommand {
  caseId: string;
  /** The version the user saw: the change is made only if the case is still at it. */
  version: number;
  event: CaseEvent;
  /** What a guard must see of the event (RECORD_REFUND's amount). */
  input?: CaseEventInput;
}

export interface CaseEffectContext {
  actor: Actor;
  from: CaseState;
  to: CaseState;
  now: Date;
}

/** The operation's own rows, written in the transaction after the case's state and version moved. */
export type CaseEffect<T> = (tx: Tx, found: CaseCore, context: CaseEffectContext) => Promise<T>;

export interface CaseOperationOptions {
  /** The moment of the change (deadlines, delivery times); tests fix it. Defaults to now. */
  now?: Date;
  context?: RequestContext;
}

export interface CaseEventOutcome<T> {
  caseId: string;
  from: CaseState;
  state: CaseState;
  /** The case's version after the change: the next command's token. */
  version: number;
  record: T;
}

const camel = (name: string): string => name.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function refused(messageKey: string): DomainError {
  return new DomainError("TRANSITION_REFUSED", undefined, { messageKey });
}

/**
 * Applies one workflow event to a case (docs/case-workflow.md): the role's permission for the event first
 * (FORBIDDEN, which says nothing of the case), then scope (an unknown or hidden case is NOT_FOUND), then the
 * actor's part, the facts and `decide`; a refusal is TRANSITION_REFUSED carrying the
 * workflow's message key, with nothing written. Otherwise, in one transaction: compare-and-set on
 * (id, state, version), bumping the version even when the state stays; the effect; the audit row.
 *
 * The facts are read before the transaction: every change to what they count goes through this function
 * and bumps the version, so a decision made on facts that have since changed fails the compare-and-set.
 */
export function applyCaseEvent(db: PrismaClient, actor: Actor, command: CaseCommand, effect?: undefined, options?: CaseOperationOptions): Promise<CaseEventOutcome<undefined>>;
export function applyCaseEvent<T>(db: PrismaClient, actor: Actor, command: CaseCommand, effect: CaseEffect<T>, options?: CaseOperationOptions): Promise<CaseEventOutcome<T>>;
export async function applyCaseEvent<T>(
  db: PrismaClient,
  actor: Actor,
  command: CaseCommand,
  effect?: CaseEffect<T>,
  options: CaseOperationOptions = {},
): Promise<CaseEventOutcome<T | undefined>> {
  const now = options.now ?? new Date();
  requirePermission(actor, CASE_EVENT_PERMISSIONS[command.event]);
  const found = await getCaseOrThrow(db, actor, command.caseId);
  // The user acted on an older page: whatever they saw may no longer hold.
  if (found.version !== command.version) throw new DomainError("STALE_VERSION");

  const kind = await getCaseActorKind(db, actor, found);
  if (kind === null) throw refused(REFUSAL_MESSAGE_KEYS.ACTOR_NOT_ALLOWED);
  const facts = await loadCaseFacts(db, found.id, now);
  const decision = decide(found.state, command.event, kind, facts, command.input ?? {});
  if (!decision.ok) throw refused(decision.messageKey);

  return db.$transaction(async (tx) => {
    const { count } = await tx.inspectionCase.updateMany({
      where: { id: found.id, state: found.state, version: command.version },
      data: { state: decision.to, version: { increment: 1 }, ...(decision.to === "CLOSED" ? { closedAt: now } : {}) },
    });
    if (count !== 1) throw new DomainError("STALE_VERSION");

    const record = effect ? await effect(tx, found, { actor, from: found.state, to: decision.to, now }) : undefined;
    const version = command.version + 1;
    await recordAudit(tx, {
      actor,
      action: `case.${camel(command.event)}`,
      entity: "InspectionCase",
      entityId: found.id,
      before: { state: found.state, version: command.version },
      after: { state: decision.to, version, event: command.event, record },
      context: options.context,
    });
    return { caseId: found.id, from: found.state, state: decision.to, version, record };
  });
}
