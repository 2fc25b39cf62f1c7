/**
 * A year's holiday arrangement as the State Council notice states it (国务院办公厅关于某年部分节假日安排的
 * 通知): for each statutory holiday, its days off and its make-up working days (调休). Before a year is
 * confirmed, the bureau's entry is checked here: every one of the seven holidays present, dates that fit,
 * and a working-day count near the usual, since a confirmed year decides real deadlines
 * (docs/decisions/015-deadlines-pending-the-calendar.md). Pure: the server and the browser both run it.
 */
import { createCalendar, type CalendarOverride, type WorkingDayCalendar } from "@/lib/domain/calendar";

/** 《全国年节及纪念日放假办法》 art. 2: the holidays every arrangement covers, in the notice's order. */
export const STATUTORY_HOLIDAYS = ["NEW_YEAR", "SPRING_FESTIVAL", "QINGMING", "LABOUR_DAY", "DRAGON_BOAT", "MID_AUTUMN", "NATIONAL_DAY"] as const;
export type StatutoryHoliday = (typeof STATUTORY_HOLIDAYS)[number];

/**
 * Working days in a year, usually. The built-in arrangements give 248–252 for every year 2004–2026
 * (tests/unit/calendar-year.test.ts counts them); 13 statutory days off since 2025 put recent years at 248.
 * A count outside 244–254 is what an entry with a wrong month, a holiday typed twice as long, or the
 * make-up working days forgotten gives (2026 without its 6 make-up days: 242), so it asks the administrator
 * to confirm explicitly rather than being refused: a real year may still be unusual (2015 added a day off).
 */
export const USUAL_WORKING_DAYS = { min: 244, max: 254 } as const;

/** The longest days-off period in the built-in years is 9 days (Spring Festival 2026); 10 allows one more. */
export const MAX_DAYS_OFF = 10;

export type HolidayEntry = {
  firstDayOff?: string;
  lastDayOff?: string;
  makeUpWorkingDays?: readonly string[];
};

export type ArrangementProblemCode = "MISSING" | "OUTSIDE_YEAR" | "ORDER" | "TOO_LONG" | "NOT_A_WEEKEND" | "ALSO_DAY_OFF";

export type ArrangementProblem = {
  holiday: StatutoryHoliday;
  field: "firstDayOff" | "lastDayOff" | "makeUpWorkingDays";
  /** For a make-up working day: its position in the entry. */
  index?: number;
  problem: ArrangementProblemCode;
};

export type ArrangementCheck = {
  problems: ArrangementProblem[];
  /** The holidays whose days off are not (fully) given, in the notice's order. */
  missing: StatutoryHoliday[];
  /** The day-by-day entries the arrangement stands for, by date: days off (`working: false`) and make-up days. */
  days: CalendarOverride[];
  /** Working days in the year under these entries and the others given; null while there are problems. */
  workingDays: number | null;
  /** `workingDays` lies within USUAL_WORKING_DAYS (false while there are problems). */
  usual: boolean;
};

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY;
const isoOf = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
const isWeekend = (iso: string): boolean => [0, 6].includes(new Date(`${iso}T00:00:00Z`).getUTCDay());
const present = (value: string | undefined): value is string => typeof value === "string" && ISO_DATE.test(value) && !Number.isNaN(dayNumber(value));

/** The dates a holiday's entries may fall on: its year, and for 元旦 the December before (2019's began 2018-12-30). */
function windowOf(year: number, holiday: StatutoryHoliday): { from: string; to: string } {
  return { from: holiday === "NEW_YEAR" ? `${year - 1}-12-01` : `${year}-01-01`, to: holiday === "NEW_YEAR" ? `${year}-01-31` : `${year}-12-31` };
}

/** Every day of the year that is a working day under the calendar (which must know the year). */
export function workingDaysInYear(calendar: WorkingDayCalendar, year: number): number {
  let count = 0;
  for (let day = dayNumber(`${year}-01-01`); day <= dayNumber(`${year}-12-31`); day++) if (calendar.isWorkingDay(isoOf(day))) count++;
  return count;
}

/**
 * Checks one year's arrangement and spells it out day by day. `otherEntries` are the bureau's other
 * day entries (corrections entered one by one), counted with the arrangement for the working-day total;
 * an arrangement's own day wins over another entry for the same date. `note` goes on every day entry.
 */
export function checkYearArrangement(
  year: number,
  holidays: Partial<Record<StatutoryHoliday, HolidayEntry>>,
  otherEntries: readonly CalendarOverride[] = [],
  note?: string,
): ArrangementCheck {
  const problems: ArrangementProblem[] = [];
  const daysOff = new Map<string, StatutoryHoliday>();
  const makeUp: { holiday: StatutoryHoliday; index: number; date: string }[] = [];

  for (const holiday of STATUTORY_HOLIDAYS) {
    const entry = holidays[holiday] ?? {};
    const window = windowOf(year, holiday);
    const inWindow = (date: string) => date >= window.from && date <= window.to;
    const { firstDayOff: first, lastDayOff: last } = entry;
    if (!present(first)) problems.push({ holiday, field: "firstDayOff", problem: "MISSING" });
    else if (!inWindow(first)) problems.push({ holiday, field: "firstDayOff", problem: "OUTSIDE_YEAR" });
    if (!present(last)) problems.push({ holiday, field: "lastDayOff", problem: "MISSING" });
    else if (!inWindow(last)) problems.push({ holiday, field: "lastDayOff", problem: "OUTSIDE_YEAR" });
    else if (present(first) && last < first) problems.push({ holiday, field: "lastDayOff", problem: "ORDER" });
    else if (present(first) && dayNumber(last) - dayNumber(first) + 1 > MAX_DAYS_OFF) problems.push({ holiday, field: "lastDayOff", problem: "TOO_LONG" });
    else if (present(first) && inWindow(first)) {
      for (let day = dayNumber(first); day <= dayNumber(last); day++) if (!daysOff.has(isoOf(day))) daysOff.set(isoOf(day), holiday);
    }
    (entry.makeUpWorkingDays ?? []).forEach((date, index) => {
      if (date === "") return;
      if (!present(date) || !inWindow(date)) problems.push({ holiday, field: "makeUpWorkingDays", index, problem: "OUTSIDE_YEAR" });
      // A make-up working day turns a weekend day into a working day; a weekday is one already.
      else if (!isWeekend(date)) problems.push({ holiday, field: "makeUpWorkingDays", index, problem: "NOT_A_WEEKEND" });
      else makeUp.push({ holiday, index, date });
    });
  }
  for (const day of makeUp) {
    if (daysOff.has(day.date)) problems.push({ holiday: day.holiday, field: "makeUpWorkingDays", index: day.index, problem: "ALSO_DAY_OFF" });
  }

  const missing = STATUTORY_HOLIDAYS.filter((holiday) => problems.some((p) => p.holiday === holiday && p.problem === "MISSING"));
  const withNote = (date: string, working: boolean): CalendarOverride => (note === undefined ? { date, working } : { date, working, note });
  const days = [...[...daysOff.keys()].map((date) => withNote(date, false)), ...makeUp.map((day) => withNote(day.date, true))]
    .filter((day, i, all) => all.findIndex((other) => other.date === day.date) === i)
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  if (problems.length > 0) return { problems, missing, days, workingDays: null, usual: false };

  const own = new Set(days.map((day) => day.date));
  const calendar = createCalendar([...otherEntries.filter((entry) => !own.has(entry.date)), ...days], { completeYears: [year] });
  const workingDays = workingDaysInYear(calendar, year);
  return { problems, missing, days, workingDays, usual: workingDays >= USUAL_WORKING_DAYS.min && workingDays <= USUAL_WORKING_DAYS.max };
}
