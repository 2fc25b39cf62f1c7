/**
 * The building blocks of every input schema. Each accepts what a form or an API client sends and nothing
 * looser: no coercion of booleans, numbers or dates from other types (`true` is not a date, `"false"` is not
 * true, `null` is not 0), no control characters in text (PostgreSQL refuses NUL, and nobody types one), and
 * dates inside a sensible range, so a bad input is a field message, never a 500.
 *
 * Messages are catalog keys; a key may carry values as a query string (`validation.tooLongMax?max=200`),
 * which `translateMessageRef` fills in, so "内容过长" can name its limit.
 */
import { z } from "zod";
import { checkMoney, normalizeMoney, type MoneyErrorCode } from "@/lib/domain/money";

/** A message key with values, as one string (zod messages are strings). */
export function messageRef(key: string, values?: Record<string, string | number | Date>): string {
  if (!values || Object.keys(values).length === 0) return key;
  return `${key}?${new URLSearchParams(Object.entries(values).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : String(v)])).toString()}`;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The key and values of a `messageRef`; an ISO instant comes back as a Date, for date formats; numbers come back as numbers, for plural and number formats. */
export function parseMessageRef(ref: string): { key: string; values?: Record<string, string | number | Date> } {
  const at = ref.indexOf("?");
  if (at < 0) return { key: ref };
  const values: Record<string, string | number | Date> = {};
  for (const [k, v] of new URLSearchParams(ref.slice(at + 1))) values[k] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : ISO_INSTANT.test(v) ? new Date(v) : v;
  return { key: ref.slice(0, at), values };
}

/** Translates a message ref with any translator of the `(key, values) => string` shape. */
export function translateMessageRef(t: (key: string, values?: Record<string, string | number | Date>) => string, ref: string): string {
  const { key, values } = parseMessageRef(ref);
  return t(key, values);
}

export const ZId = z.string({ error: "validation.invalidId" }).uuid({ error: "validation.invalidId" });

// C0 controls other than tab, line feed and carriage return, and DEL: never typed, and NUL breaks PostgreSQL text.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function textBase(max: number) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? "validation.required" : "validation.invalid") })
    .refine((value) => !CONTROL_CHARACTERS.test(value), { error: "validation.controlCharacters" })
    .transform((value) => value.trim())
    .refine((value) => value.length <= max, { error: messageRef("validation.tooLongMax", { max }) });
}

/** Text that must be given: trimmed, at most `max` characters (the message names the limit). */
export function requiredText(max: number) {
  return textBase(max).refine((value) => value.length > 0, { error: "validation.required" });
}

/** Text that may be left empty: an empty, blank or absent value is `undefined` (and the key optional). */
export function optionalText(max: number) {
  return blankAsAbsent(textBase(max).transform((value) => (value === "" ? undefined : value)));
}

/** A form's empty field is an absent value (an optional amount, date or choice left blank). */
export function blankAsAbsent<S extends z.ZodType>(schema: S) {
  return z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());
}

const MONEY_MESSAGE_KEYS = {
  MONEY_NOT_A_STRING: "validation.moneyMalformed",
  MONEY_MALFORMED: "validation.moneyMalformed",
  MONEY_NEGATIVE: "validation.moneyNegative",
  MONEY_TOO_PRECISE: "validation.moneyTooPrecise",
  MONEY_TOO_LARGE: "validation.moneyTooLarge",
} as const satisfies Record<MoneyErrorCode, string>;

/** Yuan with at most two decimals, never rounded (lib/domain/money); normalised to "1234.50". */
export const ZMoney = z
  .string({ error: (issue) => (issue.input === undefined ? "validation.required" : "validation.moneyMalformed") })
  .trim()
  .min(1, { error: "validation.required" })
  .superRefine((value, ctx) => {
    const checked = checkMoney(value);
    if (!checked.ok) ctx.addIssue({ code: "custom", message: MONEY_MESSAGE_KEYS[checked.code] });
  })
  .transform((value) => normalizeMoney(value));

/** The years a date may fall in: the fund supervision regulation dates from 2021; nothing here predates 2000. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar day as `YYYY-MM-DD`: a real day (no 02-30) between 2000 and 2100. */
/**
 * The message of a date field that did not parse: an empty (or missing) date is "required", not "the format
 * is wrong" (issue 12 §12). For zod's own date formats too (`z.iso.date({ error: dateError })`).
 */
export const dateError = (issue: { input?: unknown }): string => (issue.input === undefined || issue.input === "" ? "validation.required" : "validation.invalidDate");

export const ZIsoDate = z
  .string({ error: dateError })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: dateError })
  .refine((value) => Number(value.slice(0, 4)) >= MIN_YEAR && Number(value.slice(0, 4)) <= MAX_YEAR, { error: messageRef("validation.dateOutOfRange", { from: MIN_YEAR, to: MAX_YEAR }), abort: true })
  .refine(isRealDate, { error: "validation.invalidDate" });

const inDateRange = (date: Date) => !Number.isNaN(date.getTime()) && date.getUTCFullYear() >= MIN_YEAR && date.getUTCFullYear() <= MAX_YEAR;
const DATE_OUT_OF_RANGE = messageRef("validation.dateOutOfRange", { from: MIN_YEAR, to: MAX_YEAR });

/**
 * A moment as an ISO 8601 date-time with its offset (`2026-11-29T09:30:00+08:00`) or a `datetime-local`
 * value (`2026-11-29T09:30`, read as China time): a Date between 2000 and 2100. Never a number or a boolean.
 * Code on the server may pass a Date itself (JSON cannot carry one, so no client can).
 */
export const ZDateTime = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : value),
  z
    .string({ error: (issue) => (issue.input === undefined ? "validation.required" : "validation.invalidDateTime") })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/, { error: "validation.invalidDateTime" })
    .refine((value) => isRealDate(value.slice(0, 10)), { error: "validation.invalidDateTime" })
    .transform((value) => new Date(/(Z|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value}+08:00`))
    .refine(inDateRange, { error: DATE_OUT_OF_RANGE }),
);

/** The compare-and-set token of a record: a non-negative integer, as sent (a number, never null or a string). */
export const ZVersion = z.number({ error: "validation.invalid" }).int({ error: "validation.invalid" }).min(0, { error: "validation.invalid" }).max(2_147_483_647, { error: "validation.invalid" });

/** A yes/no answer: `true` or `false`, never a string or a number. */
export const ZBoolean = z.boolean({ error: "validation.invalid" });

/**
 * A whole number as JSON sends it (a number) or as a form field sends it (digits only, e.g. "2024"): never
 * `true`, `null`, an empty string or "1e3" (issue 12 §19: no loose coercion). `error` names the message.
 */
export function formInteger(min: number, max: number, error: string) {
  return z.preprocess(
    (value) => (typeof value === "string" && /^\s*-?\d{1,10}\s*$/.test(value) ? Number(value) : value),
    z.number({ error }).int({ error }).min(min, { error }).max(max, { error }),
  );
}

/** A checkbox: `true`/`false`, or a form's "true"/"false"/"on"; absent is `fallback`. Never "false" as true. */
export function formBoolean(fallback: boolean) {
  return z
    .preprocess((value) => (value === "true" || value === "on" ? true : value === "false" ? false : value), z.boolean({ error: "validation.invalid" }))
    .optional()
    .transform((value) => value ?? fallback);
}

/** A choice from a fixed list. */
export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: "validation.invalidChoice" });
}

/** The error of a `.max(n)` on text: "内容过长，最多 n 个字。" names the limit (issue 12 §12). */
export function tooLongMax(max: number): { error: string } {
  return { error: messageRef("validation.tooLongMax", { max }) };
}
