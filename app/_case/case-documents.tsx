import { CaseDocuments } from "@/components/documents/case-documents";
import { isDomainError } from "@/lib/errors";
import type { Actor } from "@/lib/server/policy/actor";
import { getDb } from "@/lib/server/db/client";
import { listCaseDocuments } from "@/lib/server/documents/list";

/** The case page's 文书 section: the reader's documents and what they may generate, read through document.list's service. */
export async function CaseDocumentsSection({ actor, caseId }: { actor: Actor; caseId: string }) {
  // The case page has already checked access; a refusal here hides the section rather than the page.
  const data = await listCaseDocuments(getDb(), actor, { caseId }).catch((error: unknown) => (isDomainError(error) ? null : Promise.reject(error)));
  if (!data) return null;
  return (
    <div className="mt-6">
      <CaseDocuments
        data={{
          caseId: data.caseId,
          generatable: data.generatable,
          receiptSubjects: data.receiptSubjects,
          pdfAvailable: data.pdfAvailable,
          binder: data.binder,
          documents: data.documents.map((d) => ({ id: d.id, kind: d.kind, revision: d.revision, number: d.number, issuedOn: d.issuedOn.toISOString().slice(0, 10), verificationCode: d.verificationCode, sha256: d.sha256, caseVersion: d.caseVersion, pdfStatus: d.pdfStatus, scans: d.scans.map((s) => ({ fileId: s.fileId, fileName: s.fileName, note: s.note })), canAttachScan: d.canAttachScan })),
        }}
      />
    </div>
  );
}
