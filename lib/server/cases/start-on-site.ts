import "server-only";
import type { z } from "zod";
import type { PrismaClient } from "@/lib/server/db/client";
import type { Actor } from "@/lib/server/policy/actor";
import { parseCaseInput, ZCaseCommandInput } from "./inputs";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

/** START_ON_SITE: the team begins checking on site after the notice (Jilin plan §四(二)2). */
export async function startOnSite(db: PrismaClient, actor: Actor, raw: z.input<typeof ZCaseCommandInput>, options: CaseOperationOptions = {}) {
  const input = parseCaseInput(ZCaseCommandInput, raw);
  return applyCaseEvent(db, actor, { caseId: input.caseId, version: input.version, event: "START_ON_SITE" }, undefined, options);
}
