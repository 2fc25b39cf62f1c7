import { z } from "zod";
import { getDb } from "@/lib/server/db/client";
import { getPublicDraw } from "@/lib/server/draws/publication";

export const dynamic = "force-dynamic";

/** Public: a draw's manifest hash and commitments, and whether its record is released (issue 8 §6). */
export async function GET(_request: Request, { params }: { params: Promise<{ drawId: string }> }) {
  const id = z.uuid().safeParse((await params).drawId);
  const draw = id.success ? await getPublicDraw(getDb(), id.data) : null;
  if (!draw) return Response.json({ error: "not found" }, { status: 404 });
  return Response.json(draw, { headers: { "Cache-Control": "no-store" } });
}
