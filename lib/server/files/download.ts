import "server-only";
import type { Readable } from "node:stream";
import { canReadFileKind } from "@/lib/domain/case/file-visibility";
import type { CaseActorKind } from "@/lib/domain/case/workflow";
import type { PrismaClient } from "@/lib/server/db/client";
import { recordAudit } from "@/lib/server/audit/record";
import { getCaseActorKind } from "@/lib/server/cases/actor-kind";
import { getCaseOrThrow } from "@/lib/server/cases/read";
import { isEvidenceWithdrawn, isRecordSignedByTeam } from "@/lib/server/cases/team-record";
import { DomainError } from "@/lib/server/errors";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { can, requirePermission } from "@/lib/server/policy/policy";
import { findFileWithOwner } from "./file-kind";
import { openStoredFile } from "./storage";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface FileDownload {
  stream: Readable;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * A stored file, for a reader the file's kind allows (lib/domain/case/file-visibility.ts, the table the case page
 * reads too): the case must be in the reader's scope, and the reader's part in it must see that kind. Anything
 * else, an unknown id included, is NOT_FOUND; a reader who sees the case but not the file is audited as DENIED.
 * The bytes stream from the file store; every download is audited (personal data of patients sits in these files).
 */
export async function downloadCaseFile(db: PrismaClient, actor: Actor, fileId: string, context: RequestContext = {}): Promise<FileDownload> {
  requirePermission(actor, "case.read");
  if (!UUID.test(fileId)) throw new DomainError("NOT_FOUND");
  const found = await findFileWithOwner(db, fileId);
  if (!found) throw new DomainError("NOT_FOUND");
  const { file, owner } = found;

  let part: CaseActorKind | null;
  let teamSigned = true;
  if (owner.caseId === null) {
    if (!can(actor, "masterData.read")) throw new DomainError("NOT_FOUND");
    part = "BUREAU";
  } else {
    part = await getCaseActorKind(db, actor, await getCaseOrThrow(db, actor, owner.caseId));
    // Withdrawn evidence (issue 12 §9) is no longer part of the record: only the team's side reads it, as a draft.
    teamSigned = (await isRecordSignedByTeam(db, owner.caseId)) && !(owner.kind === "EVIDENCE" && (await isEvidenceWithdrawn(db, fileId)));
  }
  const entity = owner.caseId === null ? { entity: "MasterDataImport", entityId: owner.entityId ?? null } : { entity: "InspectionCase", entityId: owner.caseId };
  // A refusal is audited once, by the boundary (lib/server/operations/boundary.ts), as every other refusal.
  if (!canReadFileKind(owner.kind, part, teamSigned)) throw new DomainError("NOT_FOUND");
  const stream = await openStoredFile(file.storageKey);
  try {
    await db.$transaction((tx) => recordAudit(tx, { actor, action: "file.download", ...entity, after: { fileId, kind: owner.kind, sha256: file.sha256 }, context }));
  } catch (error) {
    stream.destroy();
    throw error;
  }
  return { stream, fileName: file.fileName, mediaType: file.mediaType, sizeBytes: file.sizeBytes, sha256: file.sha256 };
}
