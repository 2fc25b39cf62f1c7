import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import type { MasterDataKind } from "@/lib/server/db/generated/enums";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainError } from "@/lib/server/errors";
import { storeFile, type UploadedFile } from "@/lib/server/files/storage";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import type { TImportKind } from "@/lib/validation/master-data";
import { bulkInsert, bulkUpdate } from "../bulk";
import { requireManage, requireRead } from "../common";
import { analyzeImport, type ImportProblem, type Progress } from "./analyze";
import { importSourceOf } from "./read";

export const IMPORT_KIND_OF: Record<TImportKind, MasterDataKind> = {
  institutions: "INSTITUTION",
  "fund-usage": "FUND_USAGE",
  "inspection-history": "INSPECTION_HISTORY",
  experts: "EXPERT",
};


export interface ImportPreview {
  kind: TImportKind;
  fileName: string;
  sha256: string;
  rowCount: number;
  problems: ImportProblem[];
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * Checks an uploaded file and says what importing it would do. Writes nothing: the file, received into the
 * store under a temporary key (IMPORT_FILE_SPEC), is read from there as a stream and discarded afterwards.
 */
export async function previewImport(db: PrismaClient, actor: Actor, kind: TImportKind, file: UploadedFile, progress?: Progress): Promise<ImportPreview> {
  requireManage(actor);
  const analysis = await analyzeImport(db, kind, importSourceOf(file), progress);
  return {
    kind,
    fileName: file.fileName,
    sha256: file.sha256,
    rowCount: analysis.rowCount,
    problems: analysis.problems,
    added: analysis.plan?.inserts.length ?? 0,
    updated: analysis.plan?.updates.length ?? 0,
    unchanged: analysis.plan?.unchanged ?? 0,
  };
}

/**
 * Imports a file with no problems, in one transaction: the upserts, the stored file, the MasterDataImport
 * record and the audit row. The file's bytes move to their final key after the commit (the route's `withUpload`;
 * lib/server/files/storage.ts settleUpload). The file is checked again here (the data may have changed since the preview);
 * with any problem nothing is written but the audit row of the refusal. `expectedSha256` (from the preview)
 * makes sure the file committed is the file the user saw checked.
 */
export async function commitImport(db: PrismaClient, actor: Actor, kind: TImportKind, file: UploadedFile, options: { expectedSha256?: string; context?: RequestContext; progress?: Progress; now?: Date } = {}) {
  requireManage(actor);
  const sha256 = file.sha256;
  if (options.expectedSha256 && options.expectedSha256 !== sha256) throw new DomainError("CONFLICT", { file: "masterData.import.changedSincePreview" }, { messageKey: "masterData.import.changedSincePreview" });
  const analysis = await analyzeImport(db, kind, importSourceOf(file), options.progress);
  if (!analysis.plan) {
    await db.$transaction((tx) => recordAudit(tx, { actor, action: "masterData.import.refused", entity: "MasterDataImport", outcome: "FAILED", after: { kind, sha256, fileName: file.fileName, problems: analysis.problems.length }, context: options.context }));
    throw new DomainError("VALIDATION", { file: "masterData.import.hasErrors" }, { messageKey: "masterData.import.hasErrors" });
  }
  const plan = analysis.plan;
  const now = options.now ?? new Date();
  return db.$transaction(
    async (tx) => {
      await bulkInsert(tx, plan.table, plan.columns, plan.inserts);
      await bulkUpdate(tx, plan.table, plan.columns.filter((c) => c.name !== "id"), plan.updates);
      const fileObject = await storeFile(tx, file, actor.userId, now);
      const record = await tx.masterDataImport.create({
        data: { kind: IMPORT_KIND_OF[kind], fileId: fileObject.id, rowsAdded: plan.inserts.length, rowsUpdated: plan.updates.length, rowsUnchanged: plan.unchanged, importedById: actor.userId, importedAt: now },
      });
      await recordAudit(tx, { actor, action: "masterData.import.commit", entity: "MasterDataImport", entityId: record.id, after: { kind, fileName: file.fileName, sha256, added: record.rowsAdded, updated: record.rowsUpdated, unchanged: record.rowsUnchanged }, context: options.context });
      return { id: record.id, sha256, added: record.rowsAdded, updated: record.rowsUpdated, unchanged: record.rowsUnchanged };
    },
    { timeout: 300_000, maxWait: 10_000 },
  );
}

/** The record of committed imports (who, when, which file and hash, what changed), newest first. */
export async function listImports(db: PrismaClient, actor: Actor, take = 20) {
  requireRead(actor);
  return db.masterDataImport.findMany({
    orderBy: { importedAt: "desc" },
    take,
    select: { id: true, kind: true, rowsAdded: true, rowsUpdated: true, rowsUnchanged: true, importedAt: true, importedBy: { select: { displayName: true } }, file: { select: { fileName: true, sha256: true } } },
  });
}
