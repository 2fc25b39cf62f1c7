"use client";
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, type ReactNode } from "react";

export interface DataTableColumn {
  id: string;
  header: string;
  /** The URL `sort` value that orders by this column, when the server can sort by it. */
  sortKey?: string;
  className?: string;
}

export interface DataTableRow {
  id: string;
  cells: Record<string, ReactNode>;
}

export interface DataTableLabels {
  /** "Sort by {column}" with the column already filled in, per column id. */
  sortBy: Record<string, string>;
  ascending: string;
  descending: string;
  empty: string;
  pagination: string;
  previous: string;
  next: string;
  pageOf: string;
  total: string;
}

/**
 * A list whose sorting and paging happen on the server: TanStack Table renders the headers and cells, and
 * every sort header and page link is a URL with the list's search parameters, so a list of tens of thousands
 * of rows is read one page at a time, links can be shared, and it works before any script has loaded.
 */
export function DataTable({ caption, columns, rows, query, sort, page, pageCount, labels }: {
  caption: string;
  columns: DataTableColumn[];
  rows: DataTableRow[];
  /** The current search parameters (filters, size), kept by every link. */
  query: Record<string, string>;
  sort: { key: string; dir: "asc" | "desc" };
  page: number;
  pageCount: number;
  labels: DataTableLabels;
}) {
  const href = (changes: Record<string, string>) => `?${new URLSearchParams({ ...query, ...changes }).toString()}`;
  const columnDefs = useMemo<ColumnDef<DataTableRow>[]>(
    () => columns.map((column) => ({ id: column.id, header: column.header, accessorFn: (row) => row.cells[column.id], cell: (info) => info.getValue() as ReactNode })),
    [columns],
  );
  // The table is rebuilt from server props on every navigation; React Compiler's memoisation is not needed here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns: columnDefs,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
    manualSorting: true,
    manualPagination: true,
    pageCount,
    state: { sorting: [{ id: sort.key, desc: sort.dir === "desc" }], pagination: { pageIndex: page - 1, pageSize: rows.length } },
  });
  const byId = new Map(columns.map((c) => [c.id, c]));
  return (
    <div>
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50 text-left text-slate-600">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const column = byId.get(header.column.id)!;
                  const active = column.sortKey !== undefined && column.sortKey === sort.key;
                  const nextDir = active && sort.dir === "asc" ? "desc" : "asc";
                  const title = flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th key={header.id} scope="col" aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : undefined} className={`whitespace-nowrap px-4 py-2 font-medium ${column.className ?? ""}`}>
                      {column.sortKey ? (
                        <Link href={href({ sort: column.sortKey, dir: nextDir, page: "1" })} aria-label={labels.sortBy[column.id]} className="inline-flex items-center gap-1 hover:text-brand-700">
                          {title}
                          <span aria-hidden="true" className={active ? "text-brand-700" : "text-slate-300"}>{active && sort.dir === "desc" ? "▼" : "▲"}</span>
                        </Link>
                      ) : (
                        title
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.getRowModel().rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="px-4 py-8 text-center text-slate-500">{labels.empty}</td>
              </tr>
            ) : (
              table.getRowModel().rows.map((row) => (
                <tr key={row.id} className="hover:bg-slate-50">
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className={`px-4 py-2 align-top text-slate-800 ${byId.get(cell.column.id)?.className ?? ""}`}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <nav aria-label={labels.pagination} className="mt-3 flex items-center justify-between text-sm text-slate-600">
        <span>{labels.total}</span>
        <span className="flex items-center gap-3">
          {page > 1 ? <Link href={href({ page: String(page - 1) })} className="text-brand-700 hover:underline">{labels.previous}</Link> : <span className="text-slate-300">{labels.previous}</span>}
          <span>{labels.pageOf}</span>
          {page < pageCount ? <Link href={href({ page: String(page + 1) })} className="text-brand-700 hover:underline">{labels.next}</Link> : <span className="text-slate-300">{labels.next}</span>}
        </span>
      </nav>
    </div>
  );
}
