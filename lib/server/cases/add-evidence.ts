import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { duplicateEvidence } from "@/lib/server/files/errors";
import { storeFile, type UploadedFile } from "@/lib/server/files/storage";
import type { Actor } from "@/lib/server/policy/actor";
import type { TAddEvidenceInput } from "@/lib/validation/cases";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";


/**
 * 线索保全 (Liuzhou plan §五(五)1; 条例 art. 27): one file as evidence of the case. The SHA-256 was computed on
 * the server while the file streamed in, never taken from the client; the file is kept outside public/.
 * The same bytes twice are one piece of evidence: a second copy (a button pressed again) is refused, naming
 * when the first was uploaded. The check runs in the transaction after the case's compare-and-set, so two
 * uploads at once are serialised by the case row and the second sees the first.
 */
export async function addEvidence(db: PrismaClient, actor: Actor, input: TAddEvidenceInput, file: UploadedFile, options: CaseOperationOptions = {}) {
  const now = options.now ?? new Date();
  return applyCaseEvent(
    db,
    actor,
    { caseId: input.caseId, version: input.version, event: "ADD_EVIDENCE" },
    async (tx, found) => {
      const existing = await tx.evidence.findFirst({ where: { caseId: found.id, file: { sha256: file.sha256 } }, select: { file: { select: { fileName: true, uploadedAt: true } } } });
      if (existing) throw duplicateEvidence(existing.file);
      const stored = await storeFile(tx, file, actor.userId, now);
      const evidence = await tx.evidence.create({ data: { caseId: found.id, kind: input.kind, fileId: stored.id, description: input.description ?? null } });
      return { evidenceId: evidence.id, fileName: stored.fileName, sha256: stored.sha256, sizeBytes: stored.sizeBytes };
    },
    { ...options, now },
  );
}
