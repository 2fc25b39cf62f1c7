import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AppHeader } from "@/components/layout/app-header";
import { PublicResultBody } from "@/components/public/public-result";
import { formatDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { getLocale } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { getPublicResult } from "@/lib/server/publication/public";

export const dynamic = "force-dynamic";

/** Public: one result; a withdrawn one as its withdrawal line; a proposal or an unknown id is not found. */
export default async function PublicResultPage({ params }: { params: Promise<{ publicationId: string }> }) {
  const id = z.uuid().safeParse((await params).publicationId);
  const item = id.success ? await getPublicResult(getDb(), id.data) : null;
  if (!item) notFound();
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  return (
    <>
      <AppHeader appName={t("app.name")} nav={[]} navLabel={t("nav.label")} />
      <main className="mx-auto flex max-w-5xl flex-col gap-6 px-6 py-10">
        <Link href="/results" className="text-sm text-brand-700 hover:underline">{t("publicResults.back")}</Link>
        <section className="rounded bg-white p-8 shadow-sm">
          {item.status === "PUBLISHED" ? (
            <>
              <h1 className="mb-2 text-2xl font-semibold text-slate-900">{item.title}</h1>
              <p className="mb-4 text-sm text-slate-500">{t(`publication.kinds.${item.kind}`)} · {t("publicResults.publishedAt")} {formatDate(item.publishedAt, locale)}</p>
              <PublicResultBody content={item.content} kind={item.kind} t={t} locale={locale} />
            </>
          ) : (
            <p className="text-slate-700">{t("publicResults.withdrawn", { date: formatDate(item.withdrawnAt, locale) })} {t("publicResults.withdrawnReason", { reason: item.reason })}</p>
          )}
        </section>
      </main>
    </>
  );
}
