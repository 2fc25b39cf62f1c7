import { attachment, masterDataRoute } from "@/lib/server/master-data/http";
import { SHEETS } from "@/lib/server/master-data/import/sheets";
import { buildTemplate } from "@/lib/server/master-data/import/template";
import { ZImportKind } from "@/lib/validation/master-data";

export const dynamic = "force-dynamic";

/** The import template of one kind (.xlsx). */
export async function GET(_request: Request, { params }: { params: Promise<{ kind: string }> }) {
  const kind = ZImportKind.safeParse((await params).kind);
  return masterDataRoute(async ({ db, actor, t }) => {
    if (!kind.success) return Response.json({ ok: false, message: t("errors.notFound") }, { status: 404 });
    const bytes = await buildTemplate(db, actor, kind.data);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": attachment(`${SHEETS[kind.data].sheetName}-${t("masterData.template.fileSuffix")}.xlsx`),
        "cache-control": "no-store",
      },
    });
  });
}
