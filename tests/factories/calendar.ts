import type { StatutoryHoliday } from "@/lib/domain/calendar-year";
import type { TCalendarYearInput } from "@/lib/validation/calendar";

type Entry = { firstDayOff: string; lastDayOff: string; makeUpWorkingDays: string[] };

/**
 * A 2027 arrangement for tests: made up (the real notice is not out when this is written), shaped like recent
 * ones on 2027's real dates (Spring Festival eve 02-05, Qingming 04-05, Dragon Boat 06-09, Mid-Autumn 09-15).
 * 261 weekdays − 18 weekdays off + 6 make-up days = 249 working days.
 */
export const ARRANGEMENT_2027: Record<StatutoryHoliday, Entry> = {
  NEW_YEAR: { firstDayOff: "2027-01-01", lastDayOff: "2027-01-03", makeUpWorkingDays: [] },
  SPRING_FESTIVAL: { firstDayOff: "2027-02-05", lastDayOff: "2027-02-13", makeUpWorkingDays: ["2027-01-31", "2027-02-20"] },
  QINGMING: { firstDayOff: "2027-04-03", lastDayOff: "2027-04-05", makeUpWorkingDays: [] },
  LABOUR_DAY: { firstDayOff: "2027-05-01", lastDayOff: "2027-05-05", makeUpWorkingDays: ["2027-04-25", "2027-05-08"] },
  DRAGON_BOAT: { firstDayOff: "2027-06-09", lastDayOff: "2027-06-09", makeUpWorkingDays: [] },
  MID_AUTUMN: { firstDayOff: "2027-09-15", lastDayOff: "2027-09-15", makeUpWorkingDays: [] },
  NATIONAL_DAY: { firstDayOff: "2027-10-01", lastDayOff: "2027-10-07", makeUpWorkingDays: ["2027-09-26", "2027-10-09"] },
};

export const NOTICE_2027 = "国务院办公厅关于2027年部分节假日安排的通知（测试数据）";

/** The form's input for a year: each holiday's entry, or empty fields for those left out. */
export function yearInput(year: number, holidays: Partial<Record<StatutoryHoliday, Entry>>, extra: Partial<TCalendarYearInput> = {}): TCalendarYearInput {
  const empty: Entry = { firstDayOff: "", lastDayOff: "", makeUpWorkingDays: [] };
  return {
    year,
    sourceNotice: NOTICE_2027,
    holidays: {
      NEW_YEAR: holidays.NEW_YEAR ?? empty,
      SPRING_FESTIVAL: holidays.SPRING_FESTIVAL ?? empty,
      QINGMING: holidays.QINGMING ?? empty,
      LABOUR_DAY: holidays.LABOUR_DAY ?? empty,
      DRAGON_BOAT: holidays.DRAGON_BOAT ?? empty,
      MID_AUTUMN: holidays.MID_AUTUMN ?? empty,
      NATIONAL_DAY: holidays.NATIONAL_DAY ?? empty,
    },
    ...extra,
  };
}
