// A session cookie rides along with any request the browser makes (issue 13 §2, §7): every state-changing route
// of the registry, generated from it (not a sample), refuses a cross-origin request that carries a valid
// session 403 CROSS_ORIGIN, audits it, and runs nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { OPERATIONS, type OperationName } from "@/lib/operations";
import { can } from "@/lib/policy/can";
import type { Actor } from "@/lib/policy/actor";
import { handleApiRequest } from "@/lib/server/operations/http";
import { makeScenarioWorld, partiesOf, SCENARIOS, type World } from "../support/operation-scenarios";
import { setupTestDatabase } from "./support/db";
import { setupTempStorage } from "./support/storage";

const t = setupTestDatabase();
setupTempStorage();
const ORIGIN = "http://feijian.test";
let world: World;

beforeAll(async () => {
  world = await makeScenarioWorld(t.db);
});

const changing = (Object.keys(OPERATIONS) as OperationName[]).filter((name) => OPERATIONS[name].http.method !== "GET").sort();

/** The operation's path with its parameters filled from the scenario's valid input. */
function pathOf(name: OperationName, input: Record<string, unknown>): string {
  return OPERATIONS[name].http.path.replace(/\{(\w+)\}/g, (_, param: string) => encodeURIComponent(String(input[param])));
}

function actorFor(name: OperationName): Actor {
  const permission = OPERATIONS[name].permission;
  return partiesOf(world).map((p) => p.inScope).find((actor) => permission === null || can(actor, permission))!;
}

async function send(name: OperationName, headers: Record<string, string>) {
  const actor = actorFor(name);
  const { version } = await t.db.inspectionCase.findUniqueOrThrow({ where: { id: world.caseId }, select: { version: true } });
  const input = SCENARIOS[name].input(world, version);
  const path = pathOf(name, input);
  const request = new Request(`${ORIGIN}/api/v1${path}`, { method: OPERATIONS[name].http.method, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(input) });
  const response = await handleApiRequest(request, path, { db: t.db, resolveCaller: async () => ({ actor, via: "session", locale: "zh-CN", context: { requestId: "cross-origin-test" } }) });
  return { actor, status: response.status, body: (await response.json()) as { code?: string } };
}

describe("a cookie request from another origin, on every state-changing route", () => {
  it("covers every state-changing operation of the registry", () => {
    expect(changing.length).toBeGreaterThan(20);
    expect(changing).toContain("apiToken.issue");
  });

  for (const name of changing) {
    it(`${name}: refused 403 CROSS_ORIGIN, audited, nothing run`, async () => {
      const attempts: Record<string, string>[] = [
        { origin: "http://evil.example", "sec-fetch-site": "cross-site" },
        { origin: "http://feijian.test:8080", "sec-fetch-site": "same-site" },
        { origin: "http://evil.example" },
        {},
      ];
      for (const headers of attempts) {
        const before = await t.db.auditEvent.count();
        const answer = await send(name, { ...headers, "if-match": "\"0\"" });
        expect(answer, JSON.stringify(headers)).toMatchObject({ status: 403, body: { code: "CROSS_ORIGIN" } });
        const rows = await t.db.auditEvent.findMany({ where: { seq: { gt: 0 } }, orderBy: { seq: "desc" }, take: (await t.db.auditEvent.count()) - before });
        expect(rows.map((row) => [row.action, row.outcome, (row.after as { code?: string }).code, row.actorId])).toEqual([[OPERATIONS[name].audit, "DENIED", "CROSS_ORIGIN", answer.actor.userId]]);
      }
      // The same request from our own pages passes the origin check (it runs, or a later rule stops it: the
      // missing If-Match, an unknown report), never CROSS_ORIGIN: the refusal above is the origin's.
      const own = await send(name, { origin: ORIGIN, "sec-fetch-site": "same-origin" });
      expect(own.body.code).not.toBe("CROSS_ORIGIN");
    });
  }
});
