import "server-only";
import { canReadFileKind, canReadTeamRecord, type FileKind } from "@/lib/domain/case/file-visibility";
import type { Actor } from "@/lib/policy/actor";
import { requirePermission } from "@/lib/policy/can";
import type { PrismaClient } from "@/lib/server/db/client";
import { getCaseActorKind } from "./actor-kind";
import { getCaseOrThrow } from "./read";
import { isRecordSignedByTeam } from "./team-record";

/**
 * The findings of a case in the actor's scope (NOT_FOUND otherwise), withdrawn ones with their status. Until
 * the team signs, they are its draft: the institution and the city read none (issue 12 §4), as on the case page.
 */
export async function listCaseFindings(db: PrismaClient, actor: Actor, caseId: string) {
  requirePermission(actor, "case.read");
  const found = await getCaseOrThrow(db, actor, caseId);
  const part = await getCaseActorKind(db, actor, found);
  if (!canReadTeamRecord(part, await isRecordSignedByTeam(db, found.id))) return { items: [] };
  const findings = await db.finding.findMany({
    where: { caseId: found.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, legalBasis: true, description: true, amount: true, status: true, createdAt: true, violationType: { select: { name: true } }, keyArea: { select: { name: true } } },
  });
  return {
    items: findings.map((f) => ({ id: f.id, violationType: f.violationType.name, keyArea: f.keyArea?.name ?? null, legalBasis: f.legalBasis, description: f.description, amount: f.amount.toFixed(2), status: f.status, createdAt: f.createdAt })),
  };
}

const FILE_SELECT = { id: true, fileName: true, mediaType: true, sizeBytes: true, sha256: true, uploadedAt: true } as const;

/**
 * The files of a case the actor may read by their part in it: the same table the download and the case page
 * obey (lib/domain/case/file-visibility.ts). Each names where its bytes are (`GET /api/v1/files/{id}`).
 */
export async function listCaseFiles(db: PrismaClient, actor: Actor, caseId: string) {
  requirePermission(actor, "case.read");
  const found = await getCaseOrThrow(db, actor, caseId);
  const part = await getCaseActorKind(db, actor, found);
  const teamSigned = await isRecordSignedByTeam(db, found.id);
  // Withdrawn evidence is no longer part of the record: only the team and the bureau still see it (issue 12 §9).
  const withdrawnVisible = canReadTeamRecord(part, false);
  const [evidence, refunds, rectification] = await Promise.all([
    db.evidence.findMany({ where: { caseId: found.id, ...(withdrawnVisible ? {} : { withdrawal: null }) }, select: { file: { select: FILE_SELECT } } }),
    db.refund.findMany({ where: { refundNotice: { caseId: found.id }, voucherFileId: { not: null } }, select: { voucherFile: { select: FILE_SELECT } } }),
    db.rectification.findUnique({
      where: { caseId: found.id },
      select: { reports: { where: { fileId: { not: null } }, select: { kind: true, file: { select: FILE_SELECT } } }, materials: { select: { file: { select: FILE_SELECT } } } },
    }),
  ]);
  const files: { kind: FileKind; file: (typeof evidence)[number]["file"] | null }[] = [
    ...evidence.map((row) => ({ kind: "EVIDENCE" as const, file: row.file })),
    ...refunds.map((row) => ({ kind: "REFUND_VOUCHER" as const, file: row.voucherFile })),
    ...(rectification?.reports ?? []).map((row) => ({ kind: row.kind === "PROGRESS" ? ("PROGRESS_REPORT" as const) : ("WRITTEN_REPORT" as const), file: row.file })),
    ...(rectification?.materials ?? []).map((row) => ({ kind: "RECTIFICATION_MATERIAL" as const, file: row.file })),
  ];
  const items = files
    .filter((row): row is { kind: FileKind; file: NonNullable<typeof row.file> } => row.file !== null && canReadFileKind(row.kind, part, teamSigned))
    .map(({ kind, file }) => ({ ...file, kind, href: `/api/v1/files/${file.id}` }))
    .sort((a, b) => a.uploadedAt.getTime() - b.uploadedAt.getTime() || a.id.localeCompare(b.id));
  return { items };
}
