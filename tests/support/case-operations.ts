/**
 * The case operations as the integration tests call them: by the same names as the services, but through
 * the registry's boundary (`invokeOperation`), so every test exercises the permission check, the strict
 * parse of the raw input and the refusal audit that the UI and the API go through.
 */
import type { OperationName } from "@/lib/operations";
import type { Actor, RequestContext } from "@/lib/policy/actor";
import type { CaseState } from "@/lib/domain/case/workflow";
import type { PrismaClient } from "@/lib/server/db/client";
import type { UploadedFile } from "@/lib/server/files/storage";
import { invokeOperation } from "@/lib/server/operations/boundary";

interface Options {
  now?: Date;
  context?: RequestContext;
}

/** What a case event answers through the boundary. */
export interface CaseEventAnswer {
  caseId: string;
  state: CaseState;
  version: number;
  // The operation's own record, as each service shapes it; tests read what they need of it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  record: any;
}

const command =
  (name: OperationName) =>
  (db: PrismaClient, actor: Actor, raw: unknown, options: Options = {}) =>
    invokeOperation(db, actor, name, raw, options) as Promise<CaseEventAnswer>;

const upload =
  (name: OperationName) =>
  (db: PrismaClient, actor: Actor, raw: unknown, file: UploadedFile | undefined, options: Options = {}) =>
    invokeOperation(db, actor, name, raw, { ...options, upload: file }) as Promise<CaseEventAnswer>;

export const deliverNotice = command("case.deliverNotice");
export const cancelCase = command("case.cancel");
export const startOnSite = command("case.startOnSite");
export const addEvidence = upload("case.addEvidence");
export const recordFinding = command("case.recordFinding");
export const editFinding = command("case.editFinding");
export const withdrawFinding = command("case.withdrawFinding");
export const withdrawEvidence = command("case.withdrawEvidence");
export const closeWithoutFindings = command("case.closeWithoutFindings");
export const signRecordAsTeam = command("case.signRecordTeam");
export const signRecordAsInstitution = command("case.signRecordInstitution");
export const writeFeedbackReport = command("case.writeFeedbackReport");
export const handOver = command("case.handOver");
export const fileAppeal = command("case.fileAppeal");
export const decideAppeal = command("case.decideAppeal");
export const issueConfirmationNotice = command("case.issueConfirmationNotice");
export const confirmAmounts = command("case.confirmAmounts");
export const withdrawConfirmationNotice = command("case.withdrawConfirmationNotice");
export const disputeConfirmationNotice = command("case.disputeConfirmationNotice");
export const issueRefundNotice = command("case.issueRefundNotice");
export const recordRefund = upload("case.recordRefund");
export const completeRefund = command("case.completeRefund");
export const submitProgressReport = upload("case.submitProgressReport");
export const submitRectificationMaterial = upload("case.submitRectificationMaterial");
export const endHandling = command("case.endHandling");
export const submitWrittenReport = upload("case.submitRectificationReport");
export const acceptRectification = command("case.acceptRectification");
export const returnRectification = command("case.returnRectification");
export const closeCase = command("case.close");

export function reviewRectificationReport(db: PrismaClient, actor: Actor, raw: unknown, context: RequestContext = {}) {
  return invokeOperation(db, actor, "case.reviewProgressReport", raw, { context }) as Promise<{ status: string }>;
}
