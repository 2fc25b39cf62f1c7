import "server-only";
import { getActor, getLocale, getRequestContext } from "@/lib/server/auth/session";
import { getDb, type PrismaClient } from "@/lib/server/db/client";
import { isDomainError } from "@/lib/server/errors";
import { MAX_UPLOAD_BYTES, type UploadedFile } from "@/lib/server/files/storage";
import { logger } from "@/lib/server/logger";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { translator } from "@/lib/i18n/translator";

type Fields = Record<string, FormDataEntryValue | undefined>;
type UploadOperation = (db: PrismaClient, actor: Actor, fields: Fields, file: UploadedFile, context: RequestContext) => Promise<unknown>;
type OptionalUploadOperation = (db: PrismaClient, actor: Actor, fields: Fields, file: UploadedFile | undefined, context: RequestContext) => Promise<unknown>;

/**
 * The body of every route that takes a file for a case (multipart form): the actor from the session, a
 * size check before reading, one service call, and errors mapped to messages in the user's language.
 * Files travel through routes, not server actions, because they outgrow an action's body limit.
 */
export function handleCaseUpload(request: Request, caseId: string, operation: UploadOperation): Promise<Response>;
/** With `{ fileOptional: true }` a form without a file reaches the service, which decides (a refund by deduction has no voucher). */
export function handleCaseUpload(request: Request, caseId: string, operation: OptionalUploadOperation, options: { fileOptional: true }): Promise<Response>;
export async function handleCaseUpload(request: Request, caseId: string, operation: UploadOperation | OptionalUploadOperation, options: { fileOptional?: boolean } = {}): Promise<Response> {
  const t = translator(await getLocale());
  const actor = await getActor();
  if (!actor) return Response.json({ ok: false, message: t("errors.unauthenticated") }, { status: 401 });
  const context = await getRequestContext();
  if (Number(request.headers.get("content-length") ?? 0) > MAX_UPLOAD_BYTES + 1024 * 1024) {
    return Response.json({ ok: false, message: t("errors.fileTooLarge"), fieldErrors: { file: t("errors.fileTooLarge") } }, { status: 413 });
  }
  try {
    const form = await request.formData();
    const entry = form.get("file");
    // A browser sends an empty file part when nothing was chosen.
    const file = entry instanceof File && (entry.size > 0 || entry.name !== "") ? entry : null;
    if (!file && !options.fileOptional) return Response.json({ ok: false, message: t("errors.validation"), fieldErrors: { file: t("validation.required") } }, { status: 422 });
    const fields: Fields = { caseId };
    for (const [key, value] of form.entries()) if (key !== "file") fields[key] = value === "" ? undefined : value;
    // Without `fileOptional` a missing file has already been answered, so `operation` gets one.
    const data = await (operation as OptionalUploadOperation)(getDb(), actor, fields, file ? { fileName: file.name, mediaType: file.type, bytes: new Uint8Array(await file.arrayBuffer()) } : undefined, context);
    return Response.json({ ok: true, data });
  } catch (error) {
    if (isDomainError(error)) {
      const fieldErrors = error.fieldErrors ? Object.fromEntries(Object.entries(error.fieldErrors).map(([f, k]) => [f, t(k)])) : undefined;
      return Response.json({ ok: false, message: t(fieldErrors ? "errors.validation" : error.messageKey), fieldErrors }, { status: error.status });
    }
    logger.error("upload.failed", { reference: context.requestId, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    return Response.json({ ok: false, message: t("errors.internalWithReference", { reference: context.requestId ?? "" }) }, { status: 500 });
  }
}
