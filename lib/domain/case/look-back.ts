/**
 * Look-back (回头看): a new case re-inspects an institution to check that an earlier inspection's
 * findings were rectified (Jilin plan §一(二)4 and §四(三)). It is an ordinary case that starts at DRAWN;
 * what makes it a look-back is `lookBackOfCaseId`, set when the case is created and never changed.
 * When the earlier inspection is not in Feijian (a national inspection, say), the case has no link and
 * the reason is the institution's InspectionHistory.
 */
import type { CaseState } from "./transitions";

export interface LookBackCandidate {
  id: string;
  institutionId: string;
  state: CaseState;
  /** The earlier case reached the institution: a case cancelled before its notice was no inspection. */
  noticeDelivered: boolean;
}

export type LookBackRefusal =
  | "LOOK_BACK_SAME_CASE"
  | "LOOK_BACK_OTHER_INSTITUTION"
  | "LOOK_BACK_NOT_CLOSED"
  | "LOOK_BACK_NEVER_INSPECTED";

export const LOOK_BACK_MESSAGE_KEYS = {
  LOOK_BACK_SAME_CASE: "workflow.lookBack.sameCase",
  LOOK_BACK_OTHER_INSTITUTION: "workflow.lookBack.otherInstitution",
  LOOK_BACK_NOT_CLOSED: "workflow.lookBack.notClosed",
  LOOK_BACK_NEVER_INSPECTED: "workflow.lookBack.neverInspected",
} as const satisfies Record<LookBackRefusal, string>;

export type LookBackCheck = { ok: true } | { ok: false; reason: LookBackRefusal; messageKey: string };

/**
 * May a new case of `institutionId` link to `earlier` as its look-back? Only to a CLOSED case of the
 * same institution that was really inspected: a look-back checks rectification, so the earlier case
 * must have ended; one still rectifying is followed up within that case instead.
 */
export function checkLookBack(newCase: { id?: string; institutionId: string }, earlier: LookBackCandidate): LookBackCheck {
  const refuse = (reason: LookBackRefusal): LookBackCheck => ({ ok: false, reason, messageKey: LOOK_BACK_MESSAGE_KEYS[reason] });
  if (newCase.id !== undefined && newCase.id === earlier.id) return refuse("LOOK_BACK_SAME_CASE");
  if (earlier.institutionId !== newCase.institutionId) return refuse("LOOK_BACK_OTHER_INSTITUTION");
  if (earlier.state !== "CLOSED") return refuse("LOOK_BACK_NOT_CLOSED");
  if (!earlier.noticeDelivered) return refuse("LOOK_BACK_NEVER_INSPECTED");
  return { ok: true };
}
