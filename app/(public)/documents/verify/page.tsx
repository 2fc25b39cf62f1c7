import { AppHeader } from "@/components/layout/app-header";
import { DocumentVerifyForm } from "@/components/documents/verify-form";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/server/db/client";
import { verifyDocumentCode } from "@/lib/server/documents/verify";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getT();
  return { title: t("documents.verifyTitle") };
}

/**
 * Public check of a printed document's verification code (issue 15 §4), without signing in: the issuing organization,
 * the kind, the number and the date, never the content. Every wrong code gets the same answer.
 */
export default async function DocumentVerifyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getT();
  const raw = (await searchParams).code;
  const code = typeof raw === "string" ? raw.slice(0, 20) : "";
  const answer = code.trim() ? await verifyDocumentCode(getDb(), { code }) : null;
  return (
    <>
      <AppHeader appName={t("app.name")} nav={[]} navLabel={t("nav.label")} />
      <main className="mx-auto flex max-w-3xl flex-col gap-6 px-6 py-10">
        <section className="rounded bg-white p-8 shadow-sm">
          <h1 className="text-2xl font-semibold text-slate-900">{t("documents.verifyTitle")}</h1>
          <p className="mt-3 text-slate-700">{t("documents.verifyIntro")}</p>
        </section>
        <DocumentVerifyForm code={code} answer={answer} />
      </main>
    </>
  );
}
