import "server-only";
import { DomainError } from "@/lib/server/errors";

type MessageValues = Record<string, string | number | Date>;

/**
 * A DomainError whose message needs values (when the duplicate was uploaded). DomainError carries message keys
 * only; until it can carry values itself, the upload boundary reads them from here (`messageValuesOf`).
 */
export class DomainErrorWithValues extends DomainError {
  constructor(code: ConstructorParameters<typeof DomainError>[0], fieldErrors: Record<string, string>, messageKey: string, readonly values: MessageValues) {
    super(code, fieldErrors, { messageKey });
  }
}

export function messageValuesOf(error: DomainError): MessageValues | undefined {
  return error instanceof DomainErrorWithValues ? error.values : undefined;
}

/** The same bytes (same SHA-256) are already evidence of this case. */
export function duplicateEvidence(existing: { fileName: string; uploadedAt: Date }): DomainError {
  return new DomainErrorWithValues("FILE_DUPLICATE", { file: "errors.fileDuplicateEvidence" }, "errors.fileDuplicateEvidence", { fileName: existing.fileName, uploadedAt: existing.uploadedAt });
}
