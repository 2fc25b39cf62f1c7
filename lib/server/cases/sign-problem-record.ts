import "server-only";
import { createHash } from "node:crypto";
import type { PrismaClient, Tx } from "@/lib/server/db/client";
import { canonicalJson } from "@/lib/server/audit/chain";
import { DomainError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/actor";
import type { TCaseCommandInput } from "@/lib/validation/cases";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

/** The record's content: its standing findings as they stand, in a stable order, hashed. */
async function problemRecordContentSha256(tx: Tx, caseId: string): Promise<string> {
  const findings = await tx.finding.findMany({
    where: { caseId, status: { not: "WITHDRAWN" } },
    select: { id: true, violationTypeId: true, keyAreaId: true, legalBasis: true, description: true, amount: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const content = findings.map((finding) => ({ ...finding, amount: finding.amount.toFixed(2) }));
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}

/**
 * SIGN_RECORD_TEAM (Liuzhou plan §五(五)1): the team leader signs for the team, first (issue 12 §4). The
 * signature creates the on-site problem record (or a new version of it) and fixes the hash of its content; from
 * then on the record is frozen (guards: needsUnsignedRecord) and the institution and the city may read it.
 */
export async function signRecordAsTeam(db: PrismaClient, actor: Actor, input: TCaseCommandInput, options: CaseOperationOptions = {}) {
  const now = options.now ?? new Date();
  return applyCaseEvent(
    db,
    actor,
    { caseId: input.caseId, version: input.version, event: "SIGN_RECORD_TEAM" },
    async (tx, found) => {
      const contentSha256 = await problemRecordContentSha256(tx, found.id);
      const existing = await tx.onSiteProblemRecord.findUnique({ where: { caseId: found.id }, select: { id: true } });
      const record = existing
        ? await tx.onSiteProblemRecord.update({ where: { id: existing.id }, data: { contentSha256, version: { increment: 1 } } })
        : await tx.onSiteProblemRecord.create({ data: { caseId: found.id, contentSha256 } });
      return tx.problemRecordSignature.create({
        data: { recordId: record.id, side: "TEAM", signedById: actor.userId, signedAt: now, contentSha256, recordVersion: record.version },
      });
    },
    { ...options, now },
  );
}

/**
 * SIGN_RECORD_INSTITUTION: the institution signs the record as the team presented it. The workflow refuses it
 * before the team's signature (needsTeamSignature); here the record's content is hashed again and must be the one
 * the team signed, at the same version, or nothing is signed.
 */
export async function signRecordAsInstitution(db: PrismaClient, actor: Actor, input: TCaseCommandInput, options: CaseOperationOptions = {}) {
  const now = options.now ?? new Date();
  return applyCaseEvent(
    db,
    actor,
    { caseId: input.caseId, version: input.version, event: "SIGN_RECORD_INSTITUTION" },
    async (tx, found) => {
      const record = await tx.onSiteProblemRecord.findUniqueOrThrow({
        where: { caseId: found.id },
        select: { id: true, version: true, contentSha256: true, signatures: { where: { side: "TEAM" }, select: { contentSha256: true, recordVersion: true } } },
      });
      const team = record.signatures[0];
      const contentSha256 = await problemRecordContentSha256(tx, found.id);
      if (!team || team.contentSha256 !== contentSha256 || record.contentSha256 !== contentSha256 || team.recordVersion !== record.version) {
        throw new DomainError("TRANSITION_REFUSED", undefined, { messageKey: "caseRecord.changedSinceTeamSigned" });
      }
      return tx.problemRecordSignature.create({
        data: { recordId: record.id, side: "INSTITUTION", signedById: actor.userId, signedAt: now, contentSha256, recordVersion: record.version },
      });
    },
    { ...options, now },
  );
}
