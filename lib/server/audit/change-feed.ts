import "server-only";
import type { Actor } from "@/lib/policy/actor";
import { requirePermission } from "@/lib/policy/can";
import type { Prisma, PrismaClient } from "@/lib/server/db/client";
import { scope } from "@/lib/server/policy/scope";
import { DEFAULT_PAGE_LIMIT, type TEventFeedQuery } from "@/lib/validation/reads";

/** Reads are audited too, but they are not changes: the feed leaves them out (who read what is the bureau's log). */
const NOT_CHANGES = ["file.download", "case.read"];

/**
 * What passes between the team, the city and the province about reports the institution does not read
 * (lib/domain/case/file-visibility.ts: the feedback report, the city's progress and written reports, their
 * review and deadlines): the case page keeps these from the institution, so does the feed.
 */
const NOT_FOR_INSTITUTIONS = ["case.writeFeedbackReport", "case.submitProgressReport", "case.submitRectificationReport", "rectification.acceptReport", "rectification.returnReport", "case.deadlineFilled"];

/**
 * The team's draft on site (issue 12 §4): findings and evidence recorded, corrected or withdrawn before the
 * team signs are not shown to the institution or the city, on the case page or here; the team's signature
 * (`case.signRecordTeam`) tells them the record is ready, and they read it from the case.
 */
const TEAM_DRAFT = ["case.recordFinding", "case.editFinding", "case.withdrawFinding", "case.addEvidence", "case.withdrawEvidence"];

/** Roles that see a case only from its notice on: nothing that happened before it reaches them (DOMAIN.md, confidentiality). */
const FROM_NOTICE_ON: readonly Actor["role"][] = ["CITY_STAFF", "INSTITUTION_STAFF"];

function excludedActions(role: Actor["role"]): string[] {
  if (role === "INSTITUTION_STAFF") return [...NOT_CHANGES, ...NOT_FOR_INSTITUTIONS, ...TEAM_DRAFT];
  if (role === "CITY_STAFF") return [...NOT_CHANGES, ...TEAM_DRAFT];
  return NOT_CHANGES;
}

/**
 * The change feed (`GET /api/v1/events?after=<seq>`): what happened to the cases the actor may see, read from
 * the audit chain in its order, after the caller's last `seq`. The scope is the case list's
 * (`scope.inspectionCase`: a city its region, an institution its own cases, a token its organization), and for
 * a city or an institution only what was recorded from the notice's delivery on, so a drawn target learns
 * nothing of its draw before the notice; nor an institution the reports about it it does not read. Refusals (DENIED) and reads are not changes and are left out; each
 * item names the event, not its data: the caller reads the case for that.
 */
export async function readChangeFeed(db: PrismaClient, actor: Actor, query: TEventFeedQuery) {
  requirePermission(actor, "event.read");
  const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
  const after = BigInt(query.after ?? "0");
  const caseScope = scope.inspectionCase(actor);
  let visible: Prisma.AuditEventWhereInput = {};
  if (Object.keys(caseScope).length > 0) {
    const cases = await db.inspectionCase.findMany({ where: caseScope, select: { id: true, noticeDeliveredAt: true } });
    visible = FROM_NOTICE_ON.includes(actor.role)
      ? { OR: cases.filter((c) => c.noticeDeliveredAt).map((c) => ({ entityId: c.id, at: { gte: c.noticeDeliveredAt! } })) }
      : { entityId: { in: cases.map((c) => c.id) } };
    if (cases.length === 0) visible = { seq: { lt: 0 } };
  }
  const rows = await db.auditEvent.findMany({
    where: {
      AND: [
        { seq: { gt: after }, entity: "InspectionCase", outcome: "OK", entityId: { not: null }, action: { notIn: excludedActions(actor.role) } },
        visible,
      ],
    },
    orderBy: { seq: "asc" },
    take: limit,
    select: { seq: true, at: true, action: true, entityId: true },
  });
  const lastSeq = (rows.at(-1)?.seq ?? after).toString();
  return {
    items: rows.map((row) => ({ seq: row.seq.toString(), at: row.at, action: row.action, caseId: row.entityId! })),
    lastSeq,
    next: `/api/v1/events?after=${lastSeq}&limit=${limit}`,
  };
}

/**
 * One case's history for a reader without the audit trail (issue 17 §2: the institution's page of its cases
 * and their history): the change feed's rule for one case (scope checked by the caller), i.e. what happened
 * and when, from the notice on for a city or an institution, without the reports they do not read or the
 * team's draft; not who did it (the log with names is the bureau's).
 */
export async function caseHistory(db: PrismaClient, actor: Actor, caseRef: { id: string; noticeDeliveredAt: Date | null }) {
  requirePermission(actor, "event.read");
  if (FROM_NOTICE_ON.includes(actor.role) && !caseRef.noticeDeliveredAt) return [];
  return db.auditEvent.findMany({
    where: {
      entity: "InspectionCase",
      entityId: caseRef.id,
      outcome: "OK",
      action: { notIn: excludedActions(actor.role) },
      ...(FROM_NOTICE_ON.includes(actor.role) ? { at: { gte: caseRef.noticeDeliveredAt! } } : {}),
    },
    orderBy: { seq: "asc" },
    select: { seq: true, at: true, action: true, outcome: true },
  });
}
