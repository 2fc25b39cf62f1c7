import { addEvidence } from "@/lib/server/cases/add-evidence";
import { getActor, getLocale, getRequestContext } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { isDomainError } from "@/lib/server/errors";
import { translator } from "@/lib/i18n/translator";
import { MAX_UPLOAD_BYTES } from "@/lib/server/files/storage";
import { logger } from "@/lib/server/logger";

export const dynamic = "force-dynamic";

/** Evidence upload (multipart: version, kind, description, file); a route, because files outgrow server actions. */
export async function POST(request: Request, { params }: { params: Promise<{ caseId: string }> }) {
  const t = translator(await getLocale());
  const actor = await getActor();
  if (!actor) return Response.json({ ok: false, message: t("errors.unauthenticated") }, { status: 401 });
  const context = await getRequestContext();
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_UPLOAD_BYTES + 1024 * 1024) return Response.json({ ok: false, message: t("errors.fileTooLarge"), fieldErrors: { file: t("errors.fileTooLarge") } }, { status: 413 });
  try {
    const form = await request.formData();
    const file = form.get("file");
    if (!(file instanceof File)) return Response.json({ ok: false, message: t("errors.validation"), fieldErrors: { file: t("validation.required") } }, { status: 422 });
    const outcome = await addEvidence(
      getDb(),
      actor,
      { caseId: (await params).caseId, version: form.get("version"), kind: form.get("kind"), description: form.get("description") || undefined },
      { fileName: file.name, mediaType: file.type, bytes: new Uint8Array(await file.arrayBuffer()) },
      { context },
    );
    return Response.json({ ok: true, data: { version: outcome.version, ...outcome.record } });
  } catch (error) {
    if (isDomainError(error)) {
      const fieldErrors = error.fieldErrors ? Object.fromEntries(Object.entries(error.fieldErrors).map(([f, k]) => [f, t(k)])) : undefined;
      return Response.json({ ok: false, message: t(fieldErrors ? "errors.validation" : error.messageKey), fieldErrors }, { status: error.status });
    }
    logger.error("evidence.upload_failed", { reference: context.requestId, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    return Response.json({ ok: false, message: t("errors.internalWithReference", { reference: context.requestId ?? "" }) }, { status: 500 });
  }
}
