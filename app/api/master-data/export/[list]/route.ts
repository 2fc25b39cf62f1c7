import { callerFromRequest } from "@/lib/server/operations/callers";
import { handleApiRequest } from "@/lib/server/operations/http";

export const dynamic = "force-dynamic";

/** A list as filtered, as .xlsx: the list pages' address, forwarded with its query to `GET /api/v1/master-data/exports/{list}`. */
export async function GET(request: Request, { params }: { params: Promise<{ list: string }> }) {
  return handleApiRequest(request, `/master-data/exports/${encodeURIComponent((await params).list)}`, { resolveCaller: callerFromRequest });
}
