// Issue 12 item 7: from late November every handover reached a year the calendar did not know and was refused.
// Now the step goes ahead, the deadline waits for the year's arrangement, and confirming the year fills it in.
import { beforeEach, describe, expect, it } from "vitest";
import { deliverNotice, endHandling, handOver, recordFinding, signRecordAsInstitution, signRecordAsTeam, startOnSite, writeFeedbackReport } from "../support/case-operations";
import { confirmCalendarYear, listCalendarTasks } from "@/lib/server/calendar-admin";
import { invalidateCalendarCache, loadWorkingDayCalendar, lockCalendarForConfirmation } from "@/lib/server/calendar";
import { countCases } from "@/lib/server/cases/counts";
import { loadCaseFacts } from "@/lib/server/cases/facts";
import { getCaseFile } from "@/lib/server/cases/get-case-file";
import { listCases } from "@/lib/server/cases/read";
import { DomainError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/actor";
import { makeActor } from "../factories";
import { ARRANGEMENT_2027, yearInput } from "../factories/calendar";
import { makeCaseWorld } from "../factories/cases";
import { setupTestDatabase } from "./support/db";

const t = setupTestDatabase();
type World = Awaited<ReturnType<typeof makeCaseWorld>>;

// Today, as the issue was written: a Sunday; 30 working days from it reach 2027, which chinese-days@1.5.7 does not know.
const NOV_29 = new Date("2026-11-29T02:00:00Z");
const at = (iso: string) => new Date(`${iso}T02:00:00Z`);

let admin: Actor;
beforeEach(async () => {
  // Each test starts with the built-in calendar only: 2027 unknown.
  await t.db.calendarHoliday.deleteMany();
  await t.db.calendarOverride.deleteMany();
  await t.db.calendarYear.deleteMany();
  invalidateCalendarCache();
  admin = await makeActor(t.db, "BUREAU_ADMIN");
});

/** Carries the world's case to RECORD_SIGNED with its feedback report; returns the handover's command. */
async function readyForHandover(w: World, now: Date) {
  const caseId = w.inspectionCase.id;
  await deliverNotice(t.db, w.leader, { caseId, version: 0, number: "通知1号", recipientName: "王某", recipientTitle: "院长", staffPresentIds: [w.leader.userId, w.member.userId] }, { now });
  await startOnSite(t.db, w.leader, { caseId, version: 1 }, { now });
  await recordFinding(t.db, w.member, { caseId, version: 2, violationTypeId: w.violationType.id, legalBasis: "条例第三十八条", description: "串换", amount: "100.00" }, { now });
  await signRecordAsTeam(t.db, w.leader, { caseId, version: 3 }, { now });
  await signRecordAsInstitution(t.db, w.institutionStaff, { caseId, version: 4 }, { now });
  await writeFeedbackReport(t.db, w.leader, { caseId, version: 5, summary: "反馈报告" }, { now });
  return { caseId, version: 6 };
}

async function handedOverOn(now: Date, options: { appealWindowWorkingDays?: number } = {}) {
  const w = await makeCaseWorld(t.db, options);
  const ready = await readyForHandover(w, now);
  const outcome = await handOver(t.db, w.leader, ready, { now });
  return { w, caseId: ready.caseId, outcome };
}

const caseRow = (id: string) => t.db.inspectionCase.findUniqueOrThrow({ where: { id } });
const confirm2027 = () => confirmCalendarYear(t.db, admin, yearInput(2027, ARRANGEMENT_2027));

describe("a handover in late November is no longer refused", () => {
  it("a handover on 2026-11-29 goes ahead: the case is handed over, its progress deadline pending the 2027 arrangement", async () => {
    const { w, caseId, outcome } = await handedOverOn(NOV_29);
    expect(outcome).toMatchObject({ state: "HANDED_OVER", record: { progressReportDueOn: null, progressReportDueAwaitsYear: 2027 } });
    const row = await caseRow(caseId);
    expect([row.state, row.handoverReceivedAt, row.progressReportDueOn, row.progressReportDueAwaitsYear]).toEqual(["HANDED_OVER", NOV_29, null, 2027]);
    expect(await t.db.rectification.count({ where: { caseId } })).toBe(1);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: caseId, action: "case.handOver" } });
    expect(audit.after).toMatchObject({ record: { progressReportDueAwaitsYear: 2027 } });

    // Shown as pending everywhere deadlines show, never overdue nor counted down, even long after.
    for (const today of [NOV_29, at("2027-06-30")]) {
      const listed = (await listCases(t.db, w.city, {}, today)).rows.find((r) => r.id === caseId);
      expect(listed).toMatchObject({ deadlineKind: "PROGRESS_REPORT", deadlineDueOn: null, deadlineAwaitsYear: 2027, workingDaysLeft: null, overdue: false });
      expect((await getCaseFile(t.db, w.bureau, caseId, today)).deadline).toEqual({ kind: "PROGRESS_REPORT", dueOn: null, awaitsYear: 2027, daysLeft: null, overdue: false });
      expect((await countCases(t.db, w.bureau, today)).overdue).toBe(0);
    }
    // The administrator is asked for the year, with the cases that wait for it.
    expect(await listCalendarTasks(t.db, admin, NOV_29)).toEqual([{ year: 2027, waitingCases: await t.db.inspectionCase.count({ where: { progressReportDueAwaitsYear: 2027 } }) }]);
  });

  it("the administrator confirms 2027: the waiting case's due date is filled in (2027-01-11), audited, in the confirmation's transaction", async () => {
    const { w, caseId } = await handedOverOn(NOV_29);
    const before = await caseRow(caseId);
    const confirmed = await confirm2027();
    expect(confirmed).toMatchObject({ year: 2027, complete: true, workingDays: 249 });
    expect(confirmed.filled).toContainEqual({ caseId, kind: "PROGRESS_REPORT", dueOn: "2027-01-11", awaitsYear: null });

    const row = await caseRow(caseId);
    // 2026-11-30..12-31: 24 working days; 2027-01-01..03 off; 01-04..08 (25–29), 01-11 (30).
    expect([row.progressReportDueOn, row.progressReportDueAwaitsYear]).toEqual([new Date("2027-01-11T00:00:00Z"), null]);
    // A filled-in date changes no guard's facts: the clerk's open page stays current.
    expect(row.version).toBe(before.version);

    const audit = await t.db.auditEvent.findMany({ where: { OR: [{ action: "calendar.confirmYear" }, { action: "case.deadlineFilled", entityId: caseId }] }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["calendar.confirmYear", admin.userId], ["case.deadlineFilled", admin.userId]]);
    expect(audit[1]).toMatchObject({ entity: "InspectionCase", before: { kind: "PROGRESS_REPORT", awaitsYear: 2027 }, after: { kind: "PROGRESS_REPORT", dueOn: "2027-01-11" } });
    expect((await t.db.auditEvent.findFirstOrThrow({ where: { action: "calendar.confirmYear" } })).after).toMatchObject({ year: 2027, workingDays: 249 });

    const listed = (await listCases(t.db, w.city, {}, at("2027-01-08"))).rows.find((r) => r.id === caseId);
    expect(listed).toMatchObject({ deadlineDueOn: "2027-01-11", deadlineAwaitsYear: null, workingDaysLeft: 1, overdue: false });
    expect((await listCases(t.db, w.city, {}, at("2027-01-12"))).rows.find((r) => r.id === caseId)).toMatchObject({ overdue: true });
    expect(await listCalendarTasks(t.db, admin, NOV_29)).toEqual([]);
  });

  it("an incomplete 2027 is refused, naming what is missing, writes nothing, and the deadline keeps waiting", async () => {
    const { caseId } = await handedOverOn(NOV_29);
    const partial = Object.fromEntries(Object.entries(ARRANGEMENT_2027).filter(([holiday]) => holiday !== "DRAGON_BOAT" && holiday !== "MID_AUTUMN"));
    const auditBefore = await t.db.auditEvent.count();
    const error = await confirmCalendarYear(t.db, admin, yearInput(2027, partial)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("VALIDATION");
    expect((error as DomainError).fieldErrors).toEqual({
      "holidays.DRAGON_BOAT.firstDayOff": "validation.holidayMissing",
      "holidays.DRAGON_BOAT.lastDayOff": "validation.holidayMissing",
      "holidays.MID_AUTUMN.firstDayOff": "validation.holidayMissing",
      "holidays.MID_AUTUMN.lastDayOff": "validation.holidayMissing",
    });
    expect([await t.db.calendarYear.count(), await t.db.calendarOverride.count(), await t.db.calendarHoliday.count(), await t.db.auditEvent.count()]).toEqual([0, 0, 0, auditBefore]);
    expect((await caseRow(caseId)).progressReportDueAwaitsYear).toBe(2027);
  });

  it("a working-day count far from the usual (make-up days forgotten: 243) asks for explicit confirmation", async () => {
    const forgotten = Object.fromEntries(Object.entries(ARRANGEMENT_2027).map(([holiday, entry]) => [holiday, { ...entry, makeUpWorkingDays: [] }]));
    const error = await confirmCalendarYear(t.db, admin, yearInput(2027, forgotten)).catch((e: unknown) => e);
    expect((error as DomainError).fieldErrors).toEqual({ confirmUnusualCount: "validation.unusualWorkingDays" });
    expect(await t.db.calendarYear.count()).toBe(0);
    expect(await confirmCalendarYear(t.db, admin, yearInput(2027, forgotten, { confirmUnusualCount: true }))).toMatchObject({ workingDays: 243 });
  });

  it("entering 2027 again corrects its days: a make-up day dropped from the notice is no longer a working day", async () => {
    await confirm2027();
    expect(await t.db.calendarOverride.findUnique({ where: { date: new Date("2027-02-20T00:00:00Z") } })).toMatchObject({ working: true });
    const corrected = { ...ARRANGEMENT_2027, SPRING_FESTIVAL: { ...ARRANGEMENT_2027.SPRING_FESTIVAL, makeUpWorkingDays: ["2027-01-31"] } };
    expect(await confirmCalendarYear(t.db, admin, yearInput(2027, corrected))).toMatchObject({ workingDays: 248, version: 1 });
    expect(await t.db.calendarOverride.findUnique({ where: { date: new Date("2027-02-20T00:00:00Z") } })).toBeNull();
    expect(await t.db.calendarHoliday.count({ where: { year: 2027 } })).toBe(7);
  });

  it("refuses the administrator's confirmation to bureau staff", async () => {
    const staff = await makeActor(t.db, "BUREAU_STAFF");
    await expect(confirmCalendarYear(t.db, staff, yearInput(2027, ARRANGEMENT_2027))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listCalendarTasks(t.db, staff, NOV_29)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("deadlines across a year end and a holiday", () => {
  it("a handover on 2026-12-20 after 2027 is confirmed is due 2027-01-31, a make-up working Sunday", async () => {
    await confirm2027();
    const { outcome } = await handedOverOn(at("2026-12-20"));
    // 12-21..25 (5), 12-28..31 (9), 2027-01-04..29 (10–29, 01-01..03 off), 01-31 worked (30).
    expect(outcome.record).toMatchObject({ progressReportDueOn: "2027-01-31", progressReportDueAwaitsYear: null });
  });

  it("a handover before 2026 National Day is due 2026-11-12, over 10-01..10-07 off and 10-10 worked", async () => {
    const { outcome } = await handedOverOn(at("2026-09-25"));
    expect(outcome.record).toMatchObject({ progressReportDueOn: "2026-11-12", progressReportDueAwaitsYear: null });
  });

  it("ending the handling on 2026-12-28 goes ahead with the written report pending 2027; confirming 2027 makes it due 2027-01-05", async () => {
    const w = await makeCaseWorld(t.db);
    const caseId = w.inspectionCase.id;
    await t.db.inspectionCase.update({ where: { id: caseId }, data: { state: "REFUNDED", noticeDeliveredAt: at("2026-09-01"), handoverReceivedAt: at("2026-09-25"), progressReportDueOn: new Date("2026-11-12T00:00:00Z"), handedOverAmount: "100.00" } });
    const ended = await endHandling(t.db, w.city, { caseId, version: 0, handledAmount: "100.00" }, { now: at("2026-12-28") });
    expect(ended).toMatchObject({ state: "RECTIFYING", record: { writtenReportDueOn: null, writtenReportDueAwaitsYear: 2027 } });
    expect((await listCases(t.db, w.city, {}, at("2027-02-01"))).rows.find((r) => r.id === caseId)).toMatchObject({ deadlineKind: "WRITTEN_REPORT", deadlineAwaitsYear: 2027, overdue: false });

    expect((await confirm2027()).filled).toContainEqual({ caseId, kind: "WRITTEN_REPORT", dueOn: "2027-01-05", awaitsYear: null });
    expect((await caseRow(caseId)).writtenReportDueOn).toEqual(new Date("2027-01-05T00:00:00Z"));
  });

  it("an appeal window reaching 2027 stays open instead of breaking every step of the case; once 2027 is known it closes on its day", async () => {
    const { caseId } = await handedOverOn(at("2026-12-24"), { appealWindowWorkingDays: 10 });
    expect((await loadCaseFacts(t.db, caseId, at("2026-12-31"))).appealWindowOpen).toBe(true);
    // In 2027 with 2027 unknown the last day cannot be told: the party's right to appeal is not cut short.
    expect((await loadCaseFacts(t.db, caseId, at("2027-01-20"))).appealWindowOpen).toBe(true);
    await confirm2027();
    // 12-25 (1), 12-28..31 (5), 2027-01-04..08 (10).
    expect((await loadCaseFacts(t.db, caseId, new Date("2027-01-08T15:59:00Z"))).appealWindowOpen).toBe(true);
    expect((await loadCaseFacts(t.db, caseId, new Date("2027-01-08T16:00:00Z"))).appealWindowOpen).toBe(false);
  });
});

describe("a deadline is never stored pending after the confirmation that would fill it", () => {
  it("a handover while the administrator is confirming the year is asked to try again, and writes nothing", async () => {
    const w = await makeCaseWorld(t.db);
    const ready = await readyForHandover(w, NOV_29);
    const error = await t.db.$transaction(async (tx) => {
      await lockCalendarForConfirmation(tx);
      return handOver(t.db, w.leader, ready, { now: NOV_29 }).catch((e: unknown) => e);
    });
    expect(error).toBeInstanceOf(DomainError);
    expect([(error as DomainError).code, (error as DomainError).messageKey]).toEqual(["CONFLICT", "errors.calendarBeingConfirmed"]);
    expect(await caseRow(ready.caseId)).toMatchObject({ state: "RECORD_SIGNED", version: ready.version, progressReportDueAwaitsYear: null });
    // Once the confirmation is over, the same handover goes through.
    expect((await handOver(t.db, w.leader, ready, { now: NOV_29 })).record).toMatchObject({ progressReportDueAwaitsYear: 2027 });
  });

  it("a handover whose cached calendar predates the confirmation reads the calendar again and stores the date", async () => {
    const w = await makeCaseWorld(t.db);
    const ready = await readyForHandover(w, NOV_29);
    // Another process confirmed 2027: this one's cache, filled before, still lacks it.
    expect((await loadWorkingDayCalendar(t.db)).knownYears).not.toContain(2027);
    await t.db.calendarYear.create({ data: { year: 2027, complete: true, sourceNotice: "另一进程确认" } });
    const outcome = await handOver(t.db, w.leader, ready, { now: NOV_29 });
    expect(outcome.record).toMatchObject({ progressReportDueAwaitsYear: null, progressReportDueOn: "2027-01-08" });
  });
});
