import "server-only";
import type { CaseFacts } from "@/lib/domain/case/workflow";
import { addMoney } from "@/lib/domain/money";
import type { Tx } from "@/lib/server/db/client";
import { isOnOrBeforeDeadline, workingDayDeadline } from "@/lib/domain/calendar";
import { loadWorkingDayCalendar } from "@/lib/server/calendar";
import { chinaDateOf } from "./deadlines";

/**
 * What the workflow's guards read, from the database (docs/data-model.md, "Facts the guards read").
 * Amounts are decimal strings from `Decimal#toFixed(2)`, summed in lib/domain/money: never floats.
 * `now` decides whether the appeal window is still open. The caller has already checked scope.
 */
export async function loadCaseFacts(db: Tx, caseId: string, now: Date = new Date()): Promise<CaseFacts> {
  const row = await db.inspectionCase.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      handoverReceivedAt: true,
      handlingDiffersFromHandover: true,
      plan: { select: { appealWindowWorkingDays: true } },
      team: { select: { members: { where: { withdrawnAt: null }, select: { commitmentLetter: { select: { id: true } } } } } },
      _count: { select: { findings: { where: { status: { not: "WITHDRAWN" } } }, appeals: { where: { status: "OPEN" } } } },
      problemRecord: { select: { signatures: { select: { side: true } } } },
      feedbackReport: { select: { id: true } },
      amountConfirmationNotice: { select: { amount: true } },
      refundNotice: { select: { refunds: { select: { amount: true } } } },
      differenceExplanation: { select: { id: true } },
      rectification: { select: { reports: { where: { status: { not: "RETURNED" } }, select: { kind: true, status: true } } } },
    },
  });

  const members = row.team?.members ?? [];
  const sides = new Set(row.problemRecord?.signatures.map((signature) => signature.side) ?? []);
  const reports = row.rectification?.reports ?? [];
  const refunds = row.refundNotice?.refunds.map((refund) => refund.amount.toFixed(2)) ?? [];

  return {
    // A case without a team, or a team without active members, has nobody who signed.
    commitmentLettersSigned: members.length > 0 && members.every((member) => member.commitmentLetter !== null),
    findingsCount: row._count.findings,
    teamSigned: sides.has("TEAM"),
    institutionSigned: sides.has("INSTITUTION"),
    feedbackReportWritten: row.feedbackReport !== null,
    appealWindowOpen: await isAppealWindowOpen(db, row.plan.appealWindowWorkingDays, row.handoverReceivedAt, now),
    openAppeals: row._count.appeals,
    confirmationNoticeIssued: row.amountConfirmationNotice !== null,
    confirmedTotal: row.amountConfirmationNotice?.amount.toFixed(2) ?? "0.00",
    refundNoticeIssued: row.refundNotice !== null,
    refundedTotal: addMoney("0.00", ...refunds),
    handlingDiffersFromHandover: row.handlingDiffersFromHandover,
    differenceExplained: row.differenceExplanation !== null,
    rectificationReportSubmitted: reports.some((report) => report.kind === "WRITTEN" && report.status === "SUBMITTED"),
    progressReportSubmitted: reports.some((report) => report.kind === "PROGRESS"),
  };
}

/**
 * Liuzhou plan §四(二): appeals are taken for the plan's number of working days after the handover, that
 * last day included. A plan without a window takes no appeals; before the handover there is nothing to appeal.
 * A last day that reaches a year whose holiday arrangement is not entered is still ahead while today is in an
 * earlier year; once today is in that year the calendar cannot tell, and the window stays open: the party's
 * right to appeal is not cut short by a missing calendar (the city's steps that wait for the window's end wait
 * for the arrangement, which the administrator's to-do asks for).
 */
async function isAppealWindowOpen(db: Tx, windowWorkingDays: number | null, handoverReceivedAt: Date | null, now: Date): Promise<boolean> {
  if (windowWorkingDays === null || handoverReceivedAt === null) return false;
  const lastDay = workingDayDeadline(await loadWorkingDayCalendar(db), chinaDateOf(handoverReceivedAt), windowWorkingDays);
  return isOnOrBeforeDeadline(lastDay, chinaDateOf(now)) ?? true;
}
