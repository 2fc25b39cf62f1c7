import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/server/db/client";
import type { Actor } from "@/lib/server/policy/actor";
import { parseCaseInput, ZCaseCommandInput } from "./inputs";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

/** CLOSE: the bureau closes a rectified case; applyCaseEvent stamps `closedAt`. */
export async function closeCase(db: PrismaClient, actor: Actor, raw: z.input<typeof ZCaseCommandInput>, options: CaseOperationOptions = {}) {
  const input = parseCaseInput(ZCaseCommandInput, raw);
  return applyCaseEvent(db, actor, { caseId: input.caseId, version: input.version, event: "CLOSE" }, undefined, options);
}
