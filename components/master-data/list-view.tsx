import Link from "next/link";
import type { ReactNode } from "react";
import { DataTable, type DataTableColumn, type DataTableRow } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/layout";
import type { Translate } from "@/lib/i18n/translator";
import { PAGE_SIZES } from "@/lib/validation/master-data";

export interface FilterDef {
  name: string;
  label: string;
  /** A select with these options (value, label); a text box without. */
  options?: { value: string; label: string }[];
  hint?: string;
}

const BUTTON = "inline-flex items-center rounded border px-3 py-1.5 text-sm font-medium";

/** Keeps the parameters that are set, as strings, for the links of the list. */
export function listQuery(query: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([key, value]) => key !== "page" && value !== undefined && value !== null && value !== "").map(([key, value]) => [key, String(value)]));
}

/**
 * The frame of every master-data list: title, the filter form (a GET form: filters live in the URL), the
 * export of what is filtered, the add button, and the server-paged table.
 */
export function ListView({ t, title, description, filters, query, createHref, exportHref, columns, rows, total, page, size, sort, dir }: {
  t: Translate;
  title: string;
  description: string;
  filters: FilterDef[];
  query: Record<string, string>;
  createHref?: string;
  exportHref?: string;
  columns: DataTableColumn[];
  rows: DataTableRow[];
  total: number;
  page: number;
  size: number;
  sort: string;
  dir: "asc" | "desc";
}) {
  const pageCount = Math.max(1, Math.ceil(total / size));
  const actions: ReactNode[] = [];
  if (exportHref) actions.push(<a key="export" href={`${exportHref}?${new URLSearchParams(query).toString()}`} className={`${BUTTON} border-slate-300 bg-white text-slate-800 hover:bg-slate-50`}>{t("masterData.list.export")}</a>);
  if (createHref) actions.push(<Link key="create" href={createHref} className={`${BUTTON} border-brand-700 bg-brand-700 text-white hover:bg-brand-800`}>{t("masterData.list.create")}</Link>);
  return (
    <>
      <PageHeader title={title} description={description} actions={actions.length ? actions : undefined} />
      <form method="get" role="search" aria-label={t("masterData.list.search")} className="mb-4 flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3">
        {filters.map((filter) => (
          <div key={filter.name} className="flex flex-col gap-1">
            <label htmlFor={`filter-${filter.name}`} className="text-xs font-medium text-slate-600">{filter.label}</label>
            {filter.options ? (
              <select id={`filter-${filter.name}`} name={filter.name} defaultValue={query[filter.name] ?? ""} className="rounded border border-slate-300 bg-white px-2 py-1.5 text-sm">
                {filter.options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
              </select>
            ) : (
              <input id={`filter-${filter.name}`} name={filter.name} defaultValue={query[filter.name] ?? ""} placeholder={filter.hint} className="w-64 rounded border border-slate-300 px-2 py-1.5 text-sm" />
            )}
          </div>
        ))}
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-size" className="text-xs font-medium text-slate-600">{t("masterData.list.pageSize")}</label>
          <select id="filter-size" name="size" defaultValue={String(size)} className="rounded border border-slate-300 bg-white px-2 py-1.5 text-sm">
            {PAGE_SIZES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </div>
        <input type="hidden" name="sort" value={sort} />
        <input type="hidden" name="dir" value={dir} />
        <button type="submit" className={`${BUTTON} border-brand-700 bg-brand-700 text-white hover:bg-brand-800`}>{t("masterData.list.search")}</button>
        <Link href="?" className={`${BUTTON} border-slate-300 bg-white text-slate-700 hover:bg-slate-50`}>{t("masterData.list.reset")}</Link>
      </form>
      <DataTable
        caption={title}
        columns={columns}
        rows={rows}
        query={query}
        sort={{ key: sort, dir }}
        page={page}
        pageCount={pageCount}
        labels={{
          sortBy: Object.fromEntries(columns.map((c) => [c.id, t("masterData.list.sortBy", { column: c.header })])),
          ascending: t("masterData.list.sortedAsc"),
          descending: t("masterData.list.sortedDesc"),
          empty: t("masterData.list.empty"),
          pagination: t("masterData.list.pagination"),
          previous: t("masterData.list.previous"),
          next: t("masterData.list.next"),
          pageOf: t("masterData.list.pageOf", { page, pages: pageCount }),
          total: t("masterData.list.total", { count: total }),
        }}
      />
    </>
  );
}

/** Options for a filter: "all" first, then the values with their labels. */
export function filterOptions(t: Translate, values: readonly string[], label: (value: string) => string) {
  return [{ value: "", label: t("masterData.list.all") }, ...values.map((value) => ({ value, label: label(value) }))];
}

export function statusFilter(t: Translate): FilterDef {
  return {
    name: "status",
    label: t("masterData.list.status"),
    options: [
      { value: "active", label: t("masterData.list.statusActive") },
      { value: "inactive", label: t("masterData.list.statusInactive") },
      { value: "all", label: t("masterData.list.statusAll") },
    ],
  };
}

export function regionFilter(t: Translate, regions: { id: string; name: string }[], name = "region", label = t("masterData.fields.region")): FilterDef {
  return { name, label, options: [{ value: "", label: t("masterData.list.all") }, ...regions.map((r) => ({ value: r.id, label: r.name }))] };
}

/** Lists of rows that belong to an institution (fund usage, inspection history) name it by code, name and region. */
export function institutionColumns(t: Translate): DataTableColumn[] {
  return [
    { id: "nationalCode", header: t("masterData.fields.nationalCode"), sortKey: "nationalCode", className: "font-mono" },
    { id: "name", header: t("masterData.fields.institutionName"), sortKey: "name" },
    { id: "region", header: t("masterData.fields.region") },
  ];
}

export function institutionCells(institution: { nationalCode: string; name: string; poolingRegion: { name: string } }) {
  return { nationalCode: institution.nationalCode, name: institution.name, region: institution.poolingRegion.name };
}

/** Their search box (institution code or name) and year filter. */
export function institutionYearFilters(t: Translate): FilterDef[] {
  return [
    { name: "q", label: t("masterData.list.searchLabel"), hint: t("masterData.fundUsage.searchHint") },
    { name: "year", label: t("masterData.fields.year") },
  ];
}
