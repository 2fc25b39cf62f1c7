import { notFound } from "next/navigation";
import { CaseActions } from "@/components/cases/case-actions";
import { CaseFileView } from "@/components/cases/case-file-view";
import { ReportReview } from "@/components/cases/report-review";
import { isDomainError } from "@/lib/errors";
import { CaseDocumentsSection } from "./case-documents";
import { getT } from "@/lib/i18n/server";
import { CASE_EVENT_OPERATIONS } from "@/lib/operations";
import type { Portal } from "@/lib/policy/permissions";
import { requirePortalActor } from "@/lib/server/auth/page-guards";
import { getCaseFile } from "@/lib/server/cases/get-case-file";
import { getDb } from "@/lib/server/db/client";

/**
 * The case page of every portal (each portal's `cases/[caseId]/page.tsx` renders it): the same file, scoped
 * to the reader, and the operations the workflow lets them apply now, each as its registry form.
 */
export async function CaseRoute({ portal, params }: { portal: Portal; params: Promise<{ caseId: string }> }) {
  const actor = await requirePortalActor(portal);
  const t = await getT();
  const file = await getCaseFile(getDb(), actor, (await params).caseId).catch((error: unknown) => (isDomainError(error) && error.code === "NOT_FOUND" ? null : Promise.reject(error)));
  if (!file) notFound();
  const withdrawableEvidence = file.events.includes("WITHDRAW_EVIDENCE") ? file.case.evidence.filter((e) => e.withdrawal === null) : [];
  const options = {
    violationTypes: file.violationTypes.map((v) => ({ value: v.id, label: v.name, data: { legalBasis: v.legalBasis } })),
    keyAreas: file.keyAreas.map((k) => ({ value: k.id, label: k.name })),
    // Issue 12 §9: evidence the team may still withdraw.
    withdrawableEvidence: withdrawableEvidence.map((e) => ({ value: e.id, label: `${e.file.fileName}（${t(`cases.evidenceKinds.${e.kind}`)}）` })),
    lawEnforcementStaff: file.lawEnforcementStaff.map((m) => ({ value: m.id, label: t("caseRecord.staffOption", { name: m.name, staffNumber: m.staffNumber ?? "—", role: t(`plans.teamRoles.${m.role}`) }) })),
    // Issue 12 §2: the team's findings it may still correct or withdraw; choosing one fills the form with its values.
    revisableFindings: file.case.findings
      .filter((f) => f.status !== "WITHDRAWN" && (file.events.includes("EDIT_FINDING") || file.events.includes("WITHDRAW_FINDING")))
      .map((f) => ({
        value: f.id,
        label: t("cases.findingOption", { type: f.violationType.name, description: f.description }),
        data: { violationTypeId: f.violationTypeId, keyAreaId: f.keyAreaId, legalBasis: f.legalBasis, description: f.description, amount: f.amount.toFixed(2) },
      })),
    appealableFindings: file.appealableFindings.map((f) => ({ value: f.id, label: t("cases.findingOption", { type: f.type, description: f.description }) })),
    openAppeals: file.openAppeals.map((a) => ({
      value: a.id,
      label: t(a.finding ? "cases.appealOption" : "cases.appealOptionWholeCase", { grounds: t(`cases.appealGroundsKinds.${a.grounds}`), finding: a.finding ?? "" }),
    })),
  };
  return (
    <>
    <CaseFileView
      file={file}
      t={t}
      locale={actor.locale}
      review={file.canReview ? (report) => <ReportReview reportId={report.id} version={report.version} /> : undefined}
      actions={
        <CaseActions
          caseId={file.case.id}
          version={file.case.version}
          operations={file.events.filter((event) => event !== "WITHDRAW_EVIDENCE" || withdrawableEvidence.length > 0).map((event) => CASE_EVENT_OPERATIONS[event].name)}
          awaitingKey={file.awaiting}
          todoKey={file.todo}
          options={options}
          values={{ total: file.findingsTotal, amount: file.outstanding }}
        />
      }
    />
    <CaseDocumentsSection actor={actor} caseId={file.case.id} />
    </>
  );
}
