import { callerFromRequest } from "@/lib/server/operations/callers";
import { handleApiRequest } from "@/lib/server/operations/http";

export const dynamic = "force-dynamic";

/**
 * The address the case page links to: the registry's `document.binder` (一案一卷) through the same boundary
 * (`GET /api/v1/cases/{caseId}/binder`), so a refusal is answered and audited as on every other route.
 */
export async function GET(request: Request, { params }: { params: Promise<{ caseId: string }> }) {
  return handleApiRequest(request, `/cases/${encodeURIComponent((await params).caseId)}/binder`, { resolveCaller: callerFromRequest });
}
