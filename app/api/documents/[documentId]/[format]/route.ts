import { Readable } from "node:stream";
import { getActor, getRequestContext } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { downloadDocument } from "@/lib/server/documents/download";
import { isDomainError } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

/** A generated document's .docx or PDF, after the reader's scope and the kind's readers are checked; streamed. */
export async function GET(_request: Request, { params }: { params: Promise<{ documentId: string; format: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response(null, { status: 401 });
  const { documentId, format } = await params;
  if (format !== "docx" && format !== "pdf") return new Response(null, { status: 404 });
  try {
    const file = await downloadDocument(getDb(), actor, documentId, format, await getRequestContext());
    return new Response(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, {
      headers: {
        "Content-Type": file.mediaType,
        "Content-Length": String(file.sizeBytes),
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        "X-Content-SHA256": file.sha256,
      },
    });
  } catch (error) {
    if (isDomainError(error)) return new Response(null, { status: error.code === "NOT_FOUND" ? 404 : error.status });
    throw error;
  }
}
