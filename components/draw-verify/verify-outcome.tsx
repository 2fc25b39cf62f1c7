import type { ReactNode } from "react";
import { useLocale, useTranslations } from "use-intl";
import { Card } from "@/components/ui/layout";
import { RECORD_VERSION } from "@/lib/domain/draw/record";
import type { VerifyAnchors, VerifyReport } from "@/lib/domain/draw/verify";
import { formatDateTime } from "@/lib/i18n/format";
import { DEFAULT_LOCALE, isAppLocale } from "@/lib/i18n/config";
import { describePath, MAX_RECORD_MB, mismatchReason, recordFacts, showValue, type PathPart, type RecordFileProblem } from "./record-file";

export type Source =
  | { phase: "idle" }
  | { phase: "reading"; name: string }
  | { phase: "problem"; name: string; problem: RecordFileProblem }
  | { phase: "loaded"; name: string; value: unknown };

type Failure = Extract<VerifyReport, { ok: false }>;
type Success = Extract<VerifyReport, { ok: true }>;

function Row({ label, children, mono = false }: { label: string; children: ReactNode; mono?: boolean }) {
  return (
    <div className="grid gap-1 border-t border-slate-100 py-2 sm:grid-cols-[14rem_1fr] sm:gap-4">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className={`text-sm text-slate-900 ${mono ? "break-all font-mono" : ""}`}>{children}</dd>
    </div>
  );
}

function Verdict({ tone, title, children }: { tone: "success" | "error"; title: string; children?: ReactNode }) {
  const tones = { success: "border-green-600 bg-green-50 text-green-900", error: "border-red-600 bg-red-50 text-red-900" };
  return (
    <div className={`rounded border-l-4 px-4 py-3 ${tones[tone]}`}>
      <h3 className="text-lg font-semibold">{title}</h3>
      {children ? <div className="mt-1 flex flex-col gap-1 text-sm">{children}</div> : null}
    </div>
  );
}

function ProblemMessage({ name, problem }: { name: string; problem: RecordFileProblem }) {
  const t = useTranslations();
  switch (problem.code) {
    case "TOO_LARGE":
      return t("drawVerify.errorTooLarge", { file: name, maxMb: MAX_RECORD_MB });
    case "UNREADABLE":
      return t("drawVerify.errorUnreadable", { file: name });
    case "NOT_JSON":
      return t("drawVerify.errorNotJson", { file: name });
    case "NOT_RECORD":
      return t("drawVerify.errorNotRecord", { file: name });
    case "UNSUPPORTED_VERSION":
      return t("drawVerify.errorVersion", { file: name, version: problem.version, supported: RECORD_VERSION });
  }
}

function PassedVerdict({ name, anchors, opened }: { name: string; anchors: VerifyAnchors; opened: number | null }) {
  const t = useTranslations();
  const notes =
    !anchors.manifestHash && !anchors.resultHash
      ? [t("drawVerify.okNoAnchors")]
      : [
          anchors.manifestHash ? t("drawVerify.okManifestAnchor") : t("drawVerify.okNoManifestAnchor"),
          anchors.resultHash ? t("drawVerify.okResultAnchor") : t("drawVerify.okNoResultAnchor"),
        ];
  return (
    <Verdict tone="success" title={t("drawVerify.okTitle")}>
      <p>{t("drawVerify.okSummary", { file: name })}</p>
      {/* ADR 019: a full record also opens every commitment of the published manifest. */}
      <p>{opened === null ? t("drawVerify.okPublicRecord") : t("drawVerify.okFullRecord", { count: opened })}</p>
      {notes.map((note) => (
        <p key={note}>{note}</p>
      ))}
    </Verdict>
  );
}

function PassedDetails({ report, value }: { report: Success; value: unknown }) {
  const t = useTranslations();
  const locale = useLocale();
  const facts = recordFacts(value);
  return (
    <>
      <h3 className="mt-5 text-sm font-semibold text-slate-800">{t("drawVerify.detailsTitle")}</h3>
      <dl className="mt-1">
        <Row label={t("drawVerify.planId")}>{report.planId}</Row>
        <Row label={t("drawVerify.kind")}>{report.kind === "TARGETS" ? t("drawVerify.kindTargets") : t("drawVerify.kindTeams")}</Row>
        <Row label={t("drawVerify.drawnAt")}>{formatDateTime(facts.drawnAt, isAppLocale(locale) ? locale : DEFAULT_LOCALE)}</Row>
        <Row label={t("drawVerify.recordForm")}>{report.opened === null ? t("drawVerify.recordFormPublic") : t("drawVerify.recordFormFull", { count: report.opened })}</Row>
        <Row label={t("drawVerify.candidates")}>{t("drawVerify.candidatesValue", { count: report.candidates })}</Row>
        {report.kind === "TARGETS" ? (
          <Row label={t("drawVerify.targets")}>{t("drawVerify.targetsValue", { count: report.selected })}</Row>
        ) : (
          <>
            <Row label={t("drawVerify.teams")}>{t("drawVerify.teamsValue", { count: facts.teams ?? 0 })}</Row>
            <Row label={t("drawVerify.members")}>{t("drawVerify.membersValue", { count: report.selected })}</Row>
            <Row label={t("drawVerify.replacements")}>{t("drawVerify.replacementsValue", { count: report.replacements })}</Row>
          </>
        )}
        <Row label={t("drawVerify.hashManifest")} mono>{report.manifestHash}</Row>
        <Row label={t("drawVerify.hashSeed")} mono>{report.seed}</Row>
        <Row label={t("drawVerify.hashResult")} mono>{report.resultHash}</Row>
      </dl>
    </>
  );
}

function PartOf({ part }: { part: PathPart }) {
  const t = useTranslations();
  switch (part.kind) {
    case "ticket":
      return t("drawVerify.partTicket", { id: part.id, n: part.n });
    case "candidate":
      return t("drawVerify.partCandidate", { id: part.id, n: part.n });
    case "item":
      return t("drawVerify.partItem", { section: t(`drawVerify.${part.section}`), n: part.n });
    case "section":
      return t(`drawVerify.${part.section}`);
  }
}

function Failed({ name, report, value }: { name: string; report: Failure; value: unknown }) {
  const t = useTranslations();
  const { mismatch } = report;
  const part = describePath(mismatch.path, value);
  const reason = mismatchReason(mismatch);
  const path = mismatch.path || t("drawVerify.mismatchWholeRecord");
  const show = (shown: unknown) => showValue(shown) ?? t("drawVerify.absent");
  const hasValues = mismatch.expected !== undefined || mismatch.actual !== undefined;
  const labels = {
    recomputed: { expected: t("drawVerify.expectedRecomputed"), found: t("drawVerify.foundInFile") },
    manifest: { expected: t("drawVerify.expectedManifest"), found: t("drawVerify.foundInFile") },
    anchor: { expected: t("drawVerify.expectedAnnounced"), found: t("drawVerify.foundComputed") },
    commitment: { expected: t("drawVerify.expectedCommitment"), found: t("drawVerify.foundSaltHash") },
  }[reason.compares];
  return (
    <>
      <Verdict tone="error" title={t("drawVerify.mismatchSummary", { path })}>
        <p>{t("drawVerify.mismatchExplain")}</p>
      </Verdict>
      <dl className="mt-4">
        <Row label={t("drawVerify.mismatchFile")}>{name}</Row>
        <Row label={t("drawVerify.mismatchPath")} mono>{path}</Row>
        {part ? (
          <Row label={t("drawVerify.mismatchPart")}>
            <PartOf part={part} />
          </Row>
        ) : null}
        <Row label={t("drawVerify.mismatchReason")}>{t(`drawVerify.${reason.key}`, reason.values)}</Row>
        {hasValues ? (
          <>
            <Row label={labels.expected} mono>{show(mismatch.expected)}</Row>
            <Row label={labels.found} mono>{show(mismatch.actual)}</Row>
          </>
        ) : null}
        {reason.generic ? <Row label={t("drawVerify.technical")} mono>{mismatch.message}</Row> : null}
      </dl>
    </>
  );
}

/**
 * The outcome under the form. Progress and the verdict of a record that verified go to a polite live
 * region that is always on the page (so screen readers announce the change); a failure is an alert.
 * The summary of a verified record follows, outside the live region, to be read at the reader's pace.
 */
export function VerifyOutcome({ source, report, anchors, anchorsValid }: { source: Source; report: VerifyReport | null; anchors: VerifyAnchors; anchorsValid: boolean }) {
  const t = useTranslations();
  let status: ReactNode = null;
  let alert: ReactNode = null;
  let details: ReactNode = null;
  if (source.phase === "idle") status = <p className="text-sm text-slate-600">{t("drawVerify.idle")}</p>;
  else if (source.phase === "reading") status = <p className="text-sm text-slate-600">{t("drawVerify.reading", { file: source.name })}</p>;
  else if (source.phase === "problem") {
    alert = (
      <Verdict tone="error" title={t("drawVerify.errorTitle")}>
        <p>
          <ProblemMessage name={source.name} problem={source.problem} />
        </p>
      </Verdict>
    );
  } else if (!anchorsValid || !report) status = <p className="text-sm text-slate-600">{t("drawVerify.fixAnchors")}</p>;
  else if (report.ok) {
    status = <PassedVerdict name={source.name} anchors={anchors} opened={report.opened} />;
    details = <PassedDetails report={report} value={source.value} />;
  } else alert = <Failed name={source.name} report={report} value={source.value} />;
  return (
    <Card title={t("drawVerify.statusTitle")}>
      <div role="status" aria-live="polite">
        {status}
      </div>
      {alert ? <div role="alert">{alert}</div> : null}
      {details}
    </Card>
  );
}
