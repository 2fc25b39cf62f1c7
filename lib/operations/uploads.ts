import type { UploadKind } from "./types";

const MB = 1024 * 1024;

/**
 * What an upload may be, by kind: the form says it, the browser checks it before sending, and the server
 * refuses past it (lib/server/files). Evidence, reports, vouchers and material are documents (50 MB: a
 * few minutes of video, a scanned file); master-data imports are spreadsheets (20 MB).
 */
export const UPLOAD_LIMITS = {
  document: { maxBytes: 50 * MB, maxMegabytes: 50, accept: ".jpg,.jpeg,.png,.pdf,.mp3,.wav,.mp4,.docx,.xlsx", tooLargeKey: "errors.fileTooLarge" },
  template: { maxBytes: 5 * MB, maxMegabytes: 5, accept: ".docx", tooLargeKey: "documents.templates.tooLarge" },
  import: { maxBytes: 20 * MB, maxMegabytes: 20, accept: ".xlsx,.csv", tooLargeKey: "masterData.import.fileTooLarge" },
} as const satisfies Record<UploadKind, { maxBytes: number; maxMegabytes: number; accept: string; tooLargeKey: string }>;
