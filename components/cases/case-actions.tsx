"use client";
import { useTranslations } from "use-intl";
import { OperationForm, type FormOption } from "@/components/operations/operation-form";
import { OPERATIONS, type OperationName } from "@/lib/operations";

export interface CaseActionsProps {
  caseId: string;
  version: number;
  /** The operations this reader may apply now, from the workflow table (lib/server/cases/allowed-events.ts). */
  operations: OperationName[];
  /** Who the case waits for, shown when this reader has nothing to do. */
  awaitingKey: string;
  /** What awaits this reader besides the workflow's events (a report to review below), if anything. */
  todoKey?: string | null;
  /** The lists the forms choose from: violation types, key areas, appealable findings, open appeals. */
  options: Record<string, FormOption[]>;
  /** Values the forms' hints name: the findings' total and what remains to be refunded (yuan, "123.45"). */
  values: Record<string, string>;
}

/** What this reader may do now: one panel per operation the workflow allows them, each its registry form. */
export function CaseActions({ caseId, version, operations, awaitingKey, todoKey, options, values }: CaseActionsProps) {
  const t = useTranslations();
  if (operations.length === 0 && todoKey) {
    return (
      <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm font-medium text-amber-900" data-testid="case-todo">
        {t(todoKey)}
      </p>
    );
  }
  if (operations.length === 0) {
    return (
      <div className="text-sm text-slate-600">
        <p>{t("cases.nothingToDo")}</p>
        <p className="mt-2" data-testid="case-awaiting">{t(awaitingKey)}</p>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      {operations.map((name) => {
        const title = t(OPERATIONS[name].labelKey);
        return (
          <section key={name} aria-label={title} className="rounded border border-slate-200 bg-slate-50 p-4">
            <h3 className="mb-3 text-sm font-semibold text-slate-800">{title}</h3>
            <OperationForm name={name} bound={{ caseId, version }} options={options} values={values} />
          </section>
        );
      })}
    </div>
  );
}
