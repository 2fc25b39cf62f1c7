/**
 * Exact money arithmetic on decimal strings (yuan with at most two decimals), through BigInt cents.
 * Amounts reach the domain as strings (Prisma `Decimal#toFixed(2)`, form input after zod) and never
 * pass through a float, so a refund can be compared with its confirmed amount to the cent.
 * Amounts are never negative: a refund or a deduction is a positive amount of its own kind.
 */

export type MoneyErrorCode = "MONEY_NOT_A_STRING" | "MONEY_MALFORMED" | "MONEY_NEGATIVE" | "MONEY_TOO_PRECISE" | "MONEY_TOO_LARGE";

export class MoneyError extends Error {
  readonly code: MoneyErrorCode;

  constructor(code: MoneyErrorCode, message: string) {
    super(message);
    this.name = "MoneyError";
    this.code = code;
  }
}

/** The schema stores money as `Decimal(18,2)`: at most 16 digits before the point. */
export const MAX_MONEY = "9999999999999999.99";
const MAX_CENTS = 999_999_999_999_999_999n;

const CANONICAL = /^(0|[1-9][0-9]*)(?:\.([0-9]{1,2}))?$/;
const TOO_PRECISE = /^(0|[1-9][0-9]*)\.[0-9]{3,}$/;

export type MoneyCheck = { ok: true; cents: bigint } | { ok: false; code: MoneyErrorCode };

/**
 * Checks a decimal amount: digits, an optional point and one or two decimals. Rounding is refused,
 * never done: "12.345" is MONEY_TOO_PRECISE, not 12.35. No sign, exponent, grouping, blanks or
 * leading zeros ("007"), so one amount has few spellings and none is ambiguous.
 */
export function checkMoney(text: unknown): MoneyCheck {
  if (typeof text !== "string") return { ok: false, code: "MONEY_NOT_A_STRING" };
  const match = CANONICAL.exec(text);
  if (!match) {
    const looksLikeAmount = (s: string) => CANONICAL.test(s) || TOO_PRECISE.test(s);
    if (text.startsWith("-") && looksLikeAmount(text.slice(1))) return { ok: false, code: "MONEY_NEGATIVE" };
    if (TOO_PRECISE.test(text)) return { ok: false, code: "MONEY_TOO_PRECISE" };
    return { ok: false, code: "MONEY_MALFORMED" };
  }
  const [, whole = "0", fraction = ""] = match;
  const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0"));
  if (cents > MAX_CENTS) return { ok: false, code: "MONEY_TOO_LARGE" };
  return { ok: true, cents };
}

export function isMoney(text: unknown): text is string {
  return checkMoney(text).ok;
}

/** The amount in cents; throws `MoneyError` with the reason for anything `checkMoney` refuses. */
export function parseMoney(text: string): bigint {
  const checked = checkMoney(text);
  if (!checked.ok) throw new MoneyError(checked.code, `Not a money amount (${checked.code}): ${JSON.stringify(text)}`);
  return checked.cents;
}

/** The canonical string of an amount in cents: "0.00", "1234.50"; no grouping, no currency sign. */
export function moneyFromCents(cents: bigint): string {
  if (cents < 0n) throw new MoneyError("MONEY_NEGATIVE", `Not a money amount (MONEY_NEGATIVE): ${cents} cents`);
  if (cents > MAX_CENTS) throw new MoneyError("MONEY_TOO_LARGE", `Not a money amount (MONEY_TOO_LARGE): ${cents} cents`);
  const text = cents.toString().padStart(3, "0");
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
}

/** Rewrites an amount in its two-decimal form: "12.5" → "12.50". */
export function normalizeMoney(text: string): string {
  return moneyFromCents(parseMoney(text));
}

export function addMoney(...amounts: string[]): string {
  return moneyFromCents(amounts.reduce((sum, amount) => sum + parseMoney(amount), 0n));
}

/** `a − b`; refuses a negative result, as no amount is negative. */
export function subtractMoney(a: string, b: string): string {
  return moneyFromCents(parseMoney(a) - parseMoney(b));
}

/** −1, 0 or 1, numerically: "1.5" equals "1.50". */
export function compareMoney(a: string, b: string): -1 | 0 | 1 {
  const difference = parseMoney(a) - parseMoney(b);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

export function isZeroMoney(amount: string): boolean {
  return parseMoney(amount) === 0n;
}
