import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { buffer } from "node:stream/consumers";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { addEvidence, deliverNotice, handOver, recordFinding, reviewRectificationReport, signRecordAsInstitution, signRecordAsTeam, startOnSite, submitProgressReport, writeFeedbackReport } from "../support/case-operations";
import { DomainError } from "@/lib/server/errors";
import { downloadCaseFile } from "@/lib/server/files/download";
import { invokeOperation } from "@/lib/server/operations/boundary";
import { settleUpload } from "@/lib/server/files/storage";
import { makeCaseWorld } from "../factories/cases";
import { setupTestDatabase } from "./support/db";
import { setupTempStorage, storeKeys, uploaded } from "./support/storage";

const t = setupTestDatabase();
const NOW = new Date("2024-09-27T02:00:00Z");
const PDF = new TextEncoder().encode("%PDF-1.4\n% 整改进展报告\n");
/** A real 1×1 PNG: files are checked by their content, so a signature alone is not a picture. */
const PNG = Uint8Array.from(Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010804000000b51c0c020000000b4944415478da6364600000000600023081d02f0000000049454e44ae426082", "hex"));

let w: Awaited<ReturnType<typeof makeCaseWorld>>;
let caseId: string;

const files = setupTempStorage();

beforeEach(async () => {
  w = await makeCaseWorld(t.db);
  caseId = w.inspectionCase.id;
});

const version = async () => (await t.db.inspectionCase.findUniqueOrThrow({ where: { id: caseId } })).version;

async function toOnSite() {
  await deliverNotice(t.db, w.leader, { caseId, version: 0, number: "吉医保飞检〔2024〕2号", recipientName: "王某", recipientTitle: "院长", staffPresentIds: [w.leader.userId, w.member.userId] }, { now: NOW });
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
    const file = await uploaded("出库单.png", PNG);
    const outcome = await addEvidence(t.db, w.leader, { caseId, version: 2, kind: "PHOTO" }, file, { now: NOW });
    expect(await settleUpload(t.db, file)).toBe("promoted");
    const row = await t.db.evidence.findFirstOrThrow({ where: { caseId }, include: { file: true } });
    expect(row.file.sha256).toBe(createHash("sha256").update(PNG).digest("hex"));
    expect(outcome.record.sha256).toBe(row.file.sha256);
    expect(await readFile(path.join(files.dir, row.file.storageKey))).toEqual(Buffer.from(PNG));
    expect(path.join(files.dir, row.file.storageKey).startsWith(path.resolve("public"))).toBe(false);

    expect(await buffer((await downloadCaseFile(t.db, w.leader, row.fileId)).stream)).toEqual(Buffer.from(PNG));
    // The team's evidence is its draft until the team signs (issue 12 §4): the institution reads it only then.
    // Through the registry's boundary, as the download route does: the refusal is audited there.
    await expect(invokeOperation(t.db, w.institutionStaff, "file.download", { fileId: row.fileId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(downloadCaseFile(t.db, w.otherInstitutionStaff, row.fileId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(downloadCaseFile(t.db, w.outsider, row.fileId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(downloadCaseFile(t.db, w.leader, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The leader's download served, the institution's refused: both audited.
    expect(await t.db.auditEvent.count({ where: { action: "file.download", actorId: w.leader.userId, outcome: "OK", entityId: caseId } })).toBe(1);
    expect(await t.db.auditEvent.count({ where: { action: "file.download", actorId: w.institutionStaff.userId, outcome: "DENIED" } })).toBe(1);
  });

  it("refuses a disallowed type, an empty file, a mismatched extension, and a member of another team, writing nothing", async () => {
    await toOnSite();
    const stored = await storeKeys();
    await refused(() => uploaded("x.exe", PNG), "FILE_TYPE_NOT_ALLOWED");
    await refused(() => uploaded("x.png", new Uint8Array()), "FILE_EMPTY");
    await refused(() => uploaded("x.pdf", PNG), "FILE_TYPE_NOT_ALLOWED");
    const file = await uploaded("x.png", PNG);
    await refused(() => addEvidence(t.db, w.outsider, { caseId, version: 2, kind: "PHOTO" }, file), "NOT_FOUND");
    expect(await settleUpload(t.db, file)).toBe("discarded");
    expect(await storeKeys()).toEqual(stored);
  });
});

describe("the city's progress report and the bureau's review", () => {
  it("the city submits the report with its document; the case keeps its state; the bureau accepts it", async () => {
    await toHandedOver();
    const file = await uploaded("整改进展.pdf", PDF);
    const outcome = await submitProgressReport(t.db, w.city, { caseId, version: 7, summary: "已追回违规金额100元，整改中。" }, file, { now: NOW });
    await settleUpload(t.db, file);
    expect(outcome).toMatchObject({ from: "HANDED_OVER", state: "HANDED_OVER", version: 8 });
    const report = await t.db.rectificationReport.findFirstOrThrow({ where: { rectification: { caseId } }, include: { file: true } });
    expect(report).toMatchObject({ kind: "PROGRESS", status: "SUBMITTED", submittedById: w.city.userId });
    expect(report.file?.sha256).toBe(createHash("sha256").update(PDF).digest("hex"));

    await refused(async () => submitProgressReport(t.db, w.city, { caseId, version: 8, summary: "再报" }, await uploaded("b.pdf", PDF)), "TRANSITION_REFUSED");
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
    await refused(async () => submitProgressReport(t.db, w.city, { caseId, version: 2, summary: "提前" }, await uploaded("a.pdf", PDF)), "TRANSITION_REFUSED");
    await toHandedOverFrom2();
    await refused(async () => submitProgressReport(t.db, w.institutionStaff, { caseId, version: 7, summary: "机构代报" }, await uploaded("a.pdf", PDF)), "FORBIDDEN");
    await refused(async () => submitProgressReport(t.db, w.otherCity, { caseId, version: 7, summary: "外地" }, await uploaded("a.pdf", PDF)), "NOT_FOUND");
  });
});

async function toHandedOverFrom2() {
  await recordFinding(t.db, w.leader, { caseId, version: 2, violationTypeId: w.violationType.id, legalBasis: "条例第三十八条", description: "重复收费", amount: "100.00" }, { now: NOW });
  await signRecordAsTeam(t.db, w.leader, { caseId, version: 3 }, { now: NOW });
  await signRecordAsInstitution(t.db, w.institutionStaff, { caseId, version: 4 }, { now: NOW });
  await writeFeedbackReport(t.db, w.leader, { caseId, version: 5, summary: "反馈" }, { now: NOW });
  await handOver(t.db, w.leader, { caseId, version: 6 }, { now: NOW });
}
