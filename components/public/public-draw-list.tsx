import Link from "next/link";
import type { PublicDrawListItem } from "@/lib/server/draws/public-list";
import type { AppLocale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translator";

/** The public facts of draws (issue 17 §5): before release only the plan, dates, hashes and commitments. */
export function PublicDrawList({ draws, t, locale, compact = false }: { draws: PublicDrawListItem[]; t: Translate; locale: AppLocale; compact?: boolean }) {
  return (
    <ul className="flex flex-col gap-4">
      {draws.map((draw) => (
        <li key={draw.id} className="rounded border border-slate-200 bg-white p-4" data-testid="public-draw">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 className="font-medium text-slate-900">
              {draw.plan.title} · {t(`publicDraws.kind.${draw.kind}`)}
              {draw.region ? ` · ${draw.region}` : null}
            </h3>
            <span className={`rounded px-2 py-0.5 text-xs ${draw.published ? "bg-emerald-50 text-emerald-800" : "bg-amber-50 text-amber-900"}`}>
              {draw.published ? t("publicDraws.released") : t(`publicDraws.status.${draw.status}`)}
            </span>
          </div>
          <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm text-slate-700 sm:grid-cols-[10rem_1fr]">
            <dt className="text-slate-500">{t("publicDraws.startedAt")}</dt>
            <dd>{formatDateTime(draw.startedAt, locale)}</dd>
            {draw.drawnAt ? (
              <>
                <dt className="text-slate-500">{t("publicDraws.drawnAt")}</dt>
                <dd>{formatDateTime(draw.drawnAt, locale)}</dd>
              </>
            ) : null}
            <dt className="text-slate-500">{t("publicDraws.manifestHash")}</dt>
            <dd><code className="break-all text-xs">{draw.manifestHash}</code></dd>
            {compact ? null : (
              <>
                <dt className="text-slate-500">{t("publicDraws.commitments")}</dt>
                <dd>
                  {draw.commitments.length === 0 ? (
                    <span className="text-slate-500">{t("publicDraws.noCommitments")}</span>
                  ) : (
                    <ul className="flex flex-col gap-1">
                      {draw.commitments.map((c) => (
                        <li key={c.party}>
                          <span className="font-medium">{c.party}</span> <span className="text-slate-500">{formatDateTime(c.committedAt, locale)}</span>
                          <code className="block break-all text-xs">{c.commitment}</code>
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </>
            )}
            {draw.resultHash ? (
              <>
                <dt className="text-slate-500">{t("publicDraws.resultHash")}</dt>
                <dd><code className="break-all text-xs">{draw.resultHash}</code></dd>
              </>
            ) : null}
          </dl>
          {draw.supersedesId ? <p className="mt-2 text-xs text-slate-500">{t("publicDraws.redraw", { id: draw.supersedesId })}</p> : null}
          <p className="mt-3 text-sm">
            {draw.published ? (
              <Link href={`/draws/verify?record=${draw.id}`} className="font-medium text-brand-700 hover:underline">{t("publicDraws.verify")}</Link>
            ) : (
              <span className="text-slate-500">{t("publicDraws.pendingHint")}</span>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
