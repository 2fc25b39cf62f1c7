"use client";
import type { ReactNode } from "react";
import { IntlProvider } from "use-intl";
import { TIME_ZONE, type AppLocale } from "@/lib/i18n/config";
import type { Messages } from "@/lib/i18n/messages";

export function AppIntlProvider({ locale, messages, children }: { locale: AppLocale; messages: Messages; children: ReactNode }) {
  return (
    <IntlProvider locale={locale} messages={messages} timeZone={TIME_ZONE}>
      {children}
    </IntlProvider>
  );
}
