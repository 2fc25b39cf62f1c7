import { Readable } from "node:stream";
import { downloadCaseFile } from "@/lib/server/files/download";
import { getActor, getRequestContext } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { isDomainError } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

/** Stored files leave the server only here, after the reader's scope and the file kind's rule are checked; streamed. */
export async function GET(_request: Request, { params }: { params: Promise<{ fileId: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response(null, { status: 401 });
  try {
    const file = await downloadCaseFile(getDb(), actor, (await params).fileId, await getRequestContext());
    return new Response(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, {
      headers: {
        "Content-Type": file.mediaType,
        "Content-Length": String(file.sizeBytes),
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (isDomainError(error)) return new Response(null, { status: error.code === "NOT_FOUND" ? 404 : error.status });
    throw error;
  }
}
