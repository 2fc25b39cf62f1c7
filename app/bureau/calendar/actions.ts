"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/server/action";
import { confirmCalendarYear, setCalendarOverride } from "@/lib/server/calendar-admin";
import { ZCalendarOverrideInput, ZCalendarYearInput } from "@/lib/validation/calendar";

export async function setCalendarOverrideAction(raw: unknown): Promise<ActionResult<{ id: string }>> {
  const result = await runAction("calendar.override", ZCalendarOverrideInput, raw, async ({ db, actor, input, context }) => ({ id: (await setCalendarOverride(db, actor, input, context)).id }));
  if (result.ok) revalidatePath("/bureau/calendar");
  return result;
}

export async function confirmCalendarYearAction(raw: unknown): Promise<ActionResult<{ id: string }>> {
  const result = await runAction("calendar.confirmYear", ZCalendarYearInput, raw, async ({ db, actor, input, context }) => ({ id: (await confirmCalendarYear(db, actor, input, context)).id }));
  if (result.ok) revalidatePath("/bureau/calendar");
  return result;
}
