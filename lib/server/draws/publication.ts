import "server-only";
import { withOrderedFields, type DrawRecord } from "@/lib/domain/draw/record";
import type { PrismaClient } from "@/lib/server/db/client";
import type { Actor } from "@/lib/server/policy/actor";
import { requirePermission } from "@/lib/server/policy/policy";

// What the public may know of a draw (issue 8 §6). Before the ceremony ends, and until the draw's notices are
// all delivered, only the manifest hash and the commitments: neither names a region, an institution or a
// person. A target draw's full record is public once every case it created has its notice delivered; the team
// draw's once every team it formed has arrived (delivered a notice), since it names every region's team.
// There is no public list of draws: a pending draw is found only by the id the bureau announces with its hash.

export type PublicDraw = {
  id: string;
  kind: "TEAMS" | "TARGETS";
  manifestHash: string;
  commitments: { party: string; commitment: string }[];
  published: boolean;
  resultHash: string | null;
};

async function isPublished(db: PrismaClient, draw: { id: string; kind: "TEAMS" | "TARGETS"; status: string }): Promise<boolean> {
  if (draw.status !== "DRAWN") return false;
  if (draw.kind === "TARGETS") {
    const [all, pending] = await Promise.all([db.inspectionCase.count({ where: { drawId: draw.id } }), db.inspectionCase.count({ where: { drawId: draw.id, noticeDeliveredAt: null } })]);
    return all > 0 && pending === 0;
  }
  const [teams, notArrived] = await Promise.all([
    db.team.count({ where: { drawId: draw.id } }),
    db.team.count({ where: { drawId: draw.id, cases: { none: { noticeDeliveredAt: { not: null } } } } }),
  ]);
  return teams > 0 && notArrived === 0;
}

/** Public, no actor: the announced facts of a draw, and whether its record is released. Null: no such draw. */
export async function getPublicDraw(db: PrismaClient, drawId: string): Promise<PublicDraw | null> {
  const draw = await db.draw.findUnique({
    where: { id: drawId },
    select: { id: true, kind: true, status: true, manifestHash: true, resultHash: true, commitments: { select: { commitment: true, party: { select: { code: true, position: true } } } } },
  });
  if (!draw) return null;
  const published = await isPublished(db, draw);
  return {
    id: draw.id,
    kind: draw.kind,
    manifestHash: draw.manifestHash,
    commitments: draw.commitments.sort((a, b) => a.party.position - b.party.position).map((c) => ({ party: c.party.code, commitment: c.commitment })),
    published,
    resultHash: published ? draw.resultHash : null,
  };
}

/** The published record file, exactly as stored; null unless released. */
export async function getPublishedRecord(db: PrismaClient, drawId: string): Promise<string | null> {
  const draw = await db.draw.findUnique({ where: { id: drawId }, select: { id: true, kind: true, status: true, record: true } });
  if (!draw || !draw.record || !(await isPublished(db, draw))) return null;
  return recordFile(draw.record);
}

/** The record as the file it is published as: the documented key order, two-space indentation. */
const recordFile = (record: unknown) => `${JSON.stringify(withOrderedFields(record as DrawRecord), null, 2)}\n`;

/** The bureau's own copy, before publication too: the record, or the manifest the ceremony was held on. */
export async function getDrawFileForBureau(db: PrismaClient, actor: Actor, drawId: string, part: "record" | "manifest"): Promise<string | null> {
  requirePermission(actor, "plan.read");
  const draw = await db.draw.findUnique({ where: { id: drawId }, select: { record: true, manifest: true } });
  const value = draw?.[part];
  if (!value) return null;
  return part === "record" ? recordFile(value) : `${JSON.stringify(value, null, 2)}\n`;
}
