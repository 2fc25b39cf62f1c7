/**
 * Working-day calendar for deadlines ("within N working days of receipt" = the N-th working
 * day after the day of receipt; DOMAIN.md, Deadlines). Working days follow the State Council's
 * yearly arrangement, including the weekend days that become working days (调休), from the
 * `chinese-days` package, merged with the corrections and later years a bureau admin enters.
 *
 * A date outside the known years is refused, never guessed from the weekday: the arrangement
 * for a year is announced only the autumn before (docs/decisions/004-working-day-calendar.md).
 * `workingDayDeadline` turns that refusal into a value, so a step that sets a deadline can go
 * ahead with the deadline pending the year (docs/decisions/015-deadlines-pending-the-calendar.md).
 *
 * Dates are ISO `YYYY-MM-DD` strings, handled as UTC day numbers: no local time anywhere.
 */
import { PUBLISHED_DAYS, PUBLISHED_YEARS } from "@/lib/domain/calendar-data";

export type CalendarErrorCode =
  | "INVALID_DATE"
  | "INVALID_YEAR"
  | "INVALID_WORKING_DAY_COUNT"
  | "CALENDAR_YEAR_UNKNOWN"
  | "CALENDAR_OVERRIDE_CONFLICT";

export class CalendarError extends Error {
  readonly code: CalendarErrorCode;
  /** The year or date concerned, for a translated message at the boundary. */
  readonly details: { year?: number; date?: string };

  constructor(code: CalendarErrorCode, message: string, details: { year?: number; date?: string } = {}) {
    super(message);
    this.name = "CalendarError";
    this.code = code;
    this.details = details;
  }
}

/** A bureau admin's entry for one day: a holiday or a make-up working day, or a correction. */
export type CalendarOverride = { date: string; working: boolean; note?: string };

export type CalendarOptions = {
  /**
   * Years whose arrangement the bureau has entered in full and confirmed. A year the package
   * does not carry becomes usable only once listed here, so a half-entered year is refused
   * rather than read as weekdays-only.
   */
  completeYears?: readonly number[];
};

export type WorkingDayCalendar = {
  /** Years this calendar can answer for, ascending. */
  readonly knownYears: readonly number[];
  isWorkingDay(isoDate: string): boolean;
  /** The n-th working day after the start (the start never counts); n = 0 returns the start. */
  addWorkingDays(startIsoDate: string, n: number): string;
  /**
   * Working days after `from` up to and including `to`; negative when `to` is earlier
   * (then minus the working days after `to` up to and including `from`). So
   * `workingDaysBetween(d, addWorkingDays(d, n)) === n`, and from today to a deadline it is
   * the working days left (0 on the deadline day or on a day off just after it: compare the
   * dates themselves to tell whether a deadline has passed).
   */
  workingDaysBetween(fromIsoDate: string, toIsoDate: string): number;
};

// The range of years a bureau may mark complete.
const MIN_YEAR = 1900;
const MAX_YEAR = 9999;
const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

type ParsedDate = { iso: string; year: number; dayNumber: number };

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function parseIsoDate(value: unknown): ParsedDate {
  const match = typeof value === "string" ? ISO_DATE.exec(value) : null;
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new CalendarError("INVALID_DATE", `Not a calendar date in YYYY-MM-DD form: ${JSON.stringify(value)}`);
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return { iso: value as string, year, dayNumber: date.getTime() / MS_PER_DAY };
}

function fromDayNumber(dayNumber: number): ParsedDate {
  const date = new Date(dayNumber * MS_PER_DAY);
  const year = date.getUTCFullYear();
  const iso = `${String(year).padStart(4, "0")}-${String(date.getUTCMonth() + 1).padStart(2, "0")}-${String(date.getUTCDate()).padStart(2, "0")}`;
  return { iso, year, dayNumber };
}

function isWeekday(dayNumber: number): boolean {
  const weekday = (((dayNumber + 4) % 7) + 7) % 7; // day 0, 1970-01-01, was a Thursday; 0 = Sunday
  return weekday !== 0 && weekday !== 6;
}

function describeYears(years: readonly number[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < years.length; i++) {
    const start = years[i]!;
    while (i + 1 < years.length && years[i + 1] === years[i]! + 1) i++;
    ranges.push(start === years[i] ? `${start}` : `${start}–${years[i]}`);
  }
  return ranges.length > 0 ? ranges.join(", ") : "none";
}

export function createCalendar(
  overrides: readonly CalendarOverride[] = [],
  options: CalendarOptions = {},
): WorkingDayCalendar {
  for (const year of options.completeYears ?? []) {
    if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
      throw new CalendarError("INVALID_YEAR", `Not a year a calendar can be completed for: ${JSON.stringify(year)}`);
    }
  }
  const knownYears = [...new Set([...PUBLISHED_YEARS, ...(options.completeYears ?? [])])].sort((a, b) => a - b);
  const known = new Set(knownYears);

  const days = new Map(PUBLISHED_DAYS);
  const entered = new Map<string, boolean>();
  for (const override of overrides) {
    const { iso } = parseIsoDate(override.date);
    if (entered.has(iso) && entered.get(iso) !== override.working) {
      throw new CalendarError(
        "CALENDAR_OVERRIDE_CONFLICT",
        `The calendar entries for ${iso} disagree: one marks it a working day, another a day off`,
        { date: iso },
      );
    }
    entered.set(iso, override.working);
    days.set(iso, override.working);
  }

  function requireKnownYear(date: ParsedDate): void {
    if (!known.has(date.year)) {
      throw new CalendarError(
        "CALENDAR_YEAR_UNKNOWN",
        `No working-day calendar for ${date.year} (reached at ${date.iso}): known years are ${describeYears(knownYears)}. ` +
          `Enter the State Council's holiday arrangement for ${date.year} and mark the year complete.`,
        { year: date.year, date: date.iso },
      );
    }
  }

  function isWorking(date: ParsedDate): boolean {
    requireKnownYear(date);
    return days.get(date.iso) ?? isWeekday(date.dayNumber);
  }

  /** Working days in (from, to], walking one day at a time so every year crossed is checked. */
  function countForward(from: ParsedDate, to: ParsedDate): number {
    let count = 0;
    for (let day = from.dayNumber + 1; day <= to.dayNumber; day++) {
      if (isWorking(fromDayNumber(day))) count++;
    }
    return count;
  }

  return {
    knownYears,

    isWorkingDay(isoDate) {
      return isWorking(parseIsoDate(isoDate));
    },

    addWorkingDays(startIsoDate, n) {
      const start = parseIsoDate(startIsoDate);
      if (!Number.isSafeInteger(n) || n < 0) {
        throw new CalendarError("INVALID_WORKING_DAY_COUNT", `A working-day count must be a non-negative integer: ${n}`);
      }
      requireKnownYear(start);
      let date = start;
      for (let remaining = n; remaining > 0; ) {
        date = fromDayNumber(date.dayNumber + 1);
        if (isWorking(date)) remaining--;
      }
      return date.iso;
    },

    workingDaysBetween(fromIsoDate, toIsoDate) {
      const from = parseIsoDate(fromIsoDate);
      const to = parseIsoDate(toIsoDate);
      requireKnownYear(from);
      requireKnownYear(to);
      if (from.dayNumber <= to.dayNumber) return countForward(from, to);
      return 0 - countForward(to, from); // not -x, which would give -0
    },
  };
}

const standardCalendar = createCalendar();

/** The n-th working day after `startIsoDate` under the published arrangements alone. */
export function addWorkingDays(startIsoDate: string, n: number): string {
  return standardCalendar.addWorkingDays(startIsoDate, n);
}

/** Whether `isoDate` is a working day under the published arrangements alone. */
export function isWorkingDay(isoDate: string): boolean {
  return standardCalendar.isWorkingDay(isoDate);
}

/** Signed working days from `fromIsoDate` to `toIsoDate` under the published arrangements alone. */
export function workingDaysBetween(fromIsoDate: string, toIsoDate: string): number {
  return standardCalendar.workingDaysBetween(fromIsoDate, toIsoDate);
}

/**
 * A deadline "within N working days of D": due on a day, or pending the holiday arrangement of the
 * first year the count reaches that the calendar does not know. Pending is not a guess: the due date
 * is later than every day the calendar knows on the way, and nothing else is claimed.
 */
export type WorkingDayDeadline = { status: "DUE"; dueOn: string } | { status: "PENDING"; awaitsYear: number };

export function workingDayDeadline(calendar: WorkingDayCalendar, startIsoDate: string, n: number): WorkingDayDeadline {
  try {
    return { status: "DUE", dueOn: calendar.addWorkingDays(startIsoDate, n) };
  } catch (error) {
    if (error instanceof CalendarError && error.code === "CALENDAR_YEAR_UNKNOWN" && error.details.year !== undefined) {
      return { status: "PENDING", awaitsYear: error.details.year };
    }
    throw error;
  }
}

/**
 * Whether `today` is on or before the deadline's day: true or false when the deadline is due, null when it
 * is pending and `today` is in or after the year it waits for (the calendar cannot tell). A pending deadline
 * with `today` in an earlier year is still ahead: it lies past every known day.
 */
export function isOnOrBeforeDeadline(deadline: WorkingDayDeadline, today: string): boolean | null {
  if (deadline.status === "DUE") return today <= deadline.dueOn;
  return Number(today.slice(0, 4)) < deadline.awaitsYear ? true : null;
}
