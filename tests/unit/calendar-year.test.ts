import { describe, expect, it } from "vitest";
import { CalendarError, createCalendar, isOnOrBeforeDeadline, workingDayDeadline } from "@/lib/domain/calendar";
import { PUBLISHED_YEARS } from "@/lib/domain/calendar-data";
import { checkYearArrangement, STATUTORY_HOLIDAYS, USUAL_WORKING_DAYS, workingDaysInYear } from "@/lib/domain/calendar-year";
import { holidayEntriesOf, ZCalendarYearInput } from "@/lib/validation/calendar";
import { ARRANGEMENT_2027, yearInput } from "../factories/calendar";

const without = (...left: (keyof typeof ARRANGEMENT_2027)[]) => Object.fromEntries(Object.entries(ARRANGEMENT_2027).filter(([holiday]) => !left.includes(holiday as never)));
const calendar2027 = () => createCalendar(checkYearArrangement(2027, ARRANGEMENT_2027).days, { completeYears: [2027] });

describe("a year's holiday arrangement is checked before the year is confirmed", () => {
  it("a complete arrangement spells out its days and counts 249 working days for 2027", () => {
    const check = checkYearArrangement(2027, ARRANGEMENT_2027, [], "通知");
    expect(check.problems).toEqual([]);
    expect(check.missing).toEqual([]);
    expect(check.workingDays).toBe(249);
    expect(check.usual).toBe(true);
    expect(check.days).toContainEqual({ date: "2027-02-05", working: false, note: "通知" });
    expect(check.days).toContainEqual({ date: "2027-01-31", working: true, note: "通知" });
    // Spring Festival 02-05..02-13 (9), National Day 10-01..10-07 (7), …: every day off once, make-up days once.
    expect(check.days.filter((d) => !d.working)).toHaveLength(3 + 9 + 3 + 5 + 1 + 1 + 7);
    expect(check.days.filter((d) => d.working)).toHaveLength(6);
  });

  it("names the holidays missing from an incomplete entry (Dragon Boat and Mid-Autumn left out), and counts nothing", () => {
    const check = checkYearArrangement(2027, without("DRAGON_BOAT", "MID_AUTUMN"));
    expect(check.missing).toEqual(["DRAGON_BOAT", "MID_AUTUMN"]);
    expect(check.problems).toContainEqual({ holiday: "DRAGON_BOAT", field: "firstDayOff", problem: "MISSING" });
    expect(check.workingDays).toBeNull();
    expect(check.usual).toBe(false);
    expect(checkYearArrangement(2027, {}).missing).toEqual([...STATUTORY_HOLIDAYS]);
  });

  it("a holiday with its first day off but not its last is missing too", () => {
    const check = checkYearArrangement(2027, { ...ARRANGEMENT_2027, QINGMING: { firstDayOff: "2027-04-03" } });
    expect(check.missing).toEqual(["QINGMING"]);
    expect(check.problems).toEqual([{ holiday: "QINGMING", field: "lastDayOff", problem: "MISSING" }]);
  });

  it("refuses dates that do not fit: another year, backwards, too long, a make-up day on a weekday or inside the holiday", () => {
    const check = checkYearArrangement(2027, {
      ...ARRANGEMENT_2027,
      QINGMING: { firstDayOff: "2028-04-03", lastDayOff: "2028-04-05" },
      DRAGON_BOAT: { firstDayOff: "2027-06-11", lastDayOff: "2027-06-09" },
      NATIONAL_DAY: { firstDayOff: "2027-10-01", lastDayOff: "2027-10-17", makeUpWorkingDays: ["2027-09-27"] },
      SPRING_FESTIVAL: { firstDayOff: "2027-02-05", lastDayOff: "2027-02-13", makeUpWorkingDays: ["2027-02-06", "2027-02-20"] },
    });
    expect(check.problems).toEqual([
      { holiday: "QINGMING", field: "firstDayOff", problem: "OUTSIDE_YEAR" },
      { holiday: "QINGMING", field: "lastDayOff", problem: "OUTSIDE_YEAR" },
      { holiday: "DRAGON_BOAT", field: "lastDayOff", problem: "ORDER" },
      { holiday: "NATIONAL_DAY", field: "lastDayOff", problem: "TOO_LONG" },
      { holiday: "NATIONAL_DAY", field: "makeUpWorkingDays", index: 0, problem: "NOT_A_WEEKEND" },
      { holiday: "SPRING_FESTIVAL", field: "makeUpWorkingDays", index: 0, problem: "ALSO_DAY_OFF" },
    ]);
    expect(check.workingDays).toBeNull();
  });

  it("lets New Year's Day begin in the December before, as 2019's did (2018-12-30 to 2019-01-01, 2018-12-29 worked)", () => {
    const check = checkYearArrangement(2027, { ...ARRANGEMENT_2027, NEW_YEAR: { firstDayOff: "2026-12-31", lastDayOff: "2027-01-01", makeUpWorkingDays: ["2026-12-26"] } });
    expect(check.problems).toEqual([]);
    expect(check.days).toContainEqual({ date: "2026-12-31", working: false });
    expect(checkYearArrangement(2027, { ...ARRANGEMENT_2027, MID_AUTUMN: { firstDayOff: "2026-12-31", lastDayOff: "2026-12-31" } }).problems).toEqual([
      { holiday: "MID_AUTUMN", field: "firstDayOff", problem: "OUTSIDE_YEAR" },
      { holiday: "MID_AUTUMN", field: "lastDayOff", problem: "OUTSIDE_YEAR" },
    ]);
  });

  it("takes Mid-Autumn and National Day given as one period (2025: 10-01 to 10-08) once", () => {
    const check = checkYearArrangement(2027, { ...ARRANGEMENT_2027, MID_AUTUMN: { firstDayOff: "2027-10-01", lastDayOff: "2027-10-08" }, NATIONAL_DAY: { firstDayOff: "2027-10-01", lastDayOff: "2027-10-08", makeUpWorkingDays: ["2027-09-26", "2027-10-09"] } });
    expect(check.problems).toEqual([]);
    expect(check.days.filter((d) => d.date === "2027-10-08")).toHaveLength(1);
    expect(check.workingDays).toBe(249); // 09-15 worked again, 10-08 off instead
  });

  it("the usual band holds every built-in year 2004–2026 (248–252 working days), so no real arrangement is flagged", () => {
    const counts = PUBLISHED_YEARS.map((year) => workingDaysInYear(createCalendar(), year));
    expect(PUBLISHED_YEARS[0]).toBe(2004);
    expect(Math.min(...counts)).toBe(248);
    expect(Math.max(...counts)).toBe(252);
    for (const count of counts) expect(count >= USUAL_WORKING_DAYS.min && count <= USUAL_WORKING_DAYS.max).toBe(true);
  });

  it("flags a count far from the usual: the make-up working days forgotten gives 243", () => {
    const forgotten = Object.fromEntries(Object.entries(ARRANGEMENT_2027).map(([holiday, entry]) => [holiday, { ...entry, makeUpWorkingDays: [] }]));
    const check = checkYearArrangement(2027, forgotten);
    expect(check.problems).toEqual([]);
    expect(check.workingDays).toBe(243);
    expect(check.usual).toBe(false);
  });

  it("counts the bureau's other day entries for the year, the arrangement winning on its own dates", () => {
    const check = checkYearArrangement(2027, ARRANGEMENT_2027, [{ date: "2027-03-08", working: false }, { date: "2027-02-05", working: true }]);
    expect(check.workingDays).toBe(248);
    expect(check.days).toContainEqual({ date: "2027-02-05", working: false });
  });
});

describe("the year form's schema runs the same check", () => {
  it("marks each missing holiday's fields, so the browser and the server show the same refusal", () => {
    const parsed = ZCalendarYearInput.safeParse(yearInput(2027, without("DRAGON_BOAT", "MID_AUTUMN")));
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(paths).toEqual([
      ["holidays.DRAGON_BOAT.firstDayOff", "validation.holidayMissing"],
      ["holidays.DRAGON_BOAT.lastDayOff", "validation.holidayMissing"],
      ["holidays.MID_AUTUMN.firstDayOff", "validation.holidayMissing"],
      ["holidays.MID_AUTUMN.lastDayOff", "validation.holidayMissing"],
    ]);
  });

  it("accepts a complete year with the form's empty make-up fields, leaving them out", () => {
    const input = yearInput(2027, { ...ARRANGEMENT_2027, DRAGON_BOAT: { ...ARRANGEMENT_2027.DRAGON_BOAT, makeUpWorkingDays: ["", ""] } });
    const parsed = ZCalendarYearInput.parse(input);
    expect(holidayEntriesOf(parsed.holidays).DRAGON_BOAT).toEqual({ firstDayOff: "2027-06-09", lastDayOff: "2027-06-09", makeUpWorkingDays: [] });
  });
});

describe("a deadline that reaches a year the calendar does not know is pending, not refused", () => {
  it("a handover on 2026-11-29 (30 working days) waits for 2027; with 2027 confirmed it is due 2027-01-11", () => {
    expect(workingDayDeadline(createCalendar(), "2026-11-29", 30)).toEqual({ status: "PENDING", awaitsYear: 2027 });
    // 2026-11-30..12-31 gives 24 working days; 2027-01-01..03 off; 01-04..08 (25–29), 01-11 (30).
    expect(workingDayDeadline(calendar2027(), "2026-11-29", 30)).toEqual({ status: "DUE", dueOn: "2027-01-11" });
  });

  it("a deadline inside a known year is due as before (across 2026 National Day: 09-25 + 30 = 11-12)", () => {
    expect(workingDayDeadline(createCalendar(), "2026-09-25", 30)).toEqual({ status: "DUE", dueOn: "2026-11-12" });
    expect(workingDayDeadline(createCalendar(), "2026-12-24", 5)).toEqual({ status: "DUE", dueOn: "2026-12-31" });
    expect(workingDayDeadline(createCalendar(), "2026-12-25", 5)).toEqual({ status: "PENDING", awaitsYear: 2027 });
  });

  it("a start in an unknown year waits for that year; a calendar knowing 2027 moves it on to 2028", () => {
    expect(workingDayDeadline(createCalendar(), "2027-01-05", 5)).toEqual({ status: "PENDING", awaitsYear: 2027 });
    expect(workingDayDeadline(calendar2027(), "2027-12-20", 30)).toEqual({ status: "PENDING", awaitsYear: 2028 });
  });

  it("still refuses what is not a calendar question: a malformed date", () => {
    expect(() => workingDayDeadline(createCalendar(), "2026-02-30", 5)).toThrow(CalendarError);
  });

  it("a pending deadline is ahead while today is in an earlier year, unknown once today is in the year it waits for", () => {
    const pending = { status: "PENDING", awaitsYear: 2027 } as const;
    expect(isOnOrBeforeDeadline(pending, "2026-12-31")).toBe(true);
    expect(isOnOrBeforeDeadline(pending, "2027-01-02")).toBeNull();
    expect(isOnOrBeforeDeadline({ status: "DUE", dueOn: "2026-12-31" }, "2026-12-31")).toBe(true);
    expect(isOnOrBeforeDeadline({ status: "DUE", dueOn: "2026-12-31" }, "2027-01-01")).toBe(false);
  });
});
