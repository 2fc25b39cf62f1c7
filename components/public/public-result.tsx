import type { PublicationContent } from "@/lib/server/publication/publications";
import type { AppLocale } from "@/lib/i18n/config";
import { formatDate, formatMoney } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translator";

/** A result as the public reads it; the bureau's preview renders the same component from the same stored content. */
export function PublicResultBody({ content, kind, t, locale }: { content: PublicationContent; kind: "RESULT" | "TYPICAL_CASE"; t: Translate; locale: AppLocale }) {
  return (
    <dl className="grid gap-x-4 gap-y-2 text-sm text-slate-800 sm:grid-cols-[9rem_1fr]">
      <dt className="text-slate-500">{t("publicResults.institution")}</dt>
      <dd>{content.institution.name}（{content.region}）</dd>
      <dt className="text-slate-500">{t("publicResults.violations")}</dt>
      <dd>
        <ul>
          {content.violations.map((v) => (
            <li key={v.type}>{t("publicResults.violationLine", { type: v.type, count: v.count, amount: formatMoney(v.amount, locale) })}</li>
          ))}
        </ul>
      </dd>
      <dt className="text-slate-500">{t("publicResults.amountFound")}</dt>
      <dd>{formatMoney(content.amounts.found, locale)}</dd>
      <dt className="text-slate-500">{t("publicResults.amountConfirmed")}</dt>
      <dd>{formatMoney(content.amounts.confirmed, locale)}</dd>
      {content.amounts.penalty ? (
        <>
          <dt className="text-slate-500">{t("publicResults.penalty")}</dt>
          <dd>{formatMoney(content.amounts.penalty, locale)}</dd>
        </>
      ) : null}
      <dt className="text-slate-500">{t("publicResults.handling")}</dt>
      <dd className="whitespace-pre-wrap">{content.handling}</dd>
      {kind === "TYPICAL_CASE" && content.narrative ? (
        <>
          <dt className="text-slate-500">{t("publicResults.narrative")}</dt>
          <dd className="whitespace-pre-wrap">{content.narrative}</dd>
        </>
      ) : null}
      <dt className="text-slate-500">{t("publicResults.decidedOn")}</dt>
      <dd>{formatDate(content.decidedOn, locale)}</dd>
    </dl>
  );
}
