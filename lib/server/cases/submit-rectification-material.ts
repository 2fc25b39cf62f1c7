import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import { storeFile, type UploadedFile } from "@/lib/server/files/storage";
import type { Actor } from "@/lib/server/policy/actor";
import type { TRectificationMaterialInput } from "@/lib/validation/cases";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

/**
 * SUBMIT_RECTIFICATION_MATERIAL: the institution uploads what shows its rectification (revised rules,
 * training records, corrected settlement lists), from the handover until the rectification is accepted.
 * The stored file carries its SHA-256, uploader and time.
 */
export async function submitRectificationMaterial(db: PrismaClient, actor: Actor, input: TRectificationMaterialInput, file: UploadedFile, options: CaseOperationOptions = {}) {
  const now = options.now ?? new Date();
  return applyCaseEvent(
    db,
    actor,
    { caseId: input.caseId, version: input.version, event: "SUBMIT_RECTIFICATION_MATERIAL" },
    async (tx, found) => {
      const rectification = await tx.rectification.findUnique({ where: { caseId: found.id }, select: { id: true } });
      if (!rectification) throw new DomainError("NOT_FOUND");
      const stored = await storeFile(tx, file, actor.userId, now);
      const material = await tx.rectificationMaterial.create({ data: { rectificationId: rectification.id, fileId: stored.id, description: input.description ?? null } });
      return { materialId: material.id, fileName: stored.fileName, sha256: stored.sha256 };
    },
    { ...options, now },
  );
}
