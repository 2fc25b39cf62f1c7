import { beforeEach, describe, expect, it } from "vitest";
import { deliverNotice, handOver, recordFinding, signRecordAsInstitution, signRecordAsTeam, startOnSite, writeFeedbackReport } from "../support/case-operations";
import { createPrisma } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import { getCaseOrThrow } from "@/lib/server/cases/read";
import { makeActor } from "../factories";
import { addTeamMember, makeCaseWorld, makeKeyArea, makeViolationType } from "../factories/cases";
import { setupTestDatabase } from "./support/db";

const t = setupTestDatabase();
const NOW = new Date("2024-09-27T02:00:00Z");
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

let w: Awaited<ReturnType<typeof makeCaseWorld>>;
let caseId: string;

beforeEach(async () => {
  w = await makeCaseWorld(t.db);
  caseId = w.inspectionCase.id;
});

async function version(): Promise<number> {
  return (await t.db.inspectionCase.findUniqueOrThrow({ where: { id: caseId } })).version;
}

const notice = (v: number, extra: Record<string, unknown> = {}) => ({ caseId, version: v, number: "吉医保飞检〔2024〕1号", recipientName: "王某", recipientTitle: "院长", staffPresentIds: [w.leader.userId, w.member.userId], ...extra });
const finding = (v: number, extra: Record<string, unknown> = {}) => ({
  caseId,
  version: v,
  violationTypeId: w.violationType.id,
  legalBasis: "《医疗保障基金使用监督管理条例》第三十八条",
  description: "将目录外药品串换为目录内药品结算",
  amount: "1234.5",
  ...extra,
});
const ref = (v: number) => ({ caseId, version: v });

/** Everything a refused or invalid operation might have written. */
async function footprint() {
  const [row, audit, notices, findings, records, signatures, reports, handovers, rectifications] = await Promise.all([
    t.db.inspectionCase.findUniqueOrThrow({ where: { id: caseId } }),
    // Refusals write DENIED rows (the boundary audits them); a refusal must write nothing else.
    t.db.auditEvent.count({ where: { outcome: "OK" } }),
    t.db.onSiteNotice.count({ where: { caseId } }),
    t.db.finding.count({ where: { caseId } }),
    t.db.onSiteProblemRecord.count({ where: { caseId } }),
    t.db.problemRecordSignature.count({ where: { record: { caseId } } }),
    t.db.feedbackReport.count({ where: { caseId } }),
    t.db.handover.count({ where: { caseId } }),
    t.db.rectification.count({ where: { caseId } }),
  ]);
  return { row, audit, notices, findings, records, signatures, reports, handovers, rectifications };
}

/** The operation fails with this code (and message key, when given), and leaves every row as it was. */
async function expectRefused(run: () => Promise<unknown>, code: string, messageKey?: string) {
  const before = await footprint();
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  if (messageKey) expect((error as DomainError).messageKey).toBe(messageKey);
  expect(await footprint()).toEqual(before);
  return error as DomainError;
}

async function toOnSite() {
  await deliverNotice(t.db, w.leader, notice(0), { now: NOW });
  await startOnSite(t.db, w.leader, ref(1), { now: NOW });
}

async function toRecordSigned() {
  await toOnSite();
  await recordFinding(t.db, w.member, finding(2), { now: NOW });
  await signRecordAsTeam(t.db, w.leader, ref(3), { now: NOW });
  await signRecordAsInstitution(t.db, w.institutionStaff, ref(4), { now: NOW });
}

describe("deliverNotice", () => {
  it("the leader delivers the notice: NOTIFIED, the notice recorded with recipient and time, audited in the same change", async () => {
    const auditBefore = await t.db.auditEvent.count();
    const outcome = await deliverNotice(t.db, w.leader, notice(0, { deliveredAt: "2024-09-27T01:30:00Z" }), { now: NOW });
    expect(outcome).toMatchObject({ from: "DRAWN", state: "NOTIFIED", version: 1 });
    const row = await t.db.inspectionCase.findUniqueOrThrow({ where: { id: caseId }, include: { notice: true } });
    expect(row.noticeDeliveredAt).toEqual(new Date("2024-09-27T01:30:00Z"));
    expect(row.notice).toMatchObject({ number: "吉医保飞检〔2024〕1号", recipientName: "王某", recipientTitle: "院长", deliveredById: w.leader.userId });
    const audit = await t.db.auditEvent.findMany({ where: { entityId: caseId } });
    expect(await t.db.auditEvent.count()).toBe(auditBefore + 1);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "case.deliverNotice", entity: "InspectionCase", actorId: w.leader.userId, outcome: "OK" });
    expect(audit[0]!.before).toEqual({ state: "DRAWN", version: 0 });
    expect(audit[0]!.after).toMatchObject({ state: "NOTIFIED", version: 1, event: "DELIVER_NOTICE" });
  });

  it("defaults the delivery time to now", async () => {
    await deliverNotice(t.db, w.leader, notice(0), { now: NOW });
    expect((await t.db.onSiteNotice.findUniqueOrThrow({ where: { caseId } })).deliveredAt).toEqual(NOW);
  });

  it("a team member and the bureau may not deliver it", async () => {
    await expectRefused(() => deliverNotice(t.db, w.member, notice(0), { now: NOW }), "TRANSITION_REFUSED", "workflow.refused.actorNotAllowed");
    // The bureau's role holds no team step at all: refused by the role table before the case is looked at.
    await expectRefused(() => deliverNotice(t.db, w.bureau, notice(0), { now: NOW }), "FORBIDDEN");
  });

  it("before the notice, an inspector off the team gets 404, as for an unknown id; the institution and its city bureau are refused by their role", async () => {
    await expectRefused(() => deliverNotice(t.db, w.outsider, notice(0), { now: NOW }), "NOT_FOUND");
    // Refused by the role table alone, whatever the id: the answer says nothing of the case.
    for (const actor of [w.institutionStaff, w.city]) {
      await expectRefused(() => deliverNotice(t.db, actor, notice(0), { now: NOW }), "FORBIDDEN");
      await expectRefused(() => deliverNotice(t.db, actor, { ...notice(0), caseId: UNKNOWN_ID }, { now: NOW }), "FORBIDDEN");
    }
    await expectRefused(() => deliverNotice(t.db, w.leader, { ...notice(0), caseId: UNKNOWN_ID }, { now: NOW }), "NOT_FOUND");
  });

  it("is refused while a team member has not signed the commitment letter", async () => {
    const late = await makeActor(t.db, "INSPECTOR");
    await addTeamMember(t.db, w.team.id, late.userId, { signed: false });
    await expectRefused(() => deliverNotice(t.db, w.leader, notice(0), { now: NOW }), "TRANSITION_REFUSED", "workflow.guard.needsCommitmentLetters");
  });

  it("is refused with a stale version, and from the wrong state", async () => {
    await expectRefused(() => deliverNotice(t.db, w.leader, notice(3), { now: NOW }), "STALE_VERSION", "errors.staleVersion");
    await deliverNotice(t.db, w.leader, notice(0), { now: NOW });
    await expectRefused(() => deliverNotice(t.db, w.leader, notice(1), { now: NOW }), "TRANSITION_REFUSED", "workflow.refused.unknownTransition");
  });

  it("refuses empty required fields and a delivery time in the future, writing nothing", async () => {
    const error = await expectRefused(() => deliverNotice(t.db, w.leader, notice(0, { number: " ", recipientName: "" }), { now: NOW }), "VALIDATION");
    expect(error.fieldErrors).toEqual({ number: "validation.required", recipientName: "validation.required" });
    const future = await expectRefused(() => deliverNotice(t.db, w.leader, notice(0, { deliveredAt: "2024-09-27T03:00:00Z" }), { now: NOW }), "VALIDATION");
    expect(future.fieldErrors).toEqual({ deliveredAt: "validation.dateInFuture" });
  });
});

describe("after the notice: scope by organization", () => {
  it("another institution and another region's city bureau get 404 exactly like an unknown id", async () => {
    await toOnSite();
    for (const actor of [w.otherInstitutionStaff, w.otherCity]) {
      const hidden = await expectRefused(() => getCaseOrThrow(t.db, actor, caseId), "NOT_FOUND");
      const unknown = await expectRefused(() => getCaseOrThrow(t.db, actor, UNKNOWN_ID), "NOT_FOUND");
      expect([hidden.status, hidden.messageKey]).toEqual([unknown.status, unknown.messageKey]);
      // Recording a finding is a team step: their roles are refused before scope is consulted.
      await expectRefused(() => recordFinding(t.db, actor, finding(2), { now: NOW }), "FORBIDDEN");
    }
    await expectRefused(() => getCaseOrThrow(t.db, w.institutionStaff, "not-a-uuid"), "NOT_FOUND");
    expect((await getCaseOrThrow(t.db, w.institutionStaff, caseId)).institution.name).toBe(w.institution.name);
  });
});

describe("startOnSite", () => {
  it("only the leader starts the on-site check, only after the notice", async () => {
    await expectRefused(() => startOnSite(t.db, w.leader, ref(0), { now: NOW }), "TRANSITION_REFUSED", "workflow.refused.unknownTransition");
    await deliverNotice(t.db, w.leader, notice(0), { now: NOW });
    await expectRefused(() => startOnSite(t.db, w.member, ref(1), { now: NOW }), "TRANSITION_REFUSED", "workflow.refused.actorNotAllowed");
    await expectRefused(() => startOnSite(t.db, w.institutionStaff, ref(1), { now: NOW }), "FORBIDDEN");
    expect(await startOnSite(t.db, w.leader, ref(1), { now: NOW })).toMatchObject({ state: "ON_SITE", version: 2 });
  });
});

describe("recordFinding", () => {
  it("a member records the first finding (FINDINGS_RECORDED) and the leader a second: a self-transition that still bumps the version", async () => {
    await toOnSite();
    const keyArea = await makeKeyArea(t.db);
    const first = await recordFinding(t.db, w.member, finding(2, { keyAreaId: keyArea.id }), { now: NOW });
    expect(first).toMatchObject({ state: "FINDINGS_RECORDED", version: 3, record: { amount: "1234.50", keyAreaId: keyArea.id, recordedById: w.member.userId } });
    const second = await recordFinding(t.db, w.leader, finding(3, { amount: "0.10" }), { now: NOW });
    expect(second).toMatchObject({ from: "FINDINGS_RECORDED", state: "FINDINGS_RECORDED", version: 4 });
    const amounts = (await t.db.finding.findMany({ where: { caseId }, orderBy: { createdAt: "asc" } })).map((f) => f.amount.toFixed(2));
    expect(amounts).toEqual(["1234.50", "0.10"]);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: caseId, action: "case.recordFinding" }, orderBy: { seq: "asc" } });
    expect(audit.after).toMatchObject({ record: { amount: "1234.50" } });
  });

  it("the institution, the city and the bureau may not record findings; nor may anyone before the on-site check", async () => {
    await expectRefused(() => recordFinding(t.db, w.leader, finding(0), { now: NOW }), "TRANSITION_REFUSED", "workflow.refused.unknownTransition");
    await toOnSite();
    for (const actor of [w.institutionStaff, w.city, w.bureau]) {
      await expectRefused(() => recordFinding(t.db, actor, finding(2), { now: NOW }), "FORBIDDEN");
    }
  });

  it.each([
    ["-1", "validation.moneyNegative"],
    ["-0.50", "validation.moneyNegative"],
    ["abc", "validation.moneyMalformed"],
    ["1e3", "validation.moneyMalformed"],
    ["12.345", "validation.moneyTooPrecise"],
    ["", "validation.required"],
    ["10000000000000000.00", "validation.moneyTooLarge"],
  ])("refuses the amount %j with %s, writing nothing", async (amount, key) => {
    await toOnSite();
    const error = await expectRefused(() => recordFinding(t.db, w.leader, finding(2, { amount }), { now: NOW }), "VALIDATION");
    expect(error.fieldErrors).toEqual({ amount: key });
  });

  it("refuses a number instead of a decimal string, empty required text, and an unknown or inactive violation type", async () => {
    await toOnSite();
    expect((await expectRefused(() => recordFinding(t.db, w.leader, finding(2, { amount: 12.5 }), { now: NOW }), "VALIDATION")).fieldErrors).toEqual({ amount: "validation.moneyMalformed" });
    const empty = await expectRefused(() => recordFinding(t.db, w.leader, finding(2, { legalBasis: "  ", description: "" }), { now: NOW }), "VALIDATION");
    expect(empty.fieldErrors).toEqual({ legalBasis: "validation.required", description: "validation.required" });
    const inactive = await makeViolationType(t.db, { active: false });
    for (const violationTypeId of [UNKNOWN_ID, inactive.id]) {
      const error = await expectRefused(() => recordFinding(t.db, w.leader, finding(2, { violationTypeId }), { now: NOW }), "VALIDATION");
      expect(error.fieldErrors).toEqual({ violationTypeId: "validation.invalidId" });
    }
  });

  it("once the team has signed the record, no finding can be added", async () => {
    await toOnSite();
    await recordFinding(t.db, w.member, finding(2), { now: NOW });
    await signRecordAsTeam(t.db, w.leader, ref(3), { now: NOW });
    await expectRefused(() => recordFinding(t.db, w.member, finding(4), { now: NOW }), "TRANSITION_REFUSED", "workflow.guard.needsUnsignedRecord");
  });

  it.each([
    ["the first finding (the state moves)", 0],
    ["a further finding (a self-transition: only the version tells them apart)", 1],
  ])("of two findings recorded at once on the same version, by two app instances, exactly one is written: %s", async (_label, earlier) => {
    await toOnSite();
    if (earlier) await recordFinding(t.db, w.member, finding(2, { description: "先前" }), { now: NOW });
    const at = 2 + earlier;
    const other = createPrisma(t.url, { schema: t.schema, max: 2 });
    const auditBefore = await t.db.auditEvent.count();
    try {
      const results = await Promise.allSettled([
        recordFinding(t.db, w.leader, finding(at, { description: "甲" }), { now: NOW }),
        recordFinding(other, w.member, finding(at, { description: "乙" }), { now: NOW }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const losers = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(losers).toHaveLength(1);
      expect(losers[0]!.reason).toBeInstanceOf(DomainError);
      expect((losers[0]!.reason as DomainError).code).toBe("STALE_VERSION");
    } finally {
      await other.$disconnect();
    }
    expect(await t.db.finding.count({ where: { caseId } })).toBe(1 + earlier);
    expect(await version()).toBe(at + 1);
    expect(await t.db.auditEvent.count()).toBe(auditBefore + 1);
  });
});

describe("signProblemRecord", () => {
  it("the leader and the institution each sign the same frozen content; the second signature moves the case to RECORD_SIGNED", async () => {
    await toOnSite();
    await recordFinding(t.db, w.member, finding(2), { now: NOW });
    const team = await signRecordAsTeam(t.db, w.leader, ref(3), { now: NOW });
    expect(team).toMatchObject({ state: "FINDINGS_RECORDED", version: 4, record: { side: "TEAM", signedById: w.leader.userId } });
    const record = await t.db.onSiteProblemRecord.findUniqueOrThrow({ where: { caseId } });
    expect(record.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    const institution = await signRecordAsInstitution(t.db, w.institutionStaff, ref(4), { now: NOW });
    expect(institution).toMatchObject({ state: "RECORD_SIGNED", version: 5, record: { side: "INSTITUTION", contentSha256: record.contentSha256 } });
    expect(await t.db.problemRecordSignature.count({ where: { recordId: record.id } })).toBe(2);
  });

  it("a member, the city and the bureau may not sign; no one signs before a finding; a side signs once", async () => {
    await toOnSite();
    await expectRefused(() => signRecordAsTeam(t.db, w.leader, ref(2), { now: NOW }), "TRANSITION_REFUSED", "workflow.refused.unknownTransition");
    await recordFinding(t.db, w.member, finding(2), { now: NOW });
    // A member holds the team's permission but not the leader's part; the city and the bureau hold neither.
    await expectRefused(() => signRecordAsTeam(t.db, w.member, ref(3), { now: NOW }), "TRANSITION_REFUSED", "workflow.refused.actorNotAllowed");
    for (const actor of [w.city, w.bureau]) await expectRefused(() => signRecordAsTeam(t.db, actor, ref(3), { now: NOW }), "FORBIDDEN");
    await signRecordAsTeam(t.db, w.leader, ref(3), { now: NOW });
    await expectRefused(() => signRecordAsTeam(t.db, w.leader, ref(4), { now: NOW }), "TRANSITION_REFUSED", "workflow.guard.needsNoTeamSignature");
  });
});

describe("writeFeedbackReport and handOver", () => {
  it("the leader writes and rewrites the report once the record is signed, then hands over", async () => {
    await toOnSite();
    await recordFinding(t.db, w.member, finding(2), { now: NOW });
    await expectRefused(() => writeFeedbackReport(t.db, w.leader, { ...ref(3), summary: "反馈" }, { now: NOW }), "TRANSITION_REFUSED", "workflow.refused.unknownTransition");
    await signRecordAsTeam(t.db, w.leader, ref(3), { now: NOW });
    await signRecordAsInstitution(t.db, w.institutionStaff, ref(4), { now: NOW });
    await expectRefused(() => handOver(t.db, w.leader, ref(5), { now: NOW }), "TRANSITION_REFUSED", "workflow.guard.needsFeedbackReport");
    await expectRefused(() => writeFeedbackReport(t.db, w.leader, { ...ref(5), summary: " " }, { now: NOW }), "VALIDATION");
    await expectRefused(() => writeFeedbackReport(t.db, w.member, { ...ref(5), summary: "反馈" }, { now: NOW }), "TRANSITION_REFUSED", "workflow.refused.actorNotAllowed");
    await writeFeedbackReport(t.db, w.leader, { ...ref(5), summary: "初稿" }, { now: NOW });
    const rewritten = await writeFeedbackReport(t.db, w.leader, { ...ref(6), summary: "定稿" }, { now: NOW });
    expect(rewritten).toMatchObject({ state: "RECORD_SIGNED", version: 7, record: { summary: "定稿", version: 1 } });
    expect(await t.db.feedbackReport.count({ where: { caseId } })).toBe(1);
    await expectRefused(() => handOver(t.db, w.member, ref(7), { now: NOW }), "TRANSITION_REFUSED", "workflow.refused.actorNotAllowed");
    for (const actor of [w.city, w.institutionStaff, w.bureau]) await expectRefused(() => handOver(t.db, actor, ref(7), { now: NOW }), "FORBIDDEN");
    expect(await handOver(t.db, w.leader, ref(7), { now: NOW })).toMatchObject({ from: "RECORD_SIGNED", state: "HANDED_OVER", version: 8 });
    await expectRefused(() => handOver(t.db, w.leader, ref(8), { now: NOW }), "TRANSITION_REFUSED", "workflow.refused.unknownTransition");
  });

  it("the whole path leaves one audit row per step, in order", async () => {
    await toRecordSigned();
    await writeFeedbackReport(t.db, w.leader, { ...ref(5), summary: "反馈报告" }, { now: NOW });
    await handOver(t.db, w.leader, ref(6), { now: NOW });
    const audit = await t.db.auditEvent.findMany({ where: { entityId: caseId }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual([
      "case.deliverNotice",
      "case.startOnSite",
      "case.recordFinding",
      "case.signRecordTeam",
      "case.signRecordInstitution",
      "case.writeFeedbackReport",
      "case.handOver",
    ]);
  });
});
