import "server-only";
import { createHash } from "node:crypto";
import type { PrismaClient, Tx } from "@/lib/server/db/client";
import { canonicalJson } from "@/lib/server/audit/chain";
import type { Actor } from "@/lib/server/policy/actor";
import type { TCaseCommandInput } from "@/lib/validation/cases";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

/** The record's content: its findings as they stand, in a stable order, hashed. */
async function problemRecordContentSha256(tx: Tx, caseId: string): Promise<string> {
  const findings = await tx.finding.findMany({
    where: { caseId, status: { not: "WITHDRAWN" } },
    select: { id: true, violationTypeId: true, keyAreaId: true, legalBasis: true, description: true, amount: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const content = findings.map((finding) => ({ ...finding, amount: finding.amount.toFixed(2) }));
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}

type Side = "TEAM" | "INSTITUTION";

/**
 * SIGN_RECORD_TEAM or SIGN_RECORD_INSTITUTION (Liuzhou plan §五(五)1): the team leader signs for the team,
 * the institution's staff for the institution; the workflow table says who may sign for which side. The
 * first signature creates the on-site problem record and fixes the hash of what was signed; the second signs
 * that same content (the guards refuse new findings once either side has signed).
 */
function signProblemRecord(side: Side, db: PrismaClient, actor: Actor, input: TCaseCommandInput, options: CaseOperationOptions) {
  const now = options.now ?? new Date();
  return applyCaseEvent(
    db,
    actor,
    { caseId: input.caseId, version: input.version, event: side === "TEAM" ? "SIGN_RECORD_TEAM" : "SIGN_RECORD_INSTITUTION" },
    async (tx, found) => {
      const existing = await tx.onSiteProblemRecord.findUnique({ where: { caseId: found.id }, select: { id: true, contentSha256: true } });
      const record =
        existing?.contentSha256 != null
          ? { id: existing.id, contentSha256: existing.contentSha256 }
          : await freezeRecord(tx, found.id, existing?.id);
      return tx.problemRecordSignature.create({
        data: { recordId: record.id, side, signedById: actor.userId, signedAt: now, contentSha256: record.contentSha256 },
      });
    },
    { ...options, now },
  );
}

/** SIGN_RECORD_TEAM: the leader signs the record for the team. */
export function signRecordAsTeam(db: PrismaClient, actor: Actor, input: TCaseCommandInput, options: CaseOperationOptions = {}) {
  return signProblemRecord("TEAM", db, actor, input, options);
}

/** SIGN_RECORD_INSTITUTION: the institution signs the record as the team presented it. */
export function signRecordAsInstitution(db: PrismaClient, actor: Actor, input: TCaseCommandInput, options: CaseOperationOptions = {}) {
  return signProblemRecord("INSTITUTION", db, actor, input, options);
}

async function freezeRecord(tx: Tx, caseId: string, recordId: string | undefined): Promise<{ id: string; contentSha256: string }> {
  const contentSha256 = await problemRecordContentSha256(tx, caseId);
  const row = recordId
    ? await tx.onSiteProblemRecord.update({ where: { id: recordId }, data: { contentSha256, version: { increment: 1 } } })
    : await tx.onSiteProblemRecord.create({ data: { caseId, contentSha256 } });
  return { id: row.id, contentSha256 };
}
