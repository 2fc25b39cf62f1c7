import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainError } from "@/lib/server/errors";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { requirePermission } from "@/lib/server/policy/policy";
import { scope } from "@/lib/server/policy/scope";
import { readStoredFile } from "./storage";

/**
 * A stored evidence file, for a reader who may see its case. Anything else, an unknown id included, is
 * NOT_FOUND. Every download is audited (personal data of patients sits in these files).
 */
export async function downloadEvidenceFile(db: PrismaClient, actor: Actor, fileId: string, context: RequestContext = {}) {
  requirePermission(actor, "case.read");
  if (!/^[0-9a-f-]{36}$/i.test(fileId)) throw new DomainError("NOT_FOUND");
  const evidence = await db.evidence.findFirst({ where: { fileId, case: scope.inspectionCase(actor) }, include: { file: true } });
  if (!evidence) throw new DomainError("NOT_FOUND");
  const bytes = await readStoredFile(evidence.file.storageKey);
  await db.$transaction((tx) => recordAudit(tx, { actor, action: "evidence.download", entity: "InspectionCase", entityId: evidence.caseId, after: { fileId, sha256: evidence.file.sha256 }, context }));
  return { bytes, fileName: evidence.file.fileName, mediaType: evidence.file.mediaType };
}
