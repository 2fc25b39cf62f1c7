import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { acceptRectification, cancelCase, closeWithoutFindings, completeRefund, confirmAmounts, decideAppeal, deliverNotice, endHandling, fileAppeal, handOver, issueConfirmationNotice, issueRefundNotice, recordFinding, recordRefund, returnRectification, reviewRectificationReport, signRecordAsInstitution, signRecordAsTeam, startOnSite, submitRectificationMaterial, submitWrittenReport, writeFeedbackReport } from "../support/case-operations";
import { countCases } from "@/lib/server/cases/counts";
import { getCaseFile } from "@/lib/server/cases/get-case-file";
import { getCaseOrThrow, listCases } from "@/lib/server/cases/read";
import { DomainError } from "@/lib/server/errors";
import { makeCaseWorld } from "../factories/cases";
import { setupTestDatabase } from "./support/db";
import { setupTempStorage, uploaded } from "./support/storage";

const t = setupTestDatabase();
setupTempStorage();

// Handover on Friday 2024-09-27; a 5-working-day appeal window runs to 10-10 (National Day is off).
const HANDOVER_DAY = new Date("2024-09-27T02:00:00Z");
const IN_WINDOW = new Date("2024-10-10T08:00:00Z");
const AFTER_WINDOW = new Date("2024-10-11T02:00:00Z");
const PDF = new TextEncoder().encode("%PDF-1.4\n% 材料\n");
// Each upload its own bytes: the same bytes twice as evidence of one case are refused as a duplicate.
const pdf = (fileName: string) => uploaded(fileName, `${new TextDecoder().decode(PDF)}% ${randomUUID()}
`);

let w: Awaited<ReturnType<typeof makeCaseWorld>>;
let caseId: string;
let findingIds: string[];

beforeEach(async () => {
  w = await makeCaseWorld(t.db, { appealWindowWorkingDays: 5 });
  caseId = w.inspectionCase.id;
});

const version = async () => (await t.db.inspectionCase.findUniqueOrThrow({ where: { id: caseId } })).version;
const ref = async () => ({ caseId, version: await version() });

/** Two findings (100.00 and 50.00), signed and handed over at HANDOVER_DAY. */
async function toHandedOver() {
  const o = { now: HANDOVER_DAY };
  await deliverNotice(t.db, w.leader, { ...(await ref()), number: "吉医保飞检〔2024〕5号", recipientName: "李某", recipientTitle: "副院长", staffPresentIds: [w.leader.userId, w.member.userId] }, o);
  await startOnSite(t.db, w.leader, await ref(), o);
  await recordFinding(t.db, w.leader, { ...(await ref()), violationTypeId: w.violationType.id, legalBasis: "条例第三十八条", description: "串换药品", amount: "100.00" }, o);
  await recordFinding(t.db, w.member, { ...(await ref()), violationTypeId: w.violationType.id, legalBasis: "条例第三十八条", description: "重复收费", amount: "50.00" }, o);
  await signRecordAsTeam(t.db, w.leader, await ref(), o);
  await signRecordAsInstitution(t.db, w.institutionStaff, await ref(), o);
  await writeFeedbackReport(t.db, w.leader, { ...(await ref()), summary: "反馈" }, o);
  await handOver(t.db, w.leader, await ref(), o);
  findingIds = (await t.db.finding.findMany({ where: { caseId }, orderBy: { amount: "desc" } })).map((f) => f.id);
}

async function footprint() {
  return {
    row: await t.db.inspectionCase.findUniqueOrThrow({ where: { id: caseId } }),
    findings: await t.db.finding.findMany({ where: { caseId }, orderBy: { id: "asc" } }),
    appeals: await t.db.appeal.findMany({ where: { caseId }, orderBy: { id: "asc" } }),
    reviews: await t.db.review.count(),
    notices: await t.db.amountConfirmationNotice.count(),
    reports: await t.db.rectificationReport.findMany({ orderBy: { id: "asc" } }),
    materials: await t.db.rectificationMaterial.count(),
    files: await t.db.fileObject.count(),
    audit: await t.db.auditEvent.count({ where: { outcome: "OK" } }),
  };
}

/** `detail` is the refused field of a VALIDATION, or the message key of any other refusal. */
async function refused(run: () => Promise<unknown>, code: DomainError["code"], detail?: string) {
  const before = await footprint();
  const error = await run().then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  if (detail && code === "VALIDATION") expect((error as DomainError).fieldErrors).toHaveProperty(detail);
  else if (detail) expect((error as DomainError).messageKey).toBe(detail);
  expect(await footprint()).toEqual(before);
}

describe("appeal and review (Liuzhou plan §四(二))", () => {
  it("an appeal puts the finding under review; the review amends one, withdraws another, and the notice states the reviewed total", async () => {
    await toHandedOver();
    const o = { now: IN_WINDOW };
    const a1 = await fileAppeal(t.db, w.institutionStaff, { ...(await ref()), findingId: findingIds[0], grounds: "DISPUTED_FINDING", statement: "该药品属于目录内品种" }, o);
    expect(a1).toMatchObject({ from: "HANDED_OVER", state: "UNDER_APPEAL" });
    expect((await t.db.finding.findUniqueOrThrow({ where: { id: findingIds[0] } })).status).toBe("UNDER_REVIEW");
    const a2 = await fileAppeal(t.db, w.institutionStaff, { ...(await ref()), findingId: findingIds[1], grounds: "DUPLICATE_DEDUCTION", statement: "已被市局扣减" }, o);
    expect(a2.state).toBe("UNDER_APPEAL");

    // The first decision leaves another appeal open; the second returns the case to HANDED_OVER.
    const d1 = await decideAppeal(t.db, w.city, { ...(await ref()), appealId: a1.record.appealId, decision: "FINDING_AMENDED", revisedAmount: "80", reasoning: "部分属实", expertMeeting: true, meetingNote: "卫健、市场监管及专家参加" }, o);
    expect(d1).toMatchObject({ state: "UNDER_APPEAL", record: { revisedAmount: "80.00" } });
    const d2 = await decideAppeal(t.db, w.city, { ...(await ref()), appealId: a2.record.appealId, decision: "FINDING_WITHDRAWN", reasoning: "确已扣减" }, o);
    expect(d2.state).toBe("HANDED_OVER");

    const findings = await t.db.finding.findMany({ where: { caseId }, orderBy: { createdAt: "asc" } });
    expect(findings.map((f) => [f.status, f.amount.toFixed(2)])).toEqual([["AMENDED", "80.00"], ["WITHDRAWN", "50.00"]]);
    expect(await t.db.review.findUniqueOrThrow({ where: { appealId: a1.record.appealId } })).toMatchObject({ decision: "FINDING_AMENDED", expertMeeting: true, decidedById: w.city.userId });
    expect((await t.db.appeal.findMany({ where: { caseId } })).map((a) => a.status)).toEqual(["DECIDED", "DECIDED"]);
    // The handed-over amount stays frozen; the confirmation notice (after the window) states the reviewed total.
    expect((await t.db.inspectionCase.findUniqueOrThrow({ where: { id: caseId } })).handedOverAmount?.toFixed(2)).toBe("150.00");
    const notice = await issueConfirmationNotice(t.db, w.city, await ref(), { now: AFTER_WINDOW });
    expect(notice.record.amount).toBe("80.00");
    const file = await getCaseFile(t.db, w.institutionStaff, caseId, AFTER_WINDOW);
    expect(file.findingsTotal).toBe("80.00");
    expect(file.case.appeals).toHaveLength(2);

    const actions = (await t.db.auditEvent.findMany({ where: { entityId: caseId }, orderBy: { seq: "asc" } })).map((a) => a.action);
    expect(actions.slice(-5)).toEqual(["case.fileAppeal", "case.fileAppeal", "case.decideAppeal", "case.decideAppeal", "case.issueConfirmationNotice"]);
  });

  it("refuses appeals after the window, without a finding for a disputed one, with another case's finding, twice on one finding", async () => {
    await toHandedOver();
    await refused(() => ref().then((r) => fileAppeal(t.db, w.institutionStaff, { ...r, grounds: "DUPLICATE_DEDUCTION", statement: "逾期" }, { now: AFTER_WINDOW })), "TRANSITION_REFUSED", "workflow.guard.needsOpenAppealWindow");
    await refused(() => ref().then((r) => fileAppeal(t.db, w.institutionStaff, { ...r, grounds: "DISPUTED_FINDING", statement: "有异议" }, { now: IN_WINDOW })), "VALIDATION", "findingId");
    await refused(() => ref().then((r) => fileAppeal(t.db, w.institutionStaff, { ...r, grounds: "DUPLICATE_DEDUCTION", statement: " " }, { now: IN_WINDOW })), "VALIDATION", "statement");
    const other = await makeCaseWorld(t.db);
    const foreign = await t.db.finding.create({ data: { caseId: other.inspectionCase.id, violationTypeId: w.violationType.id, legalBasis: "x", description: "y", amount: "1.00", recordedById: other.leader.userId } });
    await refused(() => ref().then((r) => fileAppeal(t.db, w.institutionStaff, { ...r, findingId: foreign.id, grounds: "DISPUTED_FINDING", statement: "有异议" }, { now: IN_WINDOW })), "VALIDATION", "findingId");
    await fileAppeal(t.db, w.institutionStaff, { ...(await ref()), findingId: findingIds[0], grounds: "DISPUTED_FINDING", statement: "有异议" }, { now: IN_WINDOW });
    await refused(() => ref().then((r) => fileAppeal(t.db, w.institutionStaff, { ...r, findingId: findingIds[0], grounds: "DUPLICATE_DEDUCTION", statement: "再次" }, { now: IN_WINDOW })), "FINDING_ALREADY_APPEALED", "errors.findingAlreadyAppealed");
    // The city may not issue the confirmation notice while an appeal is open, nor (in HANDED_OVER) during the window.
    await refused(() => ref().then((r) => issueConfirmationNotice(t.db, w.city, r, { now: AFTER_WINDOW })), "TRANSITION_REFUSED", "workflow.refused.unknownTransition");
  });

  it("refuses malformed decisions: an amendment without an amount or with a negative one, amending a whole-case appeal, deciding twice", async () => {
    await toHandedOver();
    const o = { now: IN_WINDOW };
    const whole = await fileAppeal(t.db, w.institutionStaff, { ...(await ref()), grounds: "DUPLICATE_DEDUCTION", statement: "全案重复扣减" }, o);
    const one = await fileAppeal(t.db, w.institutionStaff, { ...(await ref()), findingId: findingIds[1], grounds: "DISPUTED_FINDING", statement: "有异议" }, o);
    const decide = (extra: Record<string, unknown>) => ref().then((r) => decideAppeal(t.db, w.city, { ...r, appealId: one.record.appealId, decision: "FINDING_AMENDED", reasoning: "复核", ...extra } as never, o));
    await refused(() => decide({}), "VALIDATION", "revisedAmount");
    await refused(() => decide({ revisedAmount: "-5" }), "VALIDATION", "revisedAmount");
    await refused(() => decide({ revisedAmount: "1.234" }), "VALIDATION", "revisedAmount");
    await refused(() => decide({ decision: "SOMETHING" }), "VALIDATION", "decision");
    await refused(() => decide({ appealId: whole.record.appealId, revisedAmount: "1.00" }), "VALIDATION", "decision");
    await refused(() => ref().then((r) => decideAppeal(t.db, w.institutionStaff, { ...r, appealId: one.record.appealId, decision: "APPEAL_REJECTED", reasoning: "自己复核" }, o)), "FORBIDDEN");
    await decide({ decision: "APPEAL_REJECTED" });
    expect((await t.db.finding.findUniqueOrThrow({ where: { id: findingIds[1] } })).status).toBe("UPHELD");
    await refused(() => decide({ decision: "APPEAL_REJECTED" }), "APPEAL_ALREADY_DECIDED", "errors.appealAlreadyDecided");
  });
});

describe("closing early", () => {
  it("the bureau cancels a drawn target with its reason; the institution never learns of it", async () => {
    await refused(() => ref().then((r) => cancelCase(t.db, w.bureau, { ...r, reason: "" })), "VALIDATION", "reason");
    await refused(() => ref().then((r) => cancelCase(t.db, w.leader, { ...r, reason: "组长无权撤销" })), "FORBIDDEN");
    const out = await cancelCase(t.db, w.bureau, { ...(await ref()), reason: "该药店已注销" });
    expect(out).toMatchObject({ state: "CLOSED", record: { reason: "该药店已注销" } });
    expect(await t.db.inspectionCase.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ closingReason: "该药店已注销", noticeDeliveredAt: null });
    await expect(getCaseOrThrow(t.db, w.institutionStaff, caseId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getCaseOrThrow(t.db, w.city, caseId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("the leader (not a member) closes an on-site check that found nothing, and the institution reads why", async () => {
    const o = { now: HANDOVER_DAY };
    await deliverNotice(t.db, w.leader, { ...(await ref()), number: "吉医保飞检〔2024〕6号", recipientName: "赵某", recipientTitle: "院长", staffPresentIds: [w.leader.userId, w.member.userId] }, o);
    await startOnSite(t.db, w.leader, await ref(), o);
    await refused(() => ref().then((r) => closeWithoutFindings(t.db, w.member, { ...r, reason: "无" })), "TRANSITION_REFUSED", "workflow.refused.actorNotAllowed");
    const out = await closeWithoutFindings(t.db, w.leader, { ...(await ref()), reason: "抽查 200 份病历未发现违规" }, o);
    expect(out.state).toBe("CLOSED");
    const file = await getCaseFile(t.db, w.institutionStaff, caseId, HANDOVER_DAY);
    expect(file.case.closingReason).toBe("抽查 200 份病历未发现违规");
  });
});

describe("rectification: material, return and acceptance of the written report, its deadline", () => {
  async function toRectifying() {
    await toHandedOver();
    const o = { now: AFTER_WINDOW };
    await issueConfirmationNotice(t.db, w.city, await ref(), o);
    await confirmAmounts(t.db, w.institutionStaff, await ref(), o);
    await issueRefundNotice(t.db, w.city, { ...(await ref()), fundAccount: "基金专户" }, o);
    await recordRefund(t.db, w.city, { ...(await ref()), refundAmount: "150.00", method: "SETTLEMENT_DEDUCTION" }, await pdf("扣减凭证.pdf"), o);
    await completeRefund(t.db, w.city, await ref(), o);
    // Friday 10-11 → due the 5th working day after: 10-12 (Saturday, worked), 10-14, 10-15, 10-16, 10-17.
    await endHandling(t.db, w.city, { ...(await ref()), handledAmount: "150.00" }, o);
  }

  it("the institution uploads material; only it may, and only a permitted file", async () => {
    await toHandedOver();
    await refused(() => ref().then(async (r) => submitRectificationMaterial(t.db, w.city, { ...r, description: "代传" }, await pdf("a.pdf"))), "FORBIDDEN");
    await refused(() => uploaded("a.exe", PDF), "FILE_TYPE_NOT_ALLOWED");
    await submitRectificationMaterial(t.db, w.institutionStaff, { ...(await ref()), description: "修订后的收费管理制度" }, await pdf("制度.pdf"));
    const file = await getCaseFile(t.db, w.city, caseId, HANDOVER_DAY);
    expect(file.case.rectification?.materials.map((m) => [m.description, m.file.fileName])).toEqual([["修订后的收费管理制度", "制度.pdf"]]);
  });

  it("the bureau returns a written report with a note, the city reports again, the bureau accepts; progress review is not the way", async () => {
    await toRectifying();
    const first = await submitWrittenReport(t.db, w.city, { ...(await ref()), summary: "整改完成" }, await pdf("报告一.pdf"), { now: AFTER_WINDOW });
    await refused(() => reviewRectificationReport(t.db, w.bureau, { reportId: first.record.reportId, version: 0, decision: "ACCEPT" }), "NOT_FOUND");
    await refused(() => ref().then((r) => returnRectification(t.db, w.bureau, { ...r, note: "" })), "VALIDATION", "note");
    await refused(() => ref().then((r) => returnRectification(t.db, w.city, { ...r, note: "自行退回" })), "FORBIDDEN");
    expect(await returnRectification(t.db, w.bureau, { ...(await ref()), note: "缺少培训记录" })).toMatchObject({ state: "RECTIFYING", record: { status: "RETURNED" } });
    await refused(() => ref().then((r) => acceptRectification(t.db, w.bureau, r)), "TRANSITION_REFUSED", "workflow.guard.needsRectificationReport");
    await submitWrittenReport(t.db, w.city, { ...(await ref()), summary: "补充培训记录" }, await pdf("报告二.pdf"), { now: AFTER_WINDOW });
    expect((await acceptRectification(t.db, w.bureau, await ref())).state).toBe("RECTIFIED");
    const reports = await t.db.rectificationReport.findMany({ where: { kind: "WRITTEN" }, orderBy: { submittedAt: "asc" } });
    expect(reports.map((r) => [r.status, r.reviewNote])).toEqual([["RETURNED", "缺少培训记录"], ["ACCEPTED", null]]);
  });

  it("the written report's deadline is shown with the working days left, flagged overdue in the lists and counts, and cleared by the report", async () => {
    await toRectifying();
    const row = async (now: string) => (await listCases(t.db, w.city, {}, new Date(now))).rows.find((r) => r.id === caseId)!;
    expect(await row("2024-10-16T02:00:00Z")).toMatchObject({ deadlineKind: "WRITTEN_REPORT", deadlineDueOn: "2024-10-17", workingDaysLeft: 1, overdue: false, writtenReportDueOn: "2024-10-17" });
    expect(await row("2024-10-18T02:00:00Z")).toMatchObject({ deadlineKind: "WRITTEN_REPORT", overdue: true });
    expect((await countCases(t.db, w.bureau, new Date("2024-10-17T02:00:00Z"))).overdue).toBe(0);
    expect((await countCases(t.db, w.bureau, new Date("2024-10-18T02:00:00Z"))).overdue).toBe(1);
    expect((await countCases(t.db, w.otherCity, new Date("2024-10-18T02:00:00Z"))).overdue).toBe(0);
    const file = await getCaseFile(t.db, w.bureau, caseId, new Date("2024-10-18T02:00:00Z"));
    expect(file.deadline).toMatchObject({ kind: "WRITTEN_REPORT", dueOn: "2024-10-17", overdue: true });

    await submitWrittenReport(t.db, w.city, { ...(await ref()), summary: "整改完成" }, await pdf("报告.pdf"), { now: new Date("2024-10-18T02:00:00Z") });
    expect(await row("2024-10-18T03:00:00Z")).toMatchObject({ deadlineKind: null, overdue: false });
    expect((await countCases(t.db, w.bureau, new Date("2024-10-18T03:00:00Z"))).overdue).toBe(0);
  });
});

describe("what the institution reads of the handling", () => {
  it("its notices, refunds and material, but not the city's reports to the province or their deadlines", async () => {
    await toHandedOver();
    const { submitProgressReport } = await import("@/lib/server/cases/submit-progress-report");
    await submitProgressReport(t.db, w.city, { ...(await ref()), summary: "整改中" }, await pdf("进展.pdf"), { now: HANDOVER_DAY });
    await submitRectificationMaterial(t.db, w.institutionStaff, { ...(await ref()), description: "培训记录" }, await pdf("培训.pdf"), { now: HANDOVER_DAY });
    const city = await getCaseFile(t.db, w.city, caseId, HANDOVER_DAY);
    const institution = await getCaseFile(t.db, w.institutionStaff, caseId, HANDOVER_DAY);
    expect(city.case.rectification?.reports).toHaveLength(1);
    expect(institution.case.rectification?.reports).toEqual([]);
    expect(institution.case.rectification?.materials).toHaveLength(1);
    expect(institution.deadline).toBeNull();
  });
});
