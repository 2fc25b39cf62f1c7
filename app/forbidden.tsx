import Link from "next/link";
import { getT } from "@/lib/i18n/server";

export default async function Forbidden() {
  const t = await getT();
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <p className="text-5xl font-bold text-slate-300">403</p>
      <h1 className="mt-4 text-xl font-semibold">{t("errors.forbiddenTitle")}</h1>
      <p className="mt-2 text-slate-600">{t("errors.forbiddenBody")}</p>
      <Link href="/" className="mt-6 inline-block text-brand-700 hover:underline">{t("common.backHome")}</Link>
    </main>
  );
}
