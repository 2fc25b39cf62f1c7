import "server-only";
import type { UploadSpec } from "@/lib/operations";
import type { PrismaClient } from "@/lib/server/db/client";
import { getFileStore } from "@/lib/server/files/store";
import { CASE_FILE_SPEC, TEMPLATE_FILE_SPEC } from "@/lib/server/files/upload";
import { IMPORT_FILE_SPEC } from "@/lib/server/master-data/import/read";
import { readUpload, settleQuietly } from "@/lib/server/http/multipart";
import type { ReadInput } from "./boundary";

/**
 * The body of an operation that carries a file: multipart, streamed into the file store under a temporary key
 * (lib/server/http/multipart.ts: the size refused at the limit, the type checked by content, nothing held in
 * memory). When the operation has finished, the file is promoted if a committed row names it and removed
 * otherwise (`settle`), so a refusal leaves no file behind.
 */
export async function readMultipart(db: PrismaClient, request: Request, spec: UploadSpec): Promise<ReadInput> {
  const store = getFileStore();
  // The kind names the limit and the types (lib/operations/uploads.ts): a case's documents, or an import's spreadsheet.
  const kindSpec = spec.kind === "import" ? IMPORT_FILE_SPEC : spec.kind === "template" ? TEMPLATE_FILE_SPEC : CASE_FILE_SPEC;
  const { fields, file } = await readUpload(request, { ...kindSpec, fileOptional: !spec.required }, store);
  return { raw: fields, upload: file, settle: async () => (file ? settleQuietly(db, file, store) : undefined) };
}
