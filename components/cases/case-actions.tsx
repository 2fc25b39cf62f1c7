"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import { useTranslations } from "use-intl";
import { useSchemaForm } from "@/components/forms/use-schema-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";
import type { CaseEvent } from "@/lib/domain/case/workflow";
import type { ActionResult } from "@/lib/server/action-result";
import { ZDeliverNoticeInput, ZHandOverInput, ZRecordFindingInput, ZWriteFeedbackReportInput } from "@/lib/server/cases/inputs";
import { EvidenceUpload } from "./evidence-upload";
import { ProgressReportUpload } from "./progress-report-upload";

type Action = (input: unknown) => Promise<ActionResult<{ version: number }>>;

export interface CaseActionsProps {
  caseId: string;
  version: number;
  events: CaseEvent[];
  /** Who the case waits for, shown when this reader has nothing to do. */
  awaitingKey: string;
  violationTypes: { id: string; name: string; legalBasis: string | null }[];
  keyAreas: { id: string; name: string }[];
  actions: { deliverNotice: Action; startOnSite: Action; recordFinding: Action; signRecord: Action; writeFeedbackReport: Action; handOver: Action };
}

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="rounded border border-slate-200 bg-slate-50 p-4">
      <h3 className="mb-3 text-sm font-semibold text-slate-800">{title}</h3>
      {children}
    </section>
  );
}

/** A one-click step (start on site, sign): confirm, run, refresh. */
function StepButton({ label, confirmText, run }: { label: string; confirmText?: string; run: () => Promise<ActionResult<unknown>> }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex items-center gap-3">
      <Button type="button" disabled={pending} onClick={() => {
        if (confirmText && !window.confirm(confirmText)) return;
        startTransition(async () => {
          const result = await run();
          if (result.ok) router.refresh();
          else setError(result.message);
        });
      }}>{label}</Button>
      {error ? <span role="alert" className="text-sm text-red-700">{error}</span> : null}
    </div>
  );
}

function DeliverNoticeForm({ caseId, version, action }: { caseId: string; version: number; action: Action }) {
  const t = useTranslations();
  const router = useRouter();
  const { form, message, submit, error } = useSchemaForm(ZDeliverNoticeInput, { caseId, version, number: "", recipientName: "", recipientTitle: "" });
  const onSubmit = form.handleSubmit(async (values) => {
    if (await submit(() => action(values), t("cases.done"))) router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 md:grid-cols-3" aria-label={t("workflow.event.deliverNotice")}>
      {message?.tone === "error" ? <div className="md:col-span-3"><Notice tone="error">{message.text}</Notice></div> : null}
      <TextField label={t("cases.noticeNumber")} required error={error("number")} {...form.register("number")} />
      <TextField label={t("cases.recipientName")} required error={error("recipientName")} {...form.register("recipientName")} />
      <TextField label={t("cases.recipientTitle")} required error={error("recipientTitle")} {...form.register("recipientTitle")} />
      <div className="md:col-span-3"><Button type="submit" disabled={form.formState.isSubmitting}>{t("workflow.event.deliverNotice")}</Button></div>
    </form>
  );
}

function RecordFindingForm({ caseId, version, violationTypes, keyAreas, action }: { caseId: string; version: number; violationTypes: CaseActionsProps["violationTypes"]; keyAreas: CaseActionsProps["keyAreas"]; action: Action }) {
  const t = useTranslations();
  const router = useRouter();
  const { form, message, submit, error } = useSchemaForm(ZRecordFindingInput, { caseId, version, violationTypeId: "", keyAreaId: "", legalBasis: "", description: "", amount: "" });
  const onSubmit = form.handleSubmit(async (values) => {
    if (await submit(() => action(values), t("cases.done"))) router.refresh();
  });
  const typeField = form.register("violationTypeId");
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 md:grid-cols-2" aria-label={t("workflow.event.recordFinding")}>
      {message?.tone === "error" ? <div className="md:col-span-2"><Notice tone="error">{message.text}</Notice></div> : null}
      <SelectField label={t("cases.violationType")} required error={error("violationTypeId")} {...typeField} onChange={(event) => {
        void typeField.onChange(event);
        const basis = violationTypes.find((v) => v.id === event.target.value)?.legalBasis;
        if (basis && !form.getValues("legalBasis")) form.setValue("legalBasis", basis);
      }}>
        <option value="">{t("common.choose")}</option>
        {violationTypes.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
      </SelectField>
      <SelectField label={t("cases.keyArea")} error={error("keyAreaId")} {...form.register("keyAreaId")}>
        <option value="">{t("cases.noKeyArea")}</option>
        {keyAreas.map((k) => <option key={k.id} value={k.id}>{k.name}</option>)}
      </SelectField>
      <TextField label={t("cases.legalBasis")} required error={error("legalBasis")} {...form.register("legalBasis")} />
      <TextField label={t("cases.amount")} required inputMode="decimal" hint={t("cases.amountHint")} error={error("amount")} {...form.register("amount")} />
      <div className="md:col-span-2"><TextField label={t("cases.findingDescription")} required error={error("description")} {...form.register("description")} /></div>
      <div className="md:col-span-2"><Button type="submit" disabled={form.formState.isSubmitting}>{t("workflow.event.recordFinding")}</Button></div>
    </form>
  );
}

function FeedbackReportForm({ caseId, version, action }: { caseId: string; version: number; action: Action }) {
  const t = useTranslations();
  const router = useRouter();
  const { form, message, submit, error } = useSchemaForm(ZWriteFeedbackReportInput, { caseId, version, summary: "" });
  const onSubmit = form.handleSubmit(async (values) => {
    if (await submit(() => action(values), t("cases.done"))) router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={t("workflow.event.writeFeedbackReport")}>
      {message?.tone === "error" ? <Notice tone="error">{message.text}</Notice> : null}
      <TextField label={t("cases.feedbackSummary")} required error={error("summary")} {...form.register("summary")} />
      <div><Button type="submit" disabled={form.formState.isSubmitting}>{t("workflow.event.writeFeedbackReport")}</Button></div>
    </form>
  );
}

function HandOverForm({ caseId, version, action }: { caseId: string; version: number; action: Action }) {
  const t = useTranslations();
  const router = useRouter();
  const { form, message, submit, error } = useSchemaForm(ZHandOverInput, { caseId, version, note: "" });
  const onSubmit = form.handleSubmit(async (values) => {
    if (await submit(() => action(values), t("cases.done"))) router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={t("workflow.event.handOver")}>
      {message?.tone === "error" ? <Notice tone="error">{message.text}</Notice> : null}
      <TextField label={t("cases.handoverNote")} error={error("note")} {...form.register("note")} />
      <div><Button type="submit" disabled={form.formState.isSubmitting}>{t("workflow.event.handOver")}</Button></div>
    </form>
  );
}

/** What this reader may do now: the events the workflow table allows them, each as its form. */
export function CaseActions({ caseId, version, events, awaitingKey, violationTypes, keyAreas, actions }: CaseActionsProps) {
  const t = useTranslations();
  const has = (event: CaseEvent) => events.includes(event);
  const command = { caseId, version };
  const panels: ReactNode[] = [];
  if (has("DELIVER_NOTICE")) panels.push(<Panel key="notice" title={t("workflow.event.deliverNotice")}><DeliverNoticeForm caseId={caseId} version={version} action={actions.deliverNotice} /></Panel>);
  if (has("START_ON_SITE")) panels.push(<Panel key="onsite" title={t("workflow.event.startOnSite")}><StepButton label={t("workflow.event.startOnSite")} run={() => actions.startOnSite(command)} /></Panel>);
  if (has("RECORD_FINDING")) panels.push(<Panel key="finding" title={t("workflow.event.recordFinding")}><RecordFindingForm caseId={caseId} version={version} violationTypes={violationTypes} keyAreas={keyAreas} action={actions.recordFinding} /></Panel>);
  if (has("ADD_EVIDENCE")) panels.push(<Panel key="evidence" title={t("workflow.event.addEvidence")}><EvidenceUpload caseId={caseId} version={version} /></Panel>);
  for (const sign of ["SIGN_RECORD_TEAM", "SIGN_RECORD_INSTITUTION"] as const) {
    if (has(sign)) {
      const label = t(sign === "SIGN_RECORD_TEAM" ? "workflow.event.signRecordTeam" : "workflow.event.signRecordInstitution");
      panels.push(<Panel key={sign} title={label}><p className="mb-3 text-sm text-slate-600">{t("cases.signHint")}</p><StepButton label={label} confirmText={t("cases.signConfirm")} run={() => actions.signRecord(command)} /></Panel>);
    }
  }
  if (has("WRITE_FEEDBACK_REPORT")) panels.push(<Panel key="feedback" title={t("workflow.event.writeFeedbackReport")}><FeedbackReportForm caseId={caseId} version={version} action={actions.writeFeedbackReport} /></Panel>);
  if (has("HAND_OVER")) panels.push(<Panel key="handover" title={t("workflow.event.handOver")}><HandOverForm caseId={caseId} version={version} action={actions.handOver} /></Panel>);
  if (has("SUBMIT_PROGRESS_REPORT")) panels.push(<Panel key="progress" title={t("workflow.event.submitProgressReport")}><ProgressReportUpload caseId={caseId} version={version} /></Panel>);
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
