// The bureau's own document templates (issue 15 §6): uploaded through the registry's upload route, checked (an
// unknown placeholder refused by name), versioned, used when a document is generated, and the built-in restored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/policy/actor";
import { generateDocument } from "@/lib/server/documents/generate";
import { pdfQueueIdle, readStoredBytes } from "@/lib/server/documents/pdf";
import { handleApiRequest } from "@/lib/server/operations/http";
import { invokeOperation } from "@/lib/server/operations/boundary";
import { makeActor } from "../factories";
import { makeCaseWorld } from "../factories/cases";
import { docxText, templateDocx, templateDocxOfSize } from "../support/docx-template";
import { setupTestDatabase } from "./support/db";
import { multipartRequest } from "./support/multipart";
import { setupTempStorage, storeKeys } from "./support/storage";

const t = setupTestDatabase();
setupTempStorage();
afterAll(() => pdfQueueIdle());
const MB = 1024 * 1024;
const NOW = new Date("2024-09-27T02:00:00Z");
const NOTICE = ["{issuer}", "{number}", "本局模板：{institutionName}：", "检查期间：{period}", "核验码 {verificationCode}"];

let admin: Actor;
let w: Awaited<ReturnType<typeof makeCaseWorld>>;

beforeAll(async () => {
  admin = await makeActor(t.db, "BUREAU_ADMIN");
  w = await makeCaseWorld(t.db);
});

async function upload(actor: Actor, kind: string, bytes: Buffer, name = "通知书模板.docx") {
  const request = multipartRequest(`http://localhost/api/v1/document-templates/${kind}`, {}, { name, head: bytes, size: bytes.length });
  const response = await handleApiRequest(request, `/document-templates/${kind}`, { db: t.db, resolveCaller: async () => ({ actor, via: "internal", locale: "zh-CN", context: {} }) });
  return { status: response.status, body: (await response.json()) as { ok: boolean; code?: string; message?: string; data?: { version: number; placeholders: string[] } } };
}

const templateRows = (kind: "ON_SITE_NOTICE" | "PROBLEM_RECORD") => t.db.documentTemplate.count({ where: { kind } });

describe("the bureau's own document templates", () => {
  it("refuses an unknown placeholder by name, a template without the code, and anyone but the administrator; nothing stored", async () => {
    const before = { rows: await templateRows("ON_SITE_NOTICE"), files: await t.db.fileObject.count(), store: await storeKeys() };
    const unknown = await upload(admin, "ON_SITE_NOTICE", await templateDocx([...NOTICE, "负责人：{机构负责人}", "{#findings}{amount}{/findings}"]));
    expect(unknown.status).toBe(422);
    expect(unknown.body.message).toBe("模板中有未定义的占位符：{findings}、{机构负责人}。请对照下方“可用占位符”修改后重新上传。");
    const missing = await upload(admin, "ON_SITE_NOTICE", await templateDocx(["{number}", "{institutionName}"]));
    expect(missing.body.message).toBe("模板缺少必需的占位符：{verificationCode}。");
    const notDocx = await upload(admin, "ON_SITE_NOTICE", Buffer.from("%PDF-1.4\n"), "模板.pdf");
    expect(notDocx.body).toMatchObject({ code: "FILE_TYPE_NOT_ALLOWED", message: "模板须为 Word 文档（.docx）。" });
    expect((await upload(w.bureau, "ON_SITE_NOTICE", await templateDocx(NOTICE))).status).toBe(403);
    expect({ rows: await templateRows("ON_SITE_NOTICE"), files: await t.db.fileObject.count(), store: await storeKeys() }).toEqual(before);
  });

  it("takes the largest allowed file (5 MB) and refuses one byte more", async () => {
    const largest = await upload(admin, "PROBLEM_RECORD", await templateDocxOfSize(["{number}", "{#findings}{description}{/findings}", "{verificationCode}"], 5 * MB));
    expect(largest).toMatchObject({ status: 200, body: { ok: true, data: { version: 1, placeholders: ["findings", "number", "verificationCode"] } } });
    const over = await upload(admin, "PROBLEM_RECORD", await templateDocxOfSize(["{number}", "{verificationCode}"], 5 * MB + 1));
    expect(over.status).toBe(413);
    expect(over.body.message).toBe("模板文件不能超过 5 MB。");
    expect(await templateRows("PROBLEM_RECORD")).toBe(1);
  });

  it("versions each upload, generates the notice from the current one, and restores the built-in layout", async () => {
    const first = await upload(admin, "ON_SITE_NOTICE", await templateDocx(NOTICE));
    expect(first.body).toMatchObject({ ok: true, data: { version: 1 } });
    const second = await upload(admin, "ON_SITE_NOTICE", await templateDocx([...NOTICE, "（第二版）"]));
    expect(second.body).toMatchObject({ ok: true, data: { version: 2 } });

    const made = await generateDocument(t.db, w.bureau, { caseId: w.inspectionCase.id, kind: "ON_SITE_NOTICE" }, {}, NOW);
    const row = await t.db.caseDocument.findUniqueOrThrow({ where: { id: made.id }, include: { file: true } });
    const text = await docxText(await readStoredBytes(row.file.storageKey));
    expect(text).toContain(`本局模板：${(await t.db.institution.findUniqueOrThrow({ where: { id: w.institution.id } })).name}：`);
    expect(text).toContain(made.number);
    expect(text).toContain(`核验码 ${made.verificationCode}`);
    expect(text).toContain("（第二版）");
    expect(text).toMatch(/检查期间：\d{4}年\d{1,2}月\d{1,2}日至\d{4}年\d{1,2}月\d{1,2}日/);

    const listed = (await invokeOperation(t.db, admin, "documentTemplate.list", {})) as { kinds: { kind: string; builtIn: boolean; versions: { version: number }[] }[] };
    expect(listed.kinds.find((k) => k.kind === "ON_SITE_NOTICE")).toMatchObject({ builtIn: false, versions: [{ version: 2 }, { version: 1 }] });

    expect(await invokeOperation(t.db, admin, "documentTemplate.restoreDefault", { kind: "ON_SITE_NOTICE" })).toMatchObject({ version: 3, builtIn: true });
    await expect(invokeOperation(t.db, admin, "documentTemplate.restoreDefault", { kind: "ON_SITE_NOTICE" })).rejects.toMatchObject({ code: "CONFLICT" });
    // The built-in layout again: a new revision with the same number, without the bureau's line.
    const again = await generateDocument(t.db, w.bureau, { caseId: w.inspectionCase.id, kind: "ON_SITE_NOTICE" }, {}, NOW);
    expect(again).toMatchObject({ revision: 2, number: made.number, created: true });
    const builtIn = await t.db.caseDocument.findUniqueOrThrow({ where: { id: again.id }, include: { file: true } });
    const builtInText = await docxText(await readStoredBytes(builtIn.file.storageKey));
    expect(builtInText).not.toContain("本局模板");
    expect(builtInText).toContain("现场检查通知书");
    expect(await t.db.auditEvent.count({ where: { action: { in: ["documentTemplate.upload", "documentTemplate.restoreDefault"] }, outcome: "OK" } })).toBe(4);
  });
});
