import { TIME_ZONE, type AppLocale } from "./config";

function dateParts(value: Date | string): { year: string; month: string; day: string } {
  const date = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+08:00`) : new Date(value);
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { year: get("year"), month: get("month"), day: get("day") };
}

/** 2024年10月28日 in Chinese, 2024-10-28 in English (the form government documents use). */
export function formatDate(value: Date | string, locale: AppLocale): string {
  const { year, month, day } = dateParts(value);
  return locale === "zh-CN" ? `${year}年${Number(month)}月${Number(day)}日` : `${year}-${month}-${day}`;
}

export function formatDateTime(value: Date | string, locale: AppLocale): string {
  const date = new Date(value);
  const time = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false }).format(date);
  return `${formatDate(date, locale)} ${time}`;
}

/**
 * ¥1,234.56 in both languages. Amounts arrive as decimal strings (Prisma Decimal#toFixed(2)): never
 * through a float, so 0.1 + 0.2 problems cannot reach a refund notice.
 */
export function formatMoney(amount: string | { toFixed(digits: number): string }, locale: AppLocale): string {
  void locale;
  const text = typeof amount === "string" ? amount : amount.toFixed(2);
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new Error(`Not a decimal amount: ${text}`);
  const [, sign = "", whole = "0", fraction = ""] = match;
  const cents = (fraction + "00").slice(0, 2);
  const grouped = whole.replace(/^0+(?=\d)/, "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}¥${grouped}.${cents}`;
}

/** A span of years, one year shown once: 2023, or 2023–2024 (never "2023–2023"). */
export function formatYearSpan(from: number, to: number): string {
  return from === to ? String(from) : `${from}–${to}`;
}
