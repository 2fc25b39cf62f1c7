import "server-only";
import { allowedEvents, CASE_EVENT_PERMISSIONS, type CaseEvent } from "@/lib/domain/case/workflow";
import { can } from "@/lib/policy/can";
import type { PrismaClient } from "@/lib/server/db/client";
import type { Actor } from "@/lib/server/policy/actor";
import { getCaseActorKind } from "./actor-kind";
import { loadCaseFacts } from "./facts";
import { getCaseOrThrow, type CaseCore } from "./read";

/**
 * The events the actor may apply to the case now, for the UI to offer: the same scope, actor kind and
 * facts as `applyCaseEvent`, asked of the same table, so the page never offers what the server refuses.
 */
export async function getAllowedCaseEvents(db: PrismaClient, actor: Actor, caseId: string, now: Date = new Date()): Promise<{ version: number; events: CaseEvent[] }> {
  const found = await getCaseOrThrow(db, actor, caseId);
  return { version: found.version, events: (await allowedEventsFor(db, actor, found, now)).events };
}

/** For a case already found in the actor's scope: its facts, and the events the actor may apply now. */
export async function allowedEventsFor(db: PrismaClient, actor: Actor, found: CaseCore, now: Date) {
  const [kind, facts] = await Promise.all([getCaseActorKind(db, actor, found), loadCaseFacts(db, found.id, now)]);
  // The role's permission and the part in the case, as applyCaseEvent checks them.
  const events = kind === null ? [] : allowedEvents(found.state, kind, facts).filter((event) => can(actor, CASE_EVENT_PERMISSIONS[event]));
  return { facts, events };
}
