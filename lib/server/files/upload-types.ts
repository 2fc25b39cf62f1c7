import "server-only";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import { DomainError } from "@/lib/server/errors";

/**
 * One kind of file a route accepts: the media type recorded for it, the file-name extensions that declare it,
 * and what its content must look like: the media types `file-type` may find in its first bytes, or `text` for
 * formats without a signature (CSV), which must then show no known signature and no NUL byte.
 */
export interface AllowedFileType {
  mediaType: string;
  extensions: readonly string[];
  content: readonly string[] | "text";
  /** A format people try that this route cannot read: refused with this message instead of the general one. */
  refusedKey?: string;
}

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Evidence, reports, vouchers and rectification material: photos, recordings, scans and office documents. */
export const CASE_FILE_TYPES: readonly AllowedFileType[] = [
  { mediaType: "image/jpeg", extensions: [".jpg", ".jpeg"], content: ["image/jpeg"] },
  { mediaType: "image/png", extensions: [".png"], content: ["image/png"] },
  { mediaType: "application/pdf", extensions: [".pdf"], content: ["application/pdf"] },
  { mediaType: "audio/mpeg", extensions: [".mp3"], content: ["audio/mpeg"] },
  { mediaType: "audio/wav", extensions: [".wav"], content: ["audio/wav"] },
  // Phones write MP4 with several brands; file-type names some of them audio/mp4 or video/x-m4v. All are MP4.
  { mediaType: "video/mp4", extensions: [".mp4"], content: ["video/mp4", "audio/mp4", "video/x-m4v"] },
  { mediaType: DOCX, extensions: [".docx"], content: [DOCX] },
  { mediaType: XLSX, extensions: [".xlsx"], content: [XLSX] },
];

/** Master-data imports: the template as .xlsx, or CSV as Excel saves it (a .txt export is CSV too). */
export const IMPORT_FILE_TYPES: readonly AllowedFileType[] = [
  { mediaType: XLSX, extensions: [".xlsx"], content: [XLSX] },
  { mediaType: "text/csv", extensions: [".csv", ".txt"], content: "text" },
  { mediaType: "application/vnd.ms-excel", extensions: [".xls"], content: [], refusedKey: "masterData.import.oldExcel" },
];

export const XLSX_MEDIA_TYPE = XLSX;

export function checkFileName(fileName: string): void {
  if (fileName.length === 0 || fileName.length > 200 || /[\\/\u0000-\u001f]/.test(fileName)) throw new DomainError("VALIDATION", { file: "validation.fileName" }, { messageKey: "validation.fileName" });
}

/**
 * What a file is, decided by its content and its declared name together: the extension must be one the route
 * accepts, and the first bytes must be that kind of file (an .exe renamed .jpg is refused). The browser's media
 * type is not consulted: it is only guessed from the extension, and differs between systems (a CSV arrives as
 * application/vnd.ms-excel from Windows). Returns the accepted type; the media type stored is the table's.
 */
export async function sniffFileType(fileName: string, head: Uint8Array, allowed: readonly AllowedFileType[], notAllowedKey = "errors.fileTypeNotAllowed"): Promise<AllowedFileType> {
  const refuse = () => new DomainError("FILE_TYPE_NOT_ALLOWED", { file: notAllowedKey }, { messageKey: notAllowedKey });
  const extension = path.extname(fileName).toLowerCase();
  const declared = allowed.find((type) => type.extensions.includes(extension));
  if (!declared) throw refuse();
  if (declared.refusedKey) throw new DomainError("FILE_TYPE_NOT_ALLOWED", { file: declared.refusedKey }, { messageKey: declared.refusedKey });
  const detected = await fileTypeFromBuffer(head);
  if (declared.content === "text") {
    if (detected || Buffer.from(head).includes(0)) throw refuse();
    return declared;
  }
  if (!detected || !declared.content.includes(detected.mime)) throw refuse();
  return declared;
}
