import { callerFromRequest } from "@/lib/server/operations/callers";
import { handleApiRequest } from "@/lib/server/operations/http";

export const dynamic = "force-dynamic";

/**
 * The address the case pages link to: the registry's `file.download` through the same boundary
 * (`GET /api/v1/files/{fileId}`), so a refusal is answered and audited as on every other route.
 */
export async function GET(request: Request, { params }: { params: Promise<{ fileId: string }> }) {
  return handleApiRequest(request, `/files/${encodeURIComponent((await params).fileId)}`, { resolveCaller: callerFromRequest });
}
