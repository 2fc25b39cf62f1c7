import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { checkUpload, storeFile, type UploadedFile } from "@/lib/server/files/storage";
import type { Actor } from "@/lib/server/policy/actor";
import type { TAddEvidenceInput } from "@/lib/validation/cases";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";


/**
 * 线索保全 (Liuzhou plan §五(五)1; 条例 art. 27): one file as evidence of the case. The SHA-256 is computed
 * here from the bytes received, never taken from the client; the file is kept outside public/.
 */
export async function addEvidence(db: PrismaClient, actor: Actor, input: TAddEvidenceInput, file: UploadedFile, options: CaseOperationOptions = {}) {
  checkUpload(file);
  const now = options.now ?? new Date();
  return applyCaseEvent(
    db,
    actor,
    { caseId: input.caseId, version: input.version, event: "ADD_EVIDENCE" },
    async (tx, found) => {
      const stored = await storeFile(tx, file, actor.userId, now);
      const evidence = await tx.evidence.create({ data: { caseId: found.id, kind: input.kind, fileId: stored.id, description: input.description ?? null } });
      return { evidenceId: evidence.id, fileName: stored.fileName, sha256: stored.sha256, sizeBytes: stored.sizeBytes };
    },
    { ...options, now },
  );
}
