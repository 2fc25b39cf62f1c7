/** The working-day calendar the deadlines are counted on (lib/server/calendar-admin.ts). */
import { ZCalendarOverrideInput, ZCalendarYearInput } from "@/lib/validation/calendar";
import { defineOperation } from "../types";

const TAG = "Calendar";

export const CALENDAR_OPERATIONS = {
  override: defineOperation({
    name: "calendar.override",
    labelKey: "calendar.saveOverride",
    summary: "Correct one day of the working-day calendar (a working day off, or a day off worked).",
    tag: TAG,
    input: ZCalendarOverrideInput,
    permission: "calendar.manage",
    audit: "calendar.override",
    http: { method: "POST", path: "/calendar/overrides" },
  }),
  confirmYear: defineOperation({
    name: "calendar.confirmYear",
    labelKey: "calendar.confirmYear",
    summary: "Confirm a year's holiday arrangement as the State Council notice gives it.",
    tag: TAG,
    input: ZCalendarYearInput,
    permission: "calendar.manage",
    audit: "calendar.confirmYear",
    http: { method: "POST", path: "/calendar/years" },
  }),
} as const;
