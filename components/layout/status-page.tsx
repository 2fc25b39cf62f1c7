import Link from "next/link";
import { getT } from "@/lib/i18n/server";

/** The 403 and 404 pages: a code, what happened, and the way back. */
export async function StatusPage({ code, titleKey, bodyKey }: { code: 403 | 404; titleKey: string; bodyKey: string }) {
  const t = await getT();
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <p className="text-5xl font-bold text-slate-300">{code}</p>
      <h1 className="mt-4 text-xl font-semibold">{t(titleKey)}</h1>
      <p className="mt-2 text-slate-600">{t(bodyKey)}</p>
      <Link href="/" className="mt-6 inline-block text-brand-700 hover:underline">{t("common.backHome")}</Link>
    </main>
  );
}
