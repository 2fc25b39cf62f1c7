// Rate limit per token (issue 13 §4): each token has its own per-minute budget; one token used up leaves another
// of the same organization untouched, and the next minute counts anew.
import { beforeEach, describe, expect, it } from "vitest";
import { authenticateApiToken } from "@/lib/server/api-tokens/authenticate";
import { issueApiToken } from "@/lib/server/api-tokens/tokens";
import { callerFromRequest } from "@/lib/server/operations/callers";
import { handleApiRequest } from "@/lib/server/operations/http";
import { makeActor } from "../factories";
import { makeCaseWorld } from "../factories/cases";
import { setupTestDatabase } from "./support/db";

const t = setupTestDatabase();
let w: Awaited<ReturnType<typeof makeCaseWorld>>;
beforeEach(async () => {
  w = await makeCaseWorld(t.db);
});

async function issue(rateLimitPerMinute: number) {
  const admin = await makeActor(t.db, "BUREAU_ADMIN");
  return issueApiToken(t.db, admin, { name: "数据交换", organizationId: w.cityBureau.id, permissions: ["case.read"], expiresOn: "2099-01-01", rateLimitPerMinute }, {}, new Date("2098-06-01T00:00:00Z"));
}

async function call(token: string) {
  const request = new Request("http://feijian.test/api/v1/cases", { headers: { authorization: `Bearer ${token}` } });
  const response = await handleApiRequest(request, "/cases", { db: t.db, resolveCaller: (r) => callerFromRequest(r, t.db) });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as { code?: string } };
}

describe("the per-token rate limit", () => {
  it("refuses one token past its limit with 429 and Retry-After, while another token of the same organization goes on", async () => {
    const busy = await issue(2);
    const quiet = await issue(2);
    expect([(await call(busy.token)).status, (await call(busy.token)).status]).toEqual([200, 200]);
    const limited = await call(busy.token);
    expect(limited).toMatchObject({ status: 429, body: { code: "RATE_LIMITED" } });
    expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(limited.retryAfter)).toBeLessThanOrEqual(60);
    expect((await call(quiet.token)).status).toBe(200);
  });

  it("counts each minute anew", async () => {
    const { token } = await issue(1);
    const minute = new Date("2098-06-01T10:00:05Z");
    await authenticateApiToken(t.db, token, {}, minute);
    await expect(authenticateApiToken(t.db, token, {}, new Date("2098-06-01T10:00:59Z"))).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(authenticateApiToken(t.db, token, {}, new Date("2098-06-01T10:01:00Z"))).resolves.toMatchObject({ token: { permissions: ["case.read"] } });
  });
});
