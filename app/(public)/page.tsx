import Link from "next/link";
import { AppHeader } from "@/components/layout/app-header";
import { Card, EmptyState } from "@/components/ui/layout";
import { getT } from "@/lib/i18n/server";
import { PublicDrawList } from "@/components/public/public-draw-list";
import { getActor, getLocale } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { listPublicDraws } from "@/lib/server/draws/public-list";
import { feedResults } from "@/lib/server/publication/public";
import { formatDate } from "@/lib/i18n/format";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const t = await getT();
  const [actor, locale, draws] = await Promise.all([getActor(), getLocale(), listPublicDraws(getDb(), { pageSize: 3 })]);
  const results = (await feedResults(getDb())).slice(0, 5);
  return (
    <>
      <AppHeader appName={t("app.name")} nav={[]} navLabel={t("nav.label")} />
      <main className="mx-auto max-w-5xl px-6 py-10">
        <section className="mb-8 rounded bg-white p-8 shadow-sm">
          <h1 className="text-2xl font-semibold text-slate-900">{t("home.title")}</h1>
          <p className="mt-3 max-w-3xl text-slate-700">{t("home.intro")}</p>
          <Link href={actor ? "/portal" : "/login"} className="mt-6 inline-block rounded bg-brand-700 px-5 py-2 text-sm font-medium text-white hover:bg-brand-800">
            {actor ? t("home.enterPortal") : t("home.staffLogin")}
          </Link>
        </section>
        <div className="grid gap-6 md:grid-cols-2">
          <Card title={t("home.resultsTitle")}>
            {results.length === 0 ? (
              <EmptyState title={t("home.resultsEmpty")}>{t("home.resultsHint")}</EmptyState>
            ) : (
              <ul className="flex flex-col divide-y divide-slate-100 text-sm">
                {results.map((r) => (
                  <li key={r.id} className="py-2">
                    <Link href={`/results/${r.id}`} className="font-medium text-brand-700 hover:underline">{r.title}</Link>
                    <span className="block text-xs text-slate-500">{r.region} · {formatDate(r.publishedAt, locale)}</span>
                  </li>
                ))}
              </ul>
            )}
            <Link href="/results" className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline">{t("home.allResults")}</Link>
          </Card>
          <Card title={t("home.verifyTitle")}>
            {draws.items.length === 0 ? <EmptyState title={t("home.verifyEmpty")}>{t("home.verifyHint")}</EmptyState> : <PublicDrawList draws={draws.items} t={t} locale={locale} compact />}
            <div className="mt-4 flex flex-wrap items-center gap-4">
              <Link href="/draws" className="text-sm font-medium text-brand-700 hover:underline">{t("home.allDraws", { count: draws.total })}</Link>
              <Link href="/draws/verify" className="inline-block rounded bg-brand-700 px-5 py-2 text-sm font-medium text-white hover:bg-brand-800">
                {t("drawVerify.homeLink")}
              </Link>
            </div>
          </Card>
        </div>
      </main>
    </>
  );
}
