import { createTranslator } from "use-intl/core";
import { TIME_ZONE, type AppLocale } from "./config";
import { CATALOGS } from "./messages";

export type Translate = (key: string, values?: Record<string, string | number | Date>) => string;

/** A translator for one locale. Keys are dotted paths into the catalog (`nav.users`). */
export function translator(locale: AppLocale): Translate {
  const t = createTranslator({ locale, messages: CATALOGS[locale], timeZone: TIME_ZONE });
  return (key, values) => (t as unknown as (k: string, v?: Record<string, string | number | Date>) => string)(key, values);
}

/** Whether the catalog has a message at this dotted key (for labels of open-ended codes, such as audit actions). */
export function hasMessage(locale: AppLocale, key: string): boolean {
  let node: unknown = CATALOGS[locale];
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string";
}
