import type { CaseListFilter } from "@/lib/server/cases/read";
import { ZCaseListScreenFilter } from "@/lib/validation/reads";

type SearchParams = Record<string, string | string[] | undefined>;
const FILTERS = ["plan", "region", "state", "overdue", "year", "team", "handedOver", "figure", "page"] as const;

/** A case list's filters from the URL (the dashboard's drill-down links); a value that does not parse is left out. */
export function caseListFilterOf(params: SearchParams): CaseListFilter {
  const shape = ZCaseListScreenFilter.shape;
  const out: Record<string, unknown> = {};
  for (const name of FILTERS) {
    const raw = params[name];
    if (typeof raw !== "string" || raw === "") continue;
    const parsed = shape[name].safeParse(raw);
    if (parsed.success) out[name] = parsed.data;
  }
  return out as CaseListFilter;
}

/** Whether the URL narrows the list (then the page shows the one filtered list). */
export function isFiltered(filter: CaseListFilter): boolean {
  return Object.entries(filter).some(([name, value]) => name !== "page" && value !== undefined);
}
