import { notFound } from "next/navigation";
import * as caseActions from "@/app/_actions/cases";
import { getT } from "@/lib/i18n/server";
import { requirePortalActor } from "@/lib/server/auth/page-guards";
import { getCaseFile } from "@/lib/server/cases/get-case-file";
import { getDb } from "@/lib/server/db/client";
import { isDomainError } from "@/lib/server/errors";
import type { Portal } from "@/lib/server/policy/permissions";
import { CaseActions } from "./case-actions";
import { CaseFileView } from "./case-file-view";
import { ReportReview } from "./report-review";
import { reviewReportAction } from "@/app/_actions/reports";

/** The case page of every portal: the same file, scoped to the reader, with what they may do now. */
export async function CasePage({ portal, caseId }: { portal: Portal; caseId: string }) {
  const actor = await requirePortalActor(portal);
  const t = await getT();
  const file = await getCaseFile(getDb(), actor, caseId).catch((error: unknown) => (isDomainError(error) && error.code === "NOT_FOUND" ? null : Promise.reject(error)));
  if (!file) notFound();
  return (
    <CaseFileView
      file={file}
      t={t}
      locale={actor.locale}
      review={file.canReview ? (report) => <ReportReview reportId={report.id} version={report.version} action={reviewReportAction} /> : undefined}
      actions={
        <CaseActions
          caseId={file.case.id}
          version={file.case.version}
          events={file.events}
          awaitingKey={file.awaiting}
          violationTypes={file.violationTypes}
          keyAreas={file.keyAreas}
          findings={file.appealableFindings.map((finding) => ({ id: finding.id, label: t("cases.findingOption", { type: finding.type, description: finding.description }) }))}
          openAppeals={file.openAppeals.map((appeal) => ({
            id: appeal.id,
            label: t(appeal.finding ? "cases.appealOption" : "cases.appealOptionWholeCase", { grounds: t(`cases.appealGroundsKinds.${appeal.grounds}`), finding: appeal.finding ?? "" }),
          }))}
          findingsTotal={file.findingsTotal}
          outstanding={file.outstanding}
          actions={{
            deliverNotice: caseActions.deliverNoticeAction,
            cancelCase: caseActions.cancelCaseAction,
            startOnSite: caseActions.startOnSiteAction,
            recordFinding: caseActions.recordFindingAction,
            closeWithoutFindings: caseActions.closeWithoutFindingsAction,
            signRecord: caseActions.signProblemRecordAction,
            writeFeedbackReport: caseActions.writeFeedbackReportAction,
            handOver: caseActions.handOverAction,
            fileAppeal: caseActions.fileAppealAction,
            decideAppeal: caseActions.decideAppealAction,
            issueConfirmationNotice: caseActions.issueConfirmationNoticeAction,
            confirmAmounts: caseActions.confirmAmountsAction,
            issueRefundNotice: caseActions.issueRefundNoticeAction,
            completeRefund: caseActions.completeRefundAction,
            endHandling: caseActions.endHandlingAction,
            acceptRectification: caseActions.acceptRectificationAction,
            returnRectification: caseActions.returnRectificationAction,
            closeCase: caseActions.closeCaseAction,
          }}
        />
      }
    />
  );
}
