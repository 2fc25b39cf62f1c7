import Link from "next/link";
import { AppHeader } from "@/components/layout/app-header";
import { PublicDrawList } from "@/components/public/public-draw-list";
import { EmptyState } from "@/components/ui/layout";
import { getT } from "@/lib/i18n/server";
import { getLocale } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { listPublicDraws } from "@/lib/server/draws/public-list";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getT();
  return { title: t("publicDraws.title") };
}

/** Public: every draw from the moment its manifest is fixed (issue 17 §5), newest first. */
export default async function PublicDrawsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const requested = typeof params.page === "string" && /^\d{1,6}$/.test(params.page) ? Number(params.page) : 1;
  const result = await listPublicDraws(getDb(), { page: requested });
  return (
    <>
      <AppHeader appName={t("app.name")} nav={[]} navLabel={t("nav.label")} />
      <main className="mx-auto flex max-w-5xl flex-col gap-6 px-6 py-10">
        <section className="rounded bg-white p-8 shadow-sm">
          <h1 className="text-2xl font-semibold text-slate-900">{t("publicDraws.title")}</h1>
          <p className="mt-3 max-w-3xl text-slate-700">{t("publicDraws.intro")}</p>
          <Link href="/draws/verify" className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline">{t("drawVerify.homeLink")}</Link>
        </section>
        {result.items.length === 0 ? <EmptyState title={t("home.verifyEmpty")}>{t("home.verifyHint")}</EmptyState> : <PublicDrawList draws={result.items} t={t} locale={locale} />}
        {result.pageCount > 1 ? (
          <nav aria-label={t("common.pagination")} className="flex items-center gap-4 text-sm">
            {result.page > 1 ? <Link href={`/draws?page=${result.page - 1}`} className="text-brand-700 hover:underline">{t("common.previous")}</Link> : null}
            <span>{t("common.pageOf", { page: result.page, pages: result.pageCount })}</span>
            {result.page < result.pageCount ? <Link href={`/draws?page=${result.page + 1}`} className="text-brand-700 hover:underline">{t("common.next")}</Link> : null}
          </nav>
        ) : null}
      </main>
    </>
  );
}
