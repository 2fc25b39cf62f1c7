import "server-only";
import { getActor, getLocale, getRequestContext } from "@/lib/server/auth/session";
import { getDb, type PrismaClient } from "@/lib/server/db/client";
import { isDomainError } from "@/lib/server/errors";
import { messageValuesOf } from "@/lib/server/files/errors";
import type { UploadedFile } from "@/lib/server/files/storage";
import { CASE_FILE_SPEC } from "@/lib/server/files/upload";
import { logger } from "@/lib/server/logger";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { translator } from "@/lib/i18n/translator";
import { withUpload } from "./multipart";

type Fields = Record<string, FormDataEntryValue | undefined>;
type UploadOperation = (db: PrismaClient, actor: Actor, fields: Fields, file: UploadedFile, context: RequestContext) => Promise<unknown>;
type OptionalUploadOperation = (db: PrismaClient, actor: Actor, fields: Fields, file: UploadedFile | undefined, context: RequestContext) => Promise<unknown>;

/**
 * The body of every route that takes a file for a case (multipart form): the actor from the session, the form
 * streamed into the file store (lib/server/http/multipart.ts: size, type by content, nothing in memory), one
 * service call, the file promoted or discarded after it, and errors mapped to messages in the user's language.
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
  const db = getDb();
  try {
    const data = await withUpload(db, request, { ...CASE_FILE_SPEC, fileOptional: options.fileOptional }, ({ fields, file }) =>
      // Without `fileOptional` a missing file has already been refused, so `operation` gets one.
      (operation as OptionalUploadOperation)(db, actor, { ...fields, caseId }, file, context),
    );
    return Response.json({ ok: true, data });
  } catch (error) {
    if (isDomainError(error)) {
      const values = messageValuesOf(error);
      const fieldErrors = error.fieldErrors ? Object.fromEntries(Object.entries(error.fieldErrors).map(([f, k]) => [f, t(k, values)])) : undefined;
      // A refused file is the whole story: say it at the top too, not only under the file input.
      const message = fieldErrors && Object.keys(fieldErrors).join() === "file" ? fieldErrors.file! : t(fieldErrors ? "errors.validation" : error.messageKey, values);
      return Response.json({ ok: false, message, fieldErrors }, { status: error.status });
    }
    logger.error("upload.failed", { reference: context.requestId, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    return Response.json({ ok: false, message: t("errors.internalWithReference", { reference: context.requestId ?? "" }) }, { status: 500 });
  }
}
