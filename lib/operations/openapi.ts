/**
 * The OpenAPI 3.1 document of `/api/v1`, generated from the registry (never written by hand): one operation
 * per entry, its `operationId` the registry name, its parameters and body from the same zod schema the
 * boundary parses (zod 4's `z.toJSONSchema`, JSON Schema 2020-12, the dialect of OpenAPI 3.1), its errors from
 * the one error table (lib/errors.ts). An entry added to any catalog appears here with nothing else to do.
 */
import { z } from "zod";
import { ERROR_CODES, type ErrorCode } from "@/lib/errors";
import { OPERATIONS, type OperationDescriptor, type OperationName } from "./index";

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] };
type Doc = Record<string, unknown>;

const JSON_SCHEMA_OPTIONS = { target: "draft-2020-12", unrepresentable: "any" } as const;

/**
 * A schema as a client must send it (`io: "input"`). `z.preprocess` (a form's blank as absent, a Date as its ISO
 * text) begins with a function JSON Schema cannot say; what the client sends is what its inner schema accepts.
 */
function inputSchemaOf(schema: z.ZodType): JsonSchema {
  const out = z.toJSONSchema(schema, {
    ...JSON_SCHEMA_OPTIONS,
    io: "input",
    override: (ctx) => {
      const def = (ctx.zodSchema as unknown as { _zod: { def: { type: string; in?: { _zod: { def: { type: string } } }; out?: z.ZodType } } })._zod.def;
      if (def.type === "pipe" && def.in?._zod.def.type === "transform" && def.out) {
        for (const key of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as Record<string, unknown>)[key];
        const inner = inputSchemaOf(def.out);
        delete inner.$schema;
        Object.assign(ctx.jsonSchema, inner);
      }
    },
  }) as JsonSchema;
  return out;
}

function outputSchemaOf(schema: z.ZodType): JsonSchema {
  const out = z.toJSONSchema(schema, { ...JSON_SCHEMA_OPTIONS, io: "output" }) as JsonSchema;
  delete out.$schema;
  return out;
}

function pathParams(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
}

const STATUS_DESCRIPTIONS: Record<number, string> = {
  401: "Not signed in, or the bearer token is unknown, malformed, revoked or expired.",
  403: "The caller lacks the permission (FORBIDDEN), or a cookie request to a state-changing route came from another site (CROSS_ORIGIN).",
  404: "No such record in the caller's scope: an unknown id and one outside the caller's scope answer alike.",
  409: "The request conflicts with the record's state (a refused workflow transition, a duplicate, the same Idempotency-Key still running).",
  412: "`If-Match` names a version the record no longer has: read it again.",
  413: "The body or file is larger than the route accepts.",
  415: "The body is not `application/json` (or `multipart/form-data` for an upload).",
  422: "The input is refused: `fieldErrors` names each field with its message.",
  428: "A case event needs the case version in `If-Match`.",
  429: "The token's requests per minute are used up: retry after `Retry-After` seconds.",
  500: "An unexpected failure: the answer carries only a reference the server's log also carries.",
};

function codesWithStatus(status: number): ErrorCode[] {
  return (Object.keys(ERROR_CODES) as ErrorCode[]).filter((code) => ERROR_CODES[code].status === status);
}

function errorResponse(status: number): Doc {
  const codes = codesWithStatus(status);
  return {
    description: `${STATUS_DESCRIPTIONS[status] ?? ""} Codes: ${codes.join(", ")}.`,
    content: { "application/json": { schema: { allOf: [{ $ref: "#/components/schemas/Error" }, { properties: { code: { enum: codes } } }] } } },
    ...(status === 429 ? { headers: { "Retry-After": { description: "Seconds until the next minute's window.", schema: { type: "integer", minimum: 1 } } } } : {}),
  };
}

/** Which refusals an operation can answer, from what it is: public or not, a read or a write, on a record or not. */
function errorStatuses(operation: OperationDescriptor): number[] {
  const write = operation.http.method !== "GET";
  const statuses = new Set<number>([422, 500]);
  if (operation.permission !== null) [401, 403, 429].forEach((status) => statuses.add(status));
  if (write) [403, 409, 413, 415].forEach((status) => statuses.add(status));
  if (pathParams(operation.http.path).length > 0) statuses.add(404);
  if (operation.caseEvent) [412, 428].forEach((status) => statuses.add(status));
  // A record edited with the version it was read at (master data, plans) is refused 412 when stale.
  if (!operation.caseEvent && write && "version" in (inputSchemaOf(operation.input).properties ?? {})) statuses.add(412);
  if (operation.http.method === "POST") statuses.add(409);
  return [...statuses].sort();
}

function successResponse(operation: OperationDescriptor): Doc {
  const headers = operation.etag ? { ETag: { description: "The record's version: send it back as `If-Match` on the next change.", schema: { type: "string", pattern: '^"\\d+"$' } } } : undefined;
  if (operation.download) {
    return {
      description: "The file's bytes, streamed; its name in `Content-Disposition`.",
      headers: { "Content-Disposition": { schema: { type: "string" } } },
      content: { "application/octet-stream": { schema: { type: "string", contentMediaType: "application/octet-stream" } } },
    };
  }
  const data = operation.output ? outputSchemaOf(operation.output) : operation.caseEvent ? { $ref: "#/components/schemas/CaseEventOutcome" } : {};
  return {
    description: "Done.",
    ...(headers ? { headers } : {}),
    content: { "application/json": { schema: { type: "object", required: ["ok", "data"], properties: { ok: { const: true }, data } } } },
  };
}

function operationObject(name: OperationName, operation: OperationDescriptor): Doc {
  const input = inputSchemaOf(operation.input);
  const inPath = pathParams(operation.http.path);
  const properties = { ...(input.properties ?? {}) };
  const required = new Set(input.required ?? []);
  const parameters: Doc[] = inPath.map((param) => ({ name: param, in: "path", required: true, schema: properties[param] ?? { type: "string" } }));
  for (const param of inPath) {
    delete properties[param];
    required.delete(param);
  }
  if (operation.caseEvent) {
    // The version travels as If-Match, not in the body.
    delete properties.version;
    required.delete("version");
    parameters.push({ $ref: "#/components/parameters/IfMatch" });
  }
  if (operation.http.method === "GET") {
    for (const [param, schema] of Object.entries(properties)) parameters.push({ name: param, in: "query", required: required.has(param), schema });
  }
  if (operation.http.method === "POST") parameters.push({ $ref: "#/components/parameters/IdempotencyKey" });
  parameters.push({ $ref: "#/components/parameters/AcceptLanguage" });

  const body: JsonSchema = { type: "object", properties, additionalProperties: false, ...(required.size ? { required: [...required] } : {}) };
  let requestBody: Doc | undefined;
  if (operation.http.method !== "GET") {
    if (operation.upload) {
      const file = { type: "string", contentMediaType: "application/octet-stream", description: "The file, one part named `file`." };
      const withFile = { ...body, properties: { ...properties, file }, required: [...required, ...(operation.upload.required ? ["file"] : [])] };
      requestBody = { required: true, content: { "multipart/form-data": { schema: withFile } } };
    } else {
      requestBody = { required: required.size > 0, content: { "application/json": { schema: body } } };
    }
  }

  const responses: Doc = { 200: successResponse(operation) };
  for (const status of errorStatuses(operation)) responses[status] = { $ref: `#/components/responses/Error${status}` };
  return {
    operationId: name,
    summary: operation.summary,
    tags: [operation.tag],
    ...(operation.permission === null ? { security: [{}] } : { description: `Needs the permission \`${operation.permission}\`.`, "x-permission": operation.permission }),
    parameters,
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

/** Every status any operation may answer with an error; each documented once, under components. */
const ERROR_STATUSES = [401, 403, 404, 409, 412, 413, 415, 422, 428, 429, 500];

/** The document, built from the registry (`OPERATIONS`): served at `/api/v1/openapi.json`. */
export function buildOpenApiDocument(operations: Record<string, OperationDescriptor> = OPERATIONS): Doc {
  const paths: Record<string, Record<string, Doc>> = {};
  for (const name of Object.keys(operations).sort() as OperationName[]) {
    const operation = operations[name]!;
    const path = (paths[operation.http.path] ??= {});
    path[operation.http.method.toLowerCase()] = operationObject(name, operation);
  }
  const tags = [...new Set(Object.values(operations).map((operation) => operation.tag))].sort().map((name) => ({ name }));
  return {
    openapi: "3.1.1",
    info: {
      title: "Feijian 飞检通 API",
      version: "1",
      description:
        "Every operation of Feijian, as the UI performs it: the same permission, the same input rules, the same answers. " +
        "Other systems call it with an API token (`Authorization: Bearer fj_…`), issued by the administrator for an organization and named permissions. " +
        "Lists page with an opaque `cursor`; `GET /events` is the change feed. Case events need the case version in `If-Match` (the `ETag` of the case); " +
        "a POST with `Idempotency-Key` runs once however often it is retried. Every error has one shape (`Error`).",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    tags,
    paths,
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", bearerFormat: "fj_<prefix>_<secret>", description: "An API token for a system account. Never checked for Origin: it carries no ambient authority." },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "The signed-in user's session (`__Secure-next-auth.session-token` over https). A state-changing request must come from this site (`Origin` / `Sec-Fetch-Site`), or it is refused 403 CROSS_ORIGIN.",
        },
      },
      parameters: {
        IfMatch: { name: "If-Match", in: "header", required: true, description: "The case version the change is made on (the `ETag` of `GET /cases/{caseId}` or of the last change): 428 without it, 412 when stale.", schema: { type: "string", pattern: '^(W/)?"?\\d{1,10}"?$' } },
        IdempotencyKey: { name: "Idempotency-Key", in: "header", required: false, description: "Runs the POST once: a retry with the same key and request gets the first answer (kept 24 hours); the same key with another request is 422 IDEMPOTENCY_KEY_REUSED.", schema: { type: "string", pattern: "^[\\x21-\\x7e]{1,200}$" } },
        AcceptLanguage: { name: "Accept-Language", in: "header", required: false, description: "`en` for English messages; Simplified Chinese otherwise.", schema: { type: "string" } },
      },
      schemas: {
        Error: {
          type: "object",
          required: ["ok", "code", "message"],
          properties: {
            ok: { const: false },
            code: { enum: Object.keys(ERROR_CODES) },
            message: { type: "string", description: "In the caller's language." },
            fieldErrors: { type: "object", additionalProperties: { type: "string" }, description: "A message per refused field." },
            reference: { type: "string", description: "For a 500: the reference in the server's log." },
          },
          additionalProperties: false,
        },
        CaseEventOutcome: {
          type: "object",
          required: ["caseId", "from", "state", "version"],
          properties: { caseId: { type: "string", format: "uuid" }, from: { type: "string" }, state: { type: "string" }, version: { type: "integer", minimum: 0, description: "The next `If-Match`." }, record: {} },
        },
      },
      responses: Object.fromEntries(ERROR_STATUSES.map((status) => [`Error${status}`, errorResponse(status)])),
    },
  };
}
