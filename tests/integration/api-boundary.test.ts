// The REST door of the operations registry (issue 13 §2, §4): routes, the caller, the same-origin rule,
// If-Match and ETag, Idempotency-Key, API tokens, one error shape, and refusals audited.
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/policy/actor";
import type { Caller } from "@/lib/server/operations/boundary";
import { callerFromRequest } from "@/lib/server/operations/callers";
import { handleApiRequest } from "@/lib/server/operations/http";
import { issueApiToken, revokeApiToken } from "@/lib/server/api-tokens/tokens";
import { makeActor } from "../factories";
import { makeCaseWorld } from "../factories/cases";
import { deliverNotice, startOnSite } from "../support/case-operations";
import { setupTestDatabase } from "./support/db";
import { setupTempStorage } from "./support/storage";

const t = setupTestDatabase();
setupTempStorage();
const ORIGIN = "http://feijian.test";

let w: Awaited<ReturnType<typeof makeCaseWorld>>;
let caseId: string;

beforeEach(async () => {
  w = await makeCaseWorld(t.db);
  caseId = w.inspectionCase.id;
});

/** A browser request with the session cookie of `actor`, from our own pages unless told otherwise. */
function session(actor: Actor | null) {
  return async (request: Request): Promise<Caller> => ({ actor, via: "session", locale: actor?.locale ?? "zh-CN", context: { requestId: request.headers.get("x-request-id") ?? "test" } });
}

async function call(path: string, init: RequestInit & { as?: Actor | null; token?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  if (init.body && !headers.has("content-type") && typeof init.body === "string") headers.set("content-type", "application/json");
  const request = new Request(`${ORIGIN}/api/v1${path}`, { ...init, headers });
  const resolveCaller = init.token !== undefined ? (r: Request) => callerFromRequest(r, t.db) : session(init.as ?? null);
  const response = await handleApiRequest(request, path, { db: t.db, resolveCaller });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

const sameSite = { origin: ORIGIN, "sec-fetch-site": "same-origin" };
const NOTICE = { number: "吉医保飞检〔2024〕3号", recipientName: "王某", recipientTitle: "院长" };
/** The notice with the two law-enforcement staff present (条例 art. 29), of the current world. */
const notice = () => ({ ...NOTICE, staffPresentIds: [w.leader.userId, w.member.userId] });
const denied = () => t.db.auditEvent.count({ where: { outcome: "DENIED" } });

describe("routes and the one error shape", () => {
  it("answers an unknown route 404 and a wrong method 405, in the caller's language", async () => {
    expect(await call("/no-such-thing", { as: w.leader })).toMatchObject({ status: 404, body: { ok: false, code: "ROUTE_NOT_FOUND", message: "接口不存在。" } });
    const wrong = await call(`/cases/${caseId}/events/deliver-notice`, { method: "GET", as: w.leader, headers: { "accept-language": "en" } });
    expect(wrong).toMatchObject({ status: 405, body: { code: "METHOD_NOT_ALLOWED" } });
  });

  it("asks a visitor without a session to sign in, before reading anything", async () => {
    expect(await call(`/cases/${caseId}`, { as: null })).toMatchObject({ status: 401, body: { code: "UNAUTHENTICATED" } });
  });

  it("refuses a role without the permission before the body is read, and audits it", async () => {
    const before = await denied();
    // The body is not even JSON: a refusal on permission must come first.
    const refused = await call(`/cases/${caseId}/events/deliver-notice`, { method: "POST", as: w.city, headers: { ...sameSite, "if-match": '"0"', "content-type": "application/json" }, body: "{not json" });
    expect(refused).toMatchObject({ status: 403, body: { ok: false, code: "FORBIDDEN" } });
    expect(await denied()).toBe(before + 1);
    const row = await t.db.auditEvent.findFirstOrThrow({ where: { outcome: "DENIED" }, orderBy: { seq: "desc" } });
    expect(row).toMatchObject({ actorId: w.city.userId, action: "case.deliverNotice" });
  });

  it("never answers bad input with a 500 or internal text, and writes nothing", async () => {
    const headers = { ...sameSite, "if-match": '"0"' };
    const bad: [string, unknown][] = [
      ["NUL in text", { ...notice(), recipientName: "王\u0000某" }],
      ["a number for text", { ...notice(), number: 12 }],
      ["an impossible date", { ...notice(), deliveredAt: "0000-01-01T00:00:00Z" }],
      ["a boolean date", { ...notice(), deliveredAt: true }],
      ["an unknown field", { ...notice(), state: "CLOSED" }],
      ["a huge string", { ...notice(), recipientTitle: "长".repeat(100_000) }],
    ];
    for (const [why, body] of bad) {
      const answer = await call(`/cases/${caseId}/events/deliver-notice`, { method: "POST", as: w.leader, headers, body: JSON.stringify(body) });
      expect(answer.status, why).toBe(422);
      expect(answer.body, why).toMatchObject({ ok: false, code: "VALIDATION", message: "提交的内容有误，请按提示修改后重新提交。" });
      expect(Object.keys((answer.body as { fieldErrors: object }).fieldErrors).length, why).toBeGreaterThan(0);
    }
    expect(await call(`/cases/${caseId}/events/deliver-notice`, { method: "POST", as: w.leader, headers, body: "{oops" })).toMatchObject({ status: 422, body: { fieldErrors: { _form: "请求内容不是有效的 JSON。" } } });
    expect(await call(`/cases/${caseId}/events/deliver-notice`, { method: "POST", as: w.leader, headers: { ...headers, "content-type": "text/plain" }, body: "x" })).toMatchObject({ status: 415 });
    expect((await t.db.inspectionCase.findUniqueOrThrow({ where: { id: caseId } })).version).toBe(0);
    expect(await t.db.onSiteNotice.count()).toBe(0);
  });
});

describe("a session cookie only from our own pages", () => {
  it("refuses a state-changing request from another site or another port, and audits it", async () => {
    const before = await denied();
    const attempts: Record<string, string>[] = [{ origin: "http://evil.example", "sec-fetch-site": "cross-site" }, { origin: "http://feijian.test:8080", "sec-fetch-site": "same-site" }, {}];
    for (const headers of attempts) {
      const answer = await call(`/cases/${caseId}/events/deliver-notice`, { method: "POST", as: w.leader, headers: { ...headers, "if-match": '"0"' }, body: JSON.stringify(notice()) });
      expect(answer).toMatchObject({ status: 403, body: { code: "CROSS_ORIGIN" } });
    }
    expect(await denied()).toBe(before + 3);
    expect(await t.db.onSiteNotice.count()).toBe(0);
  });

  it("lets reads through without an Origin", async () => {
    expect(await call(`/cases/${caseId}`, { as: w.leader })).toMatchObject({ status: 200 });
  });
});

describe("versions: ETag on reads, If-Match on case events", () => {
  it("requires If-Match (428), refuses a stale one (412), and answers the new version as the ETag", async () => {
    const read = await call(`/cases/${caseId}`, { as: w.leader });
    expect(read.headers.get("etag")).toBe('"0"');
    const path = `/cases/${caseId}/events/deliver-notice`;
    expect(await call(path, { method: "POST", as: w.leader, headers: sameSite, body: JSON.stringify(notice()) })).toMatchObject({ status: 428, body: { code: "PRECONDITION_REQUIRED" } });
    expect(await call(path, { method: "POST", as: w.leader, headers: { ...sameSite, "if-match": '"5"' }, body: JSON.stringify(notice()) })).toMatchObject({ status: 412, body: { code: "STALE_VERSION", message: "该记录已被他人修改，请刷新页面后重试。" } });
    const done = await call(path, { method: "POST", as: w.leader, headers: { ...sameSite, "if-match": '"0"' }, body: JSON.stringify({ ...notice(), version: 99 }) });
    expect(done).toMatchObject({ status: 200, body: { ok: true, data: { state: "NOTIFIED", version: 1 } } });
    expect(done.headers.get("etag")).toBe('"1"');
  });

  it("a page's second action goes through with the version the first returned (issue 12 §2)", async () => {
    await deliverNotice(t.db, w.leader, { caseId, version: 0, ...notice() });
    await startOnSite(t.db, w.leader, { caseId, version: 1 });
    const path = `/cases/${caseId}/events/record-finding`;
    const finding = (amount: string) => JSON.stringify({ violationTypeId: w.violationType.id, legalBasis: "条例第三十八条", description: `串换药品 ${amount}`, amount });
    const first = await call(path, { method: "POST", as: w.member, headers: { ...sameSite, "if-match": '"2"' }, body: finding("100.00") });
    const version = (first.body as { data: { version: number } }).data.version;
    const second = await call(path, { method: "POST", as: w.member, headers: { ...sameSite, "if-match": `"${version}"` }, body: finding("200.50") });
    expect(second).toMatchObject({ status: 200, body: { data: { version: version + 1 } } });
    expect(await t.db.finding.count({ where: { caseId } })).toBe(2);
  });
});

describe("Idempotency-Key", () => {
  it("writes once for a retried request and answers the same; refuses the key with another request", async () => {
    const path = `/cases/${caseId}/events/deliver-notice`;
    const headers = { ...sameSite, "if-match": '"0"', "idempotency-key": "notice-retry-1" };
    const first = await call(path, { method: "POST", as: w.leader, headers, body: JSON.stringify(notice()) });
    const retry = await call(path, { method: "POST", as: w.leader, headers, body: JSON.stringify(notice()) });
    expect(first.status).toBe(200);
    expect(retry).toEqual({ ...retry, status: 200, body: first.body });
    expect(await t.db.onSiteNotice.count({ where: { caseId } })).toBe(1);
    const other = await call(path, { method: "POST", as: w.leader, headers, body: JSON.stringify({ ...notice(), recipientName: "李某" }) });
    expect(other).toMatchObject({ status: 422, body: { code: "IDEMPOTENCY_KEY_REUSED" } });
  });

  it("frees the key after a refusal, so the corrected retry runs", async () => {
    const path = `/cases/${caseId}/events/deliver-notice`;
    const headers = { ...sameSite, "idempotency-key": "notice-retry-2" };
    expect((await call(path, { method: "POST", as: w.leader, headers: { ...headers, "if-match": '"4"' }, body: JSON.stringify(notice()) })).status).toBe(412);
    expect((await call(path, { method: "POST", as: w.leader, headers: { ...headers, "if-match": '"0"' }, body: JSON.stringify(notice()) })).status).toBe(200);
  });
});

describe("API tokens for system accounts", () => {
  async function issue(permissions: string[], organizationId = w.cityBureau.id, extra: { rateLimitPerMinute?: number } = {}) {
    const admin = await makeActor(t.db, "BUREAU_ADMIN");
    return { admin, ...(await issueApiToken(t.db, admin, { name: "公安线索移送接口", organizationId, permissions: permissions as never, expiresOn: "2099-01-01", ...extra }, {}, new Date("2098-06-01T00:00:00Z"))) };
  }

  it("acts as the organization's system account, only with the token's permissions, without any Origin, each use audited", async () => {
    await deliverNotice(t.db, w.leader, { caseId, version: 0, ...notice() });
    const { token } = await issue(["case.read"]);
    expect(token).toMatch(/^fj_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(await t.db.apiToken.count({ where: { secretSha256: token } })).toBe(0);
    const read = await call(`/cases/${caseId}`, { token });
    expect(read.status).toBe(200);
    // The city's role could submit a progress report, but the token was not issued with that permission.
    const write = await call(`/cases/${caseId}/events/submit-progress-report`, { method: "POST", token, headers: { "if-match": '"1"' }, body: "" });
    expect(write).toMatchObject({ status: 403, body: { code: "FORBIDDEN" } });
    const uses = await t.db.auditEvent.findMany({ where: { action: "api.call" }, orderBy: { seq: "asc" } });
    expect(uses.map((use) => [use.outcome, (use.after as { operation: string }).operation])).toEqual([["OK", "case.get"], ["DENIED", "case.submitProgressReport"]]);
  });

  it("is refused when unknown, malformed, revoked or expired, one answer for all", async () => {
    const { admin, token, id, version } = await issue(["case.read"]);
    for (const bad of ["fj_nothing", `${token.slice(0, -1)}A`, "Basic abc"]) expect((await call("/cases", { token: bad })).status).toBe(401);
    expect((await call("/cases", { token })).status).toBe(200);
    await revokeApiToken(t.db, admin, { tokenId: id, version });
    expect(await call("/cases", { token })).toMatchObject({ status: 401, body: { code: "UNAUTHENTICATED" } });
    await t.db.apiToken.updateMany({ where: { id }, data: { revokedAt: null, expiresAt: new Date("2000-01-01") } });
    expect((await call("/cases", { token })).status).toBe(401);
  });

  it("limits each token's requests per minute with 429 and Retry-After", async () => {
    const { token } = await issue(["case.read"], w.cityBureau.id, { rateLimitPerMinute: 3 });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await call("/cases", { token })).status);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    const limited = await call("/cases", { token });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("cannot be issued beyond the account's role, nor by anyone but the administrator", async () => {
    await expect(issue(["case.read", "plan.create"])).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { permissions: "validation.permissionBeyondRole" } });
    await expect(issueApiToken(t.db, w.bureau, { name: "x", organizationId: w.cityBureau.id, permissions: ["case.read"], expiresOn: "2099-01-01" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
