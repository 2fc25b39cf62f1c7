import { z } from "zod";
import { checkYearArrangement, STATUTORY_HOLIDAYS, type ArrangementProblemCode, type HolidayEntry, type StatutoryHoliday } from "@/lib/domain/calendar-year";
import { dateError, formInteger, tooLongMax } from "./primitives";

export const ZCalendarOverrideInput = z.object({
  date: z.iso.date({ error: dateError }),
  working: z.enum(["WORKING", "OFF"], { error: "validation.invalidChoice" }).transform((v) => v === "WORKING"),
  note: z.string().trim().min(2, { error: "validation.required" }).max(200, tooLongMax(200)),
});
export type TCalendarOverrideInput = z.output<typeof ZCalendarOverrideInput>;

/** A date field a clerk may leave empty: empty stays "", so the browser and the server parse the same values. */
const ZOptionalDate = z.union([z.literal(""), z.iso.date()], { error: "validation.invalidDate" });

const ZHolidayEntryInput = z.object({
  firstDayOff: ZOptionalDate,
  lastDayOff: ZOptionalDate,
  /** Two on the form: no holiday of 2004–2026 had more (a third is entered as a day correction). */
  makeUpWorkingDays: z.array(ZOptionalDate).max(4, { error: "validation.invalid" }),
});

/** The message key of each problem the arrangement check finds, shown next to the field concerned. */
export const ARRANGEMENT_PROBLEM_KEYS: Record<ArrangementProblemCode, string> = {
  MISSING: "validation.holidayMissing",
  OUTSIDE_YEAR: "validation.holidayOutsideYear",
  ORDER: "validation.periodOrder",
  TOO_LONG: "validation.holidayTooLong",
  NOT_A_WEEKEND: "validation.makeUpNotWeekend",
  ALSO_DAY_OFF: "validation.makeUpAlsoDayOff",
};

/** The form's holiday entries as the domain reads them: empty fields left out. */
export function holidayEntriesOf(holidays: Record<StatutoryHoliday, z.output<typeof ZHolidayEntryInput>>): Record<StatutoryHoliday, HolidayEntry> {
  const out = {} as Record<StatutoryHoliday, HolidayEntry>;
  for (const holiday of STATUTORY_HOLIDAYS) {
    const entry = holidays[holiday];
    out[holiday] = { firstDayOff: entry.firstDayOff || undefined, lastDayOff: entry.lastDayOff || undefined, makeUpWorkingDays: entry.makeUpWorkingDays.filter((date) => date !== "") };
  }
  return out;
}

/**
 * A year's arrangement as the State Council notice gives it, to confirm the year: the check of
 * lib/domain/calendar-year.ts runs in the schema, so the browser marks a missing holiday before sending
 * and the server refuses the same. The working-day count needs the stored entries, so the server checks it.
 */
export const ZCalendarYearInput = z
  .object({
    year: formInteger(2027, 2100, "validation.invalidYear"),
    sourceNotice: z.string().trim().min(4, { error: "validation.required" }).max(300, tooLongMax(300)),
    holidays: z.object({
      NEW_YEAR: ZHolidayEntryInput,
      SPRING_FESTIVAL: ZHolidayEntryInput,
      QINGMING: ZHolidayEntryInput,
      LABOUR_DAY: ZHolidayEntryInput,
      DRAGON_BOAT: ZHolidayEntryInput,
      MID_AUTUMN: ZHolidayEntryInput,
      NATIONAL_DAY: ZHolidayEntryInput,
    }),
    /** The administrator has checked an unusual working-day count against the notice (lib/domain/calendar-year.ts). */
    confirmUnusualCount: z.boolean({ error: "validation.invalid" }).optional(),
  })
  .superRefine((value, ctx) => {
    if (!Number.isInteger(value.year)) return;
    for (const problem of checkYearArrangement(value.year, holidayEntriesOf(value.holidays)).problems) {
      const path = problem.index === undefined ? ["holidays", problem.holiday, problem.field] : ["holidays", problem.holiday, problem.field, problem.index];
      ctx.addIssue({ code: "custom", path, message: ARRANGEMENT_PROBLEM_KEYS[problem.problem] });
    }
  });
export type TCalendarYearInput = z.output<typeof ZCalendarYearInput>;
