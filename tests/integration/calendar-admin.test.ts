import { describe, expect, it } from "vitest";
import { confirmCalendarYear, setCalendarOverride } from "@/lib/server/calendar-admin";
import { loadWorkingDayCalendar } from "@/lib/server/calendar";
import { makeActor } from "../factories";
import { ARRANGEMENT_2027, yearInput } from "../factories/calendar";
import { setupTestDatabase } from "./support/db";

const t = setupTestDatabase();

describe("the bureau keeps the working-day calendar", () => {
  it("a year beyond the built-in arrangements computes only after the administrator enters and confirms it", async () => {
    const admin = await makeActor(t.db, "BUREAU_ADMIN");
    const before = await loadWorkingDayCalendar(t.db);
    expect(() => before.addWorkingDays("2026-12-30", 3)).toThrow(/2027/);

    await setCalendarOverride(t.db, admin, { date: "2027-03-08", working: false, note: "单日调整" });
    expect(() => before.addWorkingDays("2026-12-30", 3)).toThrow(/2027/);
    await confirmCalendarYear(t.db, admin, yearInput(2027, ARRANGEMENT_2027));
    const after = await loadWorkingDayCalendar(t.db);
    // 2026-12-30 (Wed) → 31 (Thu) 1, 2027-01-01..03 off, 01-04 2, 01-05 3.
    expect(after.addWorkingDays("2026-12-30", 3)).toBe("2027-01-05");
    expect(after.isWorkingDay("2027-01-01")).toBe(false);
    expect(after.isWorkingDay("2027-01-31")).toBe(true);
    // The single-day correction entered before counts with the arrangement.
    expect(after.isWorkingDay("2027-03-08")).toBe(false);

    const audit = await t.db.auditEvent.findMany({ where: { actorId: admin.userId }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["calendar.override", "calendar.confirmYear"]);
  });

  it("correcting a day replaces the earlier entry", async () => {
    const admin = await makeActor(t.db, "BUREAU_ADMIN");
    await setCalendarOverride(t.db, admin, { date: "2027-03-13", working: true, note: "调休上班" });
    await setCalendarOverride(t.db, admin, { date: "2027-03-13", working: false, note: "更正：放假" });
    expect(await t.db.calendarOverride.findMany({ where: { date: new Date("2027-03-13T00:00:00Z") } })).toMatchObject([{ working: false, note: "更正：放假", version: 1 }]);
    expect((await loadWorkingDayCalendar(t.db)).isWorkingDay("2027-03-13")).toBe(false);
  });
});
