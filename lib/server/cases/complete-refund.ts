import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import type { Actor } from "@/lib/server/policy/actor";
import type { TCaseCommandInput } from "@/lib/validation/cases";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

/** COMPLETE_REFUND: the city bureau closes the refunds once they add up to the confirmed amount (needsFullRefund). */
export async function completeRefund(db: PrismaClient, actor: Actor, input: TCaseCommandInput, options: CaseOperationOptions = {}) {
  return applyCaseEvent(db, actor, { caseId: input.caseId, version: input.version, event: "COMPLETE_REFUND" }, undefined, options);
}
