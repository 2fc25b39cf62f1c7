import "server-only";
import type { InspectionLevel, PlanLevel } from "@/lib/server/db/generated/enums";
import type { PrismaClient, Tx } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/actor";
import type { CaseCore } from "./read";
import type { TDeliverNoticeInput } from "@/lib/validation/cases";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

/**
 * The inspection history's level for a plan's level. A city plan's inspection is the city's own on-site
 * inspection (暂行办法 art. 2: only national and provincial bureaus run flight inspections); a county plan's
 * is recorded as CITY too, the one local level the history keeps (DOMAIN.md), its plan linked on the row.
 */
const HISTORY_LEVEL: Record<PlanLevel, InspectionLevel> = { PROVINCIAL: "PROVINCIAL", CITY: "CITY", COUNTY: "CITY" };

/**
 * The case enters the inspection history when its notice is delivered. Jilin plan §一(二)6 excludes
 * institutions that "已经接受" (have undergone) a national or provincial inspection, and §一(二)4 draws look-back
 * targets from those that "接受过" one: what counts is that the inspection took place. It takes place when the
 * team is on site and delivers the notice (§四(二)2: "向被检机构宣读并送达现场检查通知书"), whatever it
 * finds or however the case ends afterwards; a case cancelled before its notice was never an inspection
 * (docs/case-workflow.md, Look-back), and waiting for closing would leave this year's inspections out of
 * next year's draw while their handling runs on. The year and level are the plan's. One row per institution,
 * level and year (the table's key): a row already there, imported or from another plan, stays as it is.
 */
async function recordInspectionHistory(tx: Tx, found: CaseCore) {
  const plan = await tx.plan.findUniqueOrThrow({ where: { id: found.planId }, select: { year: true, level: true } });
  const row = { institutionId: found.institutionId, level: HISTORY_LEVEL[plan.level], year: plan.year };
  const { count } = await tx.inspectionHistory.createMany({ data: [{ ...row, planId: found.planId }], skipDuplicates: true });
  return { ...row, planId: found.planId, recorded: count === 1 };
}

/**
 * DELIVER_NOTICE (Jilin plan §四(二)2): the leader records the on-site notice as read and delivered, to
 * whom and when, and the law-enforcement staff present (条例 art. 29: at least two, named on the notice). From `noticeDeliveredAt` on, the institution and its city bureau can see the case, and the
 * institution's inspection history holds this inspection (recordInspectionHistory), audited with the event.
 */
export async function deliverNotice(db: PrismaClient, actor: Actor, input: TDeliverNoticeInput, options: CaseOperationOptions = {}) {
  const now = options.now ?? new Date();
  const deliveredAt = input.deliveredAt ?? now;
  if (deliveredAt.getTime() > now.getTime()) throw new DomainError("VALIDATION", { deliveredAt: "validation.dateInFuture" });

  return applyCaseEvent(
    db,
    actor,
    { caseId: input.caseId, version: input.version, event: "DELIVER_NOTICE" },
    async (tx, found) => {
      // 条例 art. 29: each person named present is a law-enforcement member of this case's team, still on it.
      const staff = await tx.teamMember.findMany({
        where: { teamId: found.teamId ?? undefined, userId: { in: input.staffPresentIds }, withdrawnAt: null, isLawEnforcement: true },
        select: { userId: true },
      });
      if (found.teamId === null || staff.length !== input.staffPresentIds.length) throw new DomainError("VALIDATION", { staffPresentIds: "caseRecord.notLawEnforcementStaff" });
      await tx.inspectionCase.update({ where: { id: found.id }, data: { noticeDeliveredAt: deliveredAt } });
      const notice = await tx.onSiteNotice.create({
        data: {
          caseId: found.id,
          number: input.number,
          recipientName: input.recipientName,
          recipientTitle: input.recipientTitle,
          deliveredAt,
          deliveredById: actor.userId,
          staffPresent: { create: input.staffPresentIds.map((userId) => ({ userId })) },
        },
        include: { staffPresent: { select: { userId: true } } },
      });
      return { ...notice, inspectionHistory: await recordInspectionHistory(tx, found) };
    },
    { ...options, now },
  );
}
