import "server-only";
import { DomainError } from "@/lib/errors";
import { messageRef } from "@/lib/validation/primitives";

/** The same bytes (same SHA-256) are already evidence of this case: the message names the first upload. */
export function duplicateEvidence(existing: { fileName: string; uploadedAt: Date }): DomainError {
  const message = messageRef("errors.fileDuplicateEvidence", { fileName: existing.fileName, uploadedAt: existing.uploadedAt });
  return new DomainError("FILE_DUPLICATE", { file: message }, { messageKey: message });
}
