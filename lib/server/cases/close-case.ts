import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import type { Actor } from "@/lib/server/policy/actor";
import type { TCaseCommandInput } from "@/lib/validation/cases";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

/** CLOSE: the bureau closes a rectified case; applyCaseEvent stamps `closedAt`. */
export async function closeCase(db: PrismaClient, actor: Actor, input: TCaseCommandInput, options: CaseOperationOptions = {}) {
  return applyCaseEvent(db, actor, { caseId: input.caseId, version: input.version, event: "CLOSE" }, undefined, options);
}
