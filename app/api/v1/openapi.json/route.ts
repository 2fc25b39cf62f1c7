import { buildOpenApiDocument } from "@/lib/operations/openapi";

/**
 * The OpenAPI 3.1 document of `/api/v1`, generated from the registry. Public: it describes the interface, holds
 * no data, and the developers of the systems that connect (who hold a token, not a sign-in) must read it.
 */
export const dynamic = "force-static";

export function GET(): Response {
  return Response.json(buildOpenApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
