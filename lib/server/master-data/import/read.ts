import "server-only";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { DomainError } from "@/lib/server/errors";

/** A cell as the import sees it: its text, or the fact that it holds a formula or an error value. */
export type Cell = string | { formula: true } | null;
export interface SheetRow {
  /** 1-based, as Excel numbers rows. */
  row: number;
  cells: Cell[];
}
export type FileFormat = "xlsx" | "csv";

/** Large enough for ~150,000 institution rows; a bigger upload is refused before it is read. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 200_000;

const fileError = (messageKey: string) => new DomainError("VALIDATION", { file: messageKey }, { messageKey });

/** What the bytes are, from their first bytes and the name: the client's media type is not trusted. */
export function detectFormat(bytes: Uint8Array, fileName: string): FileFormat {
  if (bytes.byteLength === 0) throw fileError("masterData.import.fileEmpty");
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw fileError("masterData.import.fileTooLarge");
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return "xlsx";
  if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) throw fileError("masterData.import.oldExcel");
  const looksLikeText = !Buffer.from(bytes.subarray(0, 8192)).includes(0);
  if (/\.(csv|txt)$/i.test(fileName) && looksLikeText) return "csv";
  throw fileError("masterData.import.notSpreadsheet");
}

/** The bytes as a stream that reports how much of the file has been consumed (for the progress bar). */
function progressStream(bytes: Uint8Array, onBytes: (consumed: number) => void): Readable {
  const CHUNK = 64 * 1024;
  let offset = 0;
  return new Readable({
    read() {
      if (offset >= bytes.byteLength) {
        this.push(null);
        return;
      }
      const end = Math.min(offset + CHUNK, bytes.byteLength);
      this.push(Buffer.from(bytes.buffer, bytes.byteOffset + offset, end - offset));
      offset = end;
      onBytes(offset);
    },
  });
}

function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  // Excel keeps numbers as doubles; the shortest round-trip decimal is the number the user typed (12.5, not 12.4999…).
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("formula" in value || "sharedFormula" in value) return { formula: true };
  if ("error" in value) return { formula: true };
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("text" in value) return String(value.text);
  return null;
}

async function* xlsxRows(bytes: Uint8Array, sheetName: string, onBytes: (consumed: number) => void): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(progressStream(bytes, onBytes), { worksheets: "emit", sharedStrings: "cache", hyperlinks: "ignore", styles: "ignore", entries: "ignore" });
  const seen: string[] = [];
  let found = false;
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name: string }).name;
      seen.push(name);
      const wanted = !found && name.trim() === sheetName;
      for await (const row of worksheet) {
        if (!wanted) continue;
        const values = row.values as ExcelJS.CellValue[];
        yield { row: row.number, cells: values.slice(1).map(cellOf) };
      }
      if (wanted) found = true;
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw fileError("masterData.import.corrupt");
  }
  if (!found) throw new DomainError("VALIDATION", { file: "masterData.import.wrongSheet" }, { messageKey: "masterData.import.wrongSheet", cause: { expected: sheetName, found: seen } });
}

/** UTF-8 (with or without BOM) or, when that does not decode, GB18030: what Excel writes for "CSV" on a Chinese Windows. */
function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

function* csvRows(bytes: Uint8Array, onBytes: (consumed: number) => void): Generator<SheetRow> {
  const text = decodeCsv(bytes);
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let rowStart = 1;
  const emit = (): SheetRow => {
    row.push(field);
    const out = { row: rowStart, cells: row.map((c) => (c.startsWith("=") ? { formula: true as const } : c)) };
    row = [];
    field = "";
    return out;
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line += 1;
        field += ch;
      }
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i += 1;
      yield emit();
      line += 1;
      rowStart = line;
      if (i % 65536 < 2) onBytes(Math.round((i / text.length) * bytes.byteLength));
    } else field += ch;
  }
  if (field !== "" || row.length > 0) yield emit();
  onBytes(bytes.byteLength);
}

/**
 * The rows of the named sheet (xlsx) or of the file (CSV), one at a time: the workbook is never loaded whole.
 * Throws a file-level DomainError for a file that is not a spreadsheet, is damaged, or lacks the sheet.
 */
export async function* readRows(bytes: Uint8Array, fileName: string, sheetName: string, onBytes: (consumed: number) => void = () => {}): AsyncGenerator<SheetRow> {
  if (detectFormat(bytes, fileName) === "csv") yield* csvRows(bytes, onBytes);
  else yield* xlsxRows(bytes, sheetName, onBytes);
}
