import "server-only";
import { awaitingKey } from "@/lib/domain/case/awaiting";
import { addMoney, subtractMoney } from "@/lib/domain/money";
import type { PrismaClient } from "@/lib/server/db/client";
import type { Actor } from "@/lib/server/policy/actor";
import { can } from "@/lib/server/policy/policy";
import { canReadFileKind, canReadTeamRecord, type FileKind } from "@/lib/domain/case/file-visibility";
import { nameAuditRows } from "@/lib/server/audit/names";
import { getCaseActorKind } from "./actor-kind";
import type { BreakdownLine } from "./confirmation-breakdown";
import { allowedEventsFor } from "./allowed-events";
import { getCaseOrThrow } from "./read";
import { chinaDateOf, currentDeadline } from "./deadlines";
import { loadWorkingDayCalendar } from "@/lib/server/calendar";

/**
 * Everything one reader may see of a case file, and the workflow events they may apply now (from the same
 * table the server enforces). The audit trail is the bureau's: other readers get the case, not the log.
 */
export async function getCaseFile(db: PrismaClient, actor: Actor, caseId: string, now = new Date()) {
  const core = await getCaseOrThrow(db, actor, caseId);
  const [detail, { facts, events }] = await Promise.all([
    db.inspectionCase.findUniqueOrThrow({
      where: { id: core.id },
      include: {
        plan: { select: { title: true, year: true } },
        team: { select: { name: true } },
        institution: { select: { name: true, nationalCode: true } },
        inspectedRegion: { select: { name: true } },
        notice: {
          include: {
            deliveredBy: { select: { displayName: true } },
            // 条例 art. 29: the law-enforcement staff present, named on the notice.
            staffPresent: { include: { user: { select: { displayName: true, staffNumber: true } } }, orderBy: { user: { staffNumber: "asc" } } },
          },
        },
        // Withdrawn findings stay in the file, marked, so the review's effect can be read.
        findings: {
          orderBy: { createdAt: "asc" },
          include: {
            violationType: { select: { name: true } },
            keyArea: { select: { name: true } },
            // Issue 12 §2: each correction or withdrawal by the team before signing, with who, when, what and why.
            revisions: { orderBy: { revisedAt: "asc" }, include: { revisedBy: { select: { displayName: true, organization: { select: { name: true } } } } } },
          },
        },
        evidence: {
          orderBy: { createdAt: "asc" },
          include: {
            file: { select: { id: true, fileName: true, sizeBytes: true, sha256: true, mediaType: true, uploadedAt: true } },
            withdrawal: { include: { withdrawnBy: { select: { displayName: true, organization: { select: { name: true } } } } } },
          },
        },
        problemRecord: { include: { signatures: { include: { signedBy: { select: { displayName: true } } }, orderBy: { signedAt: "asc" } } } },
        feedbackReport: { select: { summary: true, createdAt: true } },
        handover: { include: { receivingOrganization: { select: { name: true } } } },
        appeals: {
          orderBy: { filedAt: "asc" },
          include: { finding: { select: { id: true, description: true } }, filedBy: { select: { displayName: true } }, review: { include: { decidedBy: { select: { displayName: true } } } } },
        },
        amountConfirmationNotice: { include: { issuedBy: { select: { displayName: true } }, confirmationLetter: { include: { signedBy: { select: { displayName: true } } } } } },
        supersededNotices: { orderBy: { closedAt: "asc" }, include: { issuedBy: { select: { displayName: true } }, closedBy: { select: { displayName: true } } } },
        refundNotice: { include: { refunds: { orderBy: { paidOn: "asc" }, include: { voucherFile: { select: { id: true, fileName: true } }, recordedBy: { select: { displayName: true } } } } } },
        differenceExplanation: { select: { explanation: true, submittedAt: true } },
        rectification: {
          include: {
            reports: { orderBy: { submittedAt: "asc" }, include: { file: { select: { id: true, fileName: true, sha256: true } }, submittedBy: { select: { displayName: true } }, reviewedBy: { select: { displayName: true } } } },
            materials: { orderBy: { createdAt: "asc" }, include: { file: { select: { id: true, fileName: true, sha256: true, uploadedAt: true } } } },
          },
        },
      },
    }),
    allowedEventsFor(db, actor, core, now),
  ]);
  const auditRows = can(actor, "case.auditTrail")
    ? await db.auditEvent.findMany({ where: { entity: "InspectionCase", entityId: core.id }, orderBy: { seq: "asc" }, select: { seq: true, at: true, actorId: true, actorLabel: true, action: true, outcome: true, entity: true, entityId: true } })
    : [];
  // Issue 12 §10: the history names people by name and unit, not by login.
  const names = await nameAuditRows(db, auditRows);
  const timeline = auditRows.map((row) => ({ seq: row.seq, at: row.at, action: row.action, outcome: row.outcome, actorLabel: row.actorLabel, actorName: names.actor(row) }));
  const [violationTypes, keyAreas] = events.includes("RECORD_FINDING") || events.includes("EDIT_FINDING")
    ? await Promise.all([
        db.violationType.findMany({ where: { active: true }, orderBy: { code: "asc" }, select: { id: true, name: true, legalBasis: true } }),
        db.keyArea.findMany({ where: { active: true }, orderBy: { code: "asc" }, select: { id: true, name: true } }),
      ])
    : [[], []];
  // DELIVER_NOTICE names the law-enforcement staff present (条例 art. 29): the team's, still on it.
  const lawEnforcementStaff =
    events.includes("DELIVER_NOTICE") && core.teamId
      ? (
          await db.teamMember.findMany({
            where: { teamId: core.teamId, withdrawnAt: null, isLawEnforcement: true },
            orderBy: { user: { staffNumber: "asc" } },
            select: { role: true, user: { select: { id: true, displayName: true, staffNumber: true } } },
          })
        ).flatMap((member) => (member.user ? [{ id: member.user.id, name: member.user.displayName, staffNumber: member.user.staffNumber, role: member.role }] : []))
      : [];
  // In RECTIFYING an accepted written report has already moved the case on, so the facts' "awaiting review" is "submitted".
  const deadline = currentDeadline(await loadWorkingDayCalendar(db), chinaDateOf(now), { ...detail, progressReportSubmitted: facts.progressReportSubmitted, writtenReportSubmitted: facts.rectificationReportSubmitted });
  // Which files this reader may see, by their part in the case: the table the download obeys too
  // (lib/domain/case/file-visibility.ts). The city's reports to the province go with their files, and their
  // deadlines with them: the institution sees its own material and the notices addressed to it, not the reports.
  const part = await getCaseActorKind(db, actor, core);
  const reads = (kind: FileKind) => canReadFileKind(kind, part, facts.teamSigned);
  // Issue 12 §4: the team's unsigned findings are its draft; the institution and the city read the record once signed.
  const teamRecordHidden = !canReadTeamRecord(part, facts.teamSigned);
  if (teamRecordHidden) {
    detail.findings = [];
    facts.findingsCount = 0;
  }
  // Issue 12 §9: withdrawn evidence stays in the team's file, marked; it is not part of the record the others read.
  if (!canReadTeamRecord(part, false)) detail.evidence = detail.evidence.filter((evidence) => evidence.withdrawal === null);
  const readsReports = reads("PROGRESS_REPORT") && reads("WRITTEN_REPORT");
  if (!reads("EVIDENCE")) detail.evidence = [];
  if (detail.rectification) {
    if (!readsReports) detail.rectification.reports = [];
    if (!reads("RECTIFICATION_MATERIAL")) detail.rectification.materials = [];
  }
  if (!reads("REFUND_VOUCHER")) for (const refund of detail.refundNotice?.refunds ?? []) refund.voucherFile = null;
  const standing = detail.findings.filter((finding) => finding.status !== "WITHDRAWN");
  const findingsTotal = addMoney("0.00", ...standing.map((finding) => finding.amount.toFixed(2)));
  const appealableFindings = events.includes("FILE_APPEAL")
    ? standing.filter((finding) => !detail.appeals.some((appeal) => appeal.findingId === finding.id && appeal.status === "OPEN")).map((finding) => ({ id: finding.id, type: finding.violationType.name, description: finding.description }))
    : [];
  const openAppeals = detail.appeals
    .filter((appeal) => appeal.status === "OPEN")
    .map((appeal) => ({ id: appeal.id, grounds: appeal.grounds, finding: appeal.finding?.description ?? null }));
  // Issue 12 §5: the notice shows how its amount is made up; before it is issued, the city sees the breakdown it would state.
  const breakdown = detail.amountConfirmationNotice ? noticeBreakdown(detail.amountConfirmationNotice.breakdown) : null;
  const lastSuperseded = detail.supersededNotices.at(-1);
  const awaiting = core.state === "HANDED_OVER" && !facts.confirmationNoticeIssued && lastSuperseded?.outcome === "DISPUTED" ? "cases.awaiting.confirmationDisputed" : awaitingKey(core.state, facts);
  // Issue 12 §11: what awaits this reader outside the workflow's events (the bureau's review of a progress report).
  const todo = can(actor, "rectification.review") && (detail.rectification?.reports ?? []).some((r) => r.kind === "PROGRESS" && r.status === "SUBMITTED") ? "cases.todoReviewProgress" : null;
  return { case: detail, facts, events, timeline, findingsTotal, breakdown, todo, outstanding: subtractMoney(facts.confirmedTotal, facts.refundedTotal), appealableFindings, openAppeals, violationTypes, keyAreas, lawEnforcementStaff, teamRecordHidden, deadline: readsReports ? deadline : null, canReview: can(actor, "rectification.review"), awaiting };
}

/** The breakdown stored on a notice (JSON), read back as lines; anything malformed is left out, not guessed. */
export function noticeBreakdown(value: unknown): BreakdownLine[] {
  if (!Array.isArray(value)) return [];
  return value.filter((line): line is BreakdownLine => typeof line === "object" && line !== null && typeof (line as BreakdownLine).amount === "string" && typeof (line as BreakdownLine).description === "string");
}

export type CaseFile = Awaited<ReturnType<typeof getCaseFile>>;
