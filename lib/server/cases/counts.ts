import "server-only";
import { HANDLING_STATES } from "@/lib/domain/case/workflow";
import type { PrismaClient } from "@/lib/server/db/client";
import type { Actor } from "@/lib/server/policy/actor";
import { scope } from "@/lib/server/policy/scope";
import { chinaDateOf, dbDate } from "./deadlines";

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
          {
            // The same rule as currentDeadline (./deadlines.ts), as a query: the awaited report is past due.
            OR: [
              { state: { in: [...HANDLING_STATES] }, progressReportDueOn: { lt: today }, NOT: { rectification: { reports: { some: { kind: "PROGRESS", status: { not: "RETURNED" } } } } } },
              { state: "RECTIFYING", writtenReportDueOn: { lt: today }, NOT: { rectification: { reports: { some: { kind: "WRITTEN", status: { not: "RETURNED" } } } } } },
            ],
          },
        ],
      },
    }),
  ]);
  return { open, overdue };
}
