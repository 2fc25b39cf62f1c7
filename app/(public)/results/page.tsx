import Link from "next/link";
import { AppHeader } from "@/components/layout/app-header";
import { PublicResultBody } from "@/components/public/public-result";
import { EmptyState } from "@/components/ui/layout";
import { formatDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { getLocale } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { listPublicResults, publicResultFacets } from "@/lib/server/publication/public";
import { ZPublicResultsQuery } from "@/lib/validation/publication";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getT();
  return {
    title: t("publicResults.title"),
    alternates: { types: { "application/rss+xml": "/results/feed.xml", "application/feed+json": "/results/feed.json" } },
  };
}

/** Public: the published results (issue 17 §4), searched, filtered by year, region and kind, a page at a time. */
export default async function PublicResultsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const single = Object.fromEntries(Object.entries(raw).filter(([key, v]) => typeof v === "string" && v !== "" && ["q", "year", "region", "kind", "page"].includes(key)));
  const parsed = ZPublicResultsQuery.safeParse(single);
  const query = parsed.success ? parsed.data : {};
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const [result, facets] = await Promise.all([listPublicResults(getDb(), query), publicResultFacets(getDb())]);
  const link = (page: number) => `/results?${new URLSearchParams({ ...Object.fromEntries(Object.entries(single).filter(([k]) => k !== "page")), page: String(page) }).toString()}`;
  return (
    <>
      <AppHeader appName={t("app.name")} nav={[]} navLabel={t("nav.label")} />
      <main className="mx-auto flex max-w-5xl flex-col gap-6 px-6 py-10">
        <section className="rounded bg-white p-8 shadow-sm">
          <h1 className="text-2xl font-semibold text-slate-900">{t("publicResults.title")}</h1>
          <p className="mt-3 max-w-3xl text-slate-700">{t("publicResults.intro")}</p>
          <p className="mt-3 flex gap-4 text-sm">
            <span className="text-slate-500">{t("publicResults.feeds")}：</span>
            <a href="/results/feed.xml" className="text-brand-700 hover:underline">{t("publicResults.rss")}</a>
            <a href="/results/feed.json" className="text-brand-700 hover:underline">{t("publicResults.jsonFeed")}</a>
          </p>
        </section>
        <form method="get" action="/results" role="search" className="grid gap-3 rounded bg-white p-4 shadow-sm sm:grid-cols-[2fr_1fr_1fr_1fr_auto]">
          <label className="flex flex-col gap-1 text-sm">
            <span className="text-slate-600">{t("publicResults.search")}</span>
            <input name="q" type="search" defaultValue={query.q ?? ""} placeholder={t("publicResults.searchPlaceholder")} maxLength={100} className="rounded border border-slate-300 px-2 py-1.5" />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            <span className="text-slate-600">{t("publicResults.year")}</span>
            <select name="year" defaultValue={query.year ? String(query.year) : ""} className="rounded border border-slate-300 px-2 py-1.5">
              <option value="">{t("publicResults.all")}</option>
              {facets.years.map((y) => <option key={y} value={String(y)}>{y}</option>)}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm">
            <span className="text-slate-600">{t("publicResults.region")}</span>
            <select name="region" defaultValue={query.region ?? ""} className="rounded border border-slate-300 px-2 py-1.5">
              <option value="">{t("publicResults.all")}</option>
              {facets.regions.map((r) => <option key={r} value={r}>{r}</option>)}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm">
            <span className="text-slate-600">{t("publicResults.kind")}</span>
            <select name="kind" defaultValue={query.kind ?? ""} className="rounded border border-slate-300 px-2 py-1.5">
              <option value="">{t("publicResults.all")}</option>
              <option value="RESULT">{t("publication.kinds.RESULT")}</option>
              <option value="TYPICAL_CASE">{t("publication.kinds.TYPICAL_CASE")}</option>
            </select>
          </label>
          <div className="flex items-end gap-2">
            <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-800">{t("publicResults.filter")}</button>
            <Link href="/results" className="px-2 py-1.5 text-sm text-brand-700 hover:underline">{t("publicResults.reset")}</Link>
          </div>
        </form>
        <p className="text-sm text-slate-600">{t("publicResults.count", { count: result.total })}</p>
        {result.items.length === 0 ? (
          <EmptyState title={t("publicResults.empty")} />
        ) : (
          <ul className="flex flex-col gap-4">
            {result.items.map((item) => (
              <li key={item.id} className="rounded border border-slate-200 bg-white p-5" data-testid="public-result">
                {item.status === "PUBLISHED" ? (
                  <>
                    <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
                      <h2 className="text-lg font-medium text-slate-900">
                        <Link href={`/results/${item.id}`} className="hover:underline">{item.title}</Link>
                      </h2>
                      <span className="text-xs text-slate-500">{t(`publication.kinds.${item.kind}`)} · {t("publicResults.publishedAt")} {formatDate(item.publishedAt, locale)}</span>
                    </div>
                    <PublicResultBody content={item.content} kind={item.kind} t={t} locale={locale} />
                  </>
                ) : (
                  <p className="text-sm text-slate-600">
                    {t("publicResults.withdrawn", { date: formatDate(item.withdrawnAt, locale) })} {t("publicResults.withdrawnReason", { reason: item.reason })}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
        {result.pageCount > 1 ? (
          <nav aria-label={t("common.pagination")} className="flex items-center gap-4 text-sm">
            {result.page > 1 ? <Link href={link(result.page - 1)} className="text-brand-700 hover:underline">{t("common.previous")}</Link> : null}
            <span>{t("common.pageOf", { page: result.page, pages: result.pageCount })}</span>
            {result.page < result.pageCount ? <Link href={link(result.page + 1)} className="text-brand-700 hover:underline">{t("common.next")}</Link> : null}
          </nav>
        ) : null}
      </main>
    </>
  );
}
