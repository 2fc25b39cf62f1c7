import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AppIntlProvider } from "@/components/i18n/intl-provider";
import { CATALOGS } from "@/lib/i18n/messages";
import { getT } from "@/lib/i18n/server";
import { getLocale } from "@/lib/server/auth/session";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: { default: t("app.name"), template: `%s · ${t("app.name")}` }, description: t("app.tagline") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-100 text-slate-900 antialiased">
        <AppIntlProvider locale={locale} messages={CATALOGS[locale]}>
          {children}
        </AppIntlProvider>
      </body>
    </html>
  );
}
