import "server-only";
import type { FileKind } from "@/lib/domain/case/file-visibility";
import { DOCUMENT_RULES } from "@/lib/documents/kinds";
import type { Prisma, Tx } from "@/lib/server/db/client";

const ONE = { select: { caseId: true }, take: 1 } as const;

/** Every row that can point at a FileObject, with the way to its case. */
const OWNERS = {
  evidence: { select: { caseId: true } },
  onSiteNotices: ONE,
  seizures: ONE,
  feedbackReports: ONE,
  statements: ONE,
  appeals: ONE,
  reviews: { select: { appeal: { select: { caseId: true } } }, take: 1 },
  amountConfirmationNotices: ONE,
  confirmationLetters: { select: { notice: { select: { caseId: true } } }, take: 1 },
  refundNotices: ONE,
  refundVouchers: { select: { refundNotice: { select: { caseId: true } } }, take: 1 },
  penalties: ONE,
  rectificationReports: { select: { kind: true, rectification: { select: { caseId: true } } }, take: 1 },
  differenceExplanations: ONE,
  rectificationMaterial: { select: { rectification: { select: { caseId: true } } } },
  transfers: ONE,
  masterDataImports: { select: { id: true }, take: 1 },
  documentScan: { select: { document: { select: { caseId: true, kind: true } } } },
} satisfies Prisma.FileObjectSelect;

export interface FileOwner {
  kind: FileKind;
  /** Null for a file outside any case (a master-data import). */
  caseId: string | null;
  /** The row that holds it, for the audit trail of a master-data import. */
  entityId?: string;
}

/**
 * A stored file with the kind it has through the row that points at it, or null for an unknown id or a file no
 * row points at (a commitment letter's scan is the team's, not a case's, and has no download yet).
 */
export async function findFileWithOwner(db: Tx, fileId: string) {
  const file = await db.fileObject.findUnique({
    where: { id: fileId },
    select: { id: true, storageKey: true, sha256: true, sizeBytes: true, mediaType: true, fileName: true, ...OWNERS },
  });
  if (!file) return null;
  const owner = ownerOf(file);
  return owner ? { file, owner } : null;
}

function ownerOf(file: Prisma.FileObjectGetPayload<{ select: typeof OWNERS }>): FileOwner | null {
  const report = file.rectificationReports[0];
  const candidates: [FileKind, string | undefined][] = [
    ["EVIDENCE", file.evidence?.caseId],
    ["NOTICE_RECEIPT", file.onSiteNotices[0]?.caseId],
    ["SEIZURE_LIST", file.seizures[0]?.caseId],
    ["FEEDBACK_REPORT", file.feedbackReports[0]?.caseId],
    ["STATEMENT", file.statements[0]?.caseId],
    ["APPEAL", file.appeals[0]?.caseId],
    ["REVIEW", file.reviews[0]?.appeal.caseId],
    ["AMOUNT_CONFIRMATION_NOTICE", file.amountConfirmationNotices[0]?.caseId],
    ["CONFIRMATION_LETTER", file.confirmationLetters[0]?.notice.caseId],
    ["REFUND_NOTICE", file.refundNotices[0]?.caseId],
    ["REFUND_VOUCHER", file.refundVouchers[0]?.refundNotice.caseId],
    ["PENALTY_DECISION", file.penalties[0]?.caseId],
    [report?.kind === "WRITTEN" ? "WRITTEN_REPORT" : "PROGRESS_REPORT", report?.rectification.caseId],
    ["DIFFERENCE_EXPLANATION", file.differenceExplanations[0]?.caseId],
    ["RECTIFICATION_MATERIAL", file.rectificationMaterial?.rectification.caseId],
    ["TRANSFER", file.transfers[0]?.caseId],
  ];
  // A scan of a served document is read as the document is (lib/documents/kinds.ts).
  const scanned = file.documentScan?.document;
  if (scanned) candidates.push([DOCUMENT_RULES[scanned.kind].readAs, scanned.caseId]);
  const found = candidates.find(([, caseId]) => caseId !== undefined);
  if (found) return { kind: found[0], caseId: found[1]! };
  const importRecord = file.masterDataImports[0];
  return importRecord ? { kind: "MASTER_DATA_IMPORT", caseId: null, entityId: importRecord.id } : null;
}
