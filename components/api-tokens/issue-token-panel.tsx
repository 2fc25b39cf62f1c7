"use client";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { OperationForm, type FormOption } from "@/components/operations/operation-form";

/**
 * The administrator's form to issue a token, and the token it answered, shown here once: it lives only in this
 * page's memory (the server keeps its SHA-256), so a reload or a second issue leaves no way back to it.
 */
export function IssueTokenPanel({ organizations, permissions }: { organizations: FormOption[]; permissions: FormOption[] }) {
  const t = useTranslations();
  const [secret, setSecret] = useState<{ token: string; name: string } | null>(null);
  return (
    <div className="flex flex-col gap-4">
      {secret ? (
        <div role="status" aria-label={t("apiTokens.secretTitle")} className="rounded border border-amber-300 bg-amber-50 p-4">
          <p className="text-sm font-semibold text-amber-900">{t("apiTokens.secretTitle")}：{secret.name}</p>
          <code data-testid="issued-token" className="mt-2 block select-all break-all rounded bg-white px-3 py-2 font-mono text-sm text-slate-900">{secret.token}</code>
          <p className="mt-2 text-xs text-amber-900">{t("apiTokens.secretOnce")}</p>
        </div>
      ) : null}
      <OperationForm
        name="apiToken.issue"
        bound={{}}
        options={{ organizations, permissions }}
        onDone={(data) => {
          const issued = data as { token?: string; name?: string } | null;
          if (issued?.token) setSecret({ token: issued.token, name: issued.name ?? "" });
        }}
      />
    </div>
  );
}
