import "server-only";
import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/policy/actor";
import { requirePermission } from "@/lib/policy/can";
import { loadWorkingDayCalendar } from "@/lib/server/calendar";
import type { Prisma, PrismaClient } from "@/lib/server/db/client";
import { scope } from "@/lib/server/policy/scope";
import { DEFAULT_PAGE_LIMIT, type TCaseListQuery } from "@/lib/validation/reads";
import { overdueWhere } from "./counts";
import { AWAITED_REPORTS_SELECT, chinaDateOf, currentDeadline, dbDate, isoDateOf, reportsSubmitted } from "./deadlines";
import { CASE_CORE } from "./read";

/** Where the next page starts: the last row's creation time and id, opaque to the client. */
function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id]), "utf8").toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    const createdAt = new Date(String(at));
    if (typeof at === "string" && typeof id === "string" && /^[0-9a-f-]{36}$/i.test(id) && !Number.isNaN(createdAt.getTime())) return { createdAt, id };
  } catch {
    // Falls through to the refusal: a cursor is only ever one this server made.
  }
  throw new DomainError("VALIDATION", { cursor: "validation.invalid" });
}

/**
 * The cases the actor may see (`scope.inspectionCase`, so a hidden case is never listed nor counted), newest
 * first, one page by keyset: the cursor names the last row given, so a case created meanwhile neither repeats
 * nor shifts a row off the next page (an offset would).
 */
export async function listCasePage(db: PrismaClient, actor: Actor, query: TCaseListQuery, now = new Date()) {
  requirePermission(actor, "case.read");
  const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const where: Prisma.InspectionCaseWhereInput = {
    AND: [
      scope.inspectionCase(actor),
      query.state ? { state: query.state } : {},
      query.institution ? { institution: { name: { contains: query.institution, mode: "insensitive" } } } : {},
      query.plan ? { planId: query.plan } : {},
      query.region ? { inspectedRegionId: query.region } : {},
      query.overdue ? overdueWhere(dbDate(chinaDateOf(now))) : {},
      after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {},
    ],
  };
  const rows = await db.inspectionCase.findMany({
    where,
    select: { ...CASE_CORE, createdAt: true, rectification: { select: AWAITED_REPORTS_SELECT } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null;
  const calendar = await loadWorkingDayCalendar(db);
  const today = chinaDateOf(now);
  const items = page.map((row) => ({
    id: row.id,
    state: row.state,
    version: row.version,
    designated: row.designated,
    institution: row.institution,
    noticeDeliveredAt: row.noticeDeliveredAt,
    handoverReceivedAt: row.handoverReceivedAt,
    progressReportDueOn: row.progressReportDueOn ? isoDateOf(row.progressReportDueOn) : null,
    writtenReportDueOn: row.writtenReportDueOn ? isoDateOf(row.writtenReportDueOn) : null,
    overdue: currentDeadline(calendar, today, { ...row, ...reportsSubmitted(row.rectification) })?.overdue ?? false,
  }));
  const filters = { state: query.state, institution: query.institution, plan: query.plan, region: query.region, overdue: query.overdue };
  const params = new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter((entry): entry is [string, string] => entry[1] !== undefined)), limit: String(limit) });
  return { items, nextCursor, next: nextCursor ? `/api/v1/cases?${params.toString()}&cursor=${nextCursor}` : null };
}
