import "server-only";
import { createHash } from "node:crypto";
import JSZip from "jszip";
import { AUDIT_EXTRACT, MANIFEST, type AuditExtractRow, type BinderManifest } from "@/lib/documents/binder-verify";
import { DOCUMENT_RULES } from "@/lib/documents/kinds";
import { formatDocumentDate } from "@/lib/documents/layout";
import { renderDocx } from "@/lib/documents/page";
import { recordAudit } from "@/lib/server/audit/record";
import { getCaseOrThrow } from "@/lib/server/cases/read";
import type { PrismaClient } from "@/lib/server/db/client";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { requirePermission } from "@/lib/server/policy/policy";
import { readStoredBytes } from "./pdf";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const pad = (n: number) => String(n).padStart(2, "0");
/** A file name safe in any ZIP tool: no separators or control characters. */
const safe = (name: string) => name.replace(/[\\/:*?"<>|\x00-\x1f]/g, "_").slice(0, 120);

function pdfPages(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/**
 * 一案一卷: one ZIP per case for the bureau (it reads the audit trail): the table of contents (卷内目录 .docx: number,
 * title, document number, date, pages), the current revision of every document (.docx, and the PDF when made), every
 * evidence file in order, the case's audit extract with its chain links, and a manifest of each file's SHA-256.
 * The export is audited with the manifest's hash, so a binder can also be matched to the day it was made.
 */
export async function buildCaseBinder(db: PrismaClient, actor: Actor, caseId: string, context: RequestContext = {}, now = new Date()) {
  requirePermission(actor, "case.auditTrail");
  const core = await getCaseOrThrow(db, actor, caseId);
  const [caseRow, documents, evidence, audit] = await Promise.all([
    db.inspectionCase.findUniqueOrThrow({ where: { id: core.id }, select: { plan: { select: { organization: { select: { name: true } } } } } }),
    db.caseDocument.findMany({ where: { caseId: core.id }, orderBy: [{ createdAt: "asc" }, { revision: "asc" }], select: { id: true, kind: true, seriesKey: true, revision: true, number: true, issuedOn: true, file: { select: { storageKey: true, fileName: true } }, pdfFile: { select: { storageKey: true, fileName: true } } } }),
    db.evidence.findMany({ where: { caseId: core.id }, orderBy: { createdAt: "asc" }, select: { kind: true, description: true, file: { select: { storageKey: true, fileName: true, uploadedAt: true } } } }),
    db.auditEvent.findMany({ where: { entity: "InspectionCase", entityId: core.id }, orderBy: { seq: "asc" } }),
  ]);
  const current = new Map<string, (typeof documents)[number]>();
  for (const d of documents) current.set(d.seriesKey, d);

  const files: { path: string; bytes: Uint8Array }[] = [];
  const toc: string[][] = [];
  let index = 0;
  for (const d of current.values()) {
    index += 1;
    const title = DOCUMENT_RULES[d.kind].title;
    const docx = await readStoredBytes(d.file.storageKey);
    files.push({ path: `documents/${pad(index)}-${safe(d.file.fileName)}`, bytes: docx });
    let pages = "—";
    if (d.pdfFile) {
      const pdf = await readStoredBytes(d.pdfFile.storageKey);
      files.push({ path: `documents/${pad(index)}-${safe(d.pdfFile.fileName)}`, bytes: pdf });
      pages = String(pdfPages(pdf));
    }
    toc.push([String(index), d.revision > 1 ? `${title}（第${d.revision}版）` : title, d.number, formatDocumentDate(d.issuedOn), pages]);
  }
  for (const e of evidence) {
    index += 1;
    files.push({ path: `evidence/${pad(index)}-${safe(e.file.fileName)}`, bytes: await readStoredBytes(e.file.storageKey) });
    toc.push([String(index), e.description ? `证据材料：${e.description}` : `证据材料：${e.file.fileName}`, "—", formatDocumentDate(e.file.uploadedAt), "—"]);
  }
  const extract: AuditExtractRow[] = audit.map((a) => ({
    seq: a.seq.toString(),
    id: a.id,
    at: a.at.toISOString(),
    actorId: a.actorId,
    actorLabel: a.actorLabel,
    organizationId: a.organizationId,
    action: a.action,
    entity: a.entity,
    entityId: a.entityId,
    outcome: a.outcome,
    before: a.before,
    after: a.after,
    requestId: a.requestId,
    prevHash: a.prevHash,
    hash: a.hash,
  }));
  files.push({ path: AUDIT_EXTRACT, bytes: Buffer.from(extract.map((row) => JSON.stringify(row)).join("\n") + "\n", "utf8") });
  const tocDocx = await renderDocx({
    layout: "form",
    issuer: caseRow.plan.organization.name,
    number: null,
    title: "卷内目录",
    addressee: null,
    blocks: [
      { type: "fields", rows: [["被检查单位", core.institution.name], ["案卷编号", core.id]] },
      { type: "table", header: ["序号", "题名", "文号", "日期", "页数"], widths: [1.2, 7, 4.5, 3.2, 1.3], rows: toc },
      { type: "paragraph", indent: false, text: `另附：审计记录摘录（${AUDIT_EXTRACT}，${extract.length}条）、文件清单及SHA-256（${MANIFEST}）。` },
    ],
    date: formatDocumentDate(now),
    verificationCode: core.id.slice(0, 8).toUpperCase(),
  });
  files.unshift({ path: "00-卷内目录.docx", bytes: tocDocx });

  const manifest: BinderManifest = { format: "feijian-binder/1", caseId: core.id, institution: core.institution.name, builtAt: now.toISOString(), files: files.map((f) => ({ path: f.path, sha256: sha256(f.bytes), sizeBytes: f.bytes.byteLength })) };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2), "utf8");
  const zip = new JSZip();
  for (const f of files) zip.file(f.path, f.bytes, { date: now });
  zip.file(MANIFEST, manifestBytes, { date: now });
  const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  await db.$transaction((tx) => recordAudit(tx, { actor, action: "binder.export", entity: "InspectionCase", entityId: core.id, after: { manifestSha256: sha256(manifestBytes), files: files.length, zipSha256: sha256(bytes) }, context, at: now }));
  return { bytes, fileName: `一案一卷-${safe(core.institution.name)}-${core.id.slice(0, 8)}.zip` };
}
