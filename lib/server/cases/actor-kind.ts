import "server-only";
import { caseActorKindOf, type CaseActorKind } from "@/lib/domain/case/workflow";
import type { Tx } from "@/lib/server/db/client";
import type { Actor } from "@/lib/server/policy/actor";

/**
 * The part the actor plays in this case's workflow (docs/case-workflow.md, "Who acts"), or null for none.
 * An inspector acts only through an active membership of the case's team with a signed commitment letter;
 * the other roles by their role. Call it on a case found through `getCaseOrThrow`: scope has already
 * kept out other regions' city staff, other institutions and recused inspectors.
 */
export async function getCaseActorKind(db: Tx, actor: Actor, found: { teamId: string | null }): Promise<CaseActorKind | null> {
  if (actor.role !== "INSPECTOR") return caseActorKindOf(actor.role, null);
  if (found.teamId === null) return null;
  const membership = await db.teamMember.findFirst({
    where: { teamId: found.teamId, userId: actor.userId, withdrawnAt: null, commitmentLetter: { isNot: null } },
    select: { role: true },
  });
  return caseActorKindOf("INSPECTOR", membership?.role ?? null);
}
