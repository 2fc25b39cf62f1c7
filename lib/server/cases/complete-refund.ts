import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/server/db/client";
import type { Actor } from "@/lib/server/policy/actor";
import { parseCaseInput, ZCaseCommandInput } from "./inputs";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

/** COMPLETE_REFUND: the city bureau closes the refunds once they add up to the confirmed amount (needsFullRefund). */
export async function completeRefund(db: PrismaClient, actor: Actor, raw: z.input<typeof ZCaseCommandInput>, options: CaseOperationOptions = {}) {
  const input = parseCaseInput(ZCaseCommandInput, raw);
  return applyCaseEvent(db, actor, { caseId: input.caseId, version: input.version, event: "COMPLETE_REFUND" }, undefined, options);
}
