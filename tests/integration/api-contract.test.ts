// The contract test (issue 13 §7): every route the OpenAPI document describes (every path × method, generated
// from the document itself) is called through /api/v1 with the valid scenario of its operation
// (tests/support/operation-scenarios.ts), and its answer's status and shape are checked against the document.
import { dereference } from "@readme/openapi-parser";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { OPERATIONS, type OperationName } from "@/lib/operations";
import { buildOpenApiDocument } from "@/lib/operations/openapi";
import { can } from "@/lib/policy/can";
import { handleApiRequest } from "@/lib/server/operations/http";
import { makeScenarioWorld, partiesOf, SCENARIOS, type Scenario, type World } from "../support/operation-scenarios";
import { setupTestDatabase } from "./support/db";
import { setupTempStorage } from "./support/storage";

const t = setupTestDatabase();
setupTempStorage();
const ORIGIN = "http://feijian.test";

type Schema = Record<string, unknown>;
type Response = { headers?: Record<string, { schema: Schema }>; content?: Record<string, { schema: Schema }> };
type Operation = { operationId: string; parameters: { name: string; in: string }[]; requestBody?: { content: Record<string, unknown> }; responses: Record<string, Response> };
type Document = { paths: Record<string, Record<string, Operation>> };

const generated = buildOpenApiDocument() as Document;
const routes = Object.entries(generated.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, operationId: op.operationId as OperationName })));
let doc: Document;
let world: World;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

beforeAll(async () => {
  doc = (await dereference(structuredClone(generated) as never)) as unknown as Document;
  world = await makeScenarioWorld(t.db);
});

const tally = { calls: 0, ok: 0 };

describe("every documented route answers as the document says", () => {
  it("the document has a route for every operation, and this test calls them all", () => {
    expect(routes.map((route) => route.operationId).sort()).toEqual(Object.keys(OPERATIONS).sort());
  });

  for (const { path, method, operationId } of routes) {
    it(`${method.toUpperCase()} ${path} (${operationId})`, async () => {
      const operation = doc.paths[path]![method]!;
      const entry = OPERATIONS[operationId];
      const scenario: Scenario = SCENARIOS[operationId];
      const actor = partiesOf(world).map((p) => p.inScope).find((candidate) => entry.permission === null || can(candidate, entry.permission))!;
      const { version } = await t.db.inspectionCase.findUniqueOrThrow({ where: { id: world.caseId }, select: { version: true } });
      const input = scenario.input(world, version);
      const url = new URL(`${ORIGIN}/api/v1${path.replace(/\{(\w+)\}/g, (_, param: string) => encodeURIComponent(String(input[param])))}`);
      const rest = Object.fromEntries(Object.entries(input).filter(([key]) => !operation.parameters.some((p) => p.in === "path" && p.name === key) && !(entry.caseEvent && key === "version")));
      const headers = new Headers({ origin: ORIGIN, "sec-fetch-site": "same-origin" });
      if (entry.caseEvent) headers.set("if-match", `"${version}"`);
      let body: BodyInit | undefined;
      if (method === "get") {
        for (const [key, value] of Object.entries(rest)) url.searchParams.set(key, String(value));
      } else if (operation.requestBody?.content["multipart/form-data"]) {
        const form = new FormData();
        for (const [key, value] of Object.entries(rest)) form.set(key, String(value));
        const file = await scenario.upload!();
        form.set("file", new Blob([`%PDF-1.4\n% ${file.sha256}\n`], { type: "application/pdf" }), "材料.pdf");
        body = form;
      } else {
        headers.set("content-type", "application/json");
        body = JSON.stringify(rest);
      }
      const request = new Request(url, { method: method.toUpperCase(), headers, body });
      const response = await handleApiRequest(request, url.pathname.replace(/^\/api\/v1/, ""), { db: t.db, resolveCaller: async () => ({ actor, via: "session", locale: "zh-CN", context: { requestId: "contract" } }) });
      tally.calls += 1;

      const documented = operation.responses[String(response.status)];
      expect(documented, `status ${response.status} is not documented for ${operationId}`).toBeDefined();
      const [mediaType, content] = Object.entries(documented!.content ?? {})[0] ?? [];
      expect(response.headers.get("content-type") ?? "").toContain(mediaType === "application/octet-stream" ? "" : mediaType!);
      if (mediaType === "application/json") {
        const json = (await response.json()) as unknown;
        const validate = ajv.compile(content!.schema);
        expect(validate(json), `${operationId} ${response.status}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(json).slice(0, 400)}`).toBe(true);
      } else {
        expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
      }
      for (const [name, header] of Object.entries(documented!.headers ?? {})) {
        if (response.status !== 200) continue;
        const value = response.headers.get(name);
        expect(value, `${operationId}: header ${name}`).not.toBeNull();
        expect(ajv.validate(header.schema, value), `${operationId}: header ${name} = ${value}`).toBe(true);
      }
      // The reads of the scenario world succeed: a contract test of refusals only would prove little. The draw
      // files are read of a draw the world does not hold (their success is tested in draws.test.ts).
      if (method === "get") expect(response.status, operationId).toBe(scenario.readStatus ?? 200);
      if (response.status === 200) tally.ok += 1;
    });
  }

  it("called every route, and most of them succeeded", () => {
    expect(tally.calls).toBe(routes.length);
    const reads = Object.values(OPERATIONS).filter((op) => op.http.method === "GET" && !(SCENARIOS as Record<string, Scenario>)[op.name]?.readStatus);
    expect(tally.ok).toBeGreaterThanOrEqual(reads.length + 3);
  });
});
