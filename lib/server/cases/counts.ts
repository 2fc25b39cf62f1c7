import "server-only";
import { HANDLING_STATES } from "@/lib/domain/case/workflow";
import type { PrismaClient } from "@/lib/server/db/client";
import type { Actor } from "@/lib/server/policy/actor";
import { scope } from "@/lib/server/policy/scope";
import { chinaDateOf, dbDate } from "./deadlines";

/** Dashboard figures over every case the actor may see (the same scope as the lists: hidden cases never count). */
export async function countCases(db: PrismaClient, actor: Actor, now = new Date()) {
  const visible = scope.inspectionCase(actor);
  const [open, overdue] = await Promise.all([
    db.inspectionCase.count({ where: { AND: [visible, { state: { not: "CLOSED" } }] } }),
    db.inspectionCase.count({
      where: {
        AND: [
          visible,
          { state: { in: [...HANDLING_STATES] } },
          { progressReportDueOn: { lt: dbDate(chinaDateOf(now)) } },
          { NOT: { rectification: { reports: { some: { kind: "PROGRESS", status: { not: "RETURNED" } } } } } },
        ],
      },
    }),
  ]);
  return { open, overdue };
}
