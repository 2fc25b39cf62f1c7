import "server-only";
import { z } from "zod";
import { getActor, getRequestContext } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { isDomainError } from "@/lib/server/errors";
import { getDrawFileForBureau, getPublishedRecord, type BureauDrawFile } from "./publication";

/**
 * The body of the record and manifest download routes: a released record (its public form) for anyone; before
 * release, that record for the bureau only; the full record and the full manifest for the bureau only, always.
 * Anyone else gets "not found", as for an unknown id.
 */
export async function drawFileResponse(rawId: string, part: BureauDrawFile): Promise<Response> {
  const id = z.uuid().safeParse(rawId);
  const notFound = () => Response.json({ error: "not found" }, { status: 404 });
  if (!id.success) return notFound();
  const db = getDb();
  let text = part === "record" ? await getPublishedRecord(db, id.data) : null;
  const actor = text ? null : await getActor();
  if (!text && actor) text = await getDrawFileForBureau(db, actor, id.data, part, await getRequestContext()).catch((error: unknown) => (isDomainError(error) ? null : Promise.reject(error)));
  if (!text) return notFound();
  return new Response(text, {
    headers: { "Content-Type": "application/json; charset=utf-8", "Content-Disposition": `attachment; filename="draw-${id.data}-${part}.json"`, "Cache-Control": "no-store" },
  });
}
