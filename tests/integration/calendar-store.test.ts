// The working-day calendar as the server builds it from the database (lib/server/calendar.ts): the bureau's
// overrides and completed years, over the published arrangements, cached per process until invalidated.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CalendarError } from "@/lib/domain/calendar";
import { invalidateCalendarCache, loadWorkingDayCalendar } from "@/lib/server/calendar";
import { makeUser } from "../factories";
import { setupTestDatabase } from "./support/db";

const t = setupTestDatabase();
let adminId: string;

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const override = (date: string, working: boolean, note?: string) =>
  t.db.calendarOverride.create({ data: { date: day(date), working, note, createdById: adminId } });

/** The calendar's refusal code, or null when `work` succeeds. */
function refusal(work: () => unknown): string | null {
  try {
    work();
    return null;
  } catch (error) {
    if (error instanceof CalendarError) return error.code;
    throw error;
  }
}

beforeAll(async () => {
  adminId = (await makeUser(t.db, "BUREAU_ADMIN")).id;
});
beforeEach(() => invalidateCalendarCache());
afterEach(async () => {
  await t.db.calendarOverride.deleteMany();
  await t.db.calendarYear.deleteMany();
  invalidateCalendarCache();
});

describe("working-day calendar from the database", () => {
  it("applies a day off the bureau entered: the next working day after Wednesday 2026-03-11 becomes Friday", async () => {
    expect((await loadWorkingDayCalendar(t.db)).addWorkingDays("2026-03-11", 1)).toBe("2026-03-12");
    await override("2026-03-12", false, "临时调整");
    invalidateCalendarCache();
    const calendar = await loadWorkingDayCalendar(t.db);
    expect(calendar.isWorkingDay("2026-03-12")).toBe(false);
    expect(calendar.addWorkingDays("2026-03-11", 1)).toBe("2026-03-13");
  });

  it("applies a make-up working day (调休) entered on a Saturday", async () => {
    await override("2026-03-14", true, "调休上班");
    const calendar = await loadWorkingDayCalendar(t.db);
    expect(calendar.addWorkingDays("2026-03-13", 1)).toBe("2026-03-14");
    expect(calendar.workingDaysBetween("2026-03-13", "2026-03-16")).toBe(2);
  });

  it("refuses a 2027 date until CalendarYear 2027 is marked complete, entered days notwithstanding", async () => {
    let calendar = await loadWorkingDayCalendar(t.db);
    expect(refusal(() => calendar.isWorkingDay("2027-01-04"))).toBe("CALENDAR_YEAR_UNKNOWN");
    // A deadline that walks into 2027 is refused too, not counted by weekdays.
    expect(refusal(() => calendar.addWorkingDays("2026-12-31", 1))).toBe("CALENDAR_YEAR_UNKNOWN");

    // Half-entered: the New Year holiday is in, the year is not confirmed.
    await t.db.calendarYear.create({ data: { year: 2027, complete: false, sourceNotice: "国务院办公厅关于2027年部分节假日安排的通知" } });
    await override("2027-01-01", false, "元旦");
    invalidateCalendarCache();
    calendar = await loadWorkingDayCalendar(t.db);
    expect(refusal(() => calendar.addWorkingDays("2026-12-31", 1))).toBe("CALENDAR_YEAR_UNKNOWN");

    await t.db.calendarYear.update({ where: { year: 2027 }, data: { complete: true, confirmedById: adminId, confirmedAt: new Date(), version: { increment: 1 } } });
    invalidateCalendarCache();
    calendar = await loadWorkingDayCalendar(t.db);
    expect(calendar.knownYears).toContain(2027);
    // Friday 2027-01-01 is the holiday entered, so the next working day is Monday 2027-01-04.
    expect(calendar.addWorkingDays("2026-12-31", 1)).toBe("2027-01-04");
  });

  it("serves the cached calendar until invalidated, then reads the new entries", async () => {
    const first = await loadWorkingDayCalendar(t.db);
    await override("2026-03-12", false);
    const cached = await loadWorkingDayCalendar(t.db);
    expect(cached).toBe(first);
    expect(cached.addWorkingDays("2026-03-11", 1)).toBe("2026-03-12");

    invalidateCalendarCache();
    const fresh = await loadWorkingDayCalendar(t.db);
    expect(fresh).not.toBe(first);
    expect(fresh.addWorkingDays("2026-03-11", 1)).toBe("2026-03-13");
  });

  it("shares one read between callers that arrive together", async () => {
    const [a, b] = await Promise.all([loadWorkingDayCalendar(t.db), loadWorkingDayCalendar(t.db)]);
    expect(a).toBe(b);
  });

  it("does not keep a failed read: the next call reads again", async () => {
    const failing = {
      calendarOverride: { findMany: () => Promise.reject(new Error("connection lost")) },
      calendarYear: t.db.calendarYear,
    } as unknown as Parameters<typeof loadWorkingDayCalendar>[0];
    await expect(loadWorkingDayCalendar(failing)).rejects.toThrow("connection lost");
    await expect(loadWorkingDayCalendar(t.db)).resolves.toBeDefined();
  });
});
