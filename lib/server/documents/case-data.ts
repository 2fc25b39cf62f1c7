import "server-only";
import type { CaseActorKind } from "@/lib/domain/case/actors";
import type { DocumentCaseData } from "@/lib/documents/content";
import type { DocumentFacts } from "@/lib/documents/kinds";
import { getCaseActorKind } from "@/lib/server/cases/actor-kind";
import { getCaseFile } from "@/lib/server/cases/get-case-file";
import type { PrismaClient } from "@/lib/server/db/client";
import type { Actor } from "@/lib/server/policy/actor";
import { confirmationAmounts } from "./amounts";

export interface DocumentCase {
  caseId: string;
  caseVersion: number;
  part: CaseActorKind | null;
  facts: DocumentFacts;
  data: DocumentCaseData;
  planOrganization: { id: string; name: string };
  /** The bureau that handles the case: the handover's receiver, else the inspected region's city bureau. */
  cityOrganization: { id: string; name: string } | null;
}

/**
 * A case as the documents need it, read through the case read service (`getCaseFile`: scope, recusal and the
 * confidentiality before the notice are decided there, NOT_FOUND otherwise), plus the few facts it does not carry
 * (the plan's bureau and period, the team's members, seizures and transfers), read only once the case is in scope.
 */
export async function loadDocumentCase(db: PrismaClient, actor: Actor, caseId: string, now = new Date()): Promise<DocumentCase> {
  const file = await getCaseFile(db, actor, caseId, now);
  const c = file.case;
  const [plan, members, cityBureau, seizures, transfers, part] = await Promise.all([
    db.plan.findUniqueOrThrow({ where: { id: c.planId }, select: { periodStart: true, periodEnd: true, appealWindowWorkingDays: true, organization: { select: { id: true, name: true } } } }),
    c.teamId ? db.teamMember.findMany({ where: { teamId: c.teamId, withdrawnAt: null }, orderBy: { createdAt: "asc" }, select: { role: true, user: { select: { displayName: true } } } }) : Promise.resolve([]),
    db.organization.findFirst({ where: { kind: "CITY_BUREAU", poolingRegionId: c.inspectedRegionId, active: true }, orderBy: { createdAt: "asc" }, select: { id: true, name: true } }),
    db.seizure.findMany({ where: { caseId: c.id }, orderBy: { sealedAt: "asc" }, select: { itemList: true, place: true, sealedAt: true, releasedAt: true } }),
    db.transfer.findMany({ where: { caseId: c.id }, orderBy: { sentAt: "asc" }, select: { organName: true, organ: true, sentAt: true, note: true, finding: { select: { description: true } } } }),
    getCaseActorKind(db, actor, c),
  ]);
  const standing = c.findings.filter((finding) => finding.status !== "WITHDRAWN");
  const city = c.handover ? { id: c.handover.receivingOrganizationId, name: c.handover.receivingOrganization.name } : cityBureau;
  const confirmation = confirmationAmounts(file);
  const data: DocumentCaseData = {
    plan: { title: c.plan.title, year: c.plan.year, organizationName: plan.organization.name, periodStart: plan.periodStart, periodEnd: plan.periodEnd },
    institution: { name: c.institution.name, nationalCode: c.institution.nationalCode },
    region: c.inspectedRegion.name,
    cityBureauName: city?.name ?? null,
    team: {
      name: c.team?.name ?? "",
      leader: members.find((m) => m.role === "LEADER")?.user?.displayName ?? null,
      members: members.flatMap((m) => (m.user ? [m.user.displayName] : [])),
    },
    notice: c.notice ? { number: c.notice.number, deliveredAt: c.notice.deliveredAt, recipientName: c.notice.recipientName, recipientTitle: c.notice.recipientTitle, deliveredBy: c.notice.deliveredBy.displayName } : null,
    findings: standing.map((f) => ({ type: f.violationType.name, keyArea: f.keyArea?.name ?? null, legalBasis: f.legalBasis, description: f.description, amount: f.amount.toFixed(2) })),
    findingsTotal: file.findingsTotal,
    feedbackSummary: c.feedbackReport?.summary ?? null,
    handover: c.handover ? { receivingOrganization: c.handover.receivingOrganization.name, receivedAt: c.handover.receivedAt, note: c.handover.note } : null,
    confirmation: confirmation && c.amountConfirmationNotice ? { ...confirmation, issuedAt: c.amountConfirmationNotice.issuedAt, appealWorkingDays: plan.appealWindowWorkingDays } : null,
    refund: c.refundNotice ? { amount: c.refundNotice.amount.toFixed(2), fundAccount: c.refundNotice.fundAccount, dueOn: c.refundNotice.dueOn, issuedAt: c.refundNotice.issuedAt } : null,
    seizures,
    transfers: transfers.map((t) => ({ organName: t.organName ?? t.organ, sentAt: t.sentAt, note: t.note, finding: t.finding?.description ?? null })),
  };
  const facts: DocumentFacts = {
    onSiteStarted: !["DRAWN", "NOTIFIED"].includes(c.state),
    standingFindings: standing.length,
    seizures: seizures.length,
    feedbackReportWritten: c.feedbackReport !== null,
    confirmationNoticeIssued: c.amountConfirmationNotice !== null,
    refundNoticeIssued: c.refundNotice !== null,
    transfers: transfers.length,
  };
  return { caseId: c.id, caseVersion: c.version, part, facts, data, planOrganization: plan.organization, cityOrganization: city };
}
