export const LOCALES = ["zh-CN", "en"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "zh-CN";
export const LOCALE_COOKIE = "feijian-locale";
/** Dates are shown in the bureau's time zone whatever the server's. */
export const TIME_ZONE = "Asia/Shanghai";

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The database stores locales as enum names (ZH_CN, EN). */
export function localeFromDb(value: "ZH_CN" | "EN"): AppLocale {
  return value === "EN" ? "en" : "zh-CN";
}

export function localeToDb(locale: AppLocale): "ZH_CN" | "EN" {
  return locale === "en" ? "EN" : "ZH_CN";
}
