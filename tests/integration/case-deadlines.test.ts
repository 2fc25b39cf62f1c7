import { describe, expect, it } from "vitest";
import { deliverNotice, handOver, recordFinding, signRecordAsInstitution, signRecordAsTeam, startOnSite, writeFeedbackReport } from "../support/case-operations";
import type { DomainError } from "@/lib/server/errors";
import { getAllowedCaseEvents } from "@/lib/server/cases/allowed-events";
import { loadCaseFacts } from "@/lib/server/cases/facts";
import { listCases } from "@/lib/server/cases/read";
import { makeCaseWorld } from "../factories/cases";
import { setupTestDatabase } from "./support/db";

const t = setupTestDatabase();

type World = Awaited<ReturnType<typeof makeCaseWorld>>;

/** Carries the world's case to RECORD_SIGNED with a feedback report (version 6), findings of the given amounts. */
async function readyForHandover(w: World, now: Date, amounts: string[] = ["1234.50", "0.25"]) {
  const caseId = w.inspectionCase.id;
  await deliverNotice(t.db, w.leader, { caseId, version: 0, number: "通知1号", recipientName: "王某", recipientTitle: "院长", staffPresentIds: [w.leader.userId, w.member.userId] }, { now });
  await startOnSite(t.db, w.leader, { caseId, version: 1 }, { now });
  let version = 2;
  for (const amount of amounts) {
    await recordFinding(t.db, w.member, { caseId, version, violationTypeId: w.violationType.id, legalBasis: "条例第三十八条", description: "串换", amount }, { now });
    version += 1;
  }
  await signRecordAsTeam(t.db, w.leader, { caseId, version }, { now });
  await signRecordAsInstitution(t.db, w.institutionStaff, { caseId, version: version + 1 }, { now });
  await writeFeedbackReport(t.db, w.leader, { caseId, version: version + 2, summary: "反馈报告" }, { now });
  return { caseId, version: version + 3 };
}

describe("handover deadlines (Jilin plan §四(三): progress within 30 working days of receipt)", () => {
  it("due on 2024-11-13 for a handover on 2024-09-27: across National Day (10-01..10-07 off) and its make-up days 09-29 and 10-12", async () => {
    // By hand: 09-29 (1), 09-30 (2), 10-08..10-12 (3–7), 10-14..18 (8–12), 10-21..25 (13–17), 10-28..11-01 (18–22),
    // 11-04..08 (23–27), 11-11 (28), 11-12 (29), 11-13 (30). Weekdays alone would give 11-08.
    const w = await makeCaseWorld(t.db);
    const now = new Date("2024-09-27T02:00:00Z");
    const ready = await readyForHandover(w, now);
    const outcome = await handOver(t.db, w.leader, ready, { now });
    expect(outcome.record).toMatchObject({ progressReportDueOn: "2024-11-13", handedOverAmount: "1234.75" });
    const row = await t.db.inspectionCase.findUniqueOrThrow({ where: { id: ready.caseId }, include: { handover: true, rectification: true } });
    expect(row.state).toBe("HANDED_OVER");
    expect(row.handoverReceivedAt).toEqual(now);
    expect(row.progressReportDueOn).toEqual(new Date("2024-11-13T00:00:00Z"));
    expect(row.handedOverAmount?.toFixed(2)).toBe("1234.75");
    expect(row.handover).toMatchObject({ receivingOrganizationId: w.cityBureau.id, handedOverById: w.leader.userId, receivedAt: now });
    expect(row.rectification).not.toBeNull();
  });

  it("takes the handover's day in China time: 2024-09-26 20:00 UTC is already 09-27 in Changchun", async () => {
    const w = await makeCaseWorld(t.db);
    const now = new Date("2024-09-26T20:00:00Z");
    const outcome = await handOver(t.db, w.leader, await readyForHandover(w, now), { now });
    expect(outcome.record.progressReportDueOn).toBe("2024-11-13");
  });

  it("hands over in December although the deadline reaches a year the calendar does not know: the due date waits for that year", async () => {
    const w = await makeCaseWorld(t.db);
    const now = new Date("2026-12-10T02:00:00Z");
    const ready = await readyForHandover(w, now);
    const outcome = await handOver(t.db, w.leader, ready, { now });
    expect(outcome.record).toMatchObject({ progressReportDueOn: null, progressReportDueAwaitsYear: 2027 });
    const row = await t.db.inspectionCase.findUniqueOrThrow({ where: { id: ready.caseId }, include: { handover: true, rectification: true } });
    expect([row.state, row.version, row.handoverReceivedAt, row.progressReportDueOn, row.progressReportDueAwaitsYear]).toEqual(["HANDED_OVER", ready.version + 1, now, null, 2027]);
    expect(row.handover).not.toBeNull();
    expect(row.rectification).not.toBeNull();
  });

  it("refuses a handover when the inspected region has no active city bureau to receive it", async () => {
    const w = await makeCaseWorld(t.db);
    const now = new Date("2024-09-27T02:00:00Z");
    const ready = await readyForHandover(w, now);
    await t.db.organization.update({ where: { id: w.cityBureau.id }, data: { active: false } });
    const error = await handOver(t.db, w.leader, ready, { now }).catch((e: unknown) => e);
    expect((error as DomainError).code).toBe("NO_RECEIVING_BUREAU");
    expect((await t.db.inspectionCase.findUniqueOrThrow({ where: { id: ready.caseId } })).state).toBe("RECORD_SIGNED");
  });
});

describe("listCases", () => {
  it("flags a case overdue the day after its progress report was due, with the working days left before that", async () => {
    const w = await makeCaseWorld(t.db);
    const handoverAt = new Date("2024-09-27T02:00:00Z");
    await handOver(t.db, w.leader, await readyForHandover(w, handoverAt), { now: handoverAt });
    const rowOn = async (now: string) => {
      const { rows } = await listCases(t.db, w.city, {}, new Date(now));
      return rows.find((r) => r.id === w.inspectionCase.id);
    };
    expect(await rowOn("2024-11-12T02:00:00Z")).toMatchObject({ overdue: false, workingDaysLeft: 1, progressReportDueOn: "2024-11-13" });
    expect(await rowOn("2024-11-13T15:59:00Z")).toMatchObject({ overdue: false, workingDaysLeft: 0 });
    expect(await rowOn("2024-11-13T16:00:00Z")).toMatchObject({ overdue: true, workingDaysLeft: -1 });
    expect(await rowOn("2024-11-13T16:00:00Z")).toMatchObject({ state: "HANDED_OVER", institution: { name: w.institution.name } });

    const rectification = await t.db.rectification.findUniqueOrThrow({ where: { caseId: w.inspectionCase.id } });
    await t.db.rectificationReport.create({
      data: { rectificationId: rectification.id, kind: "PROGRESS", summary: "进展", submittedById: w.city.userId, submittedAt: new Date("2024-11-14T02:00:00Z") },
    });
    expect(await rowOn("2024-11-20T02:00:00Z")).toMatchObject({ overdue: false, workingDaysLeft: null });
  });

  it("lists only what the actor may see, and counts the same: nothing before the notice for the institution and city", async () => {
    const w = await makeCaseWorld(t.db);
    const ids = async (actor: World["city"]) => {
      const { rows, total } = await listCases(t.db, actor);
      expect(total).toBe(rows.length);
      return rows.map((r) => r.id);
    };
    for (const actor of [w.city, w.institutionStaff, w.otherCity, w.otherInstitutionStaff, w.outsider]) expect(await ids(actor)).not.toContain(w.inspectionCase.id);
    expect(await ids(w.bureau)).toContain(w.inspectionCase.id);
    expect(await ids(w.leader)).toEqual([w.inspectionCase.id]);

    await deliverNotice(t.db, w.leader, { caseId: w.inspectionCase.id, version: 0, number: "通知2号", recipientName: "李某", recipientTitle: "副院长", staffPresentIds: [w.leader.userId, w.member.userId] });
    expect(await ids(w.city)).toEqual([w.inspectionCase.id]);
    expect(await ids(w.institutionStaff)).toEqual([w.inspectionCase.id]);
    expect(await ids(w.otherCity)).toEqual([]);
    expect(await ids(w.otherInstitutionStaff)).toEqual([]);
    expect((await listCases(t.db, w.bureau, { state: "NOTIFIED", institution: w.institution.name.slice(-8) })).rows.map((r) => r.id)).toEqual([w.inspectionCase.id]);
  });
});

describe("loadCaseFacts", () => {
  it("reads the records the guards need, money as exact strings, and the appeal window in working days from the handover", async () => {
    const w = await makeCaseWorld(t.db, { appealWindowWorkingDays: 5 });
    const handoverAt = new Date("2024-09-27T02:00:00Z");
    const ready = await readyForHandover(w, handoverAt, ["0.10", "0.20"]);
    expect(await loadCaseFacts(t.db, ready.caseId, handoverAt)).toEqual({
      commitmentLettersSigned: true,
      findingsCount: 2,
      teamSigned: true,
      institutionSigned: true,
      feedbackReportWritten: true,
      appealWindowOpen: false,
      openAppeals: 0,
      confirmationNoticeIssued: false,
      confirmedTotal: "0.00",
      refundNoticeIssued: false,
      refundedTotal: "0.00",
      handlingDiffersFromHandover: false,
      differenceExplained: false,
      rectificationReportSubmitted: false,
      progressReportSubmitted: false,
    });
    await handOver(t.db, w.leader, ready, { now: handoverAt });
    expect((await t.db.inspectionCase.findUniqueOrThrow({ where: { id: ready.caseId } })).handedOverAmount?.toFixed(2)).toBe("0.30");
    // 5 working days after 2024-09-27: 09-29, 09-30, 10-08, 10-09, 10-10.
    expect((await loadCaseFacts(t.db, ready.caseId, new Date("2024-10-10T15:00:00Z"))).appealWindowOpen).toBe(true);
    expect((await loadCaseFacts(t.db, ready.caseId, new Date("2024-10-10T16:00:00Z"))).appealWindowOpen).toBe(false);

    const notice = await t.db.refundNotice.create({ data: { caseId: ready.caseId, amount: "0.30", fundAccount: "医保基金专户", issuedById: w.city.userId, issuedAt: handoverAt } });
    await t.db.amountConfirmationNotice.create({ data: { caseId: ready.caseId, amount: "0.30", findingsAmount: "0.30", issuedById: w.city.userId, issuedAt: handoverAt } });
    for (const amount of ["0.10", "0.20"]) {
      const voucher = await t.db.fileObject.create({ data: { storageKey: `voucher-${amount}`, sha256: (amount === "0.10" ? "a" : "b").repeat(64), sizeBytes: 1, mediaType: "application/pdf", fileName: "扣减凭证.pdf", uploadedById: w.city.userId, uploadedAt: handoverAt } });
      await t.db.refund.create({ data: { refundNoticeId: notice.id, amount, method: "SETTLEMENT_DEDUCTION", paidOn: new Date("2024-10-20"), voucherFileId: voucher.id, recordedById: w.city.userId, recordedAt: handoverAt } });
    }
    expect(await loadCaseFacts(t.db, ready.caseId, handoverAt)).toMatchObject({ confirmationNoticeIssued: true, confirmedTotal: "0.30", refundNoticeIssued: true, refundedTotal: "0.30" });
  });
});

describe("getAllowedCaseEvents", () => {
  it("offers each actor exactly what the server would accept, and hides the case from those outside its scope", async () => {
    const w = await makeCaseWorld(t.db);
    const caseId = w.inspectionCase.id;
    expect(await getAllowedCaseEvents(t.db, w.leader, caseId)).toEqual({ version: 0, events: ["DELIVER_NOTICE"] });
    expect(await getAllowedCaseEvents(t.db, w.member, caseId)).toEqual({ version: 0, events: [] });
    expect(await getAllowedCaseEvents(t.db, w.bureau, caseId)).toEqual({ version: 0, events: ["CANCEL"] });
    await expect(getAllowedCaseEvents(t.db, w.institutionStaff, caseId)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const now = new Date("2024-09-27T02:00:00Z");
    const ready = await readyForHandover(w, now);
    expect(await getAllowedCaseEvents(t.db, w.leader, caseId, now)).toEqual({ version: ready.version, events: ["WRITE_FEEDBACK_REPORT", "HAND_OVER"] });
    expect(await getAllowedCaseEvents(t.db, w.institutionStaff, caseId, now)).toEqual({ version: ready.version, events: [] });
  });
});
