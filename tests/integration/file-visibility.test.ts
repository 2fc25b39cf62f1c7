import { beforeAll, describe, expect, it } from "vitest";
import { addEvidence, deliverNotice, handOver, recordFinding, signRecordAsInstitution, signRecordAsTeam, startOnSite, submitProgressReport, submitRectificationMaterial, writeFeedbackReport } from "../support/case-operations";
import type { FileKind } from "@/lib/domain/case/file-visibility";
import { getCaseFile } from "@/lib/server/cases/get-case-file";
import type { Tx } from "@/lib/server/db/client";
import { invokeOperation } from "@/lib/server/operations/boundary";
import { settleUpload, storeFile, type UploadedFile } from "@/lib/server/files/storage";
import type { Actor } from "@/lib/server/policy/actor";
import { makeActor } from "../factories";
import { makeCaseWorld } from "../factories/cases";
import { setupTestDatabase } from "./support/db";
import { setupTempStorage, uploaded } from "./support/storage";

const t = setupTestDatabase();
setupTempStorage();
const NOW = new Date("2024-09-27T02:00:00Z");

let w: Awaited<ReturnType<typeof makeCaseWorld>>;
let caseId: string;
let admin: Actor;
const files = {} as Record<Exclude<FileKind, "SEIZURE_LIST" | "FEEDBACK_REPORT" | "STATEMENT" | "APPEAL" | "REVIEW" | "AMOUNT_CONFIRMATION_NOTICE" | "CONFIRMATION_LETTER" | "REFUND_NOTICE" | "PENALTY_DECISION" | "DIFFERENCE_EXPLANATION" | "TRANSFER">, string>;

const pdf = (name: string) => uploaded(name, `%PDF-1.4\n% ${name}\n`);
/** A file recorded by a row written here directly (the operations that write these rows are not this test's subject). */
async function recorded(name: string, write: (tx: Tx, fileId: string) => Promise<unknown>): Promise<string> {
  const file = await pdf(name);
  const id = await t.db.$transaction(async (tx) => {
    const row = await storeFile(tx, file, w.bureau.userId, NOW);
    await write(tx, row.id);
    return row.id;
  });
  await settleUpload(t.db, file);
  return id;
}
async function through(file: UploadedFile, run: (file: UploadedFile) => Promise<unknown>): Promise<string> {
  await run(file);
  await settleUpload(t.db, file);
  return (await t.db.fileObject.findFirstOrThrow({ where: { sha256: file.sha256 } })).id;
}
const version = async () => (await t.db.inspectionCase.findUniqueOrThrow({ where: { id: caseId } })).version;

beforeAll(async () => {
  w = await makeCaseWorld(t.db);
  caseId = w.inspectionCase.id;
  admin = await makeActor(t.db, "BUREAU_ADMIN");
  await deliverNotice(t.db, w.leader, { caseId, version: 0, number: "吉医保飞检〔2024〕7号", recipientName: "王某", recipientTitle: "院长", staffPresentIds: [w.leader.userId, w.member.userId] }, { now: NOW });
  await startOnSite(t.db, w.leader, { caseId, version: 1 }, { now: NOW });
  files.EVIDENCE = await through(await uploaded("处方.pdf", "%PDF-1.4\n% 处方\n"), (f) => addEvidence(t.db, w.member, { caseId, version: 2, kind: "COPY" }, f, { now: NOW }));
  await recordFinding(t.db, w.leader, { caseId, version: 3, violationTypeId: w.violationType.id, legalBasis: "条例第三十八条", description: "重复收费", amount: "100.00" }, { now: NOW });
  await signRecordAsTeam(t.db, w.leader, { caseId, version: 4 }, { now: NOW });
  await signRecordAsInstitution(t.db, w.institutionStaff, { caseId, version: 5 }, { now: NOW });
  await writeFeedbackReport(t.db, w.leader, { caseId, version: 6, summary: "反馈" }, { now: NOW });
  await handOver(t.db, w.leader, { caseId, version: 7 }, { now: NOW });
  files.PROGRESS_REPORT = await through(await pdf("整改进展.pdf"), async (f) => submitProgressReport(t.db, w.city, { caseId, version: await version(), summary: "整改中" }, f, { now: NOW }));
  files.RECTIFICATION_MATERIAL = await through(await pdf("制度.pdf"), async (f) => submitRectificationMaterial(t.db, w.institutionStaff, { caseId, version: await version(), description: "制度" }, f, { now: NOW }));
  const rectification = await t.db.rectification.findUniqueOrThrow({ where: { caseId } });
  files.WRITTEN_REPORT = await recorded("书面报告.pdf", (tx, fileId) => tx.rectificationReport.create({ data: { rectificationId: rectification.id, kind: "WRITTEN", summary: "书面", fileId, submittedById: w.city.userId, submittedAt: NOW } }));
  files.NOTICE_RECEIPT = await recorded("回执.pdf", (tx, fileId) => tx.onSiteNotice.update({ where: { caseId }, data: { fileId } }));
  const notice = await t.db.refundNotice.create({ data: { caseId, amount: "100.00", fundAccount: "基金专户", issuedById: w.city.userId, issuedAt: NOW } });
  files.REFUND_VOUCHER = await recorded("凭证.pdf", (tx, voucherFileId) => tx.refund.create({ data: { refundNoticeId: notice.id, amount: "100.00", paidOn: NOW, voucherFileId, recordedById: w.institutionStaff.userId, recordedAt: NOW } }));
  files.MASTER_DATA_IMPORT = await recorded("机构.pdf", (tx, fileId) => tx.masterDataImport.create({ data: { kind: "EXPERT", fileId, rowsAdded: 1, rowsUpdated: 0, rowsUnchanged: 0, importedById: w.bureau.userId, importedAt: NOW } }));
});

async function downloads(actor: Actor, fileId: string): Promise<boolean> {
  try {
    // Through the registry's boundary, as every door does: a refusal is audited there, once.
    const file = (await invokeOperation(t.db, actor, "file.download", { fileId })) as { body: ReadableStream<Uint8Array> };
    expect(Buffer.from(await new Response(file.body).arrayBuffer()).subarray(0, 8).toString()).toBe("%PDF-1.4");
    return true;
  } catch (error) {
    expect(error).toMatchObject({ code: "NOT_FOUND" });
    return false;
  }
}

/** The file ids the case page lists for this reader (null when the case itself is hidden from them). */
async function listed(actor: Actor): Promise<Set<string> | null> {
  const page = await getCaseFile(t.db, actor, caseId, NOW).catch(() => null);
  if (!page) return null;
  const c = page.case;
  return new Set([
    ...c.evidence.map((e) => e.file.id),
    ...(c.rectification?.reports.map((r) => r.file?.id) ?? []),
    ...(c.rectification?.materials.map((m) => m.file.id) ?? []),
    ...(c.refundNotice?.refunds.map((r) => r.voucherFile?.id) ?? []),
  ].filter((id): id is string => Boolean(id)));
}

// Issue 12 §15, as each reader should find it. Y: downloads; -: 404. The case page lists what the download serves.
const EXPECTED: Record<string, Record<keyof typeof files, "Y" | "-">> = {
  bureau: { EVIDENCE: "Y", NOTICE_RECEIPT: "Y", PROGRESS_REPORT: "Y", WRITTEN_REPORT: "Y", REFUND_VOUCHER: "Y", RECTIFICATION_MATERIAL: "Y", MASTER_DATA_IMPORT: "Y" },
  leader: { EVIDENCE: "Y", NOTICE_RECEIPT: "Y", PROGRESS_REPORT: "Y", WRITTEN_REPORT: "Y", REFUND_VOUCHER: "Y", RECTIFICATION_MATERIAL: "Y", MASTER_DATA_IMPORT: "-" },
  member: { EVIDENCE: "Y", NOTICE_RECEIPT: "Y", PROGRESS_REPORT: "Y", WRITTEN_REPORT: "Y", REFUND_VOUCHER: "Y", RECTIFICATION_MATERIAL: "Y", MASTER_DATA_IMPORT: "-" },
  city: { EVIDENCE: "Y", NOTICE_RECEIPT: "Y", PROGRESS_REPORT: "Y", WRITTEN_REPORT: "Y", REFUND_VOUCHER: "Y", RECTIFICATION_MATERIAL: "Y", MASTER_DATA_IMPORT: "-" },
  institutionStaff: { EVIDENCE: "Y", NOTICE_RECEIPT: "Y", PROGRESS_REPORT: "-", WRITTEN_REPORT: "-", REFUND_VOUCHER: "Y", RECTIFICATION_MATERIAL: "Y", MASTER_DATA_IMPORT: "-" },
  otherInstitutionStaff: { EVIDENCE: "-", NOTICE_RECEIPT: "-", PROGRESS_REPORT: "-", WRITTEN_REPORT: "-", REFUND_VOUCHER: "-", RECTIFICATION_MATERIAL: "-", MASTER_DATA_IMPORT: "-" },
  otherCity: { EVIDENCE: "-", NOTICE_RECEIPT: "-", PROGRESS_REPORT: "-", WRITTEN_REPORT: "-", REFUND_VOUCHER: "-", RECTIFICATION_MATERIAL: "-", MASTER_DATA_IMPORT: "-" },
  outsider: { EVIDENCE: "-", NOTICE_RECEIPT: "-", PROGRESS_REPORT: "-", WRITTEN_REPORT: "-", REFUND_VOUCHER: "-", RECTIFICATION_MATERIAL: "-", MASTER_DATA_IMPORT: "-" },
};

describe("one visibility rule per file kind, for the download and the case page alike", () => {
  it.each(Object.keys(EXPECTED))("%s downloads exactly the files the rule gives them, and the case page lists the same", async (reader) => {
    const actor = (w as unknown as Record<string, Actor>)[reader]!;
    const page = await listed(actor);
    const got: Record<string, "Y" | "-"> = {};
    for (const [kind, fileId] of Object.entries(files)) {
      got[kind] = (await downloads(actor, fileId)) ? "Y" : "-";
      if (page && ["EVIDENCE", "PROGRESS_REPORT", "WRITTEN_REPORT", "REFUND_VOUCHER", "RECTIFICATION_MATERIAL"].includes(kind)) expect(page.has(fileId), `${reader} page lists ${kind}`).toBe(got[kind] === "Y");
    }
    expect(got).toEqual(EXPECTED[reader]);
  });

  it("the bureau administrator reads import files too; a refused download is audited as DENIED, a served one as OK", async () => {
    expect(await downloads(admin, files.MASTER_DATA_IMPORT)).toBe(true);
    const denied = await t.db.auditEvent.count({ where: { action: "file.download", outcome: "DENIED", actorId: w.institutionStaff.userId } });
    expect(denied).toBeGreaterThanOrEqual(2);
    const served = await t.db.auditEvent.findFirstOrThrow({ where: { action: "file.download", outcome: "OK", actorId: w.institutionStaff.userId, entityId: caseId } });
    expect(served.after).toMatchObject({ kind: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });
});
