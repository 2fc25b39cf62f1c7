import "server-only";
import type { DocumentAmounts } from "@/lib/documents/content";
import type { CaseFile } from "@/lib/server/cases/get-case-file";

/**
 * The amounts the confirmation notice states, read from the case file. The one place that knows the notice's
 * shape: today a single total; when the notice carries a breakdown (issue 14), its lines go into `lines`.
 */
export function confirmationAmounts(file: CaseFile): DocumentAmounts | null {
  const notice = file.case.amountConfirmationNotice;
  if (!notice) return null;
  return { total: notice.amount.toFixed(2), lines: [] };
}
