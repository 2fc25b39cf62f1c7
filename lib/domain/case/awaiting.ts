import { parseMoney } from "@/lib/domain/money";
import type { CaseFacts } from "./guards";
import type { CaseState } from "./transitions";

/**
 * Whose move it is, for a reader with nothing to do: a message key naming who the case waits for, so
 * nobody is left wondering whether the case is stuck. Read from the state and the facts only.
 */
export function awaitingKey(state: CaseState, facts: CaseFacts): string {
  switch (state) {
    case "DRAWN":
      return facts.commitmentLettersSigned ? "cases.awaiting.notice" : "cases.awaiting.letters";
    case "NOTIFIED":
    case "ON_SITE":
      return "cases.awaiting.onSite";
    case "FINDINGS_RECORDED":
      if (facts.teamSigned && !facts.institutionSigned) return "cases.awaiting.institutionSignature";
      if (!facts.teamSigned && facts.institutionSigned) return "cases.awaiting.teamSignature";
      return "cases.awaiting.onSite";
    case "RECORD_SIGNED":
      return "cases.awaiting.handover";
    case "HANDED_OVER":
      if (facts.confirmationNoticeIssued) return "cases.awaiting.confirmation";
      if (facts.appealWindowOpen) return "cases.awaiting.appealWindow";
      // Issue 12 §12: once the progress report is in (and accepted), "waiting for the progress report" is stale.
      return facts.progressReportSubmitted ? "cases.awaiting.confirmationNotice" : "cases.awaiting.cityHandling";
    case "UNDER_APPEAL":
      return "cases.awaiting.appealReview";
    case "AMOUNTS_CONFIRMED":
      if (!facts.refundNoticeIssued) return "cases.awaiting.refundNotice";
      return parseMoney(facts.refundedTotal) < parseMoney(facts.confirmedTotal) ? "cases.awaiting.refund" : "cases.awaiting.refundCompletion";
    case "REFUNDED":
      return "cases.awaiting.endHandling";
    case "RECTIFYING":
      return facts.rectificationReportSubmitted ? "cases.awaiting.acceptance" : "cases.awaiting.writtenReport";
    case "RECTIFIED":
      return "cases.awaiting.closing";
    case "CLOSED":
      return "cases.awaiting.closed";
  }
}
