// What other systems read through /api/v1 (issue 13 §4): the case list by cursor, a case's findings and files,
// a file's bytes, and the change feed, each scoped to the caller as the pages are.
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/policy/actor";
import { issueApiToken } from "@/lib/server/api-tokens/tokens";
import { recordAudit } from "@/lib/server/audit/record";
import { settleUpload } from "@/lib/server/files/storage";
import type { Caller } from "@/lib/server/operations/boundary";
import { callerFromRequest } from "@/lib/server/operations/callers";
import { handleApiRequest } from "@/lib/server/operations/http";
import { makeActor } from "../factories";
import { makeCase, makeCaseWorld } from "../factories/cases";
import { addEvidence, cancelCase, deliverNotice, recordFinding, signRecordAsTeam, startOnSite } from "../support/case-operations";
import { setupTestDatabase } from "./support/db";
import { setupTempStorage, uploaded } from "./support/storage";

const t = setupTestDatabase();
setupTempStorage();
const ORIGIN = "http://feijian.test";
let w: Awaited<ReturnType<typeof makeCaseWorld>>;
let caseId: string;

beforeEach(async () => {
  w = await makeCaseWorld(t.db);
  caseId = w.inspectionCase.id;
});

type Answer = { status: number; headers: Headers; body: { ok: boolean; code?: string; data?: unknown; fieldErrors?: Record<string, string> } | null; bytes?: Buffer };

async function get(path: string, who: { as?: Actor; token?: string }): Promise<Answer> {
  const headers = new Headers(who.token ? { authorization: `Bearer ${who.token}` } : {});
  const request = new Request(`${ORIGIN}/api/v1${path}`, { headers });
  const resolveCaller = who.token ? (r: Request) => callerFromRequest(r, t.db) : async (): Promise<Caller> => ({ actor: who.as!, via: "session", locale: "zh-CN", context: {} });
  const response = await handleApiRequest(request, new URL(request.url).pathname.replace(/^\/api\/v1/, ""), { db: t.db, resolveCaller });
  if (!(response.headers.get("content-type") ?? "").startsWith("application/json")) return { status: response.status, headers: response.headers, body: null, bytes: Buffer.from(await response.arrayBuffer()) };
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer["body"] };
}

const notice = { number: "吉医保飞检〔2024〕3号", recipientName: "王某", recipientTitle: "院长", get staffPresentIds() { return [w.leader.userId, w.member.userId]; } };
type Page = { items: { id: string }[]; nextCursor: string | null; next: string | null };

describe("GET /cases: a page at a time, by an opaque cursor", () => {
  it("gives every case the caller may see exactly once, newest first, and the next page's cursor and link", async () => {
    const ids = [caseId];
    for (let i = 0; i < 4; i++) ids.push((await makeCase(t.db, { planId: w.plan.id, teamId: w.team.id, institutionId: w.institution.id, inspectedRegionId: w.region.id })).id);
    const seen: string[] = [];
    let path: string | null = "/cases?limit=2";
    let pages = 0;
    while (path) {
      const answer = await get(path, { as: w.bureau });
      expect(answer.status).toBe(200);
      const page = answer.body!.data as Page;
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.id));
      path = page.next ? page.next.replace(/^\/api\/v1/, "") : null;
      if (page.next) expect(page.next).toContain(`cursor=${page.nextCursor}`);
      pages += 1;
    }
    expect(pages).toBe(3);
    expect([...seen].sort()).toEqual([...ids].sort());
    expect(new Set(seen).size).toBe(ids.length);
  });

  it("lists for a city only its region's cases after their notice", async () => {
    expect(((await get("/cases", { as: w.city })).body!.data as Page).items).toEqual([]);
    await deliverNotice(t.db, w.leader, { caseId, version: 0, ...notice });
    expect(((await get("/cases", { as: w.city })).body!.data as Page).items.map((item) => item.id)).toEqual([caseId]);
    expect(((await get("/cases", { as: w.otherCity })).body!.data as Page).items).toEqual([]);
  });

  it("refuses a made-up cursor and a limit out of bounds with field messages", async () => {
    for (const [query, field] of [["cursor=abc", "cursor"], ["cursor=" + Buffer.from('["x","y"]').toString("base64url"), "cursor"], ["limit=0", "limit"], ["limit=101", "limit"], ["limit=1e3", "limit"], ["page=2", "_form"]] as const) {
      const answer = await get(`/cases?${query}`, { as: w.bureau });
      expect(answer.status, query).toBe(422);
      // An unknown parameter (the old `page`) is refused as a whole, not dropped.
      if (field === "_form") expect(Object.keys(answer.body!.fieldErrors ?? {}).length, query).toBeGreaterThan(0);
      else expect(Object.keys(answer.body!.fieldErrors ?? {}), query).toContain(field);
    }
  });
});

describe("a case's findings and files", () => {
  beforeEach(async () => {
    await deliverNotice(t.db, w.leader, { caseId, version: 0, ...notice });
    await startOnSite(t.db, w.leader, { caseId, version: 1 });
  });

  it("lists the findings to the team and the bureau, to the institution and the city once the team signed, NOT_FOUND outside scope", async () => {
    await recordFinding(t.db, w.member, { caseId, version: 2, violationTypeId: w.violationType.id, legalBasis: "条例第三十八条", description: "串换药品", amount: "1234.5" });
    // The team's draft (issue 12 §4): the institution and the city read none of it before the team signs.
    for (const reader of [w.institutionStaff, w.city]) expect((await get(`/cases/${caseId}/findings`, { as: reader })).body!.data).toEqual({ items: [] });
    await signRecordAsTeam(t.db, w.leader, { caseId, version: 3 });
    for (const reader of [w.member, w.bureau, w.institutionStaff, w.city]) {
      const answer = await get(`/cases/${caseId}/findings`, { as: reader });
      expect(answer.status).toBe(200);
      expect(answer.body!.data).toMatchObject({ items: [{ description: "串换药品", amount: "1234.50", status: "RECORDED", keyArea: null }] });
    }
    for (const outsider of [w.outsider, w.otherInstitutionStaff, w.otherCity]) expect((await get(`/cases/${caseId}/findings`, { as: outsider })).status).toBe(404);
  });

  it("lists the files the reader may read, and each href gives the bytes, audited", async () => {
    const file = await uploaded("处方.pdf", "%PDF-1.4\n% 处方\n");
    await addEvidence(t.db, w.leader, { caseId, version: 2, kind: "COPY" }, file);
    await settleUpload(t.db, file);
    expect((await get(`/cases/${caseId}/files`, { as: w.institutionStaff })).body!.data).toEqual({ items: [] });
    await recordFinding(t.db, w.member, { caseId, version: 3, violationTypeId: w.violationType.id, legalBasis: "条例第三十八条", description: "串换药品", amount: "10" });
    await signRecordAsTeam(t.db, w.leader, { caseId, version: 4 });
    const listed = await get(`/cases/${caseId}/files`, { as: w.institutionStaff });
    const items = (listed.body!.data as { items: { kind: string; href: string; sha256: string; fileName: string }[] }).items;
    expect(items).toMatchObject([{ kind: "EVIDENCE", fileName: "处方.pdf", sha256: file.sha256 }]);
    const download = await get(items[0]!.href.replace(/^\/api\/v1/, ""), { as: w.institutionStaff });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain(encodeURIComponent("处方.pdf"));
    expect(download.bytes!.toString()).toBe("%PDF-1.4\n% 处方\n");
    expect(await t.db.auditEvent.count({ where: { action: "file.download", outcome: "OK", actorId: w.institutionStaff.userId } })).toBe(1);
    expect((await get(items[0]!.href.replace(/^\/api\/v1/, ""), { as: w.otherInstitutionStaff })).status).toBe(404);
    expect((await get(`/cases/${caseId}/files`, { as: w.outsider })).status).toBe(404);
  });
});

describe("GET /events: the change feed, scoped to the caller", () => {
  type Feed = { items: { seq: string; action: string; caseId: string }[]; lastSeq: string; next: string };
  const feed = async (who: { as?: Actor; token?: string }, after = "0") => {
    const answer = await get(`/events?after=${after}`, who);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body!.data as Feed;
  };

  /** Earlier tests of this file share the database: the bureau's feed is read from here on. */
  const lastSeq = async () => ((await t.db.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } }))?.seq ?? 0n).toString();

  it("shows a city and an institution nothing of a drawn target before its notice, the bureau everything", async () => {
    const start = await lastSeq();
    // Recorded while the case was only drawn: the draw, and a second target of the same institution cancelled unnoticed.
    await t.db.$transaction((tx) => recordAudit(tx, { actor: w.bureau, action: "case.create", entity: "InspectionCase", entityId: caseId, after: { state: "DRAWN" } }));
    const unnoticed = await makeCase(t.db, { planId: w.plan.id, teamId: w.team.id, institutionId: w.institution.id, inspectedRegionId: w.region.id });
    await cancelCase(t.db, w.bureau, { caseId: unnoticed.id, version: 0, reason: "该机构已停业" });
    expect((await feed({ as: w.institutionStaff })).items).toEqual([]);
    expect((await feed({ as: w.city })).items).toEqual([]);

    await deliverNotice(t.db, w.leader, { caseId, version: 0, ...notice });
    for (const reader of [w.institutionStaff, w.city]) {
      expect((await feed({ as: reader })).items.map((item) => [item.action, item.caseId])).toEqual([["case.deliverNotice", caseId]]);
    }
    expect((await feed({ as: w.otherInstitutionStaff })).items).toEqual([]);
    expect((await feed({ as: w.otherCity })).items).toEqual([]);
    const all = await feed({ as: w.bureau }, start);
    expect(all.items.map((item) => item.action)).toEqual(["case.create", "case.cancel", "case.deliverNotice"]);
    // Polling from the last seq gives nothing new until something happens.
    expect((await feed({ as: w.bureau }, all.lastSeq)).items).toEqual([]);
    await startOnSite(t.db, w.leader, { caseId, version: 1 });
    expect((await feed({ as: w.bureau }, all.lastSeq)).items.map((item) => item.action)).toEqual(["case.startOnSite"]);
  });

  it("reads the feed with a token of the city's organization that holds event.read, and refuses one without it", async () => {
    const admin = await makeActor(t.db, "BUREAU_ADMIN");
    const issue = (permissions: string[]) => issueApiToken(t.db, admin, { name: "卫健委数据交换", organizationId: w.cityBureau.id, permissions: permissions as never, expiresOn: "2099-01-01" }, {}, new Date("2098-06-01T00:00:00Z"));
    await deliverNotice(t.db, w.leader, { caseId, version: 0, ...notice });
    const other = await makeCaseWorld(t.db);
    await deliverNotice(t.db, other.leader, { caseId: other.inspectionCase.id, version: 0, ...notice, staffPresentIds: [other.leader.userId, other.member.userId] });
    const { token } = await issue(["event.read"]);
    expect((await feed({ token })).items.map((item) => item.caseId)).toEqual([caseId]);
    const { token: readOnly } = await issue(["case.read"]);
    expect(await get("/events", { token: readOnly })).toMatchObject({ status: 403, body: { code: "FORBIDDEN" } });
  });

  it("keeps from the institution the reports between the team, the city and the province, as its case page does", async () => {
    await deliverNotice(t.db, w.leader, { caseId, version: 0, ...notice });
    await startOnSite(t.db, w.leader, { caseId, version: 1 });
    await t.db.$transaction((tx) => recordAudit(tx, { actor: w.city, action: "case.submitProgressReport", entity: "InspectionCase", entityId: caseId, after: {} }));
    expect((await feed({ as: w.institutionStaff })).items.map((item) => item.action)).toEqual(["case.deliverNotice", "case.startOnSite"]);
    expect((await feed({ as: w.city })).items.map((item) => item.action)).toEqual(["case.deliverNotice", "case.startOnSite", "case.submitProgressReport"]);
  });

  it("pages by limit and refuses a bad after", async () => {
    const start = await lastSeq();
    await deliverNotice(t.db, w.leader, { caseId, version: 0, ...notice });
    await startOnSite(t.db, w.leader, { caseId, version: 1 });
    const first = (await get(`/events?after=${start}&limit=1`, { as: w.bureau })).body!.data as Feed;
    expect(first.items.map((item) => item.action)).toEqual(["case.deliverNotice"]);
    const second = (await get(first.next.replace(/^\/api\/v1/, ""), { as: w.bureau })).body!.data as Feed;
    expect(second.items.map((item) => item.action)).toEqual(["case.startOnSite"]);
    for (const after of ["-1", "abc", "1.5", "99999999999999999999"]) expect((await get(`/events?after=${after}`, { as: w.bureau })).status, after).toBe(422);
  });
});
