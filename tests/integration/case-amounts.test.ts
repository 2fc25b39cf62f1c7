/**
 * Issue 12 §5: amounts tied to the findings. Each test is named after what a user saw on the old code.
 */
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import {
  completeRefund,
  confirmAmounts,
  decideAppeal,
  deliverNotice,
  disputeConfirmationNotice,
  endHandling,
  fileAppeal,
  handOver,
  issueConfirmationNotice,
  issueRefundNotice,
  recordFinding,
  recordRefund,
  signRecordAsInstitution,
  signRecordAsTeam,
  startOnSite,
  withdrawConfirmationNotice,
  writeFeedbackReport,
} from "../support/case-operations";
import { getCaseFile } from "@/lib/server/cases/get-case-file";
import { DomainError } from "@/lib/server/errors";
import { invokeOperation } from "@/lib/server/operations/boundary";
import { makeActor } from "../factories";
import { makeCaseWorld } from "../factories/cases";
import { setupTestDatabase } from "./support/db";
import { setupTempStorage, uploaded } from "./support/storage";

const t = setupTestDatabase();
setupTempStorage();

// Handover on Friday 2024-09-27; a 5-working-day appeal window runs to 10-10 (National Day is off).
const HANDOVER_DAY = new Date("2024-09-27T02:00:00Z");
const IN_WINDOW = new Date("2024-10-10T08:00:00Z");
const AFTER_WINDOW = new Date("2024-10-11T02:00:00Z");
const pdf = (fileName: string) => uploaded(fileName, `%PDF-1.4\n% ${randomUUID()}\n`);

let w: Awaited<ReturnType<typeof makeCaseWorld>>;
let caseId: string;
let findingIds: string[];

beforeEach(async () => {
  w = await makeCaseWorld(t.db, { appealWindowWorkingDays: 5 });
  caseId = w.inspectionCase.id;
});

const ref = async () => ({ caseId, version: (await t.db.inspectionCase.findUniqueOrThrow({ where: { id: caseId } })).version });
const o = { now: AFTER_WINDOW };

/** Two signed findings, 21,000.00 and 145.60 (¥21,145.60 as in the issue), handed over on HANDOVER_DAY. */
async function toHandedOver() {
  const h = { now: HANDOVER_DAY };
  await deliverNotice(t.db, w.leader, { ...(await ref()), number: "吉医保飞检〔2024〕5号", recipientName: "李某", recipientTitle: "副院长", staffPresentIds: [w.leader.userId, w.member.userId] }, h);
  await startOnSite(t.db, w.leader, await ref(), h);
  await recordFinding(t.db, w.leader, { ...(await ref()), violationTypeId: w.violationType.id, legalBasis: "条例第三十八条", description: "串换药品", amount: "21000.00" }, h);
  await recordFinding(t.db, w.member, { ...(await ref()), violationTypeId: w.violationType.id, legalBasis: "条例第三十八条", description: "重复收费", amount: "145.60" }, h);
  await signRecordAsTeam(t.db, w.leader, await ref(), h);
  await signRecordAsInstitution(t.db, w.institutionStaff, await ref(), h);
  await writeFeedbackReport(t.db, w.leader, { ...(await ref()), summary: "反馈" }, h);
  await handOver(t.db, w.leader, await ref(), h);
  findingIds = (await t.db.finding.findMany({ where: { caseId }, orderBy: { amount: "desc" } })).map((f) => f.id);
}

async function refusal(run: () => Promise<unknown>): Promise<DomainError> {
  const error = await run().then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

async function toConfirmed() {
  await toHandedOver();
  await issueConfirmationNotice(t.db, w.city, await ref(), o);
  await confirmAmounts(t.db, w.institutionStaff, await ref(), o);
}

describe("the confirmation notice's amount comes from the signed findings", () => {
  it("a notice of ¥999,999 against findings of ¥21,145.60 went out with no warning: now refused without a written reason", async () => {
    await toHandedOver();
    const error = await refusal(async () => issueConfirmationNotice(t.db, w.city, { ...(await ref()), amount: "999999" }, o));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors?.deviationReason).toMatch(/^cases\.deviationReasonRequired\?total=%C2%A521%2C145\.60$/);
    expect(await t.db.amountConfirmationNotice.count()).toBe(0);

    const issued = await issueConfirmationNotice(t.db, w.city, { ...(await ref()), amount: "999999", deviationReason: "另查实串换耗材 978,853.40 元，经市局集体审议" }, o);
    expect(issued.record).toMatchObject({ amount: "999999.00", findingsAmount: "21145.60" });
    const notice = await t.db.amountConfirmationNotice.findUniqueOrThrow({ where: { caseId } });
    expect(notice.deviationReason).toBe("另查实串换耗材 978,853.40 元，经市局集体审议");
  });

  it("the notice states the findings' total after the appeal outcomes, with the breakdown per finding", async () => {
    await toHandedOver();
    await fileAppeal(t.db, w.institutionStaff, { ...(await ref()), grounds: "DISPUTED_FINDING", findingId: findingIds[0], statement: "部分费用已自查退回" }, { now: IN_WINDOW });
    const appeal = await t.db.appeal.findFirstOrThrow({ where: { caseId } });
    await decideAppeal(t.db, w.city, { ...(await ref()), appealId: appeal.id, decision: "FINDING_AMENDED", revisedAmount: "20000.00", reasoning: "核减已自查退回部分" }, { now: IN_WINDOW });

    const issued = await issueConfirmationNotice(t.db, w.city, { ...(await ref()), number: "长医保稽确〔2024〕1号" }, o);
    expect(issued.record).toMatchObject({ amount: "20145.60", findingsAmount: "20145.60" });
    const file = await getCaseFile(t.db, w.institutionStaff, caseId, AFTER_WINDOW);
    expect(file.breakdown?.map((line) => [line.description, line.amount])).toEqual([
      ["串换药品", "20000.00"],
      ["重复收费", "145.60"],
    ]);
    expect(file.case.amountConfirmationNotice?.deviationReason).toBeNull();
  });
});

describe("the confirmation notice can be withdrawn, disputed and reissued until confirmed", () => {
  it("the city could not withdraw or correct its notice: now it withdraws it with a reason and issues a new one, the first kept", async () => {
    await toHandedOver();
    await issueConfirmationNotice(t.db, w.city, { ...(await ref()), number: "长医保稽确〔2024〕1号" }, o);
    await refusal(async () => withdrawConfirmationNotice(t.db, w.city, { ...(await ref()), reason: "   " }, o));
    const withdrawn = await withdrawConfirmationNotice(t.db, w.city, { ...(await ref()), reason: "文号有误，撤回重发" }, o);
    expect(withdrawn).toMatchObject({ state: "HANDED_OVER", record: { outcome: "WITHDRAWN", amount: "21145.60" } });
    expect(await t.db.amountConfirmationNotice.count({ where: { caseId } })).toBe(0);

    await issueConfirmationNotice(t.db, w.city, { ...(await ref()), number: "长医保稽确〔2024〕2号" }, o);
    const file = await getCaseFile(t.db, w.city, caseId, AFTER_WINDOW);
    expect(file.case.amountConfirmationNotice?.number).toBe("长医保稽确〔2024〕2号");
    expect(file.case.supersededNotices.map((n) => [n.number, n.outcome, n.reason, n.closedById])).toEqual([["长医保稽确〔2024〕1号", "WITHDRAWN", "文号有误，撤回重发", w.city.userId]]);
  });

  it("the institution could only confirm: now it disputes the notice with its reasons, and the case goes back to the city", async () => {
    await toHandedOver();
    await issueConfirmationNotice(t.db, w.city, await ref(), o);
    const disputed = await disputeConfirmationNotice(t.db, w.institutionStaff, { ...(await ref()), reason: "第2项已于2023年清退，有凭证" }, o);
    expect(disputed).toMatchObject({ state: "HANDED_OVER", record: { outcome: "DISPUTED" } });
    const cityView = await getCaseFile(t.db, w.city, caseId, AFTER_WINDOW);
    expect(cityView.events).toContain("ISSUE_CONFIRMATION_NOTICE");
    expect(cityView.awaiting).toBe("cases.awaiting.confirmationDisputed");
    expect(cityView.case.supersededNotices[0]).toMatchObject({ outcome: "DISPUTED", reason: "第2项已于2023年清退，有凭证", closedById: w.institutionStaff.userId });
    // Nothing left to confirm until the city issues again; the institution cannot withdraw, the city cannot dispute.
    expect((await refusal(async () => confirmAmounts(t.db, w.institutionStaff, await ref(), o))).code).toBe("TRANSITION_REFUSED");
  });

  it("a confirmed notice can no longer be withdrawn or disputed", async () => {
    await toConfirmed();
    expect((await refusal(async () => withdrawConfirmationNotice(t.db, w.city, { ...(await ref()), reason: "更正" }, o))).code).toBe("TRANSITION_REFUSED");
    expect((await refusal(async () => disputeConfirmationNotice(t.db, w.institutionStaff, { ...(await ref()), reason: "异议" }, o))).code).toBe("TRANSITION_REFUSED");
  });
});

describe("refunds: dates against today, deductions by the city with a voucher", () => {
  it("a refund deadline of 2020-01-01 was accepted: now a deadline before today is refused", async () => {
    await toConfirmed();
    const error = await refusal(async () => issueRefundNotice(t.db, w.city, { ...(await ref()), fundAccount: "医保基金专户", dueOn: "2020-01-01" }, o));
    expect(error.fieldErrors).toEqual({ dueOn: "validation.dateInPast" });
    expect(await t.db.refundNotice.count()).toBe(0);
    // Today itself is a valid deadline (China date of AFTER_WINDOW is 2024-10-11).
    await issueRefundNotice(t.db, w.city, { ...(await ref()), fundAccount: "医保基金专户", dueOn: "2024-10-11", number: "长医保清退〔2024〕1号" }, o);
  });

  it("the institution recorded a ¥999,499 deduction from settlement by itself with no voucher: now only the city records one, with its voucher", async () => {
    await toConfirmed();
    await issueRefundNotice(t.db, w.city, { ...(await ref()), fundAccount: "医保基金专户" }, o);
    const byInstitution = await refusal(async () => recordRefund(t.db, w.institutionStaff, { ...(await ref()), refundAmount: "100.00", method: "SETTLEMENT_DEDUCTION" }, await pdf("扣减.pdf"), o));
    expect(byInstitution.fieldErrors).toEqual({ method: "cases.deductionByCityOnly" });
    const noVoucher = await refusal(async () => recordRefund(t.db, w.city, { ...(await ref()), refundAmount: "100.00", method: "SETTLEMENT_DEDUCTION" }, undefined, o));
    expect(noVoucher.fieldErrors).toEqual({ file: "validation.required" });
    expect(await t.db.refund.count()).toBe(0);

    const deducted = await recordRefund(t.db, w.city, { ...(await ref()), refundAmount: "21145.60", method: "SETTLEMENT_DEDUCTION" }, await pdf("扣减凭证.pdf"), o);
    expect(deducted.record.voucherSha256).toMatch(/^[0-9a-f]{64}$/);
    const refund = await t.db.refund.findFirstOrThrow({ where: { refundNotice: { caseId } } });
    expect(refund).toMatchObject({ method: "SETTLEMENT_DEDUCTION", recordedById: w.city.userId });
    expect(refund.voucherFileId).not.toBeNull();
  });
});

describe("the difference between the handled and handed-over amounts", () => {
  async function toRefunded() {
    await toConfirmed();
    await issueRefundNotice(t.db, w.city, { ...(await ref()), fundAccount: "医保基金专户" }, o);
    await recordRefund(t.db, w.institutionStaff, { ...(await ref()), refundAmount: "21145.60", method: "TRANSFER" }, await pdf("转账凭证.pdf"), o);
    await completeRefund(t.db, w.city, await ref(), o);
  }

  it("the city ended handling at ¥999,999 with no written explanation because 较大差异 was a checkbox: now the difference is computed and the explanation required", async () => {
    await toRefunded();
    const error = await refusal(async () => endHandling(t.db, w.city, { ...(await ref()), handledAmount: "999999.00" }, o));
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(["differenceExplanation"]);
    expect(error.fieldErrors?.differenceExplanation).toMatch(/^cases\.differenceExplanationRequired\?/);
    // The old checkbox is no longer an input: the difference is not the city's to declare.
    expect((await refusal(async () => endHandling(t.db, w.city, { ...(await ref()), handledAmount: "999999.00", differsFromHandover: false }, o))).code).toBe("VALIDATION");

    const ended = await endHandling(t.db, w.city, { ...(await ref()), handledAmount: "999999.00", differenceExplanation: "另查实串换耗材，已一并处理" }, o);
    expect(ended.record).toMatchObject({ handedOverAmount: "21145.60", difference: "978853.40", differsFromHandover: true });
    expect((await t.db.inspectionCase.findUniqueOrThrow({ where: { id: caseId } })).handlingDiffersFromHandover).toBe(true);
  });

  it("a small difference (within 10 % and ¥10,000) ends without an explanation", async () => {
    await toRefunded();
    const ended = await endHandling(t.db, w.city, { ...(await ref()), handledAmount: "20000.00" }, o);
    expect(ended.record).toMatchObject({ difference: "1145.60", differsFromHandover: false });
  });

  it("follows the threshold the bureau sets; only a bureau administrator may set it", async () => {
    const admin = await makeActor(t.db, "BUREAU_ADMIN");
    expect((await refusal(() => invokeOperation(t.db, w.city, "settings.updateHandling", { version: 0, differenceThresholdPercent: "1", differenceThresholdAmount: "100" }))).code).toBe("FORBIDDEN");
    expect((await refusal(() => invokeOperation(t.db, admin, "settings.updateHandling", { version: 0, differenceThresholdPercent: "101", differenceThresholdAmount: "100" }))).code).toBe("VALIDATION");
    await invokeOperation(t.db, admin, "settings.updateHandling", { version: 0, differenceThresholdPercent: "1", differenceThresholdAmount: "100" });
    // Saving again from the same page is refused as stale, not silently overwritten.
    expect((await refusal(() => invokeOperation(t.db, admin, "settings.updateHandling", { version: 0, differenceThresholdPercent: "2", differenceThresholdAmount: "100" }))).code).toBe("STALE_VERSION");
    expect(await invokeOperation(t.db, w.city, "settings.getHandling", {})).toEqual({ percent: "1.00", amount: "100.00", version: 1 });

    await toRefunded();
    const error = await refusal(async () => endHandling(t.db, w.city, { ...(await ref()), handledAmount: "20000.00" }, o));
    expect(error.fieldErrors).toHaveProperty("differenceExplanation");
  });
});
