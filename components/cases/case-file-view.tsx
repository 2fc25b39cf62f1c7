import type { ReactNode } from "react";
import { FindingRevisions } from "@/components/cases/finding-revisions";
import { Card, PageHeader } from "@/components/ui/layout";
import { Table, Td, Th } from "@/components/ui/table";
import { handlingDifference } from "@/lib/domain/case/handling-difference";
import { caseStateLabelKey } from "@/lib/domain/case/state-label";
import type { AppLocale } from "@/lib/i18n/config";
import { formatDate, formatDateTime, formatMoney } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translator";
import type { CaseFile } from "@/lib/server/cases/get-case-file";
import { hasMessage } from "@/lib/i18n/translator";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-sm text-slate-900">{children}</dd>
    </div>
  );
}

function FileLink({ file }: { file: { id: string; fileName: string } | null }) {
  return file ? <a className="text-brand-700 hover:underline" href={`/api/files/${file.id}`}>{file.fileName}</a> : null;
}

/** The case file as its reader may see it; `actions` is the panel of what they may do now. */
export function CaseFileView({ file, t, locale, actions, review }: { file: CaseFile; t: Translate; locale: AppLocale; actions: ReactNode; review?: (report: { id: string; version: number }) => ReactNode }) {
  const c = file.case;
  const deadline = file.deadline;
  const money = (amount: { toFixed(digits: number): string } | string) => formatMoney(typeof amount === "string" ? amount : amount.toFixed(2), locale);
  const confirmation = c.amountConfirmationNotice;
  const refundNotice = c.refundNotice;
  const signatures = c.problemRecord?.signatures ?? [];
  return (
    <>
      <PageHeader title={c.institution.name} description={t("cases.headline", { plan: c.plan.title, region: c.inspectedRegion.name, code: c.institution.nationalCode })} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex flex-col gap-6 lg:col-span-2">
          <Card title={t("cases.overview")}>
            <dl className="grid gap-4 sm:grid-cols-3">
              <Field label={t("common.status")}><span className="rounded bg-brand-100 px-2 py-0.5 font-medium text-brand-900" data-testid="case-state">{t(caseStateLabelKey(c))}</span></Field>
              <Field label={t("plans.team")}>{c.team?.name ?? "—"}</Field>
              <Field label={t("cases.trigger")}>{t(`plans.triggers.${c.trigger}`)}{c.designated ? `（${t("cases.designated")}）` : ""}</Field>
              {deadline ? (
                <Field label={t(`cases.deadlineLabels.${deadline.kind}`)}>
                  {deadline.dueOn !== null ? (
                    <>
                      <span data-testid={deadline.kind === "PROGRESS_REPORT" ? "progress-deadline" : "written-deadline"}>{formatDate(deadline.dueOn, locale)}</span>
                      {deadline.overdue ? <span className="ml-2 font-semibold text-red-700">{t("cases.overdue")}</span> : deadline.daysLeft !== null ? <span className="ml-2 text-slate-600">{t("cases.workingDaysLeft", { days: deadline.daysLeft })}</span> : null}
                    </>
                  ) : deadline.awaitsYear !== null ? (
                    <>
                      <span className="font-medium text-amber-800" data-testid={deadline.kind === "PROGRESS_REPORT" ? "progress-deadline" : "written-deadline"}>{t("cases.deadlinePending", { year: deadline.awaitsYear })}</span>
                      <span className="block text-xs text-slate-600">{t("cases.deadlinePendingHint", { year: deadline.awaitsYear })}</span>
                    </>
                  ) : null}
                </Field>
              ) : null}
              {c.closingReason ? <div className="sm:col-span-3"><Field label={t("cases.closingReason")}>{c.closingReason}</Field></div> : null}
            </dl>
          </Card>
          <Card title={t("cases.notice")}>
            {c.notice ? (
              <dl className="grid gap-4 sm:grid-cols-3">
                <Field label={t("cases.noticeNumber")}>{c.notice.number}</Field>
                <Field label={t("cases.recipient")}>{c.notice.recipientName}（{c.notice.recipientTitle}）</Field>
                <Field label={t("cases.deliveredAt")}>{formatDateTime(c.notice.deliveredAt, locale)} · {c.notice.deliveredBy.displayName}</Field>
                {c.notice.staffPresent.length > 0 ? (
                  <div className="sm:col-span-3">
                    <Field label={t("caseRecord.staffPresent")}>
                      <span data-testid="notice-staff-present">{c.notice.staffPresent.map((s) => `${s.user.displayName}（${s.user.staffNumber ?? "—"}）`).join("、")}</span>
                    </Field>
                  </div>
                ) : null}
              </dl>
            ) : <p className="text-sm text-slate-500">{t("cases.noticeNotYet")}</p>}
          </Card>
          <Card title={t("cases.findings")}>
            {c.findings.length === 0 ? <p className="text-sm text-slate-500">{t(file.teamRecordHidden ? "caseRecord.draftHidden" : "cases.noFindings")}</p> : (
              <Table caption={t("cases.findings")} head={<tr><Th>{t("cases.violationType")}</Th><Th>{t("cases.keyArea")}</Th><Th>{t("cases.findingDescription")}</Th><Th>{t("cases.legalBasis")}</Th><Th>{t("cases.amount")}</Th><Th>{t("cases.findingStatus")}</Th></tr>}>
                {c.findings.map((f) => {
                  // A withdrawn finding stays in the file, struck through; its reason (in the revisions) is not.
                  const struck = f.status === "WITHDRAWN" ? "text-slate-400 line-through" : undefined;
                  return (
                    <tr key={f.id} data-testid="finding-row" data-status={f.status}>
                      <Td><span className={struck}>{f.violationType.name}</span></Td>
                      <Td><span className={struck}>{f.keyArea?.name ?? "—"}</span></Td>
                      <Td>
                        <span className={`whitespace-pre-line ${struck ?? ""}`}>{f.description}</span>
                        <FindingRevisions revisions={f.revisions} t={t} locale={locale} />
                      </Td>
                      <Td><span className={struck}>{f.legalBasis}</span></Td>
                      <Td className="whitespace-nowrap text-right"><span className={struck}>{money(f.amount)}</span></Td>
                      <Td className="whitespace-nowrap">{t(`cases.findingStatuses.${f.status}`)}</Td>
                    </tr>
                  );
                })}
                <tr><Td className="font-medium">{t("cases.total")}</Td><Td /><Td /><Td /><Td className="whitespace-nowrap text-right font-semibold"><span data-testid="findings-total">{money(file.findingsTotal)}</span></Td><Td /></tr>
              </Table>
            )}
          </Card>
          <Card title={t("cases.evidence")}>
            {c.evidence.length === 0 ? <p className="text-sm text-slate-500">{t(file.teamRecordHidden ? "caseRecord.draftHidden" : "cases.noEvidence")}</p> : (
              <ul className="flex flex-col gap-2 text-sm">
                {c.evidence.map((e) => (
                  <li key={e.id} data-testid="evidence-item" data-withdrawn={e.withdrawal ? "true" : undefined}>
                    <a className={`text-brand-700 hover:underline ${e.withdrawal ? "line-through" : ""}`} href={`/api/files/${e.file.id}`}>{e.file.fileName}</a>
                    <span className="ml-2 text-slate-500">{t(`cases.evidenceKinds.${e.kind}`)} · {Math.ceil(e.file.sizeBytes / 1024)} KB · {formatDateTime(e.file.uploadedAt, locale)}</span>
                    {e.withdrawal ? (
                      <span className="block text-xs text-amber-800">
                        {t("caseRecord.evidenceWithdrawnBy", { name: e.withdrawal.withdrawnBy.displayName, unit: e.withdrawal.withdrawnBy.organization.name, time: formatDateTime(e.withdrawal.withdrawnAt, locale) })}
                        {" "}{t("caseRecord.reasonIs", { reason: e.withdrawal.reason })}
                      </span>
                    ) : null}
                    <code className="block break-all text-xs text-slate-400">SHA-256 {e.file.sha256}</code>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={t("cases.problemRecord")}>
            {signatures.length === 0 ? <p className="text-sm text-slate-500">{t("cases.unsigned")}</p> : (
              <ul className="text-sm">
                {signatures.map((s) => <li key={s.id}>{t(`cases.sides.${s.side}`)}：{s.signedBy.displayName} · {formatDateTime(s.signedAt, locale)}</li>)}
              </ul>
            )}
          </Card>
          {c.feedbackReport || c.handover ? (
            <Card title={t("cases.handoverTitle")}>
              <dl className="grid gap-4">
                {c.feedbackReport ? <Field label={t("cases.feedbackSummary")}>{c.feedbackReport.summary}</Field> : null}
                {c.handover ? <Field label={t("cases.handedOverTo")}>{c.handover.receivingOrganization.name} · {formatDateTime(c.handover.receivedAt, locale)}</Field> : null}
              </dl>
            </Card>
          ) : null}
          {c.appeals.length > 0 ? (
            <Card title={t("cases.appeals")}>
              <ul className="flex flex-col gap-3 text-sm">
                {c.appeals.map((a) => (
                  <li key={a.id} className="rounded border border-slate-200 p-3">
                    <p className="font-medium">{t(`cases.appealGroundsKinds.${a.grounds}`)} · {t(`cases.appealStatuses.${a.status}`)}</p>
                    <p className="text-slate-600">{a.finding ? a.finding.description : t("cases.appealWholeCase")} · {a.filedBy.displayName} · {formatDateTime(a.filedAt, locale)}</p>
                    <p className="mt-1">{a.statement}</p>
                    {a.review ? (
                      <p className="mt-2 text-slate-700">
                        {t("cases.reviewResult", { decision: t(`cases.reviewDecisions.${a.review.decision}`), name: a.review.decidedBy.displayName })}
                        {a.review.revisedAmount ? ` ${t("cases.revisedTo", { amount: money(a.review.revisedAmount) })}` : ""}
                        {a.review.expertMeeting ? ` ${t("cases.afterExpertMeeting")}` : ""}
                        <span className="block">{a.review.reasoning}</span>
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          {confirmation || refundNotice || c.handlingEndedAt || c.supersededNotices.length > 0 ? (
            <Card title={t("cases.handling")}>
              <dl className="grid gap-4 sm:grid-cols-2">
                {c.handedOverAmount ? <Field label={t("cases.handedOverAmount")}>{money(c.handedOverAmount)}</Field> : null}
                {confirmation ? (
                  <div className="sm:col-span-2" data-testid="confirmation-notice">
                    <Field label={t("cases.confirmationNotice")}>
                      <span className="text-base font-semibold" data-testid="confirmed-amount">{money(confirmation.amount)}</span>
                      <span className="block text-slate-600">{confirmation.number ? `${confirmation.number} · ` : ""}{confirmation.issuedBy.displayName} · {formatDateTime(confirmation.issuedAt, locale)}</span>
                      <span className="block text-slate-600">{confirmation.confirmationLetter ? t("cases.confirmedBy", { name: confirmation.confirmationLetter.signedBy.displayName, time: formatDateTime(confirmation.confirmationLetter.receivedAt, locale) }) : t("cases.awaitingConfirmation")}</span>
                      {confirmation.deviationReason ? (
                        <span className="mt-1 block rounded bg-amber-50 px-2 py-1 text-amber-900" data-testid="notice-amount-reason">
                          {t("cases.noticeAmountDiffers", { amount: money(confirmation.amount), total: money(confirmation.findingsAmount), reason: confirmation.deviationReason })}
                        </span>
                      ) : null}
                    </Field>
                    {file.breakdown && file.breakdown.length > 0 ? (
                      <div className="mt-3">
                        <Table caption={t("cases.noticeBreakdown")} head={<tr><Th>{t("cases.breakdownType")}</Th><Th>{t("cases.breakdownFinding")}</Th><Th>{t("cases.breakdownAmount")}</Th></tr>}>
                          {file.breakdown.map((line) => (
                            <tr key={line.findingId}>
                              <Td>{line.violationType}</Td>
                              <Td>{line.description}</Td>
                              <Td className="whitespace-nowrap text-right">{money(line.amount)}</Td>
                            </tr>
                          ))}
                          <tr className="font-medium">
                            <Td>{t("cases.breakdownTotal")}</Td>
                            <Td>{""}</Td>
                            <Td className="whitespace-nowrap text-right" >{money(confirmation.findingsAmount)}</Td>
                          </tr>
                        </Table>
                      </div>
                    ) : null}
                  </div>
                ) : null}
                {c.supersededNotices.length > 0 ? (
                  <div className="sm:col-span-2">
                    <Field label={t("cases.supersededNotices")}>
                      <ul className="flex flex-col gap-1" data-testid="superseded-notices">
                        {c.supersededNotices.map((n) => (
                          <li key={n.id}>
                            <span className="text-slate-500 line-through">{money(n.amount)}</span>
                            {n.number ? ` · ${n.number}` : ""} · {t(`cases.supersededOutcome.${n.outcome}`, { name: n.closedBy.displayName, time: formatDateTime(n.closedAt, locale) })}
                            <span className="block text-slate-600">{n.reason}</span>
                          </li>
                        ))}
                      </ul>
                    </Field>
                  </div>
                ) : null}
                {refundNotice ? (
                  <Field label={t("cases.refundNotice")}>
                    {money(refundNotice.amount)} · {refundNotice.fundAccount}
                    {refundNotice.number ? <span className="block text-slate-600" data-testid="refund-notice-number">{t("cases.refundNoticeNumber", { number: refundNotice.number })}</span> : null}
                    {refundNotice.dueOn ? <span className="block text-slate-600">{t("cases.refundDueBy", { date: formatDate(refundNotice.dueOn.toISOString().slice(0, 10), locale) })}</span> : null}
                  </Field>
                ) : null}
                {refundNotice && refundNotice.refunds.length > 0 ? (
                  <div className="sm:col-span-2">
                    <Table caption={t("cases.refunds")} head={<tr><Th>{t("cases.paidOn")}</Th><Th>{t("cases.refundMethod")}</Th><Th>{t("cases.refundAmount")}</Th><Th>{t("cases.voucherFile")}</Th><Th>{t("cases.recordedBy")}</Th></tr>}>
                      {refundNotice.refunds.map((r) => (
                        <tr key={r.id}>
                          <Td>{formatDate(r.paidOn.toISOString().slice(0, 10), locale)}</Td>
                          <Td>{t(`cases.refundMethods.${r.method}`)}</Td>
                          <Td className="whitespace-nowrap text-right">{money(r.amount)}</Td>
                          <Td><FileLink file={r.voucherFile} /></Td>
                          <Td>{r.recordedBy.displayName}</Td>
                        </tr>
                      ))}
                    </Table>
                    <p className="mt-2 text-sm" data-testid="refund-outstanding">{t("cases.outstandingHint", { amount: file.outstanding })}</p>
                  </div>
                ) : null}
                {c.handlingEndedAt ? (
                  <Field label={t("cases.handlingEnded")}>
                    {t("cases.handledAs", { amount: money(c.handledAmount ?? "0.00"), time: formatDateTime(c.handlingEndedAt, locale) })}
                    {c.handedOverAmount && c.handledAmount ? <span className="block text-slate-600" data-testid="handling-difference">{t("cases.handlingDifference", { difference: money(handlingDifference(c.handedOverAmount.toFixed(2), c.handledAmount.toFixed(2)).difference) })}</span> : null}
                    {c.differenceExplanation ? <span className="block text-slate-600">{t("cases.differenceExplanation")}：{c.differenceExplanation.explanation}</span> : null}
                  </Field>
                ) : null}
              </dl>
            </Card>
          ) : null}
          {c.rectification && c.rectification.materials.length > 0 ? (
            <Card title={t("cases.materials")}>
              <ul className="flex flex-col gap-2 text-sm">
                {c.rectification.materials.map((m) => (
                  <li key={m.id}>
                    <FileLink file={m.file} />
                    <span className="ml-2 text-slate-500">{m.description ?? ""} · {formatDateTime(m.file.uploadedAt, locale)}</span>
                    <code className="block break-all text-xs text-slate-400">SHA-256 {m.file.sha256}</code>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          {c.rectification && c.rectification.reports.length > 0 ? (
            <Card title={t("cases.reports")}>
              <ul className="flex flex-col gap-4 text-sm">
                {c.rectification.reports.map((r) => (
                  <li key={r.id} className="rounded border border-slate-200 p-3" aria-label={t("cases.reportOf", { time: formatDateTime(r.submittedAt, locale) })}>
                    <p className="font-medium">{t(`cases.reportKinds.${r.kind}`)} · <span data-testid="report-status">{t(`cases.reportStatuses.${r.status}`)}</span></p>
                    <p className="text-slate-600">{r.submittedBy.displayName} · {formatDateTime(r.submittedAt, locale)}</p>
                    <p className="mt-1">{r.summary}</p>
                    <FileLink file={r.file} />
                    {r.reviewedBy ? <p className="mt-1 text-slate-600">{t("cases.reviewedBy", { name: r.reviewedBy.displayName })}{r.reviewNote ? `：${r.reviewNote}` : ""}</p> : null}
                    {r.status === "SUBMITTED" && r.kind === "PROGRESS" && review ? review({ id: r.id, version: r.version }) : null}
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </div>
        <div className="flex flex-col gap-6">
          <Card title={t("cases.todo")}>{actions}</Card>
          {file.timeline.length > 0 ? (
            <Card title={t("cases.timeline")}>
              <ol className="flex flex-col gap-2 text-sm" aria-label={t("cases.timeline")}>
                {file.timeline.map((e) => {
                  const key = `audit.actions.${e.action.replace(/\./g, "_")}`;
                  return (
                    <li key={e.seq.toString()} className="border-l-2 border-brand-200 pl-3">
                      <span className="block text-xs text-slate-500">{formatDateTime(e.at, locale)} · {e.actorName ? t("caseRecord.actorWithUnit", { name: e.actorName.name, unit: e.actorName.unit }) : (e.actorLabel ?? "—")}</span>
                      {hasMessage(locale, key) ? t(key) : e.action}
                    </li>
                  );
                })}
              </ol>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
