import { createHash } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { handleApiRequest } from "@/lib/server/operations/http";
import { deliverNotice, startOnSite } from "../support/case-operations";
import type { PrismaClient } from "@/lib/server/db/client";
import type { Actor } from "@/lib/server/policy/actor";
import { seedRegions } from "@/prisma/seed";
import { makeCaseWorld } from "../factories/cases";
import { setupTestDatabase } from "./support/db";
import { HEADS, multipartRequest, type FilePart } from "./support/multipart";
import { setupTempStorage, storeKeys } from "./support/storage";

// The route handlers run as Next runs them, but the session is this test's: the actor it names, in Chinese.
const session = vi.hoisted(() => ({ actor: null as Actor | null, db: null as PrismaClient | null }));
vi.mock("@/lib/server/auth/session", () => ({
  getActor: async () => session.actor,
  getLocale: async () => "zh-CN",
  getRequestContext: async () => ({ requestId: "upload-test-0001" }),
}));
vi.mock("@/lib/server/db/client", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: () => session.db }));

const t = setupTestDatabase();
setupTempStorage();
const MB = 1024 * 1024;
const NOW = new Date("2024-09-27T02:00:00Z");

let w: Awaited<ReturnType<typeof makeCaseWorld>>;
let caseId: string;

beforeAll(async () => {
  session.db = t.db;
  await seedRegions(t.db);
});

beforeEach(async () => {
  w = await makeCaseWorld(t.db);
  caseId = w.inspectionCase.id;
  await deliverNotice(t.db, w.leader, { caseId, version: 0, number: "吉医保飞检〔2024〕5号", recipientName: "王某", recipientTitle: "院长", staffPresentIds: [w.leader.userId, w.member.userId] }, { now: NOW });
  await startOnSite(t.db, w.leader, { caseId, version: 1 }, { now: NOW });
  session.actor = w.leader;
});

const params = <T,>(value: T) => ({ params: Promise.resolve(value) });

/**
 * A case event that carries a file, posted as the case page posts it: multipart to its `/api/v1` route, with the
 * case's current version as `If-Match`, through the registry's one boundary (the session is this test's).
 */
function caseUpload(event: string) {
  return async (request: Request, { params: ids }: { params: Promise<{ caseId: string }> }) => {
    const { caseId: id } = await ids;
    const headers = new Headers(request.headers);
    headers.set("if-match", `"${(await t.db.inspectionCase.findUniqueOrThrow({ where: { id } })).version}"`);
    const forwarded = new Request(request.url, { method: "POST", headers, body: request.body, duplex: "half" } as RequestInit);
    return handleApiRequest(forwarded, `/cases/${id}/events/${event}`, { db: t.db, resolveCaller: async () => ({ actor: session.actor, via: "internal", locale: "zh-CN", context: { requestId: "upload-test-0001" } }) });
  };
}
/** A master-data import's check, posted as the import page posts it: multipart to `POST /api/v1/master-data/imports/{kind}/preview`. */
const postImport = (request: Request, { params: kinds }: { params: Promise<{ kind: string }> }) =>
  kinds.then(({ kind }) => handleApiRequest(request, `/master-data/imports/${kind}/preview`, { db: t.db, resolveCaller: async () => ({ actor: session.actor, via: "internal", locale: "zh-CN", context: { requestId: "upload-test-0001" } }) }));
const postEvidence = caseUpload("add-evidence");
const postProgressReport = caseUpload("submit-progress-report");
const postWrittenReport = caseUpload("submit-rectification-report");
const postRefund = caseUpload("record-refund");
const postRectificationMaterial = caseUpload("submit-rectification-material");
const version = async () => (await t.db.inspectionCase.findUniqueOrThrow({ where: { id: caseId } })).version;
const snapshot = async () => ({ files: await t.db.fileObject.count(), evidence: await t.db.evidence.count(), version: await version(), store: await storeKeys() });

async function uploadEvidence(file: FilePart | null, options: { declareLength?: boolean } = {}) {
  const request = multipartRequest(`http://localhost/api/cases/${caseId}/evidence`, { version: String(await version()), kind: "PHOTO", description: "现场照片" }, file, options);
  const response = await postEvidence(request, params({ caseId }));
  return { status: response.status, body: (await response.json()) as { ok: boolean; message?: string; fieldErrors?: Record<string, string>; data?: { record: { sha256: string } } } };
}

describe("evidence upload through its route: sizes at the limit", () => {
  it("a 49 MB photo is accepted, streamed into the store and recorded with the server's hash", async () => {
    const before = await snapshot();
    const { status, body } = await uploadEvidence({ name: "病区全景.jpg", type: "image/jpeg", head: HEADS.jpeg, size: 49 * MB });
    expect({ status, ok: body.ok }).toEqual({ status: 200, ok: true });
    const row = await t.db.evidence.findFirstOrThrow({ where: { caseId }, include: { file: true } });
    expect(row.file).toMatchObject({ fileName: "病区全景.jpg", mediaType: "image/jpeg", sizeBytes: 49 * MB, sha256: body.data!.record.sha256 });
    const after = await storeKeys();
    expect(after.filter((key) => !before.store.includes(key))).toEqual([row.file.storageKey]);
  }, 120_000);

  it("a 51 MB file is refused with a message naming the limit, writing nothing and leaving no file, declared or not", async () => {
    for (const declareLength of [true, false]) {
      const before = await snapshot();
      const { status, body } = await uploadEvidence({ name: "病区全景.jpg", type: "image/jpeg", head: HEADS.jpeg, size: 51 * MB }, { declareLength });
      expect(status).toBe(413);
      expect(body).toMatchObject({ ok: false, message: "文件不能超过 50 MB，请压缩或拆分后再上传。", fieldErrors: { file: "文件不能超过 50 MB，请压缩或拆分后再上传。" } });
      expect(await snapshot()).toEqual(before);
    }
  }, 120_000);

  it("exactly 50 MB is still accepted", async () => {
    const { status } = await uploadEvidence({ name: "扫描件.pdf", head: HEADS.pdf, size: 50 * MB });
    expect(status).toBe(200);
  }, 120_000);
});

describe("evidence upload through its route: what the file is, and the same file twice", () => {
  it("an .exe renamed .jpg is refused by its content, writing nothing and leaving no file", async () => {
    const before = await snapshot();
    const { status, body } = await uploadEvidence({ name: "照片.jpg", type: "image/jpeg", head: HEADS.exe, size: 200_000 });
    expect(status).toBe(422);
    expect(body.message).toBe("不支持该文件类型，或文件内容与扩展名不符。可上传 JPG、PNG、PDF、MP3、WAV、MP4、DOCX、XLSX 文件。");
    expect(await snapshot()).toEqual(before);
  });

  it("two different files in a row are both kept; the same file again is refused, saying when it was uploaded", async () => {
    const first = Buffer.concat([HEADS.jpeg, Buffer.from("第一张")]);
    const second = Buffer.concat([HEADS.jpeg, Buffer.from("第二张")]);
    expect((await uploadEvidence({ name: "一.jpg", head: first })).status).toBe(200);
    expect((await uploadEvidence({ name: "二.jpg", head: second })).status).toBe(200);
    const before = await snapshot();
    const again = await uploadEvidence({ name: "一（副本）.jpg", head: first });
    expect(again.status).toBe(409);
    expect(again.body.fieldErrors?.file).toMatch(/^该文件已作为本案证据上传（一\.jpg，上传时间 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}），无需重复上传。$/);
    expect(again.body.message).toBe(again.body.fieldErrors?.file);
    expect(await snapshot()).toEqual(before);
    expect(await t.db.evidence.count({ where: { caseId, file: { sha256: createHash("sha256").update(first).digest("hex") } } })).toBe(1);
  });

  it("“内容过长” named no limit: a text field over the multipart limit is refused naming how many characters fit", async () => {
    const request = multipartRequest(`http://localhost/api/cases/${caseId}/evidence`, { version: String(await version()), kind: "PHOTO", description: "现".repeat(4000) }, { name: "现场.jpg", head: HEADS.jpeg, size: 1000 });
    const response = await postEvidence(request, params({ caseId }));
    const body = (await response.json()) as { fieldErrors?: Record<string, string> };
    expect(response.status).toBe(422);
    expect(body.fieldErrors?.description).toMatch(/^内容过长，最多 \d+ 个字。$/);
  });

  it("a form without its file is refused as a missing field", async () => {
    const { status, body } = await uploadEvidence(null);
    expect(status).toBe(422);
    expect(body.fieldErrors).toEqual({ file: "此项为必填项。" });
  });
});

describe("every upload route checks the file by its content", () => {
  const exeAs = (name: string): FilePart => ({ name, head: HEADS.exe, size: 10_000 });
  // Each posted by a role that holds the step: a role without it is refused before the body is read.
  const routes = [
    ["progress report", postProgressReport, { summary: "整改进展" }, "city"],
    ["written report", postWrittenReport, { summary: "书面报告" }, "city"],
    ["refund voucher", postRefund, { refundAmount: "1.00", method: "TRANSFER" }, "city"],
    ["rectification material", postRectificationMaterial, { description: "整改材料" }, "institutionStaff"],
  ] as const;

  it.each(routes)("%s: an .exe renamed .pdf is refused before the service is reached, nothing left", async (_name, post, fields, who) => {
    session.actor = w[who];
    const before = await snapshot();
    const request = multipartRequest(`http://localhost/api/cases/${caseId}/x`, { version: String(await version()), ...fields }, exeAs("报告.pdf"));
    const response = await post(request, params({ caseId }));
    expect(response.status).toBe(422);
    expect(((await response.json()) as { message: string }).message).toMatch(/^不支持该文件类型/);
    expect(await snapshot()).toEqual(before);
  });

  it("master-data import: an .exe renamed .csv or .xlsx is not a spreadsheet; 21 MB is over the limit; nothing is left", async () => {
    session.actor = w.bureau;
    const before = await storeKeys();
    const post = async (file: FilePart, declareLength = true) => {
      const response = await postImport(multipartRequest("http://localhost/api/v1/master-data/imports/experts/preview", {}, file, { declareLength }), params({ kind: "experts" }));
      return { status: response.status, body: (await response.json()) as { ok: boolean; message: string } };
    };
    for (const name of ["专家.csv", "专家.xlsx"]) expect(await post(exeAs(name))).toMatchObject({ status: 422, body: { ok: false, message: "该文件不是电子表格，请上传 .xlsx 或 .csv 文件。" } });
    const csv = Buffer.from("工号,姓名,人员类别\n");
    for (const declareLength of [true, false]) expect(await post({ name: "专家.csv", head: csv, size: 21 * MB }, declareLength)).toMatchObject({ status: 413, body: { ok: false, message: "文件不能超过 20 MB，请拆分为多个文件分批导入。" } });
    expect(await storeKeys()).toEqual(before);
  }, 60_000);

  it("master-data import: a CSV is checked through the route, streamed from the store, and not kept after the check", async () => {
    session.actor = w.bureau;
    const before = await storeKeys();
    const csv = Buffer.from("工号,姓名,人员类别\nUP-0001,上传专家,医疗专家\n");
    const response = await postImport(multipartRequest("http://localhost/api/v1/master-data/imports/experts/preview", {}, { name: "专家.csv", head: csv }), params({ kind: "experts" }));
    expect(await response.json()).toMatchObject({ ok: true, data: { rowCount: 1, problems: [], sha256: createHash("sha256").update(csv).digest("hex") } });
    expect(await storeKeys()).toEqual(before);
  });
});

describe("a client that goes away mid-upload", () => {
  it("leaves no temporary object and no row behind", async () => {
    const before = await snapshot();
    const full = multipartRequest(`http://localhost/api/cases/${caseId}/evidence`, { version: String(await version()), kind: "PHOTO" }, { name: "中断.jpg", head: HEADS.jpeg, size: 8 * MB });
    // The first 3 MB arrive, then the connection breaks.
    const reader = full.body!.getReader();
    let sent = 0;
    const broken = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent > 3 * MB) return controller.error(new Error("connection reset"));
        const next = await reader.read();
        if (next.done) return controller.close();
        sent += next.value.byteLength;
        controller.enqueue(next.value);
      },
    });
    const request = new Request(full.url, { method: "POST", headers: full.headers, body: broken, duplex: "half" } as RequestInit);
    const response = await postEvidence(request, params({ caseId }));
    expect(response.status).toBe(422);
    expect(await snapshot()).toEqual(before);
  });
});
