import { publicationSteps, type PlanForPublication } from "@/lib/domain/plan/publication";

type T = (key: string, values?: Record<string, string | number>) => string;

/** A draft's way to publication, step by step, from the same rule the service enforces: the clerk sees what is next. */
export function PublicationChecklist({ plan, t }: { plan: PlanForPublication; t: T }) {
  const steps = publicationSteps(plan);
  const ready = steps.every((s) => s.done);
  return (
    <div role="status" aria-label={t("plans.checklist.title")} className={`rounded border px-4 py-3 text-sm ${ready ? "border-green-200 bg-green-50 text-green-900" : "border-brand-200 bg-brand-50 text-brand-900"}`}>
      <p className="font-medium">{t("plans.checklist.title")}</p>
      <ul className="mt-1 flex flex-wrap gap-x-6 gap-y-1">
        {steps.map(({ step, done }) => (
          <li key={step}>
            <span aria-hidden="true" className={done ? "text-green-700" : "text-slate-400"}>{done ? "✓" : "○"}</span> {t(`plans.checklist.${step}`)}
            <span className="sr-only">{done ? t("plans.checklist.done") : t("plans.checklist.todo")}</span>
          </li>
        ))}
      </ul>
      <p className="mt-1">{ready ? t("plans.checklist.ready") : t("plans.checklist.notReady")}</p>
    </div>
  );
}
