import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import type { TImportKind } from "@/lib/validation/master-data";
import { MAX_IMPORT_ROWS, readRows, type Cell, type ImportSource } from "./read";
import { choiceLabel, SHEETS, STATUS_VALUES, type ImportColumn } from "./sheets";
import { planWrites, type WritePlan } from "./plan";

/** One problem, at a row and a column of the file, as a message key with its values (translated at the boundary). */
export interface ImportProblem {
  row: number;
  column: string;
  key: string;
  values?: Record<string, string | number>;
}

export interface ParsedRow {
  row: number;
  data: Record<string, unknown>;
}

export interface Analysis {
  kind: TImportKind;
  rowCount: number;
  problems: ImportProblem[];
  /** Empty when there are problems: nothing is written from a file with errors. */
  plan: WritePlan | null;
}

export type Progress = (event: { phase: "reading" | "checking"; rows: number; percent: number }) => void;

const known = (key: string) => (/^(validation|errors|masterData)\./.test(key) ? key : "validation.invalid");
const columnLetter = (index: number) => {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
};
const cellText = (cell: Cell | undefined) => (typeof cell === "string" ? cell.trim() : "");

/** Maps the header row (the first row with content) to column positions. */
function readHeader(row: number, cells: Cell[], columns: ImportColumn[], problems: ImportProblem[]): Map<string, number> {
  const positions = new Map<string, number>();
  const lastFilled = cells.reduce<number>((last, cell, i) => (cellText(cell) ? i : last), -1);
  for (let i = 0; i <= lastFilled; i += 1) {
    const text = cellText(cells[i]).replace(/[*＊\s]/g, "");
    if (!text) {
      // A blank between filled header cells is what a merged header cell leaves in the file.
      problems.push({ row, column: columnLetter(i), key: "masterData.import.errors.emptyHeader" });
      continue;
    }
    const column = columns.find((c) => c.header === text);
    if (!column) continue;
    if (positions.has(column.key)) problems.push({ row, column: column.header, key: "masterData.import.errors.duplicateHeader" });
    else positions.set(column.key, i);
  }
  for (const column of columns) if (column.required && !positions.has(column.key)) problems.push({ row, column: column.header, key: "masterData.import.errors.missingColumn" });
  return positions;
}

function choiceValue(column: ImportColumn, text: string): string | undefined | null {
  const { group, values } = column.choices!;
  const compact = text.replace(/\s/g, "");
  return values.find((value) => value === compact.toUpperCase() || choiceLabel(group, value) === compact) ?? null;
}

/** One data row into the shape of the sheet's zod schema; problems go to `problems`. */
function readRow(row: number, cells: Cell[], columns: ImportColumn[], positions: Map<string, number>, problems: ImportProblem[]): Record<string, unknown> | null {
  const raw: Record<string, unknown> = {};
  let ok = true;
  for (const column of columns) {
    const position = positions.get(column.key);
    const cell = position === undefined ? null : cells[position];
    if (cell !== null && typeof cell === "object") {
      problems.push({ row, column: column.header, key: "masterData.import.errors.formula" });
      ok = false;
      continue;
    }
    const text = cellText(cell);
    if (column.choices) {
      if (!text) {
        raw[column.key] = column.choices.group === "status" ? true : undefined;
        continue;
      }
      const value = choiceValue(column, text);
      if (value === null) {
        const choices = column.choices.values.map((v) => choiceLabel(column.choices!.group, v)).join("、");
        problems.push({ row, column: column.header, key: "masterData.import.errors.choice", values: { value: text, choices } });
        ok = false;
      } else raw[column.key] = column.choices.group === "status" ? value === STATUS_VALUES[0] : value;
    } else raw[column.key] = text;
  }
  if (!ok) return null;
  return raw;
}

/**
 * Reads the file as a stream and checks every row, then everything that needs the database (regions and
 * institutions named, what already exists). Lists every problem by row and column; a file without problems
 * comes back with the plan of what committing it would write.
 */
export async function analyzeImport(db: PrismaClient, kind: TImportKind, source: ImportSource, progress: Progress = () => {}): Promise<Analysis> {
  const sheet = SHEETS[kind];
  const problems: ImportProblem[] = [];
  const parsed: ParsedRow[] = [];
  const firstRowOfKey = new Map<string, number>();
  let positions: Map<string, number> | null = null;
  let rowCount = 0;
  let consumed = 0;
  for await (const { row, cells } of readRows(source, sheet.sheetName, (n) => (consumed = n))) {
    if (!positions) {
      positions = readHeader(row, cells, sheet.columns, problems);
      if (problems.length > 0) break;
      continue;
    }
    if (cells.every((cell) => cellText(cell) === "" && (cell === null || typeof cell === "string"))) continue;
    rowCount += 1;
    if (rowCount > MAX_IMPORT_ROWS) throw new DomainError("VALIDATION", { file: "masterData.import.tooManyRows" }, { messageKey: "masterData.import.tooManyRows" });
    if (rowCount % 2000 === 0) progress({ phase: "reading", rows: rowCount, percent: Math.round((consumed / Math.max(1, source.sizeBytes)) * 100) });
    const raw = readRow(row, cells, sheet.columns, positions, problems);
    if (!raw) continue;
    const result = sheet.schema.safeParse(raw);
    if (!result.success) {
      const seen = new Set<string>();
      for (const issue of result.error.issues) {
        const key = String(issue.path[0] ?? "");
        if (seen.has(key)) continue;
        seen.add(key);
        const column = sheet.columns.find((c) => c.key === key) ?? sheet.columns[0]!;
        problems.push({ row, column: column.header, key: known(issue.message) });
      }
      continue;
    }
    const data = result.data as Record<string, unknown>;
    const identity = identityOf(kind, data);
    const first = firstRowOfKey.get(identity.key);
    if (first !== undefined) {
      problems.push({ row, column: sheet.columns.find((c) => c.key === identity.column)!.header, key: "masterData.import.errors.duplicate", values: { first } });
      continue;
    }
    firstRowOfKey.set(identity.key, row);
    parsed.push({ row, data });
  }
  if (!positions) throw new DomainError("VALIDATION", { file: "masterData.import.noRows" }, { messageKey: "masterData.import.noRows" });
  if (problems.length === 0 && rowCount === 0) throw new DomainError("VALIDATION", { file: "masterData.import.noRows" }, { messageKey: "masterData.import.noRows" });
  progress({ phase: "checking", rows: rowCount, percent: 100 });
  const plan = await planWrites(db, kind, parsed, problems, (key) => sheet.columns.find((c) => c.key === key)!.header);
  problems.sort((a, b) => a.row - b.row || columnIndex(sheet.columns, a.column) - columnIndex(sheet.columns, b.column));
  return { kind, rowCount, problems, plan: problems.length === 0 ? plan : null };
}

const columnIndex = (columns: ImportColumn[], header: string) => {
  const i = columns.findIndex((c) => c.header === header);
  return i === -1 ? -1 : i;
};

/** What makes two rows the same record (issue 5 §2: upsert by code), and the column to blame for a repeat. */
function identityOf(kind: TImportKind, data: Record<string, unknown>): { key: string; column: string } {
  switch (kind) {
    case "institutions":
      return { key: String(data.nationalCode), column: "nationalCode" };
    case "fund-usage":
      return { key: `${String(data.institutionCode)}|${String(data.year)}`, column: "institutionCode" };
    case "inspection-history":
      return { key: `${String(data.institutionCode)}|${String(data.level)}|${String(data.year)}`, column: "institutionCode" };
    case "experts":
      return { key: String(data.staffNumber), column: "staffNumber" };
  }
}
