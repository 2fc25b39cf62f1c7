import { createHash } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { addEvidence, deliverNotice, handOver, recordFinding, reviewRectificationReport, signRecordAsInstitution, signRecordAsTeam, startOnSite, submitProgressReport, writeFeedbackReport } from "../support/case-operations";
import { DomainError } from "@/lib/server/errors";
import { downloadCaseFile } from "@/lib/server/files/download";
import { makeCaseWorld } from "../factories/cases";
import { setupTestDatabase } from "./support/db";
import { setupTempStorage } from "./support/storage";

const t = setupTestDatabase();
const NOW = new Date("2024-09-27T02:00:00Z");
const PDF = new TextEncoder().encode("%PDF-1.4\n% 整改进展报告\n");
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

let w: Awaited<ReturnType<typeof makeCaseWorld>>;
let caseId: string;

const files = setupTempStorage();

beforeEach(async () => {
  w = await makeCaseWorld(t.db);
  caseId = w.inspectionCase.id;
});

const version = async () => (await t.db.inspectionCase.findUniqueOrThrow({ where: { id: caseId } })).version;

async function toOnSite() {
  await deliverNotice(t.db, w.leader, { caseId, version: 0, number: "吉医保飞检〔2024〕2号", recipientName: "王某", recipientTitle: "院长" }, { now: NOW });
  await startOnSite(t.db, w.leader, { caseId, version: 1 }, { now: NOW });
}

async function toHandedOver() {
  await toOnSite();
  await toHandedOverFrom2();
}

async function refused(run: () => Promise<unknown>, code: string) {
  const before = { audit: await t.db.auditEvent.count({ where: { outcome: "OK" } }), reports: await t.db.rectificationReport.count(), evidence: await t.db.evidence.count(), files: await t.db.fileObject.count(), version: await version() };
  const error = await run().then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  expect({ audit: await t.db.auditEvent.count({ where: { outcome: "OK" } }), reports: await t.db.rectificationReport.count(), evidence: await t.db.evidence.count(), files: await t.db.fileObject.count(), version: await version() }).toEqual(before);
}

describe("evidence", () => {
  it("is hashed on the server, stored outside public/, and downloaded only by those who may see the case", async () => {
    await toOnSite();
    const outcome = await addEvidence(t.db, w.leader, { caseId, version: 2, kind: "PHOTO" }, { fileName: "出库单.png", mediaType: "image/png", bytes: PNG }, { now: NOW });
    const row = await t.db.evidence.findFirstOrThrow({ where: { caseId }, include: { file: true } });
    expect(row.file.sha256).toBe(createHash("sha256").update(PNG).digest("hex"));
    expect(outcome.record.sha256).toBe(row.file.sha256);
    expect(await readFile(path.join(files.dir, row.file.storageKey))).toEqual(Buffer.from(PNG));
    expect(path.join(files.dir, row.file.storageKey).startsWith(path.resolve("public"))).toBe(false);

    expect((await downloadCaseFile(t.db, w.leader, row.fileId)).bytes).toEqual(Buffer.from(PNG));
    expect((await downloadCaseFile(t.db, w.institutionStaff, row.fileId)).fileName).toBe("出库单.png");
    await expect(downloadCaseFile(t.db, w.otherInstitutionStaff, row.fileId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(downloadCaseFile(t.db, w.outsider, row.fileId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(downloadCaseFile(t.db, w.leader, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await t.db.auditEvent.count({ where: { action: "file.download", entityId: caseId } })).toBe(2);
  });

  it("refuses a disallowed type, an empty file, a mismatched extension, and a member of another team, writing nothing", async () => {
    await toOnSite();
    const stored = (await readdir(files.dir, { recursive: true })).length;
    await refused(() => addEvidence(t.db, w.leader, { caseId, version: 2, kind: "OTHER" }, { fileName: "x.exe", mediaType: "application/x-msdownload", bytes: PNG }), "FILE_TYPE_NOT_ALLOWED");
    await refused(() => addEvidence(t.db, w.leader, { caseId, version: 2, kind: "PHOTO" }, { fileName: "x.png", mediaType: "image/png", bytes: new Uint8Array() }), "FILE_EMPTY");
    await refused(() => addEvidence(t.db, w.leader, { caseId, version: 2, kind: "PHOTO" }, { fileName: "x.pdf", mediaType: "image/png", bytes: PNG }), "FILE_TYPE_NOT_ALLOWED");
    await refused(() => addEvidence(t.db, w.outsider, { caseId, version: 2, kind: "PHOTO" }, { fileName: "x.png", mediaType: "image/png", bytes: PNG }), "NOT_FOUND");
    expect((await readdir(files.dir, { recursive: true })).length).toBe(stored);
  });
});

describe("the city's progress report and the bureau's review", () => {
  it("the city submits the report with its document; the case keeps its state; the bureau accepts it", async () => {
    await toHandedOver();
    const outcome = await submitProgressReport(t.db, w.city, { caseId, version: 7, summary: "已追回违规金额100元，整改中。" }, { fileName: "整改进展.pdf", mediaType: "application/pdf", bytes: PDF }, { now: NOW });
    expect(outcome).toMatchObject({ from: "HANDED_OVER", state: "HANDED_OVER", version: 8 });
    const report = await t.db.rectificationReport.findFirstOrThrow({ where: { rectification: { caseId } }, include: { file: true } });
    expect(report).toMatchObject({ kind: "PROGRESS", status: "SUBMITTED", submittedById: w.city.userId });
    expect(report.file?.sha256).toBe(createHash("sha256").update(PDF).digest("hex"));

    await refused(() => submitProgressReport(t.db, w.city, { caseId, version: 8, summary: "再报" }, { fileName: "b.pdf", mediaType: "application/pdf", bytes: PDF }), "TRANSITION_REFUSED");
    await expect(reviewRectificationReport(t.db, w.city, { reportId: report.id, version: 0, decision: "ACCEPT" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(reviewRectificationReport(t.db, w.bureau, { reportId: report.id, version: 0, decision: "RETURN" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(reviewRectificationReport(t.db, w.bureau, { reportId: report.id, version: 5, decision: "ACCEPT" })).rejects.toMatchObject({ code: "STALE_VERSION" });
    const caseVersion = await version();
    expect(await reviewRectificationReport(t.db, w.bureau, { reportId: report.id, version: 0, decision: "ACCEPT" })).toEqual({ status: "ACCEPTED" });
    // A fact a guard reads changed (needsNoProgressReport): the case's version moves with it (issue 13 §6).
    expect(await version()).toBe(caseVersion + 1);
    await expect(reviewRectificationReport(t.db, w.bureau, { reportId: report.id, version: 1, decision: "ACCEPT" })).rejects.toMatchObject({ code: "REPORT_ALREADY_REVIEWED" });
    const actions = (await t.db.auditEvent.findMany({ where: { entityId: caseId }, orderBy: { seq: "asc" } })).map((a) => a.action);
    expect(actions.slice(-2)).toEqual(["case.submitProgressReport", "rectification.acceptReport"]);
    // The report is the city's and the bureau's: another city bureau cannot fetch its document.
    await expect(downloadCaseFile(t.db, w.otherCity, report.fileId!)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await downloadCaseFile(t.db, w.bureau, report.fileId!)).fileName).toBe("整改进展.pdf");
  });

  it("only the city bureau may report, and only after the handover", async () => {
    await toOnSite();
    await refused(() => submitProgressReport(t.db, w.city, { caseId, version: 2, summary: "提前" }, { fileName: "a.pdf", mediaType: "application/pdf", bytes: PDF }), "TRANSITION_REFUSED");
    await toHandedOverFrom2();
    await refused(() => submitProgressReport(t.db, w.institutionStaff, { caseId, version: 7, summary: "机构代报" }, { fileName: "a.pdf", mediaType: "application/pdf", bytes: PDF }), "FORBIDDEN");
    await refused(() => submitProgressReport(t.db, w.otherCity, { caseId, version: 7, summary: "外地" }, { fileName: "a.pdf", mediaType: "application/pdf", bytes: PDF }), "NOT_FOUND");
  });
});

async function toHandedOverFrom2() {
  await recordFinding(t.db, w.leader, { caseId, version: 2, violationTypeId: w.violationType.id, legalBasis: "条例第三十八条", description: "重复收费", amount: "100.00" }, { now: NOW });
  await signRecordAsTeam(t.db, w.leader, { caseId, version: 3 }, { now: NOW });
  await signRecordAsInstitution(t.db, w.institutionStaff, { caseId, version: 4 }, { now: NOW });
  await writeFeedbackReport(t.db, w.leader, { caseId, version: 5, summary: "反馈" }, { now: NOW });
  await handOver(t.db, w.leader, { caseId, version: 6 }, { now: NOW });
}
