import { describe, expect, it } from "vitest";
import { awaitingKey } from "@/lib/domain/case/awaiting";
import type { CaseFacts } from "@/lib/domain/case/guards";
import { CASE_STATES } from "@/lib/domain/case/workflow";
import { CATALOGS } from "@/lib/i18n/messages";
import { hasMessage } from "@/lib/i18n/translator";

const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  commitmentLettersSigned: true, findingsCount: 1, teamSigned: false, institutionSigned: false, feedbackReportWritten: false,
  appealWindowOpen: false, openAppeals: 0, confirmationNoticeIssued: false, confirmedTotal: "0.00", refundNoticeIssued: false,
  refundedTotal: "0.00", handlingDiffersFromHandover: false, differenceExplained: false, rectificationReportSubmitted: false, progressReportSubmitted: false, ...over,
});

describe("who a case waits for", () => {
  it("names the other side once one has signed the problem record", () => {
    expect(awaitingKey("FINDINGS_RECORDED", facts({ teamSigned: true }))).toBe("cases.awaiting.institutionSignature");
    expect(awaitingKey("FINDINGS_RECORDED", facts({ institutionSigned: true }))).toBe("cases.awaiting.teamSignature");
    expect(awaitingKey("DRAWN", facts({ commitmentLettersSigned: false }))).toBe("cases.awaiting.letters");
  });

  it("follows the handling: appeal period, confirmation, refund notice, refunds, acceptance", () => {
    expect(awaitingKey("HANDED_OVER", facts({ appealWindowOpen: true }))).toBe("cases.awaiting.appealWindow");
    expect(awaitingKey("HANDED_OVER", facts())).toBe("cases.awaiting.cityHandling");
    expect(awaitingKey("HANDED_OVER", facts({ confirmationNoticeIssued: true }))).toBe("cases.awaiting.confirmation");
    expect(awaitingKey("UNDER_APPEAL", facts({ openAppeals: 1 }))).toBe("cases.awaiting.appealReview");
    expect(awaitingKey("AMOUNTS_CONFIRMED", facts({ confirmedTotal: "10.00" }))).toBe("cases.awaiting.refundNotice");
    expect(awaitingKey("AMOUNTS_CONFIRMED", facts({ confirmedTotal: "10.00", refundNoticeIssued: true, refundedTotal: "9.99" }))).toBe("cases.awaiting.refund");
    expect(awaitingKey("AMOUNTS_CONFIRMED", facts({ confirmedTotal: "10.00", refundNoticeIssued: true, refundedTotal: "10.00" }))).toBe("cases.awaiting.refundCompletion");
    expect(awaitingKey("RECTIFYING", facts())).toBe("cases.awaiting.writtenReport");
    expect(awaitingKey("RECTIFYING", facts({ rectificationReportSubmitted: true }))).toBe("cases.awaiting.acceptance");
  });

  it("a stale hint stayed after a progress report was accepted: once progress is reported, the case waits for the confirmation notice", () => {
    expect(awaitingKey("HANDED_OVER", facts({ progressReportSubmitted: true }))).toBe("cases.awaiting.confirmationNotice");
    expect(hasMessage("zh-CN", "cases.awaiting.confirmationNotice") && hasMessage("en", "cases.awaiting.confirmationNotice")).toBe(true);
  });

  it("has a message for every state, in both languages", () => {
    void CATALOGS;
    for (const state of CASE_STATES) {
      const variants = [
        facts(),
        facts({ teamSigned: true }),
        facts({ commitmentLettersSigned: false }),
        facts({ appealWindowOpen: true }),
        facts({ confirmationNoticeIssued: true, confirmedTotal: "10.00" }),
        facts({ confirmationNoticeIssued: true, confirmedTotal: "10.00", refundNoticeIssued: true, refundedTotal: "10.00" }),
        facts({ rectificationReportSubmitted: true }),
      ];
      for (const f of variants) {
        const key = awaitingKey(state, f);
        expect(hasMessage("zh-CN", key), `${state} → ${key}`).toBe(true);
        expect(hasMessage("en", key), `${state} → ${key}`).toBe(true);
      }
    }
  });
});
