import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { invokeOperation, type Caller } from "@/lib/server/operations/boundary";
import { handleApiRequest } from "@/lib/server/operations/http";
import type { Actor } from "@/lib/policy/actor";
import { generateDocument } from "@/lib/server/documents/generate";
import { listCaseDocuments } from "@/lib/server/documents/list";
import { allocateDocumentSequence } from "@/lib/server/documents/numbering";
import { convertDocxToPdf, findSoffice, pdfQueueIdle } from "@/lib/server/documents/pdf";
import { verifyDocumentCode } from "@/lib/server/documents/verify";
import { buildCaseBinder } from "@/lib/server/documents/binder";
import { verifyBinder } from "@/lib/documents/binder-verify";
import JSZip from "jszip";
import { tmpdir } from "node:os";
import { openStoredFile, settleUpload } from "@/lib/server/files/storage";
import type { DomainError } from "@/lib/server/errors";
import { makeCaseWorld } from "../factories/cases";
import { confirmAmounts, deliverNotice, handOver, issueConfirmationNotice, issueRefundNotice, recordFinding, signRecordAsInstitution, signRecordAsTeam, startOnSite, writeFeedbackReport } from "../support/case-operations";
import { readDocx, type DocxFile } from "../support/docx-read";
import { setupTestDatabase } from "./support/db";
import { setupTempStorage, uploaded } from "./support/storage";

const t = setupTestDatabase();
setupTempStorage();
// Renditions still running finish before the test database goes (after-hooks run last-registered first).
afterAll(() => pdfQueueIdle());
const NOW = new Date("2024-09-27T02:00:00Z");
const SCREENSHOTS = path.join(process.cwd(), "test-results/screenshots");

async function bytesOf(documentId: string, which: "file" | "pdfFile" = "file"): Promise<Buffer> {
  const row = await t.db.caseDocument.findUniqueOrThrow({ where: { id: documentId }, select: { file: { select: { storageKey: true } }, pdfFile: { select: { storageKey: true } } } });
  const chunks: Buffer[] = [];
  for await (const chunk of await openStoredFile((which === "file" ? row.file : row.pdfFile)!.storageKey)) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

const refusal = (promise: Promise<unknown>) => promise.then(() => "OK", (error: DomainError) => error.code);

/** A case walked through to the refund notice, with the names a bureau would have. */
async function walkedCase() {
  const w = await makeCaseWorld(t.db);
  const caseId = w.inspectionCase.id;
  const bureauOrg = (await t.db.user.findUniqueOrThrow({ where: { id: w.bureau.userId } })).organizationId;
  await t.db.organization.update({ where: { id: bureauOrg }, data: { name: "吉林省医疗保障局" } });
  await t.db.organization.update({ where: { id: w.cityBureau.id }, data: { name: "长春市医疗保障局" } });
  await t.db.institution.update({ where: { id: w.institution.id }, data: { name: "长春市测试中心医院", nationalCode: `H220101${caseId.slice(0, 6)}` } });
  await t.db.poolingRegion.update({ where: { id: w.region.id }, data: { name: "长春市" } });
  await t.db.plan.update({ where: { id: w.plan.id }, data: { title: "2024年度吉林省医疗保障基金飞行检查工作方案" } });
  await t.db.team.update({ where: { id: w.team.id }, data: { name: "第三检查组" } });
  return { w, caseId };
}

function fieldText(file: DocxFile): string {
  return file.text.replace(/\s+/g, "");
}

describe("official documents generated from a case", () => {
  let w: Awaited<ReturnType<typeof makeCaseWorld>>;
  let caseId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ({ w, caseId } = await walkedCase());
  });

  it("walks the case and generates each document at its step, by the part that may, with every field from the case", async () => {
    // Before the visit: the notice, by the bureau or the team leader; the member and the city may not; the on-site record waits for the visit.
    expect(await refusal(generateDocument(t.db, w.member, { caseId, kind: "ON_SITE_NOTICE" }, {}, NOW))).toBe("TRANSITION_REFUSED");
    expect(await refusal(generateDocument(t.db, w.city, { caseId, kind: "ON_SITE_NOTICE" }, {}, NOW))).toBe("NOT_FOUND");
    expect(await refusal(generateDocument(t.db, w.institutionStaff, { caseId, kind: "ON_SITE_NOTICE" }, {}, NOW))).toBe("NOT_FOUND");
    expect(await refusal(generateDocument(t.db, w.leader, { caseId, kind: "ON_SITE_RECORD" }, {}, NOW))).toBe("TRANSITION_REFUSED");
    const notice = await generateDocument(t.db, w.bureau, { caseId, kind: "ON_SITE_NOTICE" }, {}, NOW);
    ids.notice = notice.id;
    expect(notice).toMatchObject({ kind: "ON_SITE_NOTICE", revision: 1, number: "吉医保飞检〔2024〕1号", caseVersion: 0, created: true });
    expect(notice.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const noticeFile = await readDocx(await bytesOf(notice.id));
    expect(noticeFile.paragraphs[0]).toMatchObject({ text: "吉林省医疗保障局" });
    expect(noticeFile.paragraphs[0]!.runs[0]!.color).toBe("FF0000");
    const text = fieldText(noticeFile);
    for (const expected of ["吉医保飞检〔2024〕1号", "现场检查通知书", "长春市测试中心医院：", "2024年度吉林省医疗保障基金飞行检查工作方案", "2022年1月1日至2023年12月31日", "第三检查组", "2024年9月27日"]) expect(text).toContain(expected);
    expect(noticeFile.footers.map((f) => f.children.length > 0)).toEqual([true, true]);
    expect(JSON.stringify(noticeFile.footers)).toContain(`核验码 ${notice.verificationCode}`);

    await deliverNotice(t.db, w.leader, { caseId, version: 0, number: notice.number, recipientName: "王某", recipientTitle: "院长", staffPresentIds: [w.leader.userId, w.member.userId] }, { now: NOW });
    await startOnSite(t.db, w.leader, { caseId, version: 1 }, { now: NOW });
    const record = await generateDocument(t.db, w.member, { caseId, kind: "ON_SITE_RECORD" }, {}, NOW);
    expect(record.number).toBe("吉医保检录〔2024〕1号");
    const interview = await generateDocument(t.db, w.member, { caseId, kind: "INTERVIEW_RECORD" }, {}, NOW);
    expect(fieldText(await readDocx(await bytesOf(interview.id)))).toContain("询问笔录");

    await recordFinding(t.db, w.leader, { caseId, version: 2, violationTypeId: w.violationType.id, legalBasis: "《医疗保障基金使用监督管理条例》第三十八条", description: "将目录外药品串换为目录内药品结算", amount: "12345.67" }, { now: NOW });
    const problem = await generateDocument(t.db, w.leader, { caseId, kind: "PROBLEM_RECORD" }, {}, NOW);
    ids.problem = problem.id;
    const problemText = fieldText(await readDocx(await bytesOf(problem.id)));
    for (const expected of ["现场检查问题记录", "长春市测试中心医院", "将目录外药品串换为目录内药品结算", "12345.67", "合计", "检查组组长（签字）", "被检查单位负责人（签字并盖章）"]) expect(problemText).toContain(expected);

    await signRecordAsTeam(t.db, w.leader, { caseId, version: 3 }, { now: NOW });
    await signRecordAsInstitution(t.db, w.institutionStaff, { caseId, version: 4 }, { now: NOW });
    await writeFeedbackReport(t.db, w.leader, { caseId, version: 5, summary: "检查组调阅病历120份，询问医务人员8人。" }, { now: NOW });
    const feedback = await generateDocument(t.db, w.leader, { caseId, kind: "FEEDBACK_REPORT" }, {}, NOW);
    expect(fieldText(await readDocx(await bytesOf(feedback.id)))).toContain("检查组调阅病历120份");
    const handover = await generateDocument(t.db, w.leader, { caseId, kind: "HANDOVER" }, {}, NOW);
    const handoverText = fieldText(await readDocx(await bytesOf(handover.id)));
    for (const expected of ["长春市医疗保障局：", "移交问题清单", "将目录外药品串换为目录内药品结算", "12345.67元（大写：人民币壹万贰仟叁佰肆拾伍元陆角柒分）"]) expect(handoverText).toContain(expected);
    await handOver(t.db, w.leader, { caseId, version: 6 }, { now: NOW });

    expect(await refusal(generateDocument(t.db, w.city, { caseId, kind: "AMOUNT_CONFIRMATION" }, {}, NOW))).toBe("TRANSITION_REFUSED");
    await issueConfirmationNotice(t.db, w.city, { caseId, version: 7, number: "长医保确认〔2024〕1号" }, { now: NOW });
    expect(await refusal(generateDocument(t.db, w.leader, { caseId, kind: "AMOUNT_CONFIRMATION" }, {}, NOW))).toBe("TRANSITION_REFUSED");
    const confirmation = await generateDocument(t.db, w.city, { caseId, kind: "AMOUNT_CONFIRMATION" }, {}, NOW);
    ids.confirmation = confirmation.id;
    expect(confirmation.number).toBe("长医保确认〔2024〕1号");
    const confirmationFile = await readDocx(await bytesOf(confirmation.id));
    expect(confirmationFile.paragraphs[0]).toMatchObject({ text: "长春市医疗保障局" });
    expect(fieldText(confirmationFile)).toContain("违规使用医疗保障基金金额为12345.67元（大写：人民币壹万贰仟叁佰肆拾伍元陆角柒分）");
    await confirmAmounts(t.db, w.institutionStaff, { caseId, version: 8 }, { now: NOW });
    await issueRefundNotice(t.db, w.city, { caseId, version: 9, fundAccount: "长春市医疗保障基金收入户", dueOn: "2024-10-31" }, { now: NOW });
    const refund = await generateDocument(t.db, w.city, { caseId, kind: "REFUND_NOTICE" }, {}, NOW);
    const refundText = fieldText(await readDocx(await bytesOf(refund.id)));
    for (const expected of ["医保基金清退通知书", "长春市医疗保障基金收入户", "于2024年10月31日前", "第四十五条"]) expect(refundText).toContain(expected);

    // A seizure and a transfer recorded (no operation records them yet): the team lists the seizure, the bureau writes the letter.
    await t.db.seizure.create({ data: { caseId, itemList: "2023年住院病历120册", place: "医院档案室", sealedAt: NOW, sealedById: w.leader.userId } });
    await t.db.transfer.create({ data: { caseId, organ: "POLICE", organName: "长春市公安局朝阳分局", sentAt: NOW, sentById: w.bureau.userId, note: "涉嫌伪造住院病历骗取医保基金。" } });
    const seizure = await generateDocument(t.db, w.member, { caseId, kind: "SEIZURE_LIST" }, {}, NOW);
    for (const expected of ["封存清单", "2023年住院病历120册", "医院档案室", "2024年9月27日", "第二十七条"]) expect(fieldText(await readDocx(await bytesOf(seizure.id)))).toContain(expected);
    expect(await refusal(generateDocument(t.db, w.city, { caseId, kind: "TRANSFER_LETTER" }, {}, NOW))).toBe("TRANSITION_REFUSED");
    const transfer = await generateDocument(t.db, w.bureau, { caseId, kind: "TRANSFER_LETTER" }, {}, NOW);
    expect(transfer.number).toBe("吉医保移送〔2024〕1号");
    for (const expected of ["问题线索移送函", "长春市公安局朝阳分局：", "涉嫌伪造住院病历骗取医保基金。"]) expect(fieldText(await readDocx(await bytesOf(transfer.id)))).toContain(expected);

    // The receipt answers a served document and carries its title and number; the institution is not one who serves.
    const receipt = await generateDocument(t.db, w.city, { caseId, kind: "SERVICE_RECEIPT", subjectDocumentId: confirmation.id }, {}, NOW);
    const receiptText = fieldText(await readDocx(await bytesOf(receipt.id)));
    for (const expected of ["送达回证", "违规金额确认通知书", "长医保确认〔2024〕1号", "受送达人签名（盖章）"]) expect(receiptText).toContain(expected);
    expect(await refusal(generateDocument(t.db, w.city, { caseId, kind: "SERVICE_RECEIPT", subjectDocumentId: feedback.id }, {}, NOW))).toBe("VALIDATION");
    expect(await refusal(generateDocument(t.db, w.institutionStaff, { caseId, kind: "SERVICE_RECEIPT", subjectDocumentId: confirmation.id }, {}, NOW))).toBe("TRANSITION_REFUSED");
  });

  it("stores each document as a case file with its SHA-256, the case version and the audit head, with its audit row", async () => {
    const row = await t.db.caseDocument.findUniqueOrThrow({ where: { id: ids.confirmation! }, include: { file: true } });
    const bytes = await bytesOf(row.id);
    const { createHash } = await import("node:crypto");
    expect(row.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(row.file.sha256).toBe(row.sha256);
    expect(row.caseVersion).toBe(8);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "document.generate", entityId: caseId, after: { path: ["documentId"], equals: row.id } } });
    expect(audit.prevHash).toBe(row.auditHeadHash);
    expect(audit.after).toMatchObject({ sha256: row.sha256, number: row.number, caseVersion: 8 });
  });

  it("makes a new revision with the same number when the case changed, and none when it did not", async () => {
    const again = await generateDocument(t.db, w.leader, { caseId, kind: "PROBLEM_RECORD" }, {}, NOW);
    expect(again).toMatchObject({ id: ids.problem, revision: 1, created: false });
    // A second finding recorded (on a fresh case at the same step, as this one has moved on).
    const fresh = await walkedCase();
    await deliverNotice(t.db, fresh.w.leader, { caseId: fresh.caseId, version: 0, number: "x", recipientName: "王某", recipientTitle: "院长", staffPresentIds: [fresh.w.leader.userId, fresh.w.member.userId] }, { now: NOW });
    await startOnSite(t.db, fresh.w.leader, { caseId: fresh.caseId, version: 1 }, { now: NOW });
    await recordFinding(t.db, fresh.w.leader, { caseId: fresh.caseId, version: 2, violationTypeId: fresh.w.violationType.id, legalBasis: "第三十八条", description: "重复收费", amount: "100.00" }, { now: NOW });
    const first = await generateDocument(t.db, fresh.w.leader, { caseId: fresh.caseId, kind: "PROBLEM_RECORD" }, {}, NOW);
    await recordFinding(t.db, fresh.w.member, { caseId: fresh.caseId, version: 3, violationTypeId: fresh.w.violationType.id, legalBasis: "第三十八条", description: "分解住院", amount: "200.00" }, { now: NOW });
    const second = await generateDocument(t.db, fresh.w.leader, { caseId: fresh.caseId, kind: "PROBLEM_RECORD" }, {}, NOW);
    expect(second).toMatchObject({ revision: 2, number: first.number, caseVersion: 4, created: true });
    expect(second.id).not.toBe(first.id);
    expect(second.verificationCode).not.toBe(first.verificationCode);
    expect(second.sha256).not.toBe(first.sha256);
    expect(fieldText(await readDocx(await bytesOf(first.id)))).not.toContain("分解住院");
    expect(fieldText(await readDocx(await bytesOf(second.id)))).toContain("300.00");
    expect(await verifyDocumentCode(t.db, { code: first.verificationCode })).toMatchObject({ valid: true, revision: 1, superseded: true });
    const listed = await listCaseDocuments(t.db, fresh.w.leader, { caseId: fresh.caseId }, NOW);
    expect(listed.documents.filter((d) => d.kind === "PROBLEM_RECORD")).toEqual([expect.objectContaining({ id: second.id, revisions: 2 })]);
  });

  it("lists to each reader only the kinds they read: the institution not the feedback report nor the handover", async () => {
    const team = await listCaseDocuments(t.db, w.leader, { caseId }, NOW);
    const institution = await listCaseDocuments(t.db, w.institutionStaff, { caseId }, NOW);
    expect(team.documents.map((d) => d.kind)).toEqual(expect.arrayContaining(["FEEDBACK_REPORT", "HANDOVER", "AMOUNT_CONFIRMATION"]));
    expect(institution.documents.map((d) => d.kind)).not.toContain("FEEDBACK_REPORT");
    expect(institution.documents.map((d) => d.kind)).not.toContain("HANDOVER");
    expect(institution.documents.map((d) => d.kind)).toContain("AMOUNT_CONFIRMATION");
    expect(institution.generatable).toEqual([]);
    await expect(listCaseDocuments(t.db, w.otherCity, { caseId }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listCaseDocuments(t.db, w.outsider, { caseId }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("downloads through GET /api/v1/documents/{id}/{format}: the reader gets the bytes (audited OK), a hidden kind or a PDF not made is 404 audited once by the boundary", async () => {
    const get = async (actor: Actor, path: string) => {
      const request = new Request(`http://localhost:3000/api/v1${path}`);
      const caller = async (): Promise<Caller> => ({ actor, via: "session", locale: "zh-CN", context: {} });
      return handleApiRequest(request, path, { db: t.db, resolveCaller: caller });
    };
    const feedback = await t.db.caseDocument.findFirstOrThrow({ where: { caseId, kind: "FEEDBACK_REPORT" }, orderBy: { revision: "desc" }, select: { id: true, sha256: true } });
    const notice = await t.db.caseDocument.findUniqueOrThrow({ where: { id: ids.notice! }, select: { sha256: true, pdfStatus: true } });
    const ok = await get(w.institutionStaff, `/documents/${ids.notice}/docx`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-disposition")).toContain(encodeURIComponent("现场检查通知书"));
    expect(createHash("sha256").update(Buffer.from(await ok.arrayBuffer())).digest("hex")).toBe(notice.sha256);
    expect(await t.db.auditEvent.count({ where: { action: "document.download", outcome: "OK", actorId: w.institutionStaff.userId } })).toBe(1);

    const denied = () => t.db.auditEvent.count({ where: { action: "document.download", outcome: "DENIED", actorId: w.institutionStaff.userId } });
    const before = await denied();
    const hidden = await get(w.institutionStaff, `/documents/${feedback.id}/docx`);
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await denied()).toBe(before + 1);
    const row = await t.db.auditEvent.findFirstOrThrow({ where: { action: "document.download", outcome: "DENIED", actorId: w.institutionStaff.userId }, orderBy: { seq: "desc" } });
    expect(row).toMatchObject({ entity: "CaseDocument", entityId: feedback.id });
    // The same for a case out of scope, and for an unknown id: nothing tells them apart.
    expect((await get(w.otherCity, `/documents/${ids.notice}/docx`)).status).toBe(404);
    expect((await get(w.institutionStaff, `/documents/00000000-0000-4000-8000-000000000001/docx`)).status).toBe(404);
    if (notice.pdfStatus !== "DONE") expect((await get(w.bureau, `/documents/${ids.notice}/pdf`)).status).toBe(404);
    expect((await get(w.bureau, `/documents/${ids.notice}/odt`)).status).toBe(422);
  });

  it("previews a document as its content (GET /cases/{caseId}/documents/{id}) to its readers only, and says when the case has changed since", async () => {
    const feedback = await t.db.caseDocument.findFirstOrThrow({ where: { caseId, kind: "FEEDBACK_REPORT" }, orderBy: { revision: "desc" }, select: { id: true } });
    const preview = (await invokeOperation(t.db, w.institutionStaff, "document.preview", { caseId, documentId: ids.confirmation })) as { title: string; number: string; addressee: string; blocks: { type: string; text?: string }[]; verificationCode: string; matchesRevision: boolean };
    const stored = await t.db.caseDocument.findUniqueOrThrow({ where: { id: ids.confirmation! } });
    expect(preview).toMatchObject({ title: "违规金额确认通知书", number: stored.number, addressee: "长春市测试中心医院", verificationCode: stored.verificationCode, matchesRevision: true });
    expect(preview.blocks.some((b) => b.text?.includes("12345.67元（大写：人民币壹万贰仟叁佰肆拾伍元陆角柒分）"))).toBe(true);
    await expect(invokeOperation(t.db, w.institutionStaff, "document.preview", { caseId, documentId: feedback.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(invokeOperation(t.db, w.otherCity, "document.preview", { caseId, documentId: ids.confirmation })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const other = await makeCaseWorld(t.db);
    await expect(invokeOperation(t.db, w.bureau, "document.preview", { caseId: other.inspectionCase.id, documentId: ids.confirmation })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The team's name is on the notice: renamed since, the preview shows the case as it stands and says so.
    await t.db.team.update({ where: { id: w.team.id }, data: { name: "第三检查组（调整）" } });
    expect(await invokeOperation(t.db, w.bureau, "document.preview", { caseId, documentId: ids.notice })).toMatchObject({ matchesRevision: false });
    await t.db.team.update({ where: { id: w.team.id }, data: { name: "第三检查组" } });
    expect(await invokeOperation(t.db, w.bureau, "document.preview", { caseId, documentId: ids.notice })).toMatchObject({ matchesRevision: true });
  });

  it("attaches the served and signed scan to the document it answers: listed with it, read as it is, by whoever may make it", async () => {
    const feedback = await t.db.caseDocument.findFirstOrThrow({ where: { caseId, kind: "FEEDBACK_REPORT" }, orderBy: { revision: "desc" }, select: { id: true } });
    const scan = () => uploaded("通知书送达签收.pdf", `%PDF-1.4\n% ${Math.random()}\n`);
    const first = await scan();
    const attached = (await invokeOperation(t.db, w.leader, "document.attachScan", { caseId, documentId: ids.notice, note: "被检单位盖章签收" }, { upload: first })) as { fileId: string };
    // The HTTP door settles an upload after the operation (lib/server/operations/upload.ts); here the test does.
    expect(await settleUpload(t.db, first)).toBe("promoted");
    // The member does not make the notice; the feedback report is not served on anyone; another case's document is unknown here.
    await expect(invokeOperation(t.db, w.member, "document.attachScan", { caseId, documentId: ids.notice }, { upload: await scan() })).rejects.toMatchObject({ code: "TRANSITION_REFUSED" });
    await expect(invokeOperation(t.db, w.leader, "document.attachScan", { caseId, documentId: feedback.id }, { upload: await scan() })).rejects.toMatchObject({ code: "VALIDATION" });
    const other = await makeCaseWorld(t.db);
    await expect(invokeOperation(t.db, other.bureau, "document.attachScan", { caseId: other.inspectionCase.id, documentId: ids.notice }, { upload: await scan() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await t.db.documentScan.count({ where: { documentId: ids.notice } })).toBe(1);

    const listed = await listCaseDocuments(t.db, w.institutionStaff, { caseId }, NOW);
    expect(listed.documents.find((d) => d.id === ids.notice)).toMatchObject({ scans: [{ fileId: attached.fileId, fileName: "通知书送达签收.pdf", note: "被检单位盖章签收" }], canAttachScan: false });
    expect((await listCaseDocuments(t.db, w.leader, { caseId }, NOW)).documents.find((d) => d.id === ids.notice)).toMatchObject({ canAttachScan: true });
    // Read as the notice is: the institution downloads it through the file download.
    const file = (await invokeOperation(t.db, w.institutionStaff, "file.download", { fileId: attached.fileId })) as { fileName: string; body: ReadableStream };
    expect(file.fileName).toBe("通知书送达签收.pdf");
    await file.body.cancel();
  });

  it("verifies a real code (issuer, kind, number, date only) and answers every wrong code alike", async () => {
    const notice = await t.db.caseDocument.findUniqueOrThrow({ where: { id: ids.notice! } });
    const answer = await invokeOperation(t.db, null as never, "document.verify", { code: notice.verificationCode.toLowerCase().replace("-", " ") });
    expect(answer).toEqual({ valid: true, issuer: "吉林省医疗保障局", title: "现场检查通知书", number: "吉医保飞检〔2024〕1号", issuedOn: "2024-09-27", revision: 1, superseded: false });
    const wrong = await Promise.all(["K7QF-3MZP", "0000-0000", "ZZZZ-ZZZZ", "not a code", "ＡＢＣＤ", `${notice.verificationCode.slice(0, 8)}${notice.verificationCode.endsWith("X") ? "Y" : "X"}`, "%", "' OR 1=1 --"].map((code) => verifyDocumentCode(t.db, { code })));
    for (const a of wrong) expect(a).toEqual({ valid: false, issuer: null, title: null, number: null, issuedOn: null, revision: null, superseded: null });
    expect(Object.keys(wrong[0]!).sort()).toEqual(Object.keys(answer as object).sort());
  });
});

describe("the case binder (一案一卷)", () => {
  it("builds a ZIP with the table of contents, every document and evidence file, the audit extract and a manifest that verifies; one changed byte is named", { timeout: 60_000 }, async () => {
    const { w, caseId } = await walkedCase();
    await generateDocument(t.db, w.bureau, { caseId, kind: "ON_SITE_NOTICE" }, {}, NOW);
    await deliverNotice(t.db, w.leader, { caseId, version: 0, number: "吉医保飞检〔2024〕7号", recipientName: "王某", recipientTitle: "院长", staffPresentIds: [w.leader.userId, w.member.userId] }, { now: NOW });
    await startOnSite(t.db, w.leader, { caseId, version: 1 }, { now: NOW });
    await generateDocument(t.db, w.leader, { caseId, kind: "ON_SITE_RECORD" }, {}, NOW);
    await expect(buildCaseBinder(t.db, w.leader, caseId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(buildCaseBinder(t.db, w.bureau, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const binder = await buildCaseBinder(t.db, w.bureau, caseId, {}, NOW);
    expect(await verifyBinder(binder.bytes)).toMatchObject({ ok: true, auditRows: expect.any(Number) });
    const zip = await JSZip.loadAsync(binder.bytes);
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir).sort();
    expect(names).toEqual(expect.arrayContaining(["00-卷内目录.docx", "audit-extract.jsonl", "manifest.json"]));
    expect(names.filter((n) => n.startsWith("documents/") && n.endsWith(".docx"))).toHaveLength(2);
    const toc = await readDocx(await zip.file("00-卷内目录.docx")!.async("nodebuffer"));
    for (const expected of ["卷内目录", "序号", "题名", "文号", "页数", "现场检查通知书", "吉医保飞检〔2024〕1号", "现场检查笔录"]) expect(toc.text.replace(/\s+/g, "")).toContain(expected);
    const extract = (await zip.file("audit-extract.jsonl")!.async("string")).trim().split("\n").map((l) => JSON.parse(l) as { action: string });
    expect(extract.map((e) => e.action)).toEqual(expect.arrayContaining(["document.generate", "case.deliverNotice"]));
    expect(await t.db.auditEvent.count({ where: { action: "binder.export", entityId: caseId } })).toBe(1);

    // One byte of one document changed: the verifier names that file; the command line says the same and exits 1.
    const victim = names.find((n) => n.startsWith("documents/"))!;
    const bytes = await zip.file(victim)!.async("uint8array");
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0x01;
    zip.file(victim, bytes);
    const tampered = await zip.generateAsync({ type: "nodebuffer" });
    expect(await verifyBinder(tampered)).toEqual({ ok: false, problem: "SHA-256 does not match the manifest", path: victim });
    const dir = mkdtempSync(path.join(tmpdir(), "feijian-binder-"));
    writeFileSync(path.join(dir, "good.zip"), binder.bytes);
    writeFileSync(path.join(dir, "bad.zip"), tampered);
    expect(execFileSync("npx", ["tsx", "scripts/binder-verify.ts", path.join(dir, "good.zip")]).toString()).toMatch(/^OK: \d+ files match the manifest/);
    const bad = spawnSync("npx", ["tsx", "scripts/binder-verify.ts", path.join(dir, "bad.zip")], { encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`MISMATCH: ${victim}`);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("document numbers (文号)", () => {
  it("50 parallel allocations for one organization, kind and year give 50 distinct consecutive numbers", async () => {
    const w = await makeCaseWorld(t.db);
    const results = await Promise.all(Array.from({ length: 50 }, () => t.db.$transaction((tx) => allocateDocumentSequence(tx, w.cityBureau.id, "REFUND_NOTICE", 2031))));
    expect([...results].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    // Another year and another kind count on their own; a rolled-back allocation gives its number back.
    expect(await t.db.$transaction((tx) => allocateDocumentSequence(tx, w.cityBureau.id, "REFUND_NOTICE", 2032))).toBe(1);
    await t.db.$transaction(async (tx) => {
      await allocateDocumentSequence(tx, w.cityBureau.id, "REFUND_NOTICE", 2031);
      throw new Error("rolled back");
    }).catch(() => undefined);
    expect(await t.db.$transaction((tx) => allocateDocumentSequence(tx, w.cityBureau.id, "REFUND_NOTICE", 2031))).toBe(51);
  });

  it("parallel generations of one kind by one bureau on different cases get consecutive numbers", async () => {
    const worlds = await Promise.all(Array.from({ length: 5 }, () => walkedCase()));
    // Each world has its own bureau organization: give them one, as one province would.
    const org = (await t.db.user.findUniqueOrThrow({ where: { id: worlds[0]!.w.bureau.userId } })).organizationId;
    for (const { w } of worlds) await t.db.plan.update({ where: { id: w.plan.id }, data: { organizationId: org } });
    const made = await Promise.all(worlds.map(({ w, caseId }) => generateDocument(t.db, w.leader, { caseId, kind: "ON_SITE_NOTICE" }, {}, new Date("2033-03-01T02:00:00Z"))));
    expect(made.map((d) => d.number).sort()).toEqual([1, 2, 3, 4, 5].map((n) => `吉医保飞检〔2033〕${n}号`));
  });
});

const soffice = findSoffice();
describe.skipIf(!soffice)(soffice ? "PDF rendition with LibreOffice" : "PDF rendition with LibreOffice — skipped: soffice is not installed on this machine", () => {
  it("converts the notice, the problem record and the confirmation notice; the text is there and page 1 is rendered to PNG", { timeout: 180_000 }, async () => {
    const { w, caseId } = await walkedCase();
    const notice = await generateDocument(t.db, w.bureau, { caseId, kind: "ON_SITE_NOTICE" }, {}, NOW);
    await deliverNotice(t.db, w.leader, { caseId, version: 0, number: notice.number, recipientName: "王某", recipientTitle: "院长", staffPresentIds: [w.leader.userId, w.member.userId] }, { now: NOW });
    await startOnSite(t.db, w.leader, { caseId, version: 1 }, { now: NOW });
    await recordFinding(t.db, w.leader, { caseId, version: 2, violationTypeId: w.violationType.id, legalBasis: "《医疗保障基金使用监督管理条例》第三十八条", description: "将目录外药品串换为目录内药品结算", amount: "12345.67" }, { now: NOW });
    const problem = await generateDocument(t.db, w.leader, { caseId, kind: "PROBLEM_RECORD" }, {}, NOW);
    await signRecordAsTeam(t.db, w.leader, { caseId, version: 3 }, { now: NOW });
    await signRecordAsInstitution(t.db, w.institutionStaff, { caseId, version: 4 }, { now: NOW });
    await writeFeedbackReport(t.db, w.leader, { caseId, version: 5, summary: "反馈" }, { now: NOW });
    await handOver(t.db, w.leader, { caseId, version: 6 }, { now: NOW });
    await issueConfirmationNotice(t.db, w.city, { caseId, version: 7, number: "长医保确认〔2024〕1号" }, { now: NOW });
    const confirmation = await generateDocument(t.db, w.city, { caseId, kind: "AMOUNT_CONFIRMATION" }, {}, NOW);
    await pdfQueueIdle();
    mkdirSync(SCREENSHOTS, { recursive: true });
    const expectations: [string, string, string[]][] = [
      [notice.id, "document-on-site-notice", ["吉林省医疗保障局", "吉医保飞检〔2024〕", "现场检查通知书", "长春市测试中心医院", `核验码 ${notice.verificationCode}`, "— 1 —"]],
      // Table cells wrap, and pdftotext reads a wrapped row column by column: short pieces only.
      [problem.id, "document-problem-record", ["现场检查问题记录", "吉医保问题〔2024〕1号", "将目录外药品", "12345.67", "检查组组长（签字）"]],
      [confirmation.id, "document-amount-confirmation", ["违规金额确认通知书", "长医保确认〔2024〕1号", "壹万贰仟叁佰肆拾伍元陆角柒分"]],
    ];
    for (const [id, name, texts] of expectations) {
      const row = await t.db.caseDocument.findUniqueOrThrow({ where: { id } });
      expect(row.pdfStatus).toBe("DONE");
      const pdf = await bytesOf(id, "pdfFile");
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      const pdfPath = path.join(SCREENSHOTS, `${name}.pdf`);
      writeFileSync(pdfPath, pdf);
      const text = execFileSync("pdftotext", ["-layout", pdfPath, "-"]).toString();
      // pdftotext spaces Latin runs inside Chinese text at will ("1 号", "—1—"): compare without white space.
      for (const expected of texts) expect(text.replace(/\s+/g, "")).toContain(expected.replace(/\s+/g, ""));
      execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdfPath, path.join(SCREENSHOTS, name)]);
      // The GB/T 9704 faces fall back to a serif CJK face (deploy/fontconfig), not to sans or boxes.
      expect(execFileSync("pdffonts", [pdfPath]).toString()).toMatch(/SerifCJK/);
      // The page is A4: 595 × 842 pt.
      expect(execFileSync("pdfinfo", [pdfPath]).toString()).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    }
  });

  it("a conversion past its timeout is killed and fails rather than hangs", { timeout: 60_000 }, async () => {
    await expect(convertDocxToPdf(Buffer.from("PK"), 1)).rejects.toThrow();
  });
});

it.skipIf(Boolean(soffice))(soffice ? "without LibreOffice, documents are .docx only — skipped: soffice is installed here" : "without LibreOffice, documents are .docx only and say so", async () => {
  const { w, caseId } = await walkedCase();
  const notice = await generateDocument(t.db, w.bureau, { caseId, kind: "ON_SITE_NOTICE" }, {}, NOW);
  expect(notice.pdfStatus).toBe("UNAVAILABLE");
  expect((await listCaseDocuments(t.db, w.bureau, { caseId }, NOW)).pdfAvailable).toBe(false);
});

