import "server-only";
import type { TargetDrawRecord, TeamDrawRecord } from "@/lib/domain/draw/record";
import { targetsOf } from "@/lib/domain/draw/targets";
import { currentTeams } from "@/lib/domain/draw/teams";
import type { Pool } from "@/lib/domain/draw/team-manifest";
import { DEFAULT_LOCALE } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translator";
import { recordAudit } from "@/lib/server/audit/record";
import type { Tx } from "@/lib/server/db/client";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { createCase } from "@/lib/server/plans/plans";

// What a draw leaves behind (issue 8 §7): the team draw creates the teams with their drawn experts and
// third-party staff; a target draw creates its team's inspection cases, state DRAWN. Runs in the transaction
// that stored the record, so a draw and its outcome exist together or not at all.

type DrawRef = { id: string; planId: string; plan: { year: number; trigger: "ANNUAL_PLAN" | "TIP_OFF" | "DATA_SCREENING" | "MEDIA" | "OTHER" } };

export const ROLE_OF_POOL = { EXPERT: "EXPERT", THIRD_PARTY: "THIRD_PARTY" } as const satisfies Record<Pool, "EXPERT" | "THIRD_PARTY">;

async function regionIdsByCode(tx: Tx, codes: string[]) {
  const regions = await tx.poolingRegion.findMany({ where: { code: { in: codes } }, select: { id: true, code: true, name: true } });
  return new Map(regions.map((r) => [r.code, r]));
}

/** Adds a drawn person to a team and marks them as serving this year (the rotation of DOMAIN.md 专家库). */
export async function addDrawnMember(tx: Tx, input: { teamId: string; drawId: string; staffNumber: string; pool: Pool; year: number; replacesMemberId?: string }) {
  const expert = await tx.expert.update({ where: { staffNumber: input.staffNumber }, data: { lastServedYear: input.year, version: { increment: 1 } } });
  return tx.teamMember.create({
    data: {
      teamId: input.teamId,
      expertId: expert.id,
      userId: expert.userId,
      role: ROLE_OF_POOL[input.pool],
      source: input.replacesMemberId ? "REPLACEMENT" : "DRAWN",
      drawId: input.drawId,
      replacesMemberId: input.replacesMemberId ?? null,
    },
  });
}

export async function createTeamsFromDraw(tx: Tx, actor: Actor, draw: DrawRef, record: TeamDrawRecord, context: RequestContext) {
  const teams = currentTeams(record.result, record.replacements);
  const regions = await regionIdsByCode(tx, teams.flatMap((t) => [t.inspected, t.inspecting]));
  // Team names are generated text, in the bureau's documents' language.
  const t = translator(DEFAULT_LOCALE);
  for (const drawn of teams) {
    const inspected = regions.get(drawn.inspected)!;
    const inspecting = regions.get(drawn.inspecting)!;
    const team = await tx.team.create({
      data: { planId: draw.planId, drawId: draw.id, inspectedRegionId: inspected.id, inspectingRegionId: inspecting.id, name: t("draw.teamName", { inspecting: inspecting.name, inspected: inspected.name }) },
    });
    for (const [pool, ids] of [["EXPERT", drawn.experts], ["THIRD_PARTY", drawn.thirdParty]] as const) {
      for (const staffNumber of ids) await addDrawnMember(tx, { teamId: team.id, drawId: draw.id, staffNumber, pool, year: draw.plan.year });
    }
    await recordAudit(tx, { actor, action: "team.create", entity: "Team", entityId: team.id, after: { ...team, experts: drawn.experts, thirdParty: drawn.thirdParty }, context });
  }
}

export async function createCasesFromDraw(tx: Tx, actor: Actor, draw: DrawRef & { planRegionId: string | null }, record: TargetDrawRecord, context: RequestContext) {
  const planRegion = await tx.planRegion.findUniqueOrThrow({ where: { id: draw.planRegionId! }, include: { designatedTargets: { include: { institution: { select: { nationalCode: true } } } } } });
  const team = await tx.team.findFirstOrThrow({ where: { planId: draw.planId, inspectedRegionId: planRegion.poolingRegionId } });
  const targets = targetsOf(record.result);
  const institutions = await tx.institution.findMany({ where: { nationalCode: { in: targets.map((x) => x.code) } }, select: { id: true, nationalCode: true } });
  const idOf = new Map(institutions.map((i) => [i.nationalCode, i.id]));
  const reasonOf = new Map(planRegion.designatedTargets.map((d) => [d.institution.nationalCode, d.reason]));
  // A target already designated by hand under this plan keeps its case; the draw does not make a second one.
  const existing = new Set((await tx.inspectionCase.findMany({ where: { planId: draw.planId, institutionId: { in: institutions.map((i) => i.id) }, state: { not: "CLOSED" } }, select: { institutionId: true } })).map((c) => c.institutionId));
  for (const target of targets) {
    const institutionId = idOf.get(target.code)!;
    if (existing.has(institutionId)) continue;
    const designated = target.as.startsWith("DESIGNATED_");
    await createCase(
      tx,
      actor,
      {
        planId: draw.planId,
        institutionId,
        teamId: team.id,
        inspectedRegionId: planRegion.poolingRegionId,
        drawId: draw.id,
        trigger: draw.plan.trigger,
        designated,
        designationReason: designated ? (reasonOf.get(target.code) ?? null) : null,
        lookBack: target.as === "LOOK_BACK" || target.as === "DESIGNATED_LOOK_BACK",
      },
      context,
    );
  }
}
