"use client";
import { useTransition } from "react";
import { useLocale, useTranslations } from "use-intl";
import { useRouter } from "next/navigation";
import { LOCALES, type AppLocale } from "@/lib/i18n/config";

/** The language switch: stored on the user when signed in, in a cookie otherwise. */
export function LocaleSwitch({ action }: { action: (locale: AppLocale) => Promise<unknown> }) {
  const t = useTranslations();
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">{t("common.language")}</span>
      <select
        aria-label={t("common.language")}
        className="rounded border border-white/40 bg-brand-800 px-2 py-1 text-white"
        value={current}
        disabled={pending}
        onChange={(event) => {
          const next = event.target.value as AppLocale;
          startTransition(async () => {
            await action(next);
            router.refresh();
          });
        }}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale}>
            {t(`locales.${locale}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
