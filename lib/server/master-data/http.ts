import "server-only";
import { getActor, getLocale, getRequestContext } from "@/lib/server/auth/session";
import { getDb, type PrismaClient } from "@/lib/server/db/client";
import { isDomainError } from "@/lib/server/errors";
import { logger } from "@/lib/server/logger";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { translator, type Translate } from "@/lib/i18n/translator";
import type { TImportKind } from "@/lib/validation/master-data";
import type { ImportProblem } from "./import/analyze";
import { commitImport, previewImport } from "./import/imports";
import { requireManage } from "./common";
import { IMPORT_FILE_SPEC } from "./import/read";
import { settleUpload } from "@/lib/server/files/storage";
import { readUpload, type ReceivedUpload } from "@/lib/server/http/multipart";

export interface RouteContext {
  db: PrismaClient;
  actor: Actor;
  context: RequestContext;
  t: Translate;
}

/** Problems listed in one answer; a file with more says how many were left out. */
const LISTED_PROBLEMS = 1000;

/** A DomainError as the user reads it; anything else is logged and answered with a reference. */
function failure(error: unknown, t: Translate, context: RequestContext): { status: number; body: { ok: false; message: string } } {
  if (isDomainError(error)) return { status: error.status, body: { ok: false, message: t(error.messageKey) } };
  logger.error("master_data.route_failed", { reference: context.requestId, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  return { status: 500, body: { ok: false, message: t("errors.internalWithReference", { reference: context.requestId ?? "" }) } };
}

/** The body of every master-data route handler: the actor from the session, the service, errors as messages. */
export async function masterDataRoute(run: (ctx: RouteContext) => Promise<Response>): Promise<Response> {
  const t = translator(await getLocale());
  const actor = await getActor();
  if (!actor) return Response.json({ ok: false, message: t("errors.unauthenticated") }, { status: 401 });
  const context = await getRequestContext();
  try {
    return await run({ db: getDb(), actor, context, t });
  } catch (error) {
    const { status, body } = failure(error, t, context);
    return Response.json(body, { status });
  }
}

const problemText = (t: Translate, problems: ImportProblem[]) => ({
  problems: problems.slice(0, LISTED_PROBLEMS).map((p) => ({ row: p.row, column: p.column, message: t(p.key, p.values) })),
  unlisted: Math.max(0, problems.length - LISTED_PROBLEMS),
});

/**
 * An import upload (multipart: `file`, and for a commit the `sha256` the preview reported). The file streams into
 * the store under a temporary key (lib/server/http/multipart.ts: 20 MB, .xlsx or CSV by content, nothing in
 * memory); the check and the import read it from there; afterwards it is promoted if the import recorded it and
 * discarded otherwise. The answer is NDJSON: progress lines while the file is read, then one result line, so the
 * page can show a progress bar for a large file.
 */
export function importRoute(request: Request, kind: TImportKind, mode: "preview" | "commit"): Promise<Response> {
  return masterDataRoute(async ({ db, actor, context, t }) => {
    // Refused before the body is read: only the bureau imports (masterData.manage).
    requireManage(actor);
    let upload: ReceivedUpload;
    try {
      upload = await readUpload(request, IMPORT_FILE_SPEC);
    } catch (error) {
      if (isDomainError(error) && error.fieldErrors?.file === "validation.required") return Response.json({ ok: false, message: t("masterData.import.chooseFile") }, { status: 422 });
      throw error;
    }
    const file = upload.file!;
    const sha256 = upload.fields.sha256;
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (line: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        const progress = (event: { phase: string; rows: number; percent: number }) => send({ type: "progress", ...event });
        try {
          if (mode === "preview") {
            const preview = await previewImport(db, actor, kind, file, progress);
            send({ type: "result", ok: true, data: { ...preview, ...problemText(t, preview.problems) } });
          } else {
            const done = await commitImport(db, actor, kind, file, { expectedSha256: sha256, context, progress });
            send({ type: "result", ok: true, data: done });
          }
        } catch (error) {
          send({ type: "result", ...failure(error, t, context).body });
        }
        await settleUpload(db, file).catch((error: unknown) => logger.error("file.settle_failed", { tempKey: file.tempKey, error: String(error) }));
        controller.close();
      },
    });
    return new Response(stream, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
  });
}

/** `attachment` with the Chinese file name (RFC 5987) and an ASCII fallback. */
export function attachment(fileName: string): string {
  return `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
