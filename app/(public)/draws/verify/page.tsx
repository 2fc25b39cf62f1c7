import { DrawVerifier } from "@/components/draw-verify/draw-verifier";
import { AppHeader } from "@/components/layout/app-header";
import { Card, Notice } from "@/components/ui/layout";
import { z } from "zod";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/server/db/client";
import { getPublishedRecord } from "@/lib/server/draws/publication";

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
  // `?record=<id>` opens a published draw: its file is verified in the browser exactly like an uploaded one.
  // A draw not yet released (issue 8 §6) is "not found", like an unknown id.
  const requested = typeof params.record === "string" ? params.record.slice(0, 100) : null;
  const id = requested === null ? null : z.uuid().safeParse(requested);
  const text = id?.success ? await getPublishedRecord(getDb(), id.data) : null;
  const initialRecord = text && id?.success ? { name: `draw-${id.data}-record.json`, text } : undefined;
  return (
    <>
      <AppHeader appName={t("app.name")} nav={[]} navLabel={t("nav.label")} />
      <main className="mx-auto flex max-w-5xl flex-col gap-6 px-6 py-10">
        <section className="rounded bg-white p-8 shadow-sm">
          <h1 className="text-2xl font-semibold text-slate-900">{t("drawVerify.title")}</h1>
          <p className="mt-3 max-w-3xl text-slate-700">{t("drawVerify.intro")}</p>
          <p className="mt-4 rounded border border-brand-200 bg-brand-50 px-4 py-3 text-sm font-medium text-brand-900">{t("drawVerify.privacy")}</p>
        </section>
        {requested !== null && !initialRecord ? <Notice tone="error">{t("drawVerify.publishedNotFound", { id: requested })}</Notice> : null}
        <DrawVerifier initialRecord={initialRecord} />
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
