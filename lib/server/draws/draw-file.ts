import "server-only";
import { DomainError } from "@/lib/server/errors";
import type { PrismaClient } from "@/lib/server/db/client";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { can } from "@/lib/server/policy/policy";
import { getDrawFileForBureau, getPublishedRecord, type BureauDrawFile } from "./publication";

/** A draw's file as the API answers it: a download, never rendered (lib/server/operations/http.ts). */
export interface DrawFile {
  kind: "file";
  body: Uint8Array;
  fileName: string;
  mediaType: string;
}

/**
 * A draw's record or manifest as a file: a released record (its public form) for anyone, signed in or not;
 * before release, that record for the bureau only; the full record and the manifest for the bureau only,
 * always. Anyone else is told "not found", exactly as for an unknown id.
 */
export async function getDrawFile(db: PrismaClient, actor: Actor | null, drawId: string, part: BureauDrawFile, context: RequestContext = {}): Promise<DrawFile> {
  let text = part === "record" ? await getPublishedRecord(db, drawId) : null;
  if (!text && actor && can(actor, "plan.read")) text = await getDrawFileForBureau(db, actor, drawId, part, context);
  if (!text) throw new DomainError("NOT_FOUND");
  return { kind: "file", body: new TextEncoder().encode(text), fileName: `draw-${drawId}-${part}.json`, mediaType: "application/json; charset=utf-8" };
}
