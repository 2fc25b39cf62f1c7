import "server-only";
import { DomainError } from "@/lib/errors";
import { DEFAULT_LOCALE, type AppLocale } from "@/lib/i18n/config";
import { OPERATIONS, type OperationDescriptor, type OperationName } from "@/lib/operations";
import type { RequestContext } from "@/lib/policy/actor";
import { getDb, type PrismaClient } from "@/lib/server/db/client";
import { recordAudit } from "@/lib/server/audit/record";
import { logger } from "@/lib/server/logger";
import { auditRefusal, executeOperation, failureOf, refusal, type Caller, type Outcome, type ReadInput } from "./boundary";
import { beginIdempotent, type IdempotencyTicket } from "./idempotency";
import { readMultipart } from "./upload";
import { translator } from "@/lib/i18n/translator";

/** The version prefix of the REST API: `/api/v1/…`. */
export const API_PREFIX = "/api/v1";

/** JSON bodies larger than this are refused before parsing (files go as multipart, with their own limit). */
export const MAX_JSON_BYTES = 1024 * 1024;

interface Route {
  name: OperationName;
  operation: OperationDescriptor;
  pattern: RegExp;
  params: string[];
}

function compile(name: OperationName, operation: OperationDescriptor): Route {
  const params: string[] = [];
  const source = operation.http.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{(\w+)\}/g, (_, param: string) => {
    params.push(param);
    return "([^/]+)";
  });
  return { name, operation, pattern: new RegExp(`^${source}$`), params };
}

const ROUTES: Route[] = (Object.keys(OPERATIONS) as OperationName[]).map((name) => compile(name, OPERATIONS[name]));

/** The operation a method and path (below `/api/v1`) name, with its path parameters; or why none does. */
export function matchRoute(method: string, path: string): { route: Route; params: Record<string, string> } | { error: "ROUTE_NOT_FOUND" | "METHOD_NOT_ALLOWED" } {
  let pathMatched = false;
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    pathMatched = true;
    if (route.operation.http.method !== (method === "HEAD" ? "GET" : method)) continue;
    const params: Record<string, string> = {};
    route.params.forEach((param, index) => {
      params[param] = decodeURIComponent(match[index + 1]!);
    });
    return { route, params };
  }
  return { error: pathMatched ? "METHOD_NOT_ALLOWED" : "ROUTE_NOT_FOUND" };
}

export function localeFromRequest(request: Request): AppLocale {
  const accept = request.headers.get("accept-language") ?? "";
  return /^\s*en\b/i.test(accept) ? "en" : DEFAULT_LOCALE;
}

export function requestContextOf(request: Request): RequestContext {
  return {
    requestId: request.headers.get("x-request-id") ?? crypto.randomUUID(),
    ip: request.headers.get("x-forwarded-for")?.split(",")[0]?.trim(),
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The origins this server answers as: the host the request came to, and the configured public URL. */
function ownOrigins(headers: Headers, url?: string): Set<string> {
  const origins = new Set<string>();
  if (url) origins.add(new URL(url).origin);
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (host) {
    const proto = headers.get("x-forwarded-proto") ?? (url ? new URL(url).protocol.replace(":", "") : "http");
    origins.add(`${proto}://${host}`);
  }
  if (process.env.NEXTAUTH_URL) origins.add(new URL(process.env.NEXTAUTH_URL).origin);
  return origins;
}

/**
 * A cookie rides along with any request the browser makes, from any site: a state-changing request that
 * relies on one must come from our own pages. Browsers send `Sec-Fetch-Site`, and `Origin` on every POST;
 * a request with neither is refused (a page on another port of the same host is "same-site", not ours).
 */
export function isSameOrigin(method: string, headers: Headers, url?: string): boolean {
  if (SAFE_METHODS.has(method)) return true;
  const site = headers.get("sec-fetch-site");
  const origin = headers.get("origin");
  if (site && site !== "same-origin" && site !== "none") return false;
  if (origin) return ownOrigins(headers, url).has(origin);
  return site === "same-origin" || site === "none";
}

export function isSameOriginRequest(request: Request): boolean {
  return isSameOrigin(request.method, request.headers, request.url);
}

/** `"12"` or `W/"12"` → 12. */
function versionFromIfMatch(value: string | null): number | null {
  if (value === null) return null;
  const match = /^\s*(?:W\/)?"?(\d{1,10})"?\s*$/.exec(value);
  return match ? Number(match[1]) : Number.NaN;
}

async function readJson(request: Request): Promise<Record<string, unknown>> {
  const type = request.headers.get("content-type") ?? "";
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_JSON_BYTES) throw new DomainError("BODY_TOO_LARGE");
  if (!request.body) return {};
  if (!/^application\/json\b/i.test(type)) throw new DomainError("UNSUPPORTED_MEDIA_TYPE");
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_JSON_BYTES) {
      await reader.cancel();
      throw new DomainError("BODY_TOO_LARGE");
    }
    chunks.push(value);
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
  if (text.trim() === "") return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new DomainError("VALIDATION", { _form: "validation.malformedJson" });
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new DomainError("VALIDATION", { _form: "validation.bodyNotObject" });
  return body as Record<string, unknown>;
}

function queryOf(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of url.searchParams) out[key] = value;
  return out;
}

/** Reads the input the operation's descriptor says where to find: query, JSON or multipart, path parameters, `If-Match`. */
async function readRequestInput(db: PrismaClient, request: Request, route: Route, params: Record<string, string>): Promise<ReadInput> {
  const { operation } = route;
  let version: number | undefined;
  if (operation.caseEvent) {
    const parsed = versionFromIfMatch(request.headers.get("if-match"));
    if (parsed === null) throw new DomainError("PRECONDITION_REQUIRED");
    if (Number.isNaN(parsed)) throw new DomainError("VALIDATION", { version: "validation.ifMatch" });
    version = parsed;
  }
  const withPath = (body: Record<string, unknown>) => ({ ...body, ...params, ...(version === undefined ? {} : { version }) });
  if (operation.http.method === "GET") return { raw: withPath(queryOf(new URL(request.url))) };
  if (operation.upload) {
    const read = await readMultipart(db, request, operation.upload);
    return { ...read, raw: withPath(read.raw as Record<string, unknown>) };
  }
  return { raw: withPath(await readJson(request)) };
}

export interface ApiDependencies {
  db?: PrismaClient;
  /** Who calls: from the session cookie or the bearer token. Tests inject their own. */
  resolveCaller: (request: Request) => Promise<Caller>;
}

/** Audit sequence numbers are BigInt: JSON has no such number, so they travel as decimal text. */
function jsonReplacer(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? value.toString() : value;
}

function json(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body, jsonReplacer), { status, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers } });
}

/** Data that a handler answers as a file rather than JSON (a download). */
export interface FileAnswer {
  kind: "file";
  body: ReadableStream<Uint8Array> | Uint8Array;
  fileName: string;
  mediaType: string;
}

function isFileAnswer(data: unknown): data is FileAnswer {
  return typeof data === "object" && data !== null && (data as { kind?: unknown }).kind === "file" && "body" in data;
}

function answer(route: Route, outcome: Outcome, request: Request): Response {
  if (!outcome.ok) return json(outcome.failure, outcome.status);
  const data = outcome.data;
  if (isFileAnswer(data)) {
    return new Response(data.body as BodyInit, {
      headers: {
        "content-type": data.mediaType,
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(data.fileName)}`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  }
  const headers: Record<string, string> = {};
  const version = route.operation.etag ? (data as { version?: unknown } | null)?.version : undefined;
  if (typeof version === "number") headers.etag = `"${version}"`;
  if (request.method === "HEAD") return new Response(null, { status: outcome.status, headers });
  // An operation that returns nothing still answers `data` (null), as the document promises.
  return json({ ok: true, data: data ?? null }, outcome.status, headers);
}

/**
 * One request to `/api/v1`: the route, the caller (a token, or a session cookie that must come from our own
 * pages for a change), then the operation through the boundary; `Idempotency-Key` on a POST makes a retried
 * request write once and answer the same.
 */
export async function handleApiRequest(request: Request, path: string, dependencies: ApiDependencies): Promise<Response> {
  const locale = localeFromRequest(request);
  const matched = matchRoute(request.method, path);
  if ("error" in matched) {
    const { status, failure } = refusal(matched.error, locale);
    return json(failure, status);
  }
  const { route, params } = matched;
  const db = dependencies.db ?? getDb();
  let caller: Caller;
  try {
    caller = await dependencies.resolveCaller(request);
  } catch (error) {
    const { status, failure } = failureOf(error, translator(locale), requestContextOf(request));
    return json(failure, status, failure.code === "RATE_LIMITED" ? { "retry-after": String(60 - new Date().getUTCSeconds()) } : {});
  }
  if (caller.via === "session" && !isSameOriginRequest(request)) {
    if (caller.actor) await auditRefusal(db, caller.actor, route.operation.audit, "CROSS_ORIGIN", params, caller.context);
    const { status, failure } = refusal("CROSS_ORIGIN", caller.locale);
    return json(failure, status);
  }

  const idempotencyKey = route.operation.http.method === "POST" ? request.headers.get("idempotency-key") : null;
  const idempotent: { ticket: IdempotencyTicket | null } = { ticket: null };
  const outcome = await executeOperation(
    route.name,
    caller,
    async () => {
      const input = await readRequestInput(db, request, route, params);
      if (idempotencyKey !== null && caller.actor) {
        const ticket = await beginIdempotent(db, { actor: caller.actor, key: idempotencyKey, operation: route.name, raw: input.raw, upload: input.upload });
        idempotent.ticket = ticket;
        if (ticket.replay) {
          await input.settle?.(false);
          return { ...input, replay: ticket.replay };
        }
      }
      return input;
    },
    { db },
  );
  await idempotent.ticket?.finish(outcome);
  if (caller.via === "token" && caller.actor) await auditTokenUse(db, caller, route, outcome, params);
  return answer(route, outcome, request);
}

/** Every use of an API token is audited (issue 13): which operation, on what, with what answer. */
async function auditTokenUse(db: PrismaClient, caller: Caller, route: Route, outcome: Outcome, params: Record<string, string>): Promise<void> {
  const entityId = Object.values(params)[0] ?? null;
  try {
    await db.$transaction((tx) =>
      recordAudit(tx, {
        actor: caller.actor,
        action: "api.call",
        entity: "ApiToken",
        entityId: caller.actor?.token?.id ?? null,
        outcome: outcome.ok ? "OK" : outcome.status === 500 ? "FAILED" : "DENIED",
        after: { operation: route.name, target: entityId, status: outcome.status, ...(outcome.ok ? {} : { code: outcome.failure.code }) },
        context: caller.context,
      }),
    );
  } catch (error) {
    logger.error("audit.token_use_failed", { error: String(error) });
  }
}
