import { z } from "zod";

export const ZCalendarOverrideInput = z.object({
  date: z.iso.date({ error: "validation.invalidDate" }),
  working: z.enum(["WORKING", "OFF"], { error: "validation.invalidChoice" }).transform((v) => v === "WORKING"),
  note: z.string().trim().min(2, { error: "validation.required" }).max(200, { error: "validation.tooLong" }),
});
export type TCalendarOverrideInput = z.output<typeof ZCalendarOverrideInput>;

export const ZCalendarYearInput = z.object({
  year: z.coerce.number({ error: "validation.invalidYear" }).int({ error: "validation.invalidYear" }).min(2027, { error: "validation.invalidYear" }).max(2100, { error: "validation.invalidYear" }),
  sourceNotice: z.string().trim().min(4, { error: "validation.required" }).max(300, { error: "validation.tooLong" }),
});
export type TCalendarYearInput = z.output<typeof ZCalendarYearInput>;
