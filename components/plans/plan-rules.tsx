import type { ReactNode } from "react";
import { CommandButton } from "@/components/plans/command-button";
import { Table, Td, Th } from "@/components/ui/table";

type T = (key: string, values?: Record<string, string | number>) => string;

/** A row's remove button in a draft plan; nothing in a published one. */
/** A row of a draft plan removed (plan.removeItem); nothing once the plan is published (`removable` false). */
export function RemoveButton({ planId, kind, itemId, label, removable, t }: { planId: string; kind: string; itemId: string; label: string; removable: boolean; t: T }) {
  if (!removable) return null;
  return <CommandButton label={t("plans.editor.remove")} payload={{ planId, kind, itemId }} operation="plan.removeItem" variant="danger" confirmText={t("plans.editor.removeConfirm", { item: label })} />;
}

export type RegionRow = {
  id: string;
  name: string;
  code: string;
  hospitalPoolRule: "TOP_K" | "TOP_PERCENT";
  hospitalPoolValue: number;
  hospitalsToDraw: number;
  pharmaciesTopN: number;
  pharmaciesToDraw: number;
  includeAgency: boolean;
  lookBackCount: number;
  designated: { id: string; institution: string; code: string; kind: string; reason: string }[];
};

/** The rules per inspected region (Jilin plan §一(二)), each in the words of the plan. */
export function RegionRulesTable({ planId, rows, remove, t, extra }: { planId: string; rows: RegionRow[]; remove: boolean; t: T; extra?: (row: RegionRow) => ReactNode }) {
  return (
    <Table caption={t("plans.editor.regionsTitle")} head={<tr><Th>{t("plans.inspectedRegion")}</Th><Th>{t("plans.editor.hospitalRule")}</Th><Th>{t("plans.editor.pharmacyRule")}</Th><Th>{t("plans.editor.otherRules")}</Th><Th>{t("plans.editor.designatedTargets")}</Th><Th>{t("common.actions")}</Th></tr>}>
      {rows.map((r) => (
        <tr key={r.id}>
          <Td>{r.name}<span className="block text-xs text-slate-500">{r.code}</span></Td>
          <Td>{t(`plans.editor.hospitalRuleText.${r.hospitalPoolRule}`, { value: r.hospitalPoolValue, count: r.hospitalsToDraw })}</Td>
          <Td>{t("plans.editor.pharmacyRuleText", { top: r.pharmaciesTopN, count: r.pharmaciesToDraw })}</Td>
          <Td>
            {t("plans.editor.lookBackRuleText", { count: r.lookBackCount })}
            <span className="block">{r.includeAgency ? t("plans.editor.agencyIncluded") : t("plans.editor.agencyExcluded")}</span>
          </Td>
          <Td>
            {r.designated.length === 0 ? "—" : null}
            <ul className="space-y-1">
              {r.designated.map((d) => (
                <li key={d.id}>
                  {d.institution}（{t(`plans.designationKinds.${d.kind}`)}）<span className="block text-xs text-slate-500">{d.reason}</span>
                  <RemoveButton planId={planId} kind="designation" itemId={d.id} label={d.institution} removable={remove} t={t} />
                </li>
              ))}
            </ul>
          </Td>
          <Td>
            <div className="flex flex-col items-start gap-2">
              {extra ? extra(r) : null}
              <RemoveButton planId={planId} kind="region" itemId={r.id} label={r.name} removable={remove} t={t} />
            </div>
          </Td>
        </tr>
      ))}
    </Table>
  );
}
