import { randomUUID } from "node:crypto";
import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { acceptRectification, closeCase, completeRefund, confirmAmounts, deliverNotice, endHandling, handOver, issueConfirmationNotice, issueRefundNotice, recordFinding, recordRefund, signRecordAsInstitution, signRecordAsTeam, startOnSite, submitWrittenReport, writeFeedbackReport } from "../support/case-operations";
import { DomainError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/actor";
import { makeCaseWorld } from "../factories/cases";
import { setupTestDatabase } from "./support/db";
import { setupTempStorage, uploaded } from "./support/storage";

const t = setupTestDatabase();
// A Friday before the National Day holiday: 2024-09-29 (Sunday) is worked, 10-01..10-07 are off.
const NOW = new Date("2024-09-27T02:00:00Z");
const PDF = new TextEncoder().encode("%PDF-1.4\n% 整改书面报告\n");
// Each upload its own bytes: the same bytes twice as evidence of one case are refused as a duplicate.
const pdf = (fileName: string) => uploaded(fileName, `${new TextDecoder().decode(PDF)}% ${randomUUID()}
`);

let w: Awaited<ReturnType<typeof makeCaseWorld>>;
let caseId: string;

setupTempStorage();
beforeEach(async () => {
  w = await makeCaseWorld(t.db);
  caseId = w.inspectionCase.id;
});

const caseRow = () => t.db.inspectionCase.findUniqueOrThrow({ where: { id: caseId } });

/** Everything the operations write, so that a refusal can be shown to have written none of it. */
async function snapshot() {
  const row = await caseRow();
  return {
    state: row.state,
    version: row.version,
    handlingEndedAt: row.handlingEndedAt,
    audit: await t.db.auditEvent.count({ where: { outcome: "OK" } }),
    notices: await t.db.amountConfirmationNotice.count(),
    letters: await t.db.confirmationLetter.count(),
    refundNotices: await t.db.refundNotice.count(),
    refunds: await t.db.refund.count(),
    explanations: await t.db.differenceExplanation.count(),
    reports: await t.db.rectificationReport.count({ where: { status: "SUBMITTED" } }),
    files: await t.db.fileObject.count(),
  };
}

/** `detail` is the refused field of a VALIDATION, or the message key of any other refusal. */
async function refused(run: () => Promise<unknown>, code: string, detail?: string) {
  const before = await snapshot();
  const error = await run().then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  if (detail && code === "VALIDATION") expect((error as DomainError).fieldErrors).toHaveProperty(detail);
  else if (detail) expect((error as DomainError).messageKey).toBe(detail);
  expect(await snapshot()).toEqual(before);
}

const NOT_IN_STATE = "workflow.refused.unknownTransition";

/** Carries the case to HANDED_OVER at version 7 with one finding of 123.45. */
async function toHandedOver() {
  await deliverNotice(t.db, w.leader, { caseId, version: 0, number: "吉医保飞检〔2024〕3号", recipientName: "王某", recipientTitle: "院长", staffPresentIds: [w.leader.userId, w.member.userId] }, { now: NOW });
  await startOnSite(t.db, w.leader, { caseId, version: 1 }, { now: NOW });
  await recordFinding(t.db, w.leader, { caseId, version: 2, violationTypeId: w.violationType.id, legalBasis: "条例第三十八条", description: "串换药品", amount: "123.45" }, { now: NOW });
  await signRecordAsTeam(t.db, w.leader, { caseId, version: 3 }, { now: NOW });
  await signRecordAsInstitution(t.db, w.institutionStaff, { caseId, version: 4 }, { now: NOW });
  await writeFeedbackReport(t.db, w.leader, { caseId, version: 5, summary: "反馈" }, { now: NOW });
  await handOver(t.db, w.leader, { caseId, version: 6 }, { now: NOW });
}

/** Each handling operation, as `actor` at `version`, with inputs that would succeed in its own state. */
const operations = {
  issueConfirmationNotice: (a: Actor, version: number) => issueConfirmationNotice(t.db, a, { caseId, version }, { now: NOW }),
  confirmAmounts: (a: Actor, version: number) => confirmAmounts(t.db, a, { caseId, version }, { now: NOW }),
  issueRefundNotice: (a: Actor, version: number) => issueRefundNotice(t.db, a, { caseId, version, fundAccount: "长春市医疗保障基金专户" }, { now: NOW }),
  recordRefund: async (a: Actor, version: number) => recordRefund(t.db, a, { caseId, version, refundAmount: "1.00", method: "TRANSFER" }, await pdf("凭证.pdf"), { now: NOW }),
  completeRefund: (a: Actor, version: number) => completeRefund(t.db, a, { caseId, version }, { now: NOW }),
  endHandling: (a: Actor, version: number) => endHandling(t.db, a, { caseId, version, handledAmount: "123.45" }, { now: NOW }),
  submitWrittenReport: async (a: Actor, version: number) => submitWrittenReport(t.db, a, { caseId, version, summary: "整改完成" }, await pdf("书面报告.pdf"), { now: NOW }),
  acceptRectification: (a: Actor, version: number) => acceptRectification(t.db, a, { caseId, version }, { now: NOW }),
  closeCase: (a: Actor, version: number) => closeCase(t.db, a, { caseId, version }, { now: NOW }),
};

describe("handling after the handover", () => {
  it("walks a case from HANDED_OVER to CLOSED: notices, refunds, end of handling, written report, acceptance", async () => {
    await toHandedOver();
    const n1 = await issueConfirmationNotice(t.db, w.city, { caseId, version: 7, number: "确认〔2024〕1号" }, { now: NOW });
    expect(n1).toMatchObject({ from: "HANDED_OVER", state: "HANDED_OVER", version: 8, record: { amount: "123.45" } });
    const c = await confirmAmounts(t.db, w.institutionStaff, { caseId, version: 8 }, { now: NOW });
    expect(c).toMatchObject({ state: "AMOUNTS_CONFIRMED", version: 9, record: { amount: "123.45" } });
    expect(await t.db.confirmationLetter.findFirstOrThrow({ where: { notice: { caseId } } })).toMatchObject({ signedById: w.institutionStaff.userId, receivedAt: NOW });

    const r = await issueRefundNotice(t.db, w.city, { caseId, version: 9, fundAccount: "长春市医疗保障基金专户", dueOn: "2024-10-31" }, { now: NOW });
    expect(r).toMatchObject({ state: "AMOUNTS_CONFIRMED", version: 10, record: { amount: "123.45", dueOn: "2024-10-31" } });
    const refundNotice = await t.db.refundNotice.findUniqueOrThrow({ where: { caseId } });
    expect([refundNotice.amount.toFixed(2), refundNotice.dueOn?.toISOString().slice(0, 10)]).toEqual(["123.45", "2024-10-31"]);

    const paid = await recordRefund(t.db, w.institutionStaff, { caseId, version: 10, refundAmount: "100", method: "TRANSFER", paidOn: "2024-09-26" }, await uploaded("转账凭证.pdf", PDF), { now: NOW });
    expect(paid).toMatchObject({ version: 11, record: { amount: "100.00", method: "TRANSFER", paidOn: "2024-09-26" } });
    const voucher = await t.db.refund.findFirstOrThrow({ where: { refundNoticeId: refundNotice.id }, include: { voucherFile: true } });
    expect(voucher.voucherFile?.sha256).toBe(createHash("sha256").update(PDF).digest("hex"));

    // 23.45 remain: more is refused by the guard, and so is completing before everything is paid.
    await refused(async () => recordRefund(t.db, w.city, { caseId, version: 11, refundAmount: "23.46", method: "SETTLEMENT_DEDUCTION" }, await uploaded("扣减凭证.pdf", PDF), { now: NOW }), "TRANSITION_REFUSED", "workflow.guard.needsRefundWithinConfirmed");
    await refused(async () => recordRefund(t.db, w.city, { caseId, version: 11, refundAmount: "0.00", method: "SETTLEMENT_DEDUCTION" }, await uploaded("扣减凭证.pdf", PDF), { now: NOW }), "TRANSITION_REFUSED", "workflow.guard.needsValidRefundAmount");
    await refused(() => completeRefund(t.db, w.city, { caseId, version: 11 }, { now: NOW }), "TRANSITION_REFUSED", "workflow.guard.needsFullRefund");
    const deducted = await recordRefund(t.db, w.city, { caseId, version: 11, refundAmount: "23.45", method: "SETTLEMENT_DEDUCTION" }, await pdf("扣减凭证.pdf"), { now: NOW });
    expect(deducted).toMatchObject({ version: 12, record: { paidOn: "2024-09-27", voucherSha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(await completeRefund(t.db, w.city, { caseId, version: 12 }, { now: NOW })).toMatchObject({ state: "REFUNDED", version: 13 });

    await refused(() => endHandling(t.db, w.city, { caseId, version: 13, handledAmount: "100.00" }, { now: NOW }), "VALIDATION", "differenceExplanation");
    const ended = await endHandling(t.db, w.city, { caseId, version: 13, handledAmount: "100.00", differenceExplanation: "复核后核减23.45元" }, { now: NOW });
    // Friday 09-27 → 09-29 (Sunday, worked) 1, 09-30 2, [10-01..10-07 off], 10-08 3, 10-09 4, 10-10 5.
    expect(ended).toMatchObject({ state: "RECTIFYING", version: 14, record: { writtenReportDueOn: "2024-10-10", handledAmount: "100.00" } });
    const row = await caseRow();
    expect([row.handlingEndedAt, row.handledAmount?.toFixed(2), row.handlingDiffersFromHandover, row.writtenReportDueOn?.toISOString().slice(0, 10)]).toEqual([NOW, "100.00", true, "2024-10-10"]);
    expect(await t.db.differenceExplanation.findUniqueOrThrow({ where: { caseId } })).toMatchObject({ explanation: "复核后核减23.45元", writtenById: w.city.userId });

    const report = await submitWrittenReport(t.db, w.city, { caseId, version: 14, summary: "整改完成" }, await pdf("书面报告.pdf"), { now: NOW });
    expect(report).toMatchObject({ state: "RECTIFYING", version: 15 });
    await refused(async () => submitWrittenReport(t.db, w.city, { caseId, version: 15, summary: "再报" }, await pdf("b.pdf"), { now: NOW }), "TRANSITION_REFUSED", "workflow.guard.needsNoPendingRectificationReport");
    expect(await acceptRectification(t.db, w.bureau, { caseId, version: 15, note: "同意" }, { now: NOW })).toMatchObject({ state: "RECTIFIED", version: 16 });
    expect(await t.db.rectificationReport.findUniqueOrThrow({ where: { id: report.record.reportId } })).toMatchObject({ kind: "WRITTEN", status: "ACCEPTED", reviewedById: w.bureau.userId, reviewNote: "同意" });
    expect(await closeCase(t.db, w.bureau, { caseId, version: 16 }, { now: NOW })).toMatchObject({ state: "CLOSED", version: 17 });
    expect((await caseRow()).closedAt).toEqual(NOW);

    const actions = (await t.db.auditEvent.findMany({ where: { entityId: caseId, outcome: "OK" }, orderBy: { seq: "asc" } })).map((a) => a.action);
    expect(actions.slice(-10)).toEqual([
      "case.issueConfirmationNotice",
      "case.confirmAmounts",
      "case.issueRefundNotice",
      "case.recordRefund",
      "case.recordRefund",
      "case.completeRefund",
      "case.endHandling",
      "case.submitRectificationReport",
      "case.acceptRectification",
      "case.close",
    ]);
  });

  it("refuses each operation in a state where the workflow does not take it, writing nothing", async () => {
    await toHandedOver();
    const { issueConfirmationNotice: issue, confirmAmounts: confirm, ...later } = operations;
    const actorFor = { issueRefundNotice: w.city, recordRefund: w.city, completeRefund: w.city, endHandling: w.city, submitWrittenReport: w.city, acceptRectification: w.bureau, closeCase: w.bureau };
    for (const [name, run] of Object.entries(later)) await refused(() => run(actorFor[name as keyof typeof actorFor], 7), "TRANSITION_REFUSED", NOT_IN_STATE);
    await issue(w.city, 7);
    await confirm(w.institutionStaff, 8);
    await refused(() => issue(w.city, 9), "TRANSITION_REFUSED", NOT_IN_STATE);
    await refused(() => confirm(w.institutionStaff, 9), "TRANSITION_REFUSED", NOT_IN_STATE);
  });

  it("refuses each operation by an actor whose role holds no such step (FORBIDDEN), or another region's city (404), writing nothing", async () => {
    await toHandedOver();
    const o = operations;
    await refused(() => o.issueConfirmationNotice(w.institutionStaff, 7), "FORBIDDEN");
    await refused(() => o.issueConfirmationNotice(w.otherCity, 7), "NOT_FOUND");
    await o.issueConfirmationNotice(w.city, 7);
    await refused(() => o.confirmAmounts(w.city, 8), "FORBIDDEN");
    await o.confirmAmounts(w.institutionStaff, 8);
    await refused(() => o.issueRefundNotice(w.institutionStaff, 9), "FORBIDDEN");
    await o.issueRefundNotice(w.city, 9);
    await refused(() => o.recordRefund(w.leader, 10), "FORBIDDEN");
    await recordRefund(t.db, w.city, { caseId, version: 10, refundAmount: "123.45", method: "SETTLEMENT_DEDUCTION" }, await pdf("扣减凭证.pdf"), { now: NOW });
    await refused(() => o.completeRefund(w.institutionStaff, 11), "FORBIDDEN");
    await o.completeRefund(w.city, 11);
    await refused(() => o.endHandling(w.institutionStaff, 12), "FORBIDDEN");
    await o.endHandling(w.city, 12);
    await refused(() => o.submitWrittenReport(w.institutionStaff, 13), "FORBIDDEN");
    await o.submitWrittenReport(w.city, 13);
    await refused(() => o.acceptRectification(w.city, 14), "FORBIDDEN");
    await o.acceptRectification(w.bureau, 14);
    await refused(() => o.closeCase(w.city, 15), "FORBIDDEN");
    expect(await o.closeCase(w.bureau, 15)).toMatchObject({ state: "CLOSED", version: 16 });
  });

  it("refuses malformed amounts and a transfer without its voucher as VALIDATION, writing nothing", async () => {
    await toHandedOver();
    await refused(() => issueConfirmationNotice(t.db, w.city, { caseId, version: 7, amount: "-1.00" }, { now: NOW }), "VALIDATION", "amount");
    await refused(() => issueConfirmationNotice(t.db, w.city, { caseId, version: 7, amount: "12.345" }, { now: NOW }), "VALIDATION", "amount");
    // An explicit amount (here nothing to refund) replaces the findings' total.
    expect(await issueConfirmationNotice(t.db, w.city, { caseId, version: 7, amount: "0", deviationReason: "复核后全部核销" }, { now: NOW })).toMatchObject({ record: { amount: "0.00", findingsAmount: "123.45" } });
    await confirmAmounts(t.db, w.institutionStaff, { caseId, version: 8 }, { now: NOW });
    await refused(() => issueRefundNotice(t.db, w.city, { caseId, version: 9, fundAccount: "专户" }, { now: NOW }), "TRANSITION_REFUSED", "workflow.guard.needsAmountToRefund");
    await refused(async () => recordRefund(t.db, w.city, { caseId, version: 9, refundAmount: "1.5x", method: "SETTLEMENT_DEDUCTION" }, await pdf("扣减凭证.pdf"), { now: NOW }), "VALIDATION", "refundAmount");
    await refused(() => recordRefund(t.db, w.city, { caseId, version: 9, refundAmount: "1.00", method: "TRANSFER" }, undefined, { now: NOW }), "VALIDATION", "file");
    await refused(() => endHandling(t.db, w.city, { caseId, version: 9, handledAmount: "abc" }, { now: NOW }), "VALIDATION", "handledAmount");
  });
});
