import { callerFromRequest } from "@/lib/server/operations/callers";
import { handleApiRequest } from "@/lib/server/operations/http";

export const dynamic = "force-dynamic";

/** The import template of one kind (.xlsx): the address of the import page, forwarded to `GET /api/v1/master-data/templates/{kind}`. */
export async function GET(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  return handleApiRequest(request, `/master-data/templates/${encodeURIComponent((await params).kind)}`, { resolveCaller: callerFromRequest });
}
