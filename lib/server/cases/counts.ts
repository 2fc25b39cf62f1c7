import "server-only";
import { HANDLING_STATES } from "@/lib/domain/case/workflow";
import type { Prisma, PrismaClient } from "@/lib/server/db/client";
import { can } from "@/lib/server/policy/policy";
import type { Actor } from "@/lib/server/policy/actor";
import { scope } from "@/lib/server/policy/scope";
import { chinaDateOf, dbDate } from "./deadlines";

/** The same rule as currentDeadline (./deadlines.ts), as a query: the awaited report is past due (`today` a China date). */
export function overdueWhere(today: Date): Prisma.InspectionCaseWhereInput {
  return {
    OR: [
      { state: { in: [...HANDLING_STATES] }, progressReportDueOn: { lt: today }, NOT: { rectification: { reports: { some: { kind: "PROGRESS", status: { not: "RETURNED" } } } } } },
      { state: "RECTIFYING", writtenReportDueOn: { lt: today }, NOT: { rectification: { reports: { some: { kind: "WRITTEN", status: { not: "RETURNED" } } } } } },
    ],
  };
}

/**
 * What awaits this user on the cases they may see (issue 12 §11), counted in SQL within their scope: the
 * progress and written reports they review, and rectified cases they close. Each count only if the user
 * holds the permission to act on it.
 */
export async function countTodo(db: PrismaClient, actor: Actor) {
  const visible = scope.inspectionCase(actor);
  const zero = Promise.resolve(0);
  const [progressReports, writtenReports, toClose] = await Promise.all([
    can(actor, "rectification.review")
      ? db.rectificationReport.count({ where: { kind: "PROGRESS", status: "SUBMITTED", rectification: { case: visible } } })
      : zero,
    can(actor, "case.acceptRectification")
      ? db.rectificationReport.count({ where: { kind: "WRITTEN", status: "SUBMITTED", rectification: { case: { AND: [visible, { state: "RECTIFYING" }] } } } })
      : zero,
    can(actor, "case.close") ? db.inspectionCase.count({ where: { AND: [visible, { state: "RECTIFIED" }] } }) : zero,
  ]);
  return { progressReports, writtenReports, toClose };
}

/** Dashboard figures over every case the actor may see (the same scope as the lists: hidden cases never count). */
export async function countCases(db: PrismaClient, actor: Actor, now = new Date()) {
  const visible = scope.inspectionCase(actor);
  const today = dbDate(chinaDateOf(now));
  const [open, overdue] = await Promise.all([
    db.inspectionCase.count({ where: { AND: [visible, { state: { not: "CLOSED" } }] } }),
    db.inspectionCase.count({
      where: {
        AND: [
          visible,
          overdueWhere(today),
        ],
      },
    }),
  ]);
  return { open, overdue };
}
