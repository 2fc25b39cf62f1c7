import type { Metadata } from "next";
import { ApiReference } from "@/components/api-docs/api-reference";
import { AppHeader } from "@/components/layout/app-header";
import { getT } from "@/lib/i18n/server";
import { buildOpenApiDocument } from "@/lib/operations/openapi";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("api.docsTitle") };
}

/**
 * The API reference, rendered offline from the document the registry generates. Public, as the document is: it
 * describes the interface and holds no data, and the developers of connecting systems hold a token, not a sign-in
 * (decision record 020).
 */
export default async function ApiDocsPage() {
  const t = await getT();
  return (
    <>
      <AppHeader appName={t("app.name")} nav={[]} navLabel={t("nav.label")} />
      <main className="mx-auto max-w-6xl px-6 py-8">
        <h1 className="text-2xl font-semibold text-slate-900">{t("api.docsTitle")}</h1>
        <p className="mt-2 max-w-3xl text-sm text-slate-700">{t("api.docsIntro")}</p>
        <p className="mt-2 text-sm">
          <a href="/api/v1/openapi.json" className="font-medium text-brand-700 hover:underline">{t("api.docsDocument")}</a>
        </p>
        <div className="mt-6 rounded border border-slate-200 bg-white">
          <ApiReference document={buildOpenApiDocument()} />
        </div>
      </main>
    </>
  );
}
