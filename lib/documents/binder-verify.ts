/**
 * Checks a case binder (一案一卷 ZIP, lib/server/documents/binder.ts) on its own, without the database: every file the
 * manifest lists is present with its SHA-256 and size, no file is there that the manifest does not list, and every
 * audit row of the extract still hashes to its link. Used by `npm run binder:verify -- FILE` and the tests.
 */
import { createHash } from "node:crypto";
import JSZip from "jszip";
import { hashLink, type ChainedFields } from "@/lib/server/audit/chain";

export const MANIFEST = "manifest.json";
export const AUDIT_EXTRACT = "audit-extract.jsonl";

export interface BinderManifest {
  format: "feijian-binder/1";
  caseId: string;
  institution: string;
  builtAt: string;
  files: { path: string; sha256: string; sizeBytes: number }[];
}

export interface AuditExtractRow extends Omit<ChainedFields, "at"> {
  seq: string;
  at: string;
  hash: string;
}

export type BinderCheck = { ok: true; files: number; auditRows: number } | { ok: false; problem: string; path: string };

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export async function verifyBinder(zipBytes: Uint8Array): Promise<BinderCheck> {
  const zip = await JSZip.loadAsync(zipBytes);
  const manifestFile = zip.file(MANIFEST);
  if (!manifestFile) return { ok: false, problem: "no manifest", path: MANIFEST };
  const manifest = JSON.parse(await manifestFile.async("string")) as BinderManifest;
  for (const entry of manifest.files) {
    const file = zip.file(entry.path);
    if (!file) return { ok: false, problem: "missing", path: entry.path };
    const bytes = await file.async("uint8array");
    if (bytes.byteLength !== entry.sizeBytes || sha256(bytes) !== entry.sha256) return { ok: false, problem: "SHA-256 does not match the manifest", path: entry.path };
  }
  const listed = new Set([MANIFEST, ...manifest.files.map((f) => f.path)]);
  const extra = Object.values(zip.files).find((f) => !f.dir && !listed.has(f.name));
  if (extra) return { ok: false, problem: "not in the manifest", path: extra.name };
  const extract = zip.file(AUDIT_EXTRACT);
  const rows = extract ? (await extract.async("string")).split("\n").filter(Boolean).map((line) => JSON.parse(line) as AuditExtractRow) : [];
  for (const row of rows) {
    const fields: ChainedFields = { id: row.id, at: new Date(row.at), actorId: row.actorId, actorLabel: row.actorLabel, organizationId: row.organizationId, action: row.action, entity: row.entity, entityId: row.entityId, outcome: row.outcome, before: row.before, after: row.after, requestId: row.requestId, prevHash: row.prevHash };
    if (hashLink(fields) !== row.hash) return { ok: false, problem: `audit row ${row.seq} does not hash to its link`, path: AUDIT_EXTRACT };
  }
  return { ok: true, files: manifest.files.length, auditRows: rows.length };
}
