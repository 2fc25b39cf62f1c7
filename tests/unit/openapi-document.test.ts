// The OpenAPI document of /api/v1 (issue 13 §4, §7): generated from the registry, valid OpenAPI 3.1 by a
// well-kept validator, and saying for every operation what the boundary enforces.
import { compileErrors, validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { OPERATIONS, type OperationName } from "@/lib/operations";
import { buildOpenApiDocument } from "@/lib/operations/openapi";

type Op = { operationId: string; parameters: ({ $ref: string } | { name: string; in: string; required: boolean })[]; requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown>; required?: string[] } }> }; responses: Record<string, unknown>; security?: unknown[] };
const doc = buildOpenApiDocument() as { openapi: string; paths: Record<string, Record<string, Op>> };
const operations = Object.values(doc.paths).flatMap((methods) => Object.entries(methods).map(([method, op]) => ({ method, ...op })));
const byId = (name: OperationName) => operations.find((op) => op.operationId === name)!;
const refs = (op: Op) => op.parameters.flatMap((p) => ("$ref" in p ? [p.$ref.split("/").pop()] : []));

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1 (@readme/openapi-parser)", async () => {
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
    expect(doc.openapi).toMatch(/^3\.1\./);
    // The validator does refuse a broken document (a response without its description).
    const broken = structuredClone(doc) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    broken.paths["/cases"]!.get!.responses["200"] = {};
    expect((await validate(broken as never)).valid).toBe(false);
  });

  it("has every operation of the registry once, its operationId the registry name, at its method and path", () => {
    expect(operations.map((op) => op.operationId).sort()).toEqual(Object.keys(OPERATIONS).sort());
    for (const name of Object.keys(OPERATIONS) as OperationName[]) {
      const { http } = OPERATIONS[name];
      expect(doc.paths[http.path]?.[http.method.toLowerCase()]?.operationId, name).toBe(name);
    }
  });

  it("asks every case event for If-Match and answers its ETag, 412 and 428; every POST takes an Idempotency-Key", () => {
    for (const op of operations) {
      const entry = OPERATIONS[op.operationId as OperationName];
      if (entry.caseEvent) {
        expect(refs(op), op.operationId).toContain("IfMatch");
        expect(Object.keys(op.responses), op.operationId).toEqual(expect.arrayContaining(["412", "428"]));
        expect(op.responses["200"], op.operationId).toHaveProperty("headers.ETag");
        // The version is the header's, not the body's.
        const body = Object.values(op.requestBody!.content)[0]!.schema;
        expect(body.properties, op.operationId).not.toHaveProperty("version");
        expect(body.properties, op.operationId).not.toHaveProperty("caseId");
      }
      if (op.method === "post") expect(refs(op), op.operationId).toContain("IdempotencyKey");
      if (entry.permission !== null) expect(Object.keys(op.responses), op.operationId).toEqual(expect.arrayContaining(["401", "403", "422", "429"]));
    }
  });

  it("describes an upload as multipart with its file part, required where the operation requires it", () => {
    const evidence = byId("case.addEvidence").requestBody!.content["multipart/form-data"]!.schema;
    expect(evidence.properties).toHaveProperty("file");
    expect(evidence.required).toContain("file");
    // A refund is recorded with its voucher (issue 12 §5): the file part is required there too.
    const refund = byId("case.recordRefund").requestBody!.content["multipart/form-data"]!.schema;
    expect(refund.required).toContain("file");
    expect(byId("case.deliverNotice").requestBody!.content).toHaveProperty(["application/json"]);
  });

  it("keeps the input rules of the zod schemas: strict bodies, limits, patterns of optional fields", () => {
    const notice = byId("case.deliverNotice").requestBody!.content["application/json"]!.schema as unknown as { additionalProperties: boolean; required: string[] };
    expect(notice.additionalProperties).toBe(false);
    expect(notice.required).toEqual(expect.arrayContaining(["number", "recipientName", "recipientTitle"]));
    const refund = byId("case.recordRefund").requestBody!.content["multipart/form-data"]!.schema.properties as Record<string, { pattern?: string; enum?: string[] }>;
    // paidOn is optional (a blank form field is absent): the date's own pattern is still documented.
    expect(refund.paidOn?.pattern).toBe("^\\d{4}-\\d{2}-\\d{2}$");
    expect(refund.method?.enum).toEqual(["TRANSFER", "SETTLEMENT_DEDUCTION"]);
  });

  it("names the bearer token and the session cookie as its security schemes", () => {
    const components = (buildOpenApiDocument() as { components: { securitySchemes: Record<string, { type: string; scheme?: string; in?: string }> } }).components;
    expect(components.securitySchemes.bearerToken).toMatchObject({ type: "http", scheme: "bearer" });
    expect(components.securitySchemes.sessionCookie).toMatchObject({ type: "apiKey", in: "cookie" });
  });
});
