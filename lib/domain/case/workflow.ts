/**
 * The one question the server and the UI ask of a case: may this actor apply this event now, and where
 * does it lead? Answers come from the table in ./transitions; refusals are codes with message keys,
 * never sentences.
 *
 * The server asks only after it has found the case within the actor's scope (so a refusal never tells
 * an outsider that a case exists), reads `CaseFacts` in the same transaction, then writes the change
 * with compare-and-set on `(id, state, version)`, bumping `version` even for a self-transition, and
 * its audit row in that transaction (docs/decisions/006-case-workflow.md).
 */
import type { CaseActorKind } from "./actors";
import { CASE_GUARD_NAMES, CASE_GUARDS, type CaseEventInput, type CaseFacts, type CaseGuardName, guardMessageKey } from "./guards";
import { LOOK_BACK_MESSAGE_KEYS } from "./look-back";
import {
  type CaseEvent,
  type CaseState,
  type CaseTransition,
  CASE_EVENTS,
  CASE_STATES,
  stateMessageKey,
  TRANSITIONS,
} from "./transitions";

export * from "./actors";
export * from "./guards";
export * from "./look-back";
export * from "./transitions";

export type CaseRefusalReason = "UNKNOWN_TRANSITION" | "ACTOR_NOT_ALLOWED" | "GUARD_FAILED";

export const REFUSAL_MESSAGE_KEYS = {
  UNKNOWN_TRANSITION: "workflow.refused.unknownTransition",
  ACTOR_NOT_ALLOWED: "workflow.refused.actorNotAllowed",
  GUARD_FAILED: "workflow.refused.guardFailed",
} as const satisfies Record<CaseRefusalReason, string>;

export type CaseDecision =
  | { ok: true; from: CaseState; event: CaseEvent; to: CaseState; changesState: boolean; transition: CaseTransition }
  | {
      ok: false;
      reason: CaseRefusalReason;
      /** The catalog key to show: the failed guard's (`workflow.guard.<name>`) when a guard failed. */
      messageKey: string;
      guard?: CaseGuardName;
    };

export function isCaseState(value: unknown): value is CaseState {
  return (CASE_STATES as readonly unknown[]).includes(value);
}

export function isCaseEvent(value: unknown): value is CaseEvent {
  return (CASE_EVENTS as readonly unknown[]).includes(value);
}

const ROWS_BY_STATE_AND_EVENT = new Map<string, CaseTransition[]>();
for (const transition of TRANSITIONS) {
  const key = `${transition.from} ${transition.event}`;
  ROWS_BY_STATE_AND_EVENT.set(key, [...(ROWS_BY_STATE_AND_EVENT.get(key) ?? []), transition]);
}

/** The index of the first guard of `transition` that fails, or -1 when all hold. */
function firstFailedGuard(transition: CaseTransition, facts: CaseFacts, input: CaseEventInput): number {
  return transition.guards.findIndex((guard) => !CASE_GUARDS[guard](facts, input));
}

/**
 * Decides one event. Checks run in this order, so the answer reveals no more than the asker may know:
 * the state must have the event (UNKNOWN_TRANSITION), the actor must be one of its actors
 * (ACTOR_NOT_ALLOWED), and only then are the guards evaluated (GUARD_FAILED, naming the guard).
 * When several rows share the state and event, the one whose guards all hold wins; if none does, the
 * reported guard is from the row that got furthest. Throws `MoneyError` if an amount in `facts` is
 * malformed, which is a server bug, not a user's mistake.
 */
export function decide(
  state: CaseState,
  event: CaseEvent,
  actor: CaseActorKind,
  facts: CaseFacts,
  input: CaseEventInput = {},
): CaseDecision {
  const rows = ROWS_BY_STATE_AND_EVENT.get(`${state} ${event}`) ?? [];
  if (rows.length === 0) return { ok: false, reason: "UNKNOWN_TRANSITION", messageKey: REFUSAL_MESSAGE_KEYS.UNKNOWN_TRANSITION };
  const permitted = rows.filter((transition) => transition.actors.includes(actor));
  if (permitted.length === 0) return { ok: false, reason: "ACTOR_NOT_ALLOWED", messageKey: REFUSAL_MESSAGE_KEYS.ACTOR_NOT_ALLOWED };

  let furthest: { passed: number; guard: CaseGuardName } | undefined;
  for (const transition of permitted) {
    const failed = firstFailedGuard(transition, facts, input);
    if (failed === -1) {
      return { ok: true, from: state, event, to: transition.to, changesState: transition.to !== state, transition };
    }
    if (!furthest || failed > furthest.passed) furthest = { passed: failed, guard: transition.guards[failed]! };
  }
  const guard = furthest!.guard;
  return { ok: false, reason: "GUARD_FAILED", messageKey: guardMessageKey(guard), guard };
}

/**
 * The events this actor may apply now, for the UI to offer, in table order. Without an event input:
 * an event that needs one (RECORD_REFUND's amount) is offered when some input could pass.
 */
export function allowedEvents(state: CaseState, actor: CaseActorKind, facts: CaseFacts): CaseEvent[] {
  const allowed = new Set<CaseEvent>();
  for (const transition of TRANSITIONS) {
    if (transition.from !== state || !transition.actors.includes(actor) || allowed.has(transition.event)) continue;
    if (firstFailedGuard(transition, facts, {}) === -1) allowed.add(transition.event);
  }
  return [...allowed];
}

/** Every message key the workflow can hand to the UI, for the catalogs. */
export function workflowMessageKeys(): string[] {
  const keys = new Set<string>([...Object.values(REFUSAL_MESSAGE_KEYS), ...Object.values(LOOK_BACK_MESSAGE_KEYS)]);
  for (const state of CASE_STATES) keys.add(stateMessageKey(state));
  for (const guard of CASE_GUARD_NAMES) keys.add(guardMessageKey(guard));
  for (const transition of TRANSITIONS) keys.add(transition.descriptionKey);
  return [...keys].sort();
}
