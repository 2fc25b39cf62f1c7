import "server-only";
import { z } from "zod";
import type { PrismaClient } from "@/lib/server/db/client";
import { duplicateEvidence } from "@/lib/server/files/errors";
import { storeFile, type UploadedFile } from "@/lib/server/files/storage";
import type { Actor } from "@/lib/server/policy/actor";
import { parseCaseInput } from "./inputs";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

export const EVIDENCE_KINDS = ["PHOTO", "AUDIO", "VIDEO", "COPY", "ON_SITE_RECORD", "INTERVIEW_RECORD", "OTHER"] as const;

export const ZAddEvidenceInput = z.object({
  caseId: z.string().uuid({ error: "validation.invalidId" }),
  version: z.coerce.number({ error: "validation.invalid" }).int().min(0),
  kind: z.enum(EVIDENCE_KINDS, { error: "validation.invalidChoice" }),
  description: z.string().trim().max(500, { error: "validation.tooLong" }).optional(),
});

/**
 * 线索保全 (Liuzhou plan §五(五)1; 条例 art. 27): one file as evidence of the case. The SHA-256 was computed on
 * the server while the file streamed in, never taken from the client; the file is kept outside public/.
 * The same bytes twice are one piece of evidence: a second copy (a button pressed again) is refused, naming
 * when the first was uploaded. The check runs in the transaction after the case's compare-and-set, so two
 * uploads at once are serialised by the case row and the second sees the first.
 */
export async function addEvidence(db: PrismaClient, actor: Actor, raw: unknown, file: UploadedFile, options: CaseOperationOptions = {}) {
  const input = parseCaseInput(ZAddEvidenceInput, raw);
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
