import "server-only";
import type { RecusalTies } from "@/lib/domain/draw/team-manifest";
import type { PrismaClient, Tx } from "@/lib/server/db/client";

type Db = PrismaClient | Tx;
const root = (region: { id: string; mergedIntoId: string | null } | null | undefined) => (region ? (region.mergedIntoId ?? region.id) : null);

/**
 * What ties an inspector to regions for recusal under a plan, by root region id (a merged region counts as the one it
 * joined, like the draw's): their own bureau's or institution's region, their expert profile's employer and home
 * region, and the regions of conflicts declared by or for them that still stand for this plan (declarations without a
 * plan stand for every plan until ended).
 */
export async function recusalTiesOfUser(db: Db, userId: string, planId: string): Promise<RecusalTies> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    include: {
      organization: { include: { poolingRegion: true } },
      expertProfile: { include: { employerInstitution: { include: { poolingRegion: true } }, homeRegion: true } },
    },
  });
  const conflicts = await db.conflictDeclaration.findMany({
    where: {
      OR: [{ userId }, ...(user.expertProfile ? [{ expertId: user.expertProfile.id }] : [])],
      endedAt: null,
      poolingRegionId: { not: null },
      AND: [{ OR: [{ planId: null }, { planId }] }],
    },
    include: { poolingRegion: true },
  });
  const employerRegions = [root(user.organization.poolingRegion), root(user.expertProfile?.employerInstitution?.poolingRegion)].filter((id): id is string => id !== null);
  return { employerRegions, homeRegion: root(user.expertProfile?.homeRegion), conflictRegions: conflicts.map((c) => root(c.poolingRegion)!) };
}
