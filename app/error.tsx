"use client";
import { useTranslations } from "use-intl";

/** Unexpected errors: a friendly page with the reference the server logged the detail under, never a stack. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations();
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <h1 className="text-xl font-semibold">{t("errors.unexpectedTitle")}</h1>
      <p className="mt-2 text-slate-600">{t("errors.unexpectedBody")}</p>
      {error.digest ? (
        <p className="mt-4 text-sm text-slate-500">
          {t("errors.reference")}: <code data-testid="error-reference">{error.digest}</code>
        </p>
      ) : null}
      <button type="button" onClick={reset} className="mt-6 rounded bg-brand-700 px-4 py-2 text-sm text-white">
        {t("common.retry")}
      </button>
    </main>
  );
}
