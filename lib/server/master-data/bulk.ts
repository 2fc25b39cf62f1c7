import "server-only";
import type { Tx } from "@/lib/server/db/client";

/**
 * Set-based writes for imports of tens of thousands of rows: one INSERT … SELECT FROM unnest(arrays) or one
 * UPDATE … FROM unnest(arrays) per chunk, instead of a statement per row. Table and column names are
 * constants of this module's callers, never input; values travel as bound array parameters.
 */
export type SqlType = "uuid" | "text" | "int" | "numeric" | "bool" | "InstitutionKind" | "HospitalTier" | "InspectionLevel" | "ExpertPool";
export type Column = { name: string; type: SqlType };

const CHUNK = 5000;
const cast = (type: SqlType, i: number) => (/^[A-Z]/.test(type) ? `$${i}::text[]::"${type}"[]` : `$${i}::${type}[]`);
const columnsOf = <T>(rows: T[], columns: Column[], pick: (row: T, column: string) => unknown) => columns.map((c) => rows.map((row) => pick(row, c.name) ?? null));

export async function bulkInsert<T extends Record<string, unknown>>(tx: Tx, table: string, columns: Column[], rows: T[]): Promise<void> {
  const names = columns.map((c) => `"${c.name}"`).join(", ");
  const sql = `INSERT INTO "${table}" (${names}, "updatedAt") SELECT *, now() FROM unnest(${columns.map((c, i) => cast(c.type, i + 1)).join(", ")})`;
  for (let i = 0; i < rows.length; i += CHUNK) await tx.$executeRawUnsafe(sql, ...columnsOf(rows.slice(i, i + CHUNK), columns, (row, name) => row[name]));
}

/** Updates rows by id, bumping `version`; `columns` are the ones written (the id is added here). */
export async function bulkUpdate<T extends Record<string, unknown> & { id: string }>(tx: Tx, table: string, columns: Column[], rows: T[]): Promise<void> {
  const all: Column[] = [{ name: "id", type: "uuid" }, ...columns];
  const sets = columns.map((c) => `"${c.name}" = v."${c.name}"`).join(", ");
  const sql = `UPDATE "${table}" AS t SET ${sets}, "version" = t."version" + 1, "updatedAt" = now() FROM unnest(${all.map((c, i) => cast(c.type, i + 1)).join(", ")}) AS v(${all.map((c) => `"${c.name}"`).join(", ")}) WHERE t."id" = v."id"`;
  for (let i = 0; i < rows.length; i += CHUNK) await tx.$executeRawUnsafe(sql, ...columnsOf(rows.slice(i, i + CHUNK), all, (row, name) => row[name]));
}
