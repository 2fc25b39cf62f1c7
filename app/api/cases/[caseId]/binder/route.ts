import { getActor, getRequestContext } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { buildCaseBinder } from "@/lib/server/documents/binder";
import { isDomainError } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

/** 一案一卷: the case binder ZIP, for the bureau; an unknown or out-of-scope case is 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ caseId: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response(null, { status: 401 });
  try {
    const binder = await buildCaseBinder(getDb(), actor, (await params).caseId, await getRequestContext());
    return new Response(new Uint8Array(binder.bytes), {
      headers: {
        "Content-Type": "application/zip",
        "Content-Length": String(binder.bytes.byteLength),
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(binder.fileName)}`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (isDomainError(error)) return new Response(null, { status: error.code === "NOT_FOUND" ? 404 : error.status });
    throw error;
  }
}
