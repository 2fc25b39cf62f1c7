import { isWorkday as packageIsWorkday } from "chinese-days";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  CalendarError,
  type CalendarErrorCode,
  createCalendar,
  isWorkingDay,
  workingDaysBetween,
} from "@/lib/domain/calendar";

const MS_PER_DAY = 86_400_000;
const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY;
const isoOf = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
const datesFrom = (firstIso: string, lastIso: string): string[] => {
  const dates: string[] = [];
  for (let day = dayNumber(firstIso); day <= dayNumber(lastIso); day++) dates.push(isoOf(day));
  return dates;
};
const isWeekend = (iso: string): boolean => [0, 6].includes(new Date(`${iso}T00:00:00Z`).getUTCDay());

function expectCalendarError(run: () => unknown, code: CalendarErrorCode, messagePart?: string): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(CalendarError);
  expect((thrown as CalendarError).code).toBe(code);
  if (messagePart) expect((thrown as CalendarError).message).toContain(messagePart);
}

describe("published State Council arrangements (chinese-days 1.5.7)", () => {
  it("knows exactly the years the package carries, 2004 through 2026", () => {
    const years = Array.from({ length: 23 }, (_, i) => 2004 + i);
    expect(createCalendar().knownYears).toEqual(years);
  });

  // Facts checked against chinese-days' data and the State Council notices it cites.
  it.each([
    { holiday: "Spring Festival 2024", off: ["2024-02-10", "2024-02-17"], worked: ["2024-02-04", "2024-02-18"] },
    { holiday: "Spring Festival 2025", off: ["2025-01-28", "2025-02-04"], worked: ["2025-01-26", "2025-02-08"] },
    { holiday: "Spring Festival 2026", off: ["2026-02-15", "2026-02-23"], worked: ["2026-02-14", "2026-02-28"] },
    { holiday: "National Day 2024", off: ["2024-10-01", "2024-10-07"], worked: ["2024-09-29", "2024-10-12"] },
    { holiday: "National Day 2025", off: ["2025-10-01", "2025-10-08"], worked: ["2025-09-28", "2025-10-11"] },
    { holiday: "National Day 2026", off: ["2026-10-01", "2026-10-07"], worked: ["2026-09-20", "2026-10-10"] },
  ])("$holiday: exactly the break is off and its make-up weekend days are worked", ({ off, worked }) => {
    const [first, last] = off as [string, string];
    for (const date of datesFrom(first, last)) expect(isWorkingDay(date), date).toBe(false);
    expect(isWorkingDay(isoOf(dayNumber(first) - 1)), "the day before the break").toBe(true);
    expect(isWorkingDay(isoOf(dayNumber(last) + 1)), "the day after the break").toBe(true);
    for (const date of worked) {
      expect(isWeekend(date), `${date} is a weekend day`).toBe(true);
      expect(isWorkingDay(date), date).toBe(true);
    }
  });

  // We read the package's JSON; this checks it against the package's own functions. Those
  // build their tables in local time at import, and west of UTC they are a day off
  // (2024-09-30 comes out as National Day), so the comparison only means something at UTC or east.
  const westOfUtc = new Date(2024, 0, 1).getTimezoneOffset() > 0;
  it.skipIf(westOfUtc)("agrees with chinese-days' own isWorkday on every day of every known year", () => {
    const disagreements = datesFrom("2004-01-01", "2026-12-31").filter((iso) => {
      const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
      return packageIsWorkday(new Date(year, month - 1, day)) !== isWorkingDay(iso);
    });
    expect(disagreements).toEqual([]);
  });
});

describe("addWorkingDays", () => {
  it("returns the n-th working day after the start, never counting the start", () => {
    expect(addWorkingDays("2024-06-03", 1)).toBe("2024-06-04");
    expect(addWorkingDays("2024-06-03", 4)).toBe("2024-06-07");
    // Friday, then the Dragon Boat Festival Monday 2024-06-10.
    expect(addWorkingDays("2024-06-07", 1)).toBe("2024-06-11");
  });

  it("counts from a day off the same way", () => {
    expect(addWorkingDays("2024-10-03", 1)).toBe("2024-10-08");
    expect(addWorkingDays("2024-06-08", 1)).toBe("2024-06-11");
  });

  it("returns the start itself for n = 0, working day or not", () => {
    expect(addWorkingDays("2024-06-03", 0)).toBe("2024-06-03");
    expect(addWorkingDays("2024-10-03", 0)).toBe("2024-10-03");
  });

  it("lands on make-up working days (调休)", () => {
    expect(addWorkingDays("2024-02-09", 1)).toBe("2024-02-18");
    expect(addWorkingDays("2025-01-24", 1)).toBe("2025-01-26");
    expect(addWorkingDays("2026-02-13", 1)).toBe("2026-02-14");
    expect(addWorkingDays("2026-09-30", 1)).toBe("2026-10-08");
  });

  it("crosses year ends and the New Year holiday", () => {
    expect(addWorkingDays("2024-12-31", 1)).toBe("2025-01-02");
    // 2026-01-01..03 off, Sunday 2026-01-04 worked.
    expect(addWorkingDays("2025-12-31", 1)).toBe("2026-01-04");
  });

  it("counts long spans across National Day: 30 working days after a handover", () => {
    // Sept 16–30: 12 working days (incl. Sunday 09-28); Oct 1–8 off; Oct 9–10, Saturday 10-11,
    // then three full weeks: 30 on Friday 10-31.
    expect(addWorkingDays("2025-09-15", 30)).toBe("2025-10-31");
    expect(addWorkingDays("2024-09-13", 30)).toBe("2024-10-31");
  });

  it("counts 250 working days", () => {
    expect(addWorkingDays("2024-01-02", 250)).toBe("2024-12-31");
    expect(addWorkingDays("2025-06-30", 250)).toBe("2026-07-02");
  });
});

describe("workingDaysBetween", () => {
  it("counts working days after from, up to and including to", () => {
    expect(workingDaysBetween("2025-09-15", "2025-10-31")).toBe(30);
    expect(workingDaysBetween("2024-09-30", "2024-10-08")).toBe(1);
    expect(workingDaysBetween("2024-09-30", "2024-10-07")).toBe(0);
    expect(workingDaysBetween("2024-12-31", "2025-01-02")).toBe(1);
  });

  it("is zero for the same day and negative backwards", () => {
    expect(workingDaysBetween("2025-03-05", "2025-03-05")).toBe(0);
    expect(workingDaysBetween("2025-10-31", "2025-09-15")).toBe(-30);
    // A Friday deadline seen on the Saturday after it: no working day left, none overdue yet.
    expect(workingDaysBetween("2025-03-08", "2025-03-07")).toBe(0);
    expect(workingDaysBetween("2025-03-10", "2025-03-07")).toBe(-1);
  });
});

describe("refusals", () => {
  it("refuses a date in a year the calendar does not know, naming the year", () => {
    expectCalendarError(() => isWorkingDay("2027-01-04"), "CALENDAR_YEAR_UNKNOWN", "2027");
    expectCalendarError(() => isWorkingDay("2003-12-31"), "CALENDAR_YEAR_UNKNOWN", "2003");
    expectCalendarError(() => addWorkingDays("2027-03-01", 0), "CALENDAR_YEAR_UNKNOWN", "2027");
  });

  it("refuses a computation that reaches an unknown year instead of guessing by weekday", () => {
    expectCalendarError(() => addWorkingDays("2026-12-31", 1), "CALENDAR_YEAR_UNKNOWN", "2027");
    expectCalendarError(() => addWorkingDays("2026-01-02", 250), "CALENDAR_YEAR_UNKNOWN", "2027");
    expectCalendarError(() => workingDaysBetween("2026-12-01", "2027-01-05"), "CALENDAR_YEAR_UNKNOWN", "2027");
    expectCalendarError(() => workingDaysBetween("2027-01-05", "2026-12-01"), "CALENDAR_YEAR_UNKNOWN", "2027");
  });

  it.each(["2024-02-30", "2023-02-29", "2100-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-1-05", "2024-01-05T00:00", " 2024-01-05", "", "20240105"])(
    "refuses the malformed or impossible date %j",
    (date) => {
      expectCalendarError(() => isWorkingDay(date), "INVALID_DATE");
      expectCalendarError(() => addWorkingDays(date, 1), "INVALID_DATE");
      expectCalendarError(() => workingDaysBetween("2024-01-02", date), "INVALID_DATE");
    },
  );

  it("accepts real leap days", () => {
    expect(isWorkingDay("2024-02-29")).toBe(true);
    // Valid (400-year rule), so the refusal is about the year, not the date.
    expectCalendarError(() => isWorkingDay("2000-02-29"), "CALENDAR_YEAR_UNKNOWN", "2000");
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("refuses the working-day count %s", (n) => {
    expectCalendarError(() => addWorkingDays("2024-06-03", n), "INVALID_WORKING_DAY_COUNT");
  });
});

describe("bureau overrides", () => {
  it("a day the bureau marks off is skipped, and only in that calendar", () => {
    const calendar = createCalendar([{ date: "2025-03-03", working: false, note: "local arrangement" }]);
    expect(calendar.isWorkingDay("2025-03-03")).toBe(false);
    expect(calendar.addWorkingDays("2025-02-28", 1)).toBe("2025-03-04");
    expect(addWorkingDays("2025-02-28", 1)).toBe("2025-03-03");
  });

  it("a weekend day the bureau marks worked counts", () => {
    const calendar = createCalendar([{ date: "2025-03-08", working: true }]);
    expect(calendar.isWorkingDay("2025-03-08")).toBe(true);
    expect(calendar.addWorkingDays("2025-03-07", 1)).toBe("2025-03-08");
    expect(calendar.workingDaysBetween("2025-03-07", "2025-03-10")).toBe(2);
  });

  it("a bureau entry corrects the published arrangement", () => {
    const calendar = createCalendar([{ date: "2024-10-07", working: true }]);
    expect(calendar.addWorkingDays("2024-09-30", 1)).toBe("2024-10-07");
  });

  it("entries for a year not marked complete leave that year refused", () => {
    const calendar = createCalendar([{ date: "2027-01-01", working: false }]);
    expect(calendar.knownYears).not.toContain(2027);
    expectCalendarError(() => calendar.isWorkingDay("2027-01-01"), "CALENDAR_YEAR_UNKNOWN", "2027");
    expectCalendarError(() => calendar.addWorkingDays("2026-12-31", 1), "CALENDAR_YEAR_UNKNOWN", "2027");
  });

  it("a year the bureau marks complete becomes usable with its entries", () => {
    // A made-up arrangement, for the mechanism only.
    const calendar = createCalendar(
      [
        { date: "2027-01-01", working: false },
        { date: "2027-01-04", working: false },
        { date: "2027-01-09", working: true },
      ],
      { completeYears: [2027] },
    );
    expect(calendar.knownYears).toContain(2027);
    expect(calendar.addWorkingDays("2026-12-31", 1)).toBe("2027-01-05");
    expect(calendar.addWorkingDays("2027-01-08", 1)).toBe("2027-01-09");
    expect(calendar.isWorkingDay("2027-06-07")).toBe(true);
    expectCalendarError(() => calendar.isWorkingDay("2028-01-03"), "CALENDAR_YEAR_UNKNOWN", "2028");
  });

  it("refuses contradictory entries for one day, accepts repeated agreeing ones", () => {
    expectCalendarError(
      () => createCalendar([{ date: "2025-03-03", working: false }, { date: "2025-03-03", working: true }]),
      "CALENDAR_OVERRIDE_CONFLICT",
      "2025-03-03",
    );
    const calendar = createCalendar([{ date: "2025-03-03", working: false }, { date: "2025-03-03", working: false }]);
    expect(calendar.isWorkingDay("2025-03-03")).toBe(false);
  });

  it("refuses an entry with an invalid date and an impossible complete year", () => {
    expectCalendarError(() => createCalendar([{ date: "2025-02-29", working: false }]), "INVALID_DATE");
    expectCalendarError(() => createCalendar([], { completeYears: [2027.5] }), "INVALID_YEAR");
    expectCalendarError(() => createCalendar([], { completeYears: [27] }), "INVALID_YEAR");
  });
});

describe("properties", () => {
  // Starts up to 2025-06-30 with n ≤ 250 stay inside the known years (250 after it is 2026-07-02).
  const start = fc.integer({ min: dayNumber("2004-01-01"), max: dayNumber("2025-06-30") }).map(isoOf);
  const count = fc.integer({ min: 1, max: 250 });

  it("the result is a working day strictly after the start", () => {
    fc.assert(
      fc.property(start, count, (date, n) => {
        const result = addWorkingDays(date, n);
        expect(isWorkingDay(result)).toBe(true);
        expect(result > date).toBe(true);
      }),
    );
  });

  it("is strictly increasing in n", () => {
    fc.assert(
      fc.property(start, count, count, (date, a, b) => {
        fc.pre(a !== b);
        const [low, high] = a < b ? [a, b] : [b, a];
        expect(addWorkingDays(date, low) < addWorkingDays(date, high)).toBe(true);
      }),
    );
  });

  it("adding a then b equals adding a + b", () => {
    const part = fc.integer({ min: 0, max: 125 });
    fc.assert(
      fc.property(start, part, part, (date, a, b) => {
        expect(addWorkingDays(addWorkingDays(date, a), b)).toBe(addWorkingDays(date, a + b));
      }),
    );
  });

  it("workingDaysBetween inverts addWorkingDays, in both directions", () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 0, max: 250 }), (date, n) => {
        const end = addWorkingDays(date, n);
        expect(workingDaysBetween(date, end)).toBe(n);
        expect(workingDaysBetween(end, date)).toBe(0 - n);
      }),
    );
  });

  it("workingDaysBetween adds up over consecutive intervals", () => {
    fc.assert(
      fc.property(start, start, start, (a, b, c) => {
        expect(workingDaysBetween(a, b) + workingDaysBetween(b, c)).toBe(workingDaysBetween(a, c));
      }),
      { numRuns: 50 },
    );
  });
});
