import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/actor";
import { requirePermission } from "@/lib/server/policy/policy";

// A draw as the bureau sees it during the ceremony. Draws are the bureau's: the manifest names every candidate
// and the record the targets, so nobody else reads them here (team members see their own team and, once
// signed, its cases; the public sees what lib/server/draws/publication.ts releases).

export async function getDrawOrThrow(db: PrismaClient, actor: Actor, drawId: string) {
  requirePermission(actor, "plan.read");
  const draw = await db.draw.findUnique({
    where: { id: drawId },
    include: {
      plan: { select: { id: true, title: true, year: true, status: true, ceremonyParties: { orderBy: { position: "asc" } } } },
      planRegion: { include: { poolingRegion: true } },
      commitments: { include: { party: true } },
      supersedes: { select: { id: true, manifestHash: true, status: true, redrawReason: true } },
      supersededBy: { select: { id: true, manifestHash: true, redrawReason: true } },
      teams: { orderBy: { createdAt: "asc" }, include: { inspectedRegion: true, inspectingRegion: true, members: { include: { expert: { select: { name: true, staffNumber: true } } }, orderBy: { createdAt: "asc" } } } },
      cases: { orderBy: { createdAt: "asc" }, include: { institution: { select: { name: true, nationalCode: true, kind: true } } } },
    },
  });
  if (!draw) throw new DomainError("NOT_FOUND");
  return draw;
}
