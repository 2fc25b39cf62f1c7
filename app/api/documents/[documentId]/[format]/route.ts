import { callerFromRequest } from "@/lib/server/operations/callers";
import { handleApiRequest } from "@/lib/server/operations/http";

export const dynamic = "force-dynamic";

/**
 * The older address of a generated document's .docx or PDF: the registry's `document.download` through the same
 * boundary (`GET /api/v1/documents/{documentId}/{format}`), so a refusal is answered and audited as on every route.
 */
export async function GET(request: Request, { params }: { params: Promise<{ documentId: string; format: string }> }) {
  const { documentId, format } = await params;
  return handleApiRequest(request, `/documents/${encodeURIComponent(documentId)}/${encodeURIComponent(format)}`, { resolveCaller: callerFromRequest });
}
