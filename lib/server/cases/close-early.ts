import "server-only";
import type { CaseEvent } from "@/lib/domain/case/workflow";
import type { PrismaClient } from "@/lib/server/db/client";
import type { Actor } from "@/lib/server/policy/actor";
import type { TCloseEarlyInput } from "@/lib/validation/cases";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

type CloseEarlyEvent = Extract<CaseEvent, "CANCEL" | "CLOSE_WITHOUT_FINDINGS">;

async function closeEarly(event: CloseEarlyEvent, db: PrismaClient, actor: Actor, input: TCloseEarlyInput, options: CaseOperationOptions) {
  return applyCaseEvent(
    db,
    actor,
    { caseId: input.caseId, version: input.version, event },
    async (tx, found) => {
      await tx.inspectionCase.update({ where: { id: found.id }, data: { closingReason: input.reason } });
      return { reason: input.reason };
    },
    options,
  );
}

/**
 * CANCEL: the bureau drops a drawn target before its notice (ceased trading, excluded after all), with its
 * reason. Nobody outside the bureau and the team ever learnt of the case: a closed case whose notice was never
 * delivered stays behind the confidentiality line (lib/server/policy/scope.ts). Its draw's record, once the other
 * notices are delivered, still shows that it was drawn (issue 17 §5: a cancelled target no longer holds it back).
 */
export function cancelCase(db: PrismaClient, actor: Actor, input: TCloseEarlyInput, options: CaseOperationOptions = {}) {
  return closeEarly("CANCEL", db, actor, input, options);
}

/**
 * CLOSE_WITHOUT_FINDINGS: the leader ends an on-site check that found nothing (every finding withdrawn, or
 * none recorded) before anyone signed the record, with a note of what was checked.
 */
export function closeWithoutFindings(db: PrismaClient, actor: Actor, input: TCloseEarlyInput, options: CaseOperationOptions = {}) {
  return closeEarly("CLOSE_WITHOUT_FINDINGS", db, actor, input, options);
}
