import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import type { Actor } from "@/lib/server/policy/actor";
import type { TCaseCommandInput } from "@/lib/validation/cases";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

/** START_ON_SITE: the team begins checking on site after the notice (Jilin plan §四(二)2). */
export async function startOnSite(db: PrismaClient, actor: Actor, input: TCaseCommandInput, options: CaseOperationOptions = {}) {
  return applyCaseEvent(db, actor, { caseId: input.caseId, version: input.version, event: "START_ON_SITE" }, undefined, options);
}
