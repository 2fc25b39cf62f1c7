"use client";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Card, Notice } from "@/components/ui/layout";

export interface VerificationView {
  valid: boolean;
  issuer: string | null;
  title: string | null;
  number: string | null;
  issuedOn: string | null;
  superseded: boolean | null;
}

/** The public check of a printed code: a GET form (works without JavaScript) and the answer, never the content. */
export function DocumentVerifyForm({ code, answer }: { code: string; answer: VerificationView | null }) {
  const t = useTranslations();
  return (
    <Card>
      <form method="get" action="/documents/verify" className="flex flex-wrap items-end gap-3">
        <div className="min-w-64">
          <TextField label={t("documents.codeLabel")} hint={t("documents.codeHint")} name="code" defaultValue={code} required maxLength={20} autoComplete="off" spellCheck={false} />
        </div>
        <Button type="submit">{t("documents.check")}</Button>
      </form>
      {answer ? (
        <div className="mt-6" aria-live="polite">
          {answer.valid ? (
            <>
              <Notice tone="success">{t("documents.valid")}</Notice>
              <dl className="mt-4 grid gap-3 sm:grid-cols-2" data-testid="document-verification">
                <div><dt className="text-sm text-slate-600">{t("documents.issuer")}</dt><dd className="font-medium text-slate-900">{answer.issuer}</dd></div>
                <div><dt className="text-sm text-slate-600">{t("documents.kindLabel")}</dt><dd className="font-medium text-slate-900">{answer.title}</dd></div>
                <div><dt className="text-sm text-slate-600">{t("documents.number")}</dt><dd className="font-medium text-slate-900">{answer.number}</dd></div>
                <div><dt className="text-sm text-slate-600">{t("documents.issuedOn")}</dt><dd className="font-medium text-slate-900">{answer.issuedOn}</dd></div>
              </dl>
              <p className="mt-3 text-sm text-slate-700">{answer.superseded ? t("documents.superseded") : t("documents.current")}</p>
            </>
          ) : (
            <Notice tone="error">{t("documents.invalid")}</Notice>
          )}
        </div>
      ) : null}
    </Card>
  );
}
