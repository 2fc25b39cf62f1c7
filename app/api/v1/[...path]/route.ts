import { callerFromRequest } from "@/lib/server/operations/callers";
import { handleApiRequest } from "@/lib/server/operations/http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ path: string[] }> };

/** `/api/v1/…`: every operation of the registry by its method and path (docs/operations.md). */
async function handle(request: Request, { params }: Context): Promise<Response> {
  const { path } = await params;
  return handleApiRequest(request, `/${path.join("/")}`, { resolveCaller: callerFromRequest });
}

export { handle as GET, handle as HEAD, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
