import "server-only";
import type { DocumentAmounts } from "@/lib/documents/content";
import type { CaseFile } from "@/lib/server/cases/get-case-file";

/**
 * The amounts the confirmation notice states, read from the case file. The one place that knows the notice's
 * shape: the notice's amount, and its breakdown by finding (issue 12 §5: the signed findings after appeal
 * outcomes, each as "violation type: description"), which the document prints line by line.
 */
export function confirmationAmounts(file: CaseFile): DocumentAmounts | null {
  const notice = file.case.amountConfirmationNotice;
  if (!notice) return null;
  const lines = (file.breakdown ?? []).map((line) => [`${line.violationType}：${line.description}`, line.amount] as const);
  return { total: notice.amount.toFixed(2), lines };
}
