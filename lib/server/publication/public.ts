import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import type { Prisma } from "@/lib/server/db/generated/client";
import { redact } from "@/lib/domain/publication/redact";
import type { PublicationContent } from "./publications";

// What the public reads of results (issue 17 §4), with no actor: published ones within their retention period,
// in full; a withdrawn one that had been published, as a line saying it was withdrawn, when and why, without its
// title or content; nothing of a proposal. Every public page, feed and API reads through here.

export const PUBLIC_RESULTS_PAGE_SIZE = 20;

export type PublicResultFilters = { q?: string; year?: number; region?: string; kind?: "RESULT" | "TYPICAL_CASE"; page?: number; pageSize?: number };

export type PublicResult =
  | { id: string; status: "PUBLISHED"; kind: "RESULT" | "TYPICAL_CASE"; title: string; year: number | null; region: string | null; publishedAt: Date; content: PublicationContent }
  | { id: string; status: "WITHDRAWN"; kind: "RESULT" | "TYPICAL_CASE"; publishedAt: Date; withdrawnAt: Date; reason: string };

const live = (now: Date): Prisma.PublicationWhereInput => ({ status: "PUBLISHED", publishedAt: { not: null, lte: now }, takeDownAt: { gt: now } });
// Withdrawn after it had been public (a proposal withdrawn before approval was never public, and stays unknown).
const withdrawnAfterPublication: Prisma.PublicationWhereInput = { status: "WITHDRAWN", publishedAt: { not: null } };

const SELECT = { id: true, status: true, kind: true, title: true, year: true, regionName: true, publishedAt: true, withdrawnAt: true, withdrawnReason: true, content: true } as const;
type Row = Prisma.PublicationGetPayload<{ select: typeof SELECT }>;

function toPublic(row: Row, names: readonly string[]): PublicResult {
  if (row.status === "WITHDRAWN") return { id: row.id, status: "WITHDRAWN", kind: row.kind, publishedAt: row.publishedAt!, withdrawnAt: row.withdrawnAt!, reason: redact(row.withdrawnReason ?? "", names).text };
  return { id: row.id, status: "PUBLISHED", kind: row.kind, title: row.title, year: row.year, region: row.regionName, publishedAt: row.publishedAt!, content: row.content as unknown as PublicationContent };
}

async function personNames(db: PrismaClient): Promise<string[]> {
  const [users, experts] = await Promise.all([db.user.findMany({ select: { displayName: true } }), db.expert.findMany({ select: { name: true } })]);
  return [...users.map((u) => u.displayName), ...experts.map((e) => e.name)];
}

export async function listPublicResults(db: PrismaClient, filters: PublicResultFilters = {}, now = new Date()) {
  const pageSize = Math.min(Math.max(filters.pageSize ?? PUBLIC_RESULTS_PAGE_SIZE, 1), 100);
  const q = filters.q?.trim().slice(0, 100) || undefined;
  const narrowing: Prisma.PublicationWhereInput[] = [];
  if (filters.year !== undefined) narrowing.push({ year: filters.year });
  if (filters.region) narrowing.push({ regionName: filters.region });
  if (filters.kind) narrowing.push({ kind: filters.kind });
  const shown: Prisma.PublicationWhereInput = q
    ? { AND: [live(now), { OR: [{ title: { contains: q, mode: "insensitive" } }, { regionName: { contains: q } }, { content: { path: ["handling"], string_contains: q } }, { content: { path: ["narrative"], string_contains: q } }] }] }
    : { OR: [live(now), withdrawnAfterPublication] };
  const where: Prisma.PublicationWhereInput = { AND: [{ caseId: { not: null } }, shown, ...narrowing] };
  const total = await db.publication.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(Math.trunc(filters.page ?? 1), 1), pageCount);
  const [rows, names] = await Promise.all([db.publication.findMany({ where, orderBy: [{ publishedAt: "desc" }, { id: "asc" }], skip: (page - 1) * pageSize, take: pageSize, select: SELECT }), personNames(db)]);
  return { items: rows.map((r) => toPublic(r, names)), total, page, pageCount };
}

/** One result by id: published and live, or its withdrawal line; null for anything else (a proposal, an unknown id). */
export async function getPublicResult(db: PrismaClient, id: string, now = new Date()): Promise<PublicResult | null> {
  const row = await db.publication.findFirst({ where: { id, caseId: { not: null }, OR: [live(now), withdrawnAfterPublication] }, select: SELECT });
  return row ? toPublic(row, await personNames(db)) : null;
}

/** The filters' choices: the years and regions of what is public now. */
export async function publicResultFacets(db: PrismaClient, now = new Date()) {
  const rows = await db.publication.findMany({ where: live(now), select: { year: true, regionName: true }, distinct: ["year", "regionName"] });
  const years = [...new Set(rows.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => b - a);
  const regions = [...new Set(rows.map((r) => r.regionName).filter((r): r is string => r !== null))].sort((a, b) => a.localeCompare(b, "zh-CN"));
  return { years, regions };
}

/** The feeds: the latest published results only (a withdrawal removes the item; a reader's copy is theirs). */
export async function feedResults(db: PrismaClient, now = new Date()) {
  const rows = await db.publication.findMany({ where: { AND: [{ caseId: { not: null } }, live(now)] }, orderBy: [{ publishedAt: "desc" }, { id: "asc" }], take: 50, select: SELECT });
  return rows.map((r) => toPublic(r, [])) as Extract<PublicResult, { status: "PUBLISHED" }>[];
}
