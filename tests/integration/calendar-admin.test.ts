import { describe, expect, it } from "vitest";
import { confirmCalendarYear, setCalendarOverride } from "@/lib/server/calendar-admin";
import { loadWorkingDayCalendar } from "@/lib/server/calendar";
import { makeActor } from "../factories";
import { setupTestDatabase } from "./support/db";

const t = setupTestDatabase();

describe("the bureau keeps the working-day calendar", () => {
  it("a year beyond the built-in arrangements computes only after the administrator enters and confirms it", async () => {
    const admin = await makeActor(t.db, "BUREAU_ADMIN");
    const before = await loadWorkingDayCalendar(t.db);
    expect(() => before.addWorkingDays("2026-12-30", 3)).toThrow(/2027/);

    await setCalendarOverride(t.db, admin, { date: "2027-01-01", working: false, note: "元旦" });
    await confirmCalendarYear(t.db, admin, { year: 2027, sourceNotice: "国务院办公厅关于2027年部分节假日安排的通知" });
    const after = await loadWorkingDayCalendar(t.db);
    // 2026-12-30 (Wed) → 31 (Thu), then 2027-01-01 is off and 2/3 a weekend: the 3rd working day is 01-05.
    expect(after.addWorkingDays("2026-12-30", 3)).toBe("2027-01-05");
    expect(after.isWorkingDay("2027-01-01")).toBe(false);

    const audit = await t.db.auditEvent.findMany({ where: { actorId: admin.userId }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["calendar.override", "calendar.confirmYear"]);
  });

  it("correcting a day replaces the earlier entry", async () => {
    const admin = await makeActor(t.db, "BUREAU_ADMIN");
    await setCalendarOverride(t.db, admin, { date: "2027-02-06", working: true, note: "春节调休上班" });
    await setCalendarOverride(t.db, admin, { date: "2027-02-06", working: false, note: "更正：放假" });
    expect(await t.db.calendarOverride.findMany({ where: { date: new Date("2027-02-06T00:00:00Z") } })).toMatchObject([{ working: false, note: "更正：放假", version: 1 }]);
    expect((await loadWorkingDayCalendar(t.db)).isWorkingDay("2027-02-06")).toBe(false);
  });
});
