import { callerFromRequest } from "@/lib/server/operations/callers";
import { handleApiRequest } from "@/lib/server/operations/http";

export const dynamic = "force-dynamic";

/** The address published before `/api/v1`: the public `draw.get` through the same boundary (`GET /api/v1/draws/{drawId}`). */
export async function GET(request: Request, { params }: { params: Promise<{ drawId: string }> }) {
  return handleApiRequest(request, `/draws/${encodeURIComponent((await params).drawId)}`, { resolveCaller: callerFromRequest });
}
