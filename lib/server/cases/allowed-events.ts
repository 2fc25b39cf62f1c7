import "server-only";
import { allowedEvents, type CaseEvent } from "@/lib/domain/case/workflow";
import type { PrismaClient } from "@/lib/server/db/client";
import type { Actor } from "@/lib/server/policy/actor";
import { getCaseActorKind } from "./actor-kind";
import { loadCaseFacts } from "./facts";
import { getCaseOrThrow } from "./read";

/**
 * The events the actor may apply to the case now, for the UI to offer: the same scope, actor kind and
 * facts as `applyCaseEvent`, asked of the same table, so the page never offers what the server refuses.
 */
export async function getAllowedCaseEvents(db: PrismaClient, actor: Actor, caseId: string, now: Date = new Date()): Promise<{ version: number; events: CaseEvent[] }> {
  const found = await getCaseOrThrow(db, actor, caseId);
  const kind = await getCaseActorKind(db, actor, found);
  if (kind === null) return { version: found.version, events: [] };
  return { version: found.version, events: allowedEvents(found.state, kind, await loadCaseFacts(db, found.id, now)) };
}
