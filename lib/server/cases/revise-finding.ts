import "server-only";
import type { PrismaClient, Tx } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/actor";
import type { TEditFindingInput, TWithdrawFindingInput } from "@/lib/validation/cases";
import { applyCaseEvent, type CaseOperationOptions } from "./transition";

/** One changed field of a finding, as the case page shows it: names, not ids; amounts as "1234.50". */
export interface FindingChange {
  field: "violationType" | "keyArea" | "legalBasis" | "description" | "amount";
  from: string | null;
  to: string | null;
}

const FINDING_SELECT = {
  id: true,
  status: true,
  legalBasis: true,
  description: true,
  amount: true,
  violationType: { select: { id: true, name: true } },
  keyArea: { select: { id: true, name: true } },
} as const;

/** The finding of this case the team may still revise; an unknown id, or another case's, is a field error. */
async function revisableFinding(tx: Tx, caseId: string, findingId: string) {
  const finding = await tx.finding.findFirst({ where: { id: findingId, caseId }, select: FINDING_SELECT });
  if (!finding) throw new DomainError("VALIDATION", { findingId: "validation.invalidId" });
  if (finding.status === "WITHDRAWN") throw new DomainError("VALIDATION", { findingId: "caseRecord.findingWithdrawn" });
  return finding;
}

/**
 * EDIT_FINDING (issue 12 §2): a member of the team corrects a finding while the problem record is unsigned. The
 * finding takes the new values; a revision keeps who, when, each changed field's old and new value, and the
 * reason. Saving without a change is refused (nothing to keep), so an unchanged form does not add a revision.
 */
export async function editFinding(db: PrismaClient, actor: Actor, input: TEditFindingInput, options: CaseOperationOptions = {}) {
  const now = options.now ?? new Date();
  return applyCaseEvent(
    db,
    actor,
    { caseId: input.caseId, version: input.version, event: "EDIT_FINDING" },
    async (tx, found) => {
      const finding = await revisableFinding(tx, found.id, input.findingId);
      const violationType = await tx.violationType.findFirst({ where: { id: input.violationTypeId, ...(input.violationTypeId === finding.violationType.id ? {} : { active: true }) }, select: { id: true, name: true } });
      if (!violationType) throw new DomainError("VALIDATION", { violationTypeId: "validation.invalidId" });
      // A type or area retired since the finding was recorded may stay; a new choice must be an active one.
      const keyArea =
        input.keyAreaId === undefined
          ? null
          : await tx.keyArea.findFirst({ where: { id: input.keyAreaId, ...(input.keyAreaId === finding.keyArea?.id ? {} : { active: true }) }, select: { id: true, name: true } });
      if (input.keyAreaId !== undefined && !keyArea) throw new DomainError("VALIDATION", { keyAreaId: "validation.invalidId" });

      const changes: FindingChange[] = [];
      if (violationType.id !== finding.violationType.id) changes.push({ field: "violationType", from: finding.violationType.name, to: violationType.name });
      if ((keyArea?.id ?? null) !== (finding.keyArea?.id ?? null)) changes.push({ field: "keyArea", from: finding.keyArea?.name ?? null, to: keyArea?.name ?? null });
      if (input.legalBasis !== finding.legalBasis) changes.push({ field: "legalBasis", from: finding.legalBasis, to: input.legalBasis });
      if (input.description !== finding.description) changes.push({ field: "description", from: finding.description, to: input.description });
      if (input.amount !== finding.amount.toFixed(2)) changes.push({ field: "amount", from: finding.amount.toFixed(2), to: input.amount });
      if (changes.length === 0) throw new DomainError("VALIDATION", undefined, { messageKey: "caseRecord.findingUnchanged" });

      await tx.finding.update({
        where: { id: finding.id },
        data: { violationTypeId: violationType.id, keyAreaId: keyArea?.id ?? null, legalBasis: input.legalBasis, description: input.description, amount: input.amount, version: { increment: 1 } },
      });
      const revision = await tx.findingRevision.create({
        data: { findingId: finding.id, kind: "EDITED", changes: changes as unknown as object, reason: input.reason, revisedById: actor.userId, revisedAt: now },
      });
      return { findingId: finding.id, revisionId: revision.id, changes, reason: input.reason };
    },
    { ...options, now },
  );
}

/**
 * WITHDRAW_FINDING (issue 12 §2): a member of the team withdraws a finding while the problem record is unsigned.
 * It stays in the file, marked withdrawn with the reason, and no longer counts in the totals or the signed record.
 */
export async function withdrawFinding(db: PrismaClient, actor: Actor, input: TWithdrawFindingInput, options: CaseOperationOptions = {}) {
  const now = options.now ?? new Date();
  return applyCaseEvent(
    db,
    actor,
    { caseId: input.caseId, version: input.version, event: "WITHDRAW_FINDING" },
    async (tx, found) => {
      const finding = await revisableFinding(tx, found.id, input.findingId);
      await tx.finding.update({ where: { id: finding.id }, data: { status: "WITHDRAWN", version: { increment: 1 } } });
      const revision = await tx.findingRevision.create({
        data: { findingId: finding.id, kind: "WITHDRAWN", changes: [], reason: input.reason, revisedById: actor.userId, revisedAt: now },
      });
      return { findingId: finding.id, revisionId: revision.id, reason: input.reason };
    },
    { ...options, now },
  );
}
