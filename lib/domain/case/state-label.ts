import { stateMessageKey, type CaseState } from "./transitions";

/**
 * The status a case is shown with. A designated target (指定检查, Jilin plan §一(二)5) was chosen by the bureau, not
 * drawn, so before its notice it reads 指定检查, never 已抽取; after the notice the workflow's own states apply.
 * Only the label: the reason for the designation is the bureau's (a tip-off) and is shown on bureau pages alone.
 */
export function caseStateLabelKey(c: { state: CaseState; designated: boolean }): string {
  return c.state === "DRAWN" && c.designated ? "workflow.state.designated" : stateMessageKey(c.state);
}
