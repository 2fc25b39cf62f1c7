import { describe, expect, it } from "vitest";
import { awaitingKey } from "@/lib/domain/case/awaiting";
import type { CaseFacts } from "@/lib/domain/case/guards";
import { CASE_STATES } from "@/lib/domain/case/workflow";
import { CATALOGS } from "@/lib/i18n/messages";
import { hasMessage } from "@/lib/i18n/translator";

const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  commitmentLettersSigned: true, findingsCount: 1, teamSigned: false, institutionSigned: false, feedbackReportWritten: false,
  appealWindowOpen: false, openAppeals: 0, confirmationNoticeIssued: false, confirmedTotal: "0.00", refundNoticeIssued: false,
  refundedTotal: "0.00", handlingDiffersFromHandover: false, differenceExplained: false, rectificationReportSubmitted: false, ...over,
});

describe("who a case waits for", () => {
  it("names the other side once one has signed the problem record", () => {
    expect(awaitingKey("FINDINGS_RECORDED", facts({ teamSigned: true }))).toBe("cases.awaiting.institutionSignature");
    expect(awaitingKey("FINDINGS_RECORDED", facts({ institutionSigned: true }))).toBe("cases.awaiting.teamSignature");
    expect(awaitingKey("DRAWN", facts({ commitmentLettersSigned: false }))).toBe("cases.awaiting.letters");
  });

  it("has a message for every state, in both languages", () => {
    void CATALOGS;
    for (const state of CASE_STATES) {
      for (const f of [facts(), facts({ teamSigned: true }), facts({ commitmentLettersSigned: false })]) {
        const key = awaitingKey(state, f);
        expect(hasMessage("zh-CN", key), `${state} → ${key}`).toBe(true);
        expect(hasMessage("en", key), `${state} → ${key}`).toBe(true);
      }
    }
  });
});
