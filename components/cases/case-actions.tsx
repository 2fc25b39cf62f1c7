"use client";
import type { ReactNode } from "react";
import { useTranslations } from "use-intl";
import { ActionButton } from "@/components/ui/action-button";
import type { CaseEvent } from "@/lib/domain/case/workflow";
import {
  APPEAL_GROUNDS,
  REFUND_METHODS,
  REVIEW_DECISIONS,
  ZCloseEarlyInput,
  ZDecideAppealInput,
  ZDeliverNoticeInput,
  ZEndHandlingInput,
  ZFileAppealInput,
  ZHandOverInput,
  ZIssueConfirmationNoticeInput,
  ZIssueRefundNoticeInput,
  ZRecordFindingInput,
  ZWriteFeedbackReportInput,
} from "@/lib/server/cases/inputs";
import { CaseForm, type CaseAction } from "./case-form";
import { CaseUploadForm } from "./case-upload-form";
import { ReviewButtons } from "./report-review";

const EVIDENCE_KINDS = ["PHOTO", "AUDIO", "VIDEO", "COPY", "ON_SITE_RECORD", "INTERVIEW_RECORD", "OTHER"] as const;

/** The server actions of app/_actions/cases.ts, passed in by the server page. */
export interface CaseActionSet {
  deliverNotice: CaseAction;
  cancelCase: CaseAction;
  startOnSite: CaseAction;
  recordFinding: CaseAction;
  closeWithoutFindings: CaseAction;
  signRecord: CaseAction;
  writeFeedbackReport: CaseAction;
  handOver: CaseAction;
  fileAppeal: CaseAction;
  decideAppeal: CaseAction;
  issueConfirmationNotice: CaseAction;
  confirmAmounts: CaseAction;
  issueRefundNotice: CaseAction;
  completeRefund: CaseAction;
  endHandling: CaseAction;
  acceptRectification: CaseAction;
  returnRectification: CaseAction;
  closeCase: CaseAction;
}

export interface CaseActionsProps {
  caseId: string;
  version: number;
  events: CaseEvent[];
  /** Who the case waits for, shown when this reader has nothing to do. */
  awaitingKey: string;
  violationTypes: { id: string; name: string; legalBasis: string | null }[];
  keyAreas: { id: string; name: string }[];
  /** The findings an appeal may name (not withdrawn), and the appeals awaiting a decision. */
  findings: { id: string; label: string }[];
  openAppeals: { id: string; label: string }[];
  /** What the confirmation notice will state by default, and what remains to be refunded (yuan, "123.45"). */
  findingsTotal: string;
  outstanding: string;
  actions: CaseActionSet;
}

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="rounded border border-slate-200 bg-slate-50 p-4">
      <h3 className="mb-3 text-sm font-semibold text-slate-800">{title}</h3>
      {children}
    </section>
  );
}

/** A one-click step (start on site, sign, confirm, close): confirm, run, refresh. */
function StepButton({ label, confirmText, action, payload }: { label: string; confirmText?: string; action: CaseAction; payload: unknown }) {
  return <ActionButton label={label} confirmText={confirmText} action={action} payload={payload} />;
}

/** Recording a finding fills the legal basis from the violation type chosen, when it is still empty. */
function RecordFindingForm({ caseId, version, violationTypes, keyAreas, action }: Pick<CaseActionsProps, "caseId" | "version" | "violationTypes" | "keyAreas"> & { action: CaseAction }) {
  const t = useTranslations();
  return (
    <CaseForm
      schema={ZRecordFindingInput}
      defaults={{ caseId, version, violationTypeId: "", keyAreaId: "", legalBasis: "", description: "", amount: "" }}
      submitLabel={t("workflow.event.recordFinding")}
      action={action}
      onValueChange={(name, value, form) => {
        const basis = name === "violationTypeId" ? violationTypes.find((v) => v.id === value)?.legalBasis : undefined;
        if (basis && !form.get("legalBasis")) form.set("legalBasis", basis);
      }}
      fields={[
        { name: "violationTypeId", label: t("cases.violationType"), kind: "select", required: true, options: violationTypes.map((v) => ({ value: v.id, label: v.name })) },
        { name: "keyAreaId", label: t("cases.keyArea"), kind: "select", emptyLabel: t("cases.noKeyArea"), options: keyAreas.map((k) => ({ value: k.id, label: k.name })) },
        { name: "legalBasis", label: t("cases.legalBasis"), required: true },
        { name: "amount", label: t("cases.amount"), kind: "money", required: true, hint: t("cases.amountHint") },
        { name: "description", label: t("cases.findingDescription"), required: true, wide: true },
      ]}
    />
  );
}

/** The bureau's decision on the written report: the case event ACCEPT_RECTIFICATION or RETURN_RECTIFICATION. */
function WrittenReportReview({ caseId, version, accept, giveBack }: { caseId: string; version: number; accept: CaseAction; giveBack: CaseAction }) {
  return <ReviewButtons decide={(decision, note) => (decision === "ACCEPT" ? accept({ caseId, version, note }) : giveBack({ caseId, version, note }))} />;
}

/** What this reader may do now: the events the workflow table allows them, each as its form. */
export function CaseActions(props: CaseActionsProps) {
  const { caseId, version, events, awaitingKey, actions } = props;
  const t = useTranslations();
  const has = (event: CaseEvent) => events.includes(event);
  const command = { caseId, version };
  const label = (event: string) => t(`workflow.event.${event}`);
  const panels: ReactNode[] = [];
  const panel = (key: string, title: string, body: ReactNode) => panels.push(<Panel key={key} title={title}>{body}</Panel>);

  if (has("DELIVER_NOTICE")) {
    panel("notice", label("deliverNotice"), (
      <CaseForm schema={ZDeliverNoticeInput} defaults={{ ...command, number: "", recipientName: "", recipientTitle: "" }} submitLabel={label("deliverNotice")} action={actions.deliverNotice} fields={[
        { name: "number", label: t("cases.noticeNumber"), required: true },
        { name: "recipientName", label: t("cases.recipientName"), required: true },
        { name: "recipientTitle", label: t("cases.recipientTitle"), required: true },
      ]} />
    ));
  }
  if (has("START_ON_SITE")) panel("onsite", label("startOnSite"), <StepButton label={label("startOnSite")} action={actions.startOnSite} payload={command} />);
  if (has("RECORD_FINDING")) panel("finding", label("recordFinding"), <RecordFindingForm {...props} action={actions.recordFinding} />);
  if (has("ADD_EVIDENCE")) {
    panel("evidence", label("addEvidence"), (
      <CaseUploadForm caseId={caseId} version={version} route="evidence" submitLabel={label("addEvidence")} fileLabel={t("cases.evidenceFile")} fields={[
        { name: "kind", label: t("cases.evidenceKind"), kind: "select", required: true, options: EVIDENCE_KINDS.map((kind) => ({ value: kind, label: t(`cases.evidenceKinds.${kind}`) })) },
        { name: "description", label: t("cases.evidenceDescription") },
      ]} />
    ));
  }
  for (const sign of ["SIGN_RECORD_TEAM", "SIGN_RECORD_INSTITUTION"] as const) {
    if (!has(sign)) continue;
    const title = label(sign === "SIGN_RECORD_TEAM" ? "signRecordTeam" : "signRecordInstitution");
    panel(sign, title, <><p className="mb-3 text-sm text-slate-600">{t("cases.signHint")}</p><StepButton label={title} confirmText={t("cases.signConfirm")} action={actions.signRecord} payload={command} /></>);
  }
  if (has("WRITE_FEEDBACK_REPORT")) {
    panel("feedback", label("writeFeedbackReport"), (
      <CaseForm schema={ZWriteFeedbackReportInput} defaults={{ ...command, summary: "" }} submitLabel={label("writeFeedbackReport")} action={actions.writeFeedbackReport} fields={[{ name: "summary", label: t("cases.feedbackSummary"), required: true, kind: "textarea" }]} />
    ));
  }
  if (has("HAND_OVER")) {
    panel("handover", label("handOver"), <CaseForm schema={ZHandOverInput} defaults={{ ...command, note: "" }} submitLabel={label("handOver")} action={actions.handOver} fields={[{ name: "note", label: t("cases.handoverNote"), wide: true }]} />);
  }
  if (has("FILE_APPEAL")) {
    panel("appeal", label("fileAppeal"), (
      <>
        <p className="mb-3 text-sm text-slate-600">{t("cases.appealHint")}</p>
        <CaseForm schema={ZFileAppealInput} defaults={{ ...command, findingId: "", grounds: "", statement: "" }} submitLabel={label("fileAppeal")} action={actions.fileAppeal} fields={[
          { name: "grounds", label: t("cases.appealGrounds"), kind: "select", required: true, options: APPEAL_GROUNDS.map((g) => ({ value: g, label: t(`cases.appealGroundsKinds.${g}`) })) },
          { name: "findingId", label: t("cases.appealFinding"), kind: "select", emptyLabel: t("cases.appealWholeCase"), options: props.findings.map((f) => ({ value: f.id, label: f.label })) },
          { name: "statement", label: t("cases.appealStatement"), kind: "textarea", required: true },
        ]} />
      </>
    ));
  }
  if (has("DECIDE_APPEAL")) {
    panel("review", label("decideAppeal"), (
      <CaseForm schema={ZDecideAppealInput} defaults={{ ...command, appealId: props.openAppeals[0]?.id ?? "", decision: "", revisedAmount: "", reasoning: "", expertMeeting: false, meetingNote: "" }} submitLabel={label("decideAppeal")} action={actions.decideAppeal} fields={[
        { name: "appealId", label: t("cases.appeal"), kind: "select", required: true, wide: true, options: props.openAppeals.map((a) => ({ value: a.id, label: a.label })) },
        { name: "decision", label: t("cases.reviewDecision"), kind: "select", required: true, options: REVIEW_DECISIONS.map((d) => ({ value: d, label: t(`cases.reviewDecisions.${d}`) })) },
        { name: "revisedAmount", label: t("cases.revisedAmount"), kind: "money", hint: t("cases.revisedAmountHint") },
        { name: "reasoning", label: t("cases.reviewReasoning"), kind: "textarea", required: true },
        { name: "expertMeeting", label: t("cases.expertMeeting"), kind: "checkbox" },
        { name: "meetingNote", label: t("cases.meetingNote") },
      ]} />
    ));
  }
  if (has("ISSUE_CONFIRMATION_NOTICE")) {
    panel("confirmation", label("issueConfirmationNotice"), (
      <CaseForm schema={ZIssueConfirmationNoticeInput} defaults={{ ...command, number: "", amount: "" }} submitLabel={label("issueConfirmationNotice")} action={actions.issueConfirmationNotice} fields={[
        { name: "number", label: t("cases.documentNumber") },
        { name: "amount", label: t("cases.confirmedAmount"), kind: "money", hint: t("cases.confirmedAmountHint", { total: props.findingsTotal }) },
      ]} />
    ));
  }
  if (has("CONFIRM_AMOUNTS")) {
    panel("confirm", label("confirmAmounts"), <><p className="mb-3 text-sm text-slate-600">{t("cases.confirmAmountsHint")}</p><StepButton label={label("confirmAmounts")} confirmText={t("cases.confirmAmountsConfirm")} action={actions.confirmAmounts} payload={command} /></>);
  }
  if (has("ISSUE_REFUND_NOTICE")) {
    panel("refundNotice", label("issueRefundNotice"), (
      <CaseForm schema={ZIssueRefundNoticeInput} defaults={{ ...command, number: "", fundAccount: "", dueOn: "" }} submitLabel={label("issueRefundNotice")} action={actions.issueRefundNotice} fields={[
        { name: "number", label: t("cases.documentNumber") },
        { name: "fundAccount", label: t("cases.fundAccount"), required: true },
        { name: "dueOn", label: t("cases.refundDueOn"), kind: "date" },
      ]} />
    ));
  }
  if (has("RECORD_REFUND")) {
    panel("refund", label("recordRefund"), (
      <CaseUploadForm caseId={caseId} version={version} route="refunds" submitLabel={label("recordRefund")} fileLabel={t("cases.voucherFile")} fileRequired={false} fields={[
        { name: "refundAmount", label: t("cases.refundAmount"), kind: "money", required: true, hint: t("cases.outstandingHint", { amount: props.outstanding }) },
        { name: "method", label: t("cases.refundMethod"), kind: "select", required: true, options: REFUND_METHODS.map((m) => ({ value: m, label: t(`cases.refundMethods.${m}`) })) },
        { name: "paidOn", label: t("cases.paidOn"), kind: "date" },
      ]} />
    ));
  }
  if (has("COMPLETE_REFUND")) panel("refunded", label("completeRefund"), <StepButton label={label("completeRefund")} action={actions.completeRefund} payload={command} />);
  if (has("SUBMIT_PROGRESS_REPORT")) {
    panel("progress", label("submitProgressReport"), (
      <CaseUploadForm caseId={caseId} version={version} route="progress-report" submitLabel={label("submitProgressReport")} fileLabel={t("cases.reportFile")} fields={[{ name: "summary", label: t("cases.reportSummary"), required: true, kind: "textarea" }]} />
    ));
  }
  if (has("SUBMIT_RECTIFICATION_MATERIAL")) {
    panel("material", label("submitRectificationMaterial"), (
      <CaseUploadForm caseId={caseId} version={version} route="rectification-material" submitLabel={label("submitRectificationMaterial")} fileLabel={t("cases.materialFile")} fields={[{ name: "description", label: t("cases.materialDescription"), wide: true }]} />
    ));
  }
  if (has("END_HANDLING")) {
    panel("endHandling", label("endHandling"), (
      <CaseForm schema={ZEndHandlingInput} defaults={{ ...command, handledAmount: "", differsFromHandover: false, differenceExplanation: "" }} submitLabel={label("endHandling")} action={actions.endHandling} fields={[
        { name: "handledAmount", label: t("cases.handledAmount"), kind: "money", required: true },
        { name: "differsFromHandover", label: t("cases.differsFromHandover"), kind: "checkbox" },
        { name: "differenceExplanation", label: t("cases.differenceExplanation"), kind: "textarea", hint: t("cases.differenceExplanationHint") },
      ]} />
    ));
  }
  if (has("SUBMIT_RECTIFICATION_REPORT")) {
    panel("written", label("submitRectificationReport"), (
      <CaseUploadForm caseId={caseId} version={version} route="written-report" submitLabel={label("submitRectificationReport")} fileLabel={t("cases.reportFile")} fields={[{ name: "summary", label: t("cases.writtenReportSummary"), required: true, kind: "textarea" }]} />
    ));
  }
  if (has("ACCEPT_RECTIFICATION") || has("RETURN_RECTIFICATION")) {
    panel("acceptance", t("cases.reviewWrittenReport"), <WrittenReportReview caseId={caseId} version={version} accept={actions.acceptRectification} giveBack={actions.returnRectification} />);
  }
  if (has("CLOSE")) panel("close", label("close"), <StepButton label={label("close")} confirmText={t("cases.closeConfirm")} action={actions.closeCase} payload={command} />);
  for (const [event, action, key] of [["CANCEL", actions.cancelCase, "cancel"], ["CLOSE_WITHOUT_FINDINGS", actions.closeWithoutFindings, "closeWithoutFindings"]] as const) {
    if (!has(event)) continue;
    panel(key, label(key), (
      <CaseForm schema={ZCloseEarlyInput} defaults={{ ...command, reason: "" }} submitLabel={label(key)} action={action} confirmText={t("cases.closeConfirm")} fields={[{ name: "reason", label: t(`cases.closingReasons.${key}`), kind: "textarea", required: true }]} />
    ));
  }

  if (panels.length === 0) {
    return (
      <div className="text-sm text-slate-600">
        <p>{t("cases.nothingToDo")}</p>
        <p className="mt-2" data-testid="case-awaiting">{t(awaitingKey)}</p>
      </div>
    );
  }
  return <div className="flex flex-col gap-4">{panels}</div>;
}

