import "server-only";
import type { Readable } from "node:stream";
import { DOCUMENT_KINDS, DOCUMENT_RULES, type DocumentKind } from "@/lib/documents/kinds";
import { checkTemplate, placeholdersOf } from "@/lib/documents/template";
import { messageRef } from "@/lib/validation/primitives";
import { recordAudit } from "@/lib/server/audit/record";
import type { PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import { storeFile, type UploadedFile } from "@/lib/server/files/storage";
import { getFileStore } from "@/lib/server/files/store";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { requirePermission } from "@/lib/server/policy/policy";
import { readStoredBytes } from "./pdf";

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

const TEMPLATE_SELECT = { id: true, kind: true, revision: true, placeholders: true, createdAt: true, createdBy: { select: { displayName: true } }, file: { select: { fileName: true, sizeBytes: true, sha256: true } } } as const;

/**
 * Every document kind with its current template (the bureau's latest upload, or the built-in layout when there is
 * none or the default was restored), its earlier versions and the placeholders it offers (docs/documents.md).
 */
export async function listDocumentTemplates(db: PrismaClient, actor: Actor) {
  requirePermission(actor, "documentTemplate.manage");
  const rows = await db.documentTemplate.findMany({ orderBy: [{ kind: "asc" }, { revision: "desc" }], select: TEMPLATE_SELECT });
  return {
    kinds: DOCUMENT_KINDS.map((kind) => {
      const versions = rows.filter((row) => row.kind === kind).map((row) => ({ id: row.id, version: row.revision, builtIn: row.file === null, fileName: row.file?.fileName ?? null, sizeBytes: row.file?.sizeBytes ?? null, sha256: row.file?.sha256 ?? null, placeholders: row.placeholders, createdAt: row.createdAt, createdBy: row.createdBy.displayName }));
      return { kind, title: DOCUMENT_RULES[kind].title, current: versions[0] ?? null, builtIn: !versions[0] || versions[0].builtIn, versions, placeholders: placeholdersOf(kind) };
    }),
  };
}

/** Appends the next version of a kind's template, in the caller's transaction, under a lock per kind. */
async function appendVersion(db: PrismaClient, actor: Actor, kind: DocumentKind, file: UploadedFile | null, placeholders: string[], action: string, context: RequestContext, now: Date) {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`document-template:${kind}`}))`;
    const last = await tx.documentTemplate.findFirst({ where: { kind }, orderBy: { revision: "desc" }, select: { revision: true, fileId: true } });
    if (!file && (!last || last.fileId === null)) throw new DomainError("CONFLICT", undefined, { messageKey: "documents.templates.alreadyDefault" });
    const stored = file ? await storeFile(tx, file, actor.userId, now) : null;
    const row = await tx.documentTemplate.create({ data: { kind, revision: (last?.revision ?? 0) + 1, fileId: stored?.id ?? null, placeholders, createdById: actor.userId, createdAt: now }, select: TEMPLATE_SELECT });
    await recordAudit(tx, { actor, action, entity: "DocumentTemplate", entityId: row.id, after: { kind, version: row.revision, sha256: file?.sha256 ?? null, placeholders }, context, at: now });
    return { id: row.id, kind, version: row.revision, builtIn: stored === null, placeholders };
  });
}

/**
 * An administrator's template for a kind (issue 15 §6): a .docx whose placeholders are all its kind's (each unknown
 * one refused by name), with the number and the verification code; stored as the kind's next version.
 */
export async function uploadDocumentTemplate(db: PrismaClient, actor: Actor, input: { kind: DocumentKind }, upload: UploadedFile | undefined, context: RequestContext = {}, now = new Date()) {
  requirePermission(actor, "documentTemplate.manage");
  if (!upload) throw new DomainError("VALIDATION", { file: "validation.required" });
  const bytes = await bytesOf(await getFileStore().openTemp(upload.tempKey));
  const check = checkTemplate(input.kind, bytes);
  if (!check.ok) {
    const ref =
      check.problem === "unreadable"
        ? "documents.templates.unreadable"
        : messageRef(check.problem === "unknown" ? "documents.templates.unknownPlaceholders" : "documents.templates.missingPlaceholders", { names: check.names.map((n) => `{${n}}`).join("、") });
    throw new DomainError("VALIDATION", { file: ref });
  }
  return appendVersion(db, actor, input.kind, upload, check.placeholders, "documentTemplate.upload", context, now);
}

/** Makes the built-in layout the kind's current template again (a new version without a file; history kept). */
export async function restoreDefaultTemplate(db: PrismaClient, actor: Actor, input: { kind: DocumentKind }, context: RequestContext = {}, now = new Date()) {
  requirePermission(actor, "documentTemplate.manage");
  return appendVersion(db, actor, input.kind, null, [], "documentTemplate.restoreDefault", context, now);
}

/** The bytes of a kind's current uploaded template, or null for the built-in layout. */
export async function currentTemplateBytes(db: PrismaClient, kind: DocumentKind): Promise<{ id: string; bytes: Buffer } | null> {
  const current = await db.documentTemplate.findFirst({ where: { kind }, orderBy: { revision: "desc" }, select: { id: true, file: { select: { storageKey: true } } } });
  if (!current?.file) return null;
  return { id: current.id, bytes: await readStoredBytes(current.file.storageKey) };
}
