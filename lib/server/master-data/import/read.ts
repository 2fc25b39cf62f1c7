import "server-only";
import { Transform, type Readable } from "node:stream";
import ExcelJS from "exceljs";
import { DomainError } from "@/lib/server/errors";
import { getFileStore, type FileStore } from "@/lib/server/files/store";
import type { UploadedFile } from "@/lib/server/files/storage";
import type { FileSpec } from "@/lib/server/files/upload";
import { IMPORT_FILE_TYPES, XLSX_MEDIA_TYPE } from "@/lib/server/files/upload-types";

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

/** What the import route accepts: .xlsx, or CSV (no signature: checked as text), up to 20 MB. */
export const IMPORT_FILE_SPEC: FileSpec = {
  maxBytes: MAX_IMPORT_BYTES,
  types: IMPORT_FILE_TYPES,
  tooLargeKey: "masterData.import.fileTooLarge",
  notAllowedKey: "masterData.import.notSpreadsheet",
  emptyKey: "masterData.import.fileEmpty",
};

const fileError = (messageKey: string) => new DomainError("VALIDATION", { file: messageKey }, { messageKey });

/**
 * An import file as the reader sees it: its format (decided by content when it was received), its size, and a
 * way to stream it from the file store, as often as needed (a CSV is read twice: once to tell its encoding).
 */
export interface ImportSource {
  fileName: string;
  format: FileFormat;
  sizeBytes: number;
  open(): Promise<Readable>;
}

/** The uploaded file (a temporary object in the store) as an import source; it is never read into memory whole. */
export function importSourceOf(file: UploadedFile, store: FileStore = getFileStore()): ImportSource {
  return { fileName: file.fileName, format: file.mediaType === XLSX_MEDIA_TYPE ? "xlsx" : "csv", sizeBytes: file.sizeBytes, open: () => store.openTemp(file.tempKey) };
}

/** The source's bytes, reporting how much of the file has been consumed (for the progress bar). */
async function counted(source: ImportSource, onBytes: (consumed: number) => void): Promise<Readable> {
  let consumed = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      consumed += chunk.byteLength;
      onBytes(consumed);
      callback(null, chunk);
    },
  });
  const stream = await source.open();
  stream.on("error", (error) => counter.destroy(error));
  return stream.pipe(counter);
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

async function* xlsxRows(source: ImportSource, sheetName: string, onBytes: (consumed: number) => void): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(await counted(source, onBytes), { worksheets: "emit", sharedStrings: "cache", hyperlinks: "ignore", styles: "ignore", entries: "ignore" });
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

/**
 * UTF-8 (with or without BOM) or, when that does not decode, GB18030: what Excel writes for "CSV" on a Chinese
 * Windows. Told by reading the whole file once, as a stream: a GBK file may be plain ASCII for its first rows.
 */
async function csvEncoding(source: ImportSource): Promise<"utf-8" | "gb18030"> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const stream = await source.open();
  try {
    for await (const chunk of stream) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return "utf-8";
  } catch (error) {
    if (error instanceof TypeError) return "gb18030";
    throw error;
  } finally {
    stream.destroy();
  }
}

/** RFC 4180 as Excel writes it, parsed as the text arrives: quotes, doubled quotes, CR LF, line breaks in quotes. */
async function* csvRows(source: ImportSource, onBytes: (consumed: number) => void): AsyncGenerator<SheetRow> {
  const decoder = new TextDecoder(await csvEncoding(source));
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let quoteInQuoted = false;
  let afterCarriageReturn = false;
  let line = 1;
  let rowStart = 1;
  const emit = (): SheetRow => {
    row.push(field);
    const out = { row: rowStart, cells: row.map((c) => (c.startsWith("=") ? { formula: true as const } : c)) };
    row = [];
    field = "";
    return out;
  };
  function* feed(text: string): Generator<SheetRow> {
    for (const ch of text) {
      if (afterCarriageReturn) {
        afterCarriageReturn = false;
        if (ch === "\n") continue;
      }
      if (quoted) {
        if (quoteInQuoted) {
          quoteInQuoted = false;
          if (ch === '"') {
            field += '"';
            continue;
          }
          quoted = false;
        } else if (ch === '"') {
          quoteInQuoted = true;
          continue;
        } else {
          if (ch === "\n") line += 1;
          field += ch;
          continue;
        }
      }
      if (ch === '"' && field === "") quoted = true;
      else if (ch === ",") {
        row.push(field);
        field = "";
      } else if (ch === "\n" || ch === "\r") {
        yield emit();
        line += 1;
        rowStart = line;
        afterCarriageReturn = ch === "\r";
      } else field += ch;
    }
  }
  let consumed = 0;
  const stream = await source.open();
  try {
    for await (const chunk of stream) {
      consumed += (chunk as Buffer).byteLength;
      yield* feed(decoder.decode(chunk as Buffer, { stream: true }));
      onBytes(consumed);
    }
  } finally {
    stream.destroy();
  }
  yield* feed(decoder.decode());
  if (field !== "" || row.length > 0) yield emit();
  onBytes(source.sizeBytes);
}

/**
 * The rows of the named sheet (xlsx) or of the file (CSV), one at a time: the workbook is never loaded whole.
 * Throws a file-level DomainError for a file that is damaged or lacks the sheet.
 */
export async function* readRows(source: ImportSource, sheetName: string, onBytes: (consumed: number) => void = () => {}): AsyncGenerator<SheetRow> {
  if (source.format === "csv") yield* csvRows(source, onBytes);
  else yield* xlsxRows(source, sheetName, onBytes);
}
