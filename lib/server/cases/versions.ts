import "server-only";
import type { Prisma, Tx } from "@/lib/server/db/client";

/**
 * A change to something a workflow guard reads (a progress report returned, a team member added or withdrawn,
 * a commitment letter signed) moves the version of every case it touches, in the same transaction: a command
 * decided on the old facts then fails its compare-and-set instead of acting on facts that no longer hold
 * (lib/server/cases/transition.ts).
 */
export async function bumpCaseVersions(tx: Tx, where: Prisma.InspectionCaseWhereInput): Promise<number> {
  const { count } = await tx.inspectionCase.updateMany({ where, data: { version: { increment: 1 } } });
  return count;
}
