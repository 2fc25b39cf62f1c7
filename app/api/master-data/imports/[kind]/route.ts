import { importRoute, masterDataRoute } from "@/lib/server/master-data/http";
import { ZImportKind } from "@/lib/validation/master-data";

export const dynamic = "force-dynamic";

/** Upload a file to check it (`?mode=preview`) or to import it (`?mode=commit`); the answer streams progress. */
export async function POST(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  const kind = ZImportKind.safeParse((await params).kind);
  const mode = new URL(request.url).searchParams.get("mode") === "commit" ? "commit" : "preview";
  if (!kind.success) return masterDataRoute(async ({ t }) => Response.json({ ok: false, message: t("errors.notFound") }, { status: 404 }));
  return importRoute(request, kind.data, mode);
}
