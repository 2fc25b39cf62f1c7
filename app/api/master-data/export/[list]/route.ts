import { Readable } from "node:stream";
import { z } from "zod";
import { EXPORTS, exportList } from "@/lib/server/master-data/export";
import { attachment, masterDataRoute } from "@/lib/server/master-data/http";

export const dynamic = "force-dynamic";

/** A list as filtered (the same search parameters as its page), as .xlsx. */
export async function GET(request: Request, { params }: { params: Promise<{ list: string }> }) {
  const list = z.enum(EXPORTS).safeParse((await params).list);
  return masterDataRoute(async ({ db, actor, context, t }) => {
    if (!list.success) return Response.json({ ok: false, message: t("errors.notFound") }, { status: 404 });
    const query = Object.fromEntries(new URL(request.url).searchParams.entries());
    const { stream, fileName } = await exportList(db, actor, list.data, query, context);
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
      headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "content-disposition": attachment(fileName), "cache-control": "no-store" },
    });
  });
}
