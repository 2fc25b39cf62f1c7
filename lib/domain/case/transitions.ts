/**
 * The case workflow as data: its states, its events, and one table of transitions. docs/case-workflow.md
 * shows the same table (a unit test keeps the two equal); docs/decisions/006-case-workflow.md says why.
 */
import type { CaseActorKind } from "./actors";
import type { CaseGuardName } from "./guards";

export const CASE_STATES = [
  "DRAWN",
  "NOTIFIED",
  "ON_SITE",
  "FINDINGS_RECORDED",
  "RECORD_SIGNED",
  "HANDED_OVER",
  "UNDER_APPEAL",
  "AMOUNTS_CONFIRMED",
  "REFUNDED",
  "RECTIFYING",
  "RECTIFIED",
  "CLOSED",
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const INITIAL_CASE_STATE: CaseState = "DRAWN";
export const TERMINAL_CASE_STATES: readonly CaseState[] = ["CLOSED"];

export const CASE_EVENTS = [
  "DELIVER_NOTICE",
  "CANCEL",
  "START_ON_SITE",
  "ADD_EVIDENCE",
  "RECORD_FINDING",
  "CLOSE_WITHOUT_FINDINGS",
  "SIGN_RECORD_TEAM",
  "SIGN_RECORD_INSTITUTION",
  "WRITE_FEEDBACK_REPORT",
  "HAND_OVER",
  "FILE_APPEAL",
  "DECIDE_APPEAL",
  "ISSUE_CONFIRMATION_NOTICE",
  "CONFIRM_AMOUNTS",
  "WITHDRAW_CONFIRMATION_NOTICE",
  "DISPUTE_CONFIRMATION_NOTICE",
  "ISSUE_REFUND_NOTICE",
  "RECORD_REFUND",
  "COMPLETE_REFUND",
  "SUBMIT_PROGRESS_REPORT",
  "SUBMIT_RECTIFICATION_MATERIAL",
  "END_HANDLING",
  "SUBMIT_RECTIFICATION_REPORT",
  "ACCEPT_RECTIFICATION",
  "RETURN_RECTIFICATION",
  "CLOSE",
  // Issue 12 §2: the team corrects its draft record before signing it.
  "EDIT_FINDING",
  "WITHDRAW_FINDING",
  // Issue 12 §9: evidence withdrawn before signing, kept in history.
  "WITHDRAW_EVIDENCE",
] as const;
export type CaseEvent = (typeof CASE_EVENTS)[number];

/**
 * The permission each event needs, by role (lib/policy/permissions.ts gives it to roles); the table's rows
 * then name the part in the case (leader, member, city, institution, bureau) that may make it. A user must
 * hold both: the role's permission and the part on this case. A unit test keeps the two from disagreeing.
 */
export const CASE_EVENT_PERMISSIONS = {
  DELIVER_NOTICE: "case.deliverNotice",
  CANCEL: "case.cancel",
  START_ON_SITE: "case.startOnSite",
  ADD_EVIDENCE: "case.addEvidence",
  RECORD_FINDING: "case.recordFinding",
  CLOSE_WITHOUT_FINDINGS: "case.closeWithoutFindings",
  SIGN_RECORD_TEAM: "case.signRecordTeam",
  SIGN_RECORD_INSTITUTION: "case.signRecordInstitution",
  WRITE_FEEDBACK_REPORT: "case.writeFeedbackReport",
  HAND_OVER: "case.handOver",
  FILE_APPEAL: "case.fileAppeal",
  DECIDE_APPEAL: "case.decideAppeal",
  ISSUE_CONFIRMATION_NOTICE: "case.issueConfirmationNotice",
  CONFIRM_AMOUNTS: "case.confirmAmounts",
  WITHDRAW_CONFIRMATION_NOTICE: "case.withdrawConfirmationNotice",
  DISPUTE_CONFIRMATION_NOTICE: "case.disputeConfirmationNotice",
  ISSUE_REFUND_NOTICE: "case.issueRefundNotice",
  RECORD_REFUND: "case.recordRefund",
  COMPLETE_REFUND: "case.completeRefund",
  SUBMIT_PROGRESS_REPORT: "case.submitProgressReport",
  SUBMIT_RECTIFICATION_MATERIAL: "case.submitRectificationMaterial",
  END_HANDLING: "case.endHandling",
  SUBMIT_RECTIFICATION_REPORT: "case.submitRectificationReport",
  ACCEPT_RECTIFICATION: "case.acceptRectification",
  RETURN_RECTIFICATION: "case.returnRectification",
  CLOSE: "case.close",
  EDIT_FINDING: "case.editFinding",
  WITHDRAW_FINDING: "case.withdrawFinding",
  WITHDRAW_EVIDENCE: "case.withdrawEvidence",
} as const satisfies Record<CaseEvent, `case.${string}`>;
export type CaseEventPermission = (typeof CASE_EVENT_PERMISSIONS)[CaseEvent];

/**
 * One row: in state `from`, `event` made by one of `actors` leads to `to` when every guard holds, checked
 * in order. `to === from` is a self-transition: the event changes the case's records, not its state.
 * Rows sharing `from` and `event` have the same actors and guards that never hold together.
 */
export interface CaseTransition {
  from: CaseState;
  event: CaseEvent;
  to: CaseState;
  actors: readonly CaseActorKind[];
  guards: readonly CaseGuardName[];
  /** The action's label in the message catalog. */
  descriptionKey: string;
}

const camel = (name: string): string => name.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export function stateMessageKey(state: CaseState): string {
  return `workflow.state.${camel(state)}`;
}

export function eventMessageKey(event: CaseEvent): string {
  return `workflow.event.${camel(event)}`;
}

function row(
  from: CaseState,
  event: CaseEvent,
  to: CaseState,
  actors: readonly CaseActorKind[],
  guards: readonly CaseGuardName[] = [],
): CaseTransition {
  return { from, event, to, actors, guards, descriptionKey: eventMessageKey(event) };
}

const stay = (states: readonly CaseState[], event: CaseEvent, actors: readonly CaseActorKind[], guards: readonly CaseGuardName[] = []): CaseTransition[] =>
  states.map((state) => row(state, event, state, actors, guards));

const TEAM: readonly CaseActorKind[] = ["TEAM_LEADER", "TEAM_MEMBER"];
const LEADER: readonly CaseActorKind[] = ["TEAM_LEADER"];
const CITY: readonly CaseActorKind[] = ["CITY"];
const INSTITUTION: readonly CaseActorKind[] = ["INSTITUTION"];
const BUREAU: readonly CaseActorKind[] = ["BUREAU"];

/** From the handover to the written report, the city reports progress and the institution sends rectification material. */
export const HANDLING_STATES: readonly CaseState[] = ["HANDED_OVER", "UNDER_APPEAL", "AMOUNTS_CONFIRMED", "REFUNDED"];

export const TRANSITIONS: readonly CaseTransition[] = [
  // Jilin plan §四(二)2: the notice is read and delivered on arrival; the team has signed its
  // commitment letters before the visit (Liuzhou plan §五(七)).
  row("DRAWN", "DELIVER_NOTICE", "NOTIFIED", LEADER, ["needsCommitmentLetters"]),
  // A drawn target can still be dropped (ceased trading, excluded after all) while nobody outside knows of it.
  row("DRAWN", "CANCEL", "CLOSED", BUREAU),
  row("NOTIFIED", "START_ON_SITE", "ON_SITE", LEADER),

  // Liuzhou plan §五(五)1: evidence by photo, audio, video, copy and transcript; the problem record
  // is signed by both sides, and a signature freezes it.
  row("ON_SITE", "ADD_EVIDENCE", "ON_SITE", TEAM),
  row("ON_SITE", "RECORD_FINDING", "FINDINGS_RECORDED", TEAM),
  row("ON_SITE", "CLOSE_WITHOUT_FINDINGS", "CLOSED", LEADER, ["needsNoFindings"]),
  row("FINDINGS_RECORDED", "ADD_EVIDENCE", "FINDINGS_RECORDED", TEAM, ["needsUnsignedRecord"]),
  row("FINDINGS_RECORDED", "RECORD_FINDING", "FINDINGS_RECORDED", TEAM, ["needsUnsignedRecord"]),
  row("FINDINGS_RECORDED", "CLOSE_WITHOUT_FINDINGS", "CLOSED", LEADER, ["needsNoFindings", "needsUnsignedRecord"]),
  // Issue 12 §4: the team signs first, and the institution signs the record as the team presented it;
  // until the team signs, the record is the team's draft (Liuzhou plan §五(七): matters without a
  // conclusion stay confidential from the inspected party), so the institution has nothing to sign.
  row("FINDINGS_RECORDED", "SIGN_RECORD_TEAM", "FINDINGS_RECORDED", LEADER, ["needsNoTeamSignature", "needsFindings"]),
  row("FINDINGS_RECORDED", "SIGN_RECORD_INSTITUTION", "RECORD_SIGNED", INSTITUTION, ["needsTeamSignature", "needsNoInstitutionSignature"]),
  // Issue 12 §2: until the team signs, its findings are its draft: a member may correct or withdraw one, with
  // a reason, each change kept as a revision (lib/server/cases/revise-finding.ts).
  row("FINDINGS_RECORDED", "EDIT_FINDING", "FINDINGS_RECORDED", TEAM, ["needsUnsignedRecord", "needsFindings"]),
  row("FINDINGS_RECORDED", "WITHDRAW_FINDING", "FINDINGS_RECORDED", TEAM, ["needsUnsignedRecord", "needsFindings"]),
  // Issue 12 §9: evidence likewise, until the team signs; the file stays, marked withdrawn (lib/server/cases/withdraw-evidence.ts).
  row("ON_SITE", "WITHDRAW_EVIDENCE", "ON_SITE", TEAM),
  row("FINDINGS_RECORDED", "WITHDRAW_EVIDENCE", "FINDINGS_RECORDED", TEAM, ["needsUnsignedRecord"]),

  // Jilin plan §四(三): the team's feedback report and the handed-over material go to the inspected region.
  row("RECORD_SIGNED", "WRITE_FEEDBACK_REPORT", "RECORD_SIGNED", LEADER, ["needsBothSignatures"]),
  row("RECORD_SIGNED", "HAND_OVER", "HANDED_OVER", LEADER, ["needsBothSignatures", "needsFeedbackReport"]),

  // Liuzhou plan §四(二): review only of duplicate deductions and disputed findings, within the window
  // and before the confirmation notice; the city's review group decides each appeal.
  row("HANDED_OVER", "FILE_APPEAL", "UNDER_APPEAL", INSTITUTION, ["needsNoConfirmationNotice", "needsOpenAppealWindow"]),
  row("UNDER_APPEAL", "FILE_APPEAL", "UNDER_APPEAL", INSTITUTION, ["needsNoConfirmationNotice", "needsOpenAppealWindow"]),
  row("UNDER_APPEAL", "DECIDE_APPEAL", "UNDER_APPEAL", CITY, ["needsOpenAppeal", "needsOtherOpenAppeals"]),
  row("UNDER_APPEAL", "DECIDE_APPEAL", "HANDED_OVER", CITY, ["needsOpenAppeal", "needsLastOpenAppeal"]),

  // Liuzhou plan §四(三): confirmation notice → confirmation letter → refund notice → refund into the
  // fund account with a voucher, archived by the bureau.
  row("HANDED_OVER", "ISSUE_CONFIRMATION_NOTICE", "HANDED_OVER", CITY, ["needsNoConfirmationNotice", "needsClosedAppealWindow"]),
  row("HANDED_OVER", "CONFIRM_AMOUNTS", "AMOUNTS_CONFIRMED", INSTITUTION, ["needsConfirmationNotice"]),
  // Until it is confirmed, the city may withdraw its notice to correct it, and the institution may dispute
  // it (back to the city, with its reasons, before any decision: 条例 art. 31); either keeps the notice in
  // the history and lets the city issue a new one.
  row("HANDED_OVER", "WITHDRAW_CONFIRMATION_NOTICE", "HANDED_OVER", CITY, ["needsConfirmationNotice"]),
  row("HANDED_OVER", "DISPUTE_CONFIRMATION_NOTICE", "HANDED_OVER", INSTITUTION, ["needsConfirmationNotice"]),
  row("AMOUNTS_CONFIRMED", "ISSUE_REFUND_NOTICE", "AMOUNTS_CONFIRMED", CITY, ["needsNoRefundNotice", "needsAmountToRefund"]),
  // The institution uploads its voucher, or the city records a refund it took from settlement payments.
  row("AMOUNTS_CONFIRMED", "RECORD_REFUND", "AMOUNTS_CONFIRMED", ["INSTITUTION", "CITY"], ["needsRefundNotice", "needsValidRefundAmount", "needsRefundWithinConfirmed"]),
  row("AMOUNTS_CONFIRMED", "COMPLETE_REFUND", "REFUNDED", CITY, ["needsFullRefund"]),

  // Jilin plan §四(三): progress within 30 working days of receiving the handover (a deadline, not a
  // state); the written report within 5 working days after handling ends, explaining any large difference.
  ...stay(HANDLING_STATES, "SUBMIT_PROGRESS_REPORT", CITY, ["needsNoProgressReport"]),
  ...stay([...HANDLING_STATES, "RECTIFYING"], "SUBMIT_RECTIFICATION_MATERIAL", INSTITUTION),
  row("REFUNDED", "END_HANDLING", "RECTIFYING", CITY),
  row("RECTIFYING", "SUBMIT_RECTIFICATION_REPORT", "RECTIFYING", CITY, ["needsNoPendingRectificationReport", "needsDifferenceExplanation"]),
  row("RECTIFYING", "ACCEPT_RECTIFICATION", "RECTIFIED", BUREAU, ["needsRectificationReport"]),
  row("RECTIFYING", "RETURN_RECTIFICATION", "RECTIFYING", BUREAU, ["needsRectificationReport"]),
  row("RECTIFIED", "CLOSE", "CLOSED", BUREAU),
];
