import { DrawVerifier } from "@/components/draw-verify/draw-verifier";
import { AppHeader } from "@/components/layout/app-header";
import { Card, Notice } from "@/components/ui/layout";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata() {
  const t = await getT();
  return { title: t("drawVerify.title") };
}

/**
 * Public verification of a draw record (issue 8 §5), open to anyone without signing in. The record is
 * verified in the visitor's browser by components/draw-verify; this shell sends no record data.
 */
export default async function DrawVerifyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const t = await getT();
  // `?record=<id>` opens a published draw. Draws are not stored yet (a later issue): that issue loads
  // the record here through lib/server, public only once its notices are delivered (issue 8 §6), and
  // passes its file as <DrawVerifier initialRecord={{ name, text }} />, which verifies it in the
  // browser exactly like an uploaded file. Until then no id names a published record.
  const requested = typeof params.record === "string" ? params.record.slice(0, 100) : null;
  return (
    <>
      <AppHeader appName={t("app.name")} nav={[]} navLabel={t("nav.label")} />
      <main className="mx-auto flex max-w-5xl flex-col gap-6 px-6 py-10">
        <section className="rounded bg-white p-8 shadow-sm">
          <h1 className="text-2xl font-semibold text-slate-900">{t("drawVerify.title")}</h1>
          <p className="mt-3 max-w-3xl text-slate-700">{t("drawVerify.intro")}</p>
          <p className="mt-4 rounded border border-brand-200 bg-brand-50 px-4 py-3 text-sm font-medium text-brand-900">{t("drawVerify.privacy")}</p>
        </section>
        {requested !== null ? <Notice tone="error">{t("drawVerify.publishedNotFound", { id: requested })}</Notice> : null}
        <DrawVerifier />
        <Card title={t("drawVerify.howTitle")}>
          <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
            <li>{t("drawVerify.howManifest")}</li>
            <li>{t("drawVerify.howCeremony")}</li>
            <li>{t("drawVerify.howDraw")}</li>
          </ol>
          <p className="mt-3 text-sm text-slate-600">{t("drawVerify.howIndependent")}</p>
        </Card>
      </main>
    </>
  );
}
