import { checkMoney, parseMoney } from "@/lib/domain/money";

/**
 * What the guards may know about a case: a snapshot the server reads from the database, in the same
 * transaction as the change, before the event is applied. Amounts are decimal strings ("1234.50").
 */
export interface CaseFacts {
  /** Every team member has signed the commitment letter (Liuzhou plan §五(七)). */
  commitmentLettersSigned: boolean;
  findingsCount: number;
  /** The on-site problem record's signatures: the team leader's and the institution's. */
  teamSigned: boolean;
  institutionSigned: boolean;
  feedbackReportWritten: boolean;
  /** The institution may still appeal: the server computes it from the plan's window and today. */
  appealWindowOpen: boolean;
  /** Appeals filed and not yet decided. */
  openAppeals: number;
  confirmationNoticeIssued: boolean;
  /** The amount in the confirmation notice, "0.00" before it. */
  confirmedTotal: string;
  refundNoticeIssued: boolean;
  /** The sum of the refunds recorded so far. */
  refundedTotal: string;
  /** The city's handling result differs much from the handed-over result (Jilin plan §四(三)). */
  handlingDiffersFromHandover: boolean;
  differenceExplained: boolean;
  /** A written rectification report is submitted and not returned. */
  rectificationReportSubmitted: boolean;
  /** A progress report is submitted or accepted (a returned one is awaited again). */
  progressReportSubmitted: boolean;
}

/** What an event carries that a guard must see. Absent when the UI asks which events are allowed. */
export interface CaseEventInput {
  /** RECORD_REFUND: the amount of this refund. */
  refundAmount?: string;
}

export type CaseGuard = (facts: CaseFacts, input: CaseEventInput) => boolean;

const cents = parseMoney;

/**
 * The guards, by name. A name reads as the requirement, and `workflow.guard.<name>` is the message key
 * shown when it fails.
 */
export const CASE_GUARDS = {
  needsCommitmentLetters: (f) => f.commitmentLettersSigned,
  needsNoFindings: (f) => f.findingsCount === 0,
  needsFindings: (f) => f.findingsCount > 0,
  // A signature covers the record as it stood: once either side has signed, the record is frozen.
  needsUnsignedRecord: (f) => !f.teamSigned && !f.institutionSigned,
  needsNoTeamSignature: (f) => !f.teamSigned,
  needsNoInstitutionSignature: (f) => !f.institutionSigned,
  // Issue 12 §4: the institution signs only what the team has signed and presented.
  needsTeamSignature: (f) => f.teamSigned,
  needsBothSignatures: (f) => f.teamSigned && f.institutionSigned,
  needsFeedbackReport: (f) => f.feedbackReportWritten,
  needsOpenAppealWindow: (f) => f.appealWindowOpen,
  // Liuzhou plan §四(三)1: the confirmation notice follows the review, so it must wait for the window.
  needsClosedAppealWindow: (f) => !f.appealWindowOpen,
  needsNoConfirmationNotice: (f) => !f.confirmationNoticeIssued,
  needsConfirmationNotice: (f) => f.confirmationNoticeIssued,
  needsOpenAppeal: (f) => f.openAppeals > 0,
  needsOtherOpenAppeals: (f) => f.openAppeals > 1,
  needsLastOpenAppeal: (f) => f.openAppeals === 1,
  needsAmountToRefund: (f) => cents(f.confirmedTotal) > 0n,
  needsNoRefundNotice: (f) => !f.refundNoticeIssued,
  needsRefundNotice: (f) => f.refundNoticeIssued,
  needsValidRefundAmount: (_f, input) => {
    if (input.refundAmount === undefined) return true;
    const amount = checkMoney(input.refundAmount);
    return amount.ok && amount.cents > 0n;
  },
  // Without an amount (the UI's question), something must remain to be refunded.
  needsRefundWithinConfirmed: (f, input) => {
    const outstanding = cents(f.confirmedTotal) - cents(f.refundedTotal);
    if (input.refundAmount === undefined) return outstanding > 0n;
    const amount = checkMoney(input.refundAmount);
    return amount.ok && amount.cents <= outstanding;
  },
  needsFullRefund: (f) => cents(f.refundedTotal) === cents(f.confirmedTotal),
  // Jilin plan §四(三): a result that differs much from the handed-over one needs a written explanation.
  needsDifferenceExplanation: (f) => !f.handlingDiffersFromHandover || f.differenceExplained,
  needsRectificationReport: (f) => f.rectificationReportSubmitted,
  // One report awaits the bureau at a time; a returned one may be followed by a new one.
  needsNoPendingRectificationReport: (f) => !f.rectificationReportSubmitted,
  needsNoProgressReport: (f) => !f.progressReportSubmitted,
} as const satisfies Record<string, CaseGuard>;

export type CaseGuardName = keyof typeof CASE_GUARDS;
export const CASE_GUARD_NAMES = Object.keys(CASE_GUARDS) as CaseGuardName[];

export function guardMessageKey(guard: CaseGuardName): `workflow.guard.${CaseGuardName}` {
  return `workflow.guard.${guard}`;
}
