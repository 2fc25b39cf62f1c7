import "server-only";
import { publicRecord, withOrderedFields, type DrawRecord } from "@/lib/domain/draw/record";
import { recordAudit } from "@/lib/server/audit/record";
import type { PrismaClient } from "@/lib/server/db/client";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { requirePermission } from "@/lib/server/policy/policy";

// What the public may know of a draw (issue 8 §6). Before the ceremony ends, and until the draw's notices are
// all delivered, only the manifest hash and the commitments: neither names a region, an institution or a
// person. A target draw's full record is public once every case it created has its notice delivered; the team
// draw's once every team it formed has arrived (delivered a notice), since it names every region's team.
// Every draw is on the public list from the moment its manifest is fixed (issue 17 §5): the commitments are
// public, timestamped, before any randomness, which is what makes them commitments. A target the bureau cancelled
// before its notice (CANCEL: state CLOSED, no notice) holds nothing back: it will never be delivered.
// What is released is the public form of the record (ADR 019): the manifest commits to fund usage, inspection
// history, designation reasons and recusal ties by salted hash; the bureau keeps the full record, which opens them.

export type PublicDraw = {
  id: string;
  kind: "TEAMS" | "TARGETS";
  manifestHash: string;
  commitments: { party: string; commitment: string }[];
  published: boolean;
  resultHash: string | null;
};

/** A case that still keeps its draw's record back: drawn, not cancelled, notice not yet delivered. */
const UNDELIVERED_LIVE_CASE = { noticeDeliveredAt: null, state: { not: "CLOSED" } } as const;

export async function isDrawPublished(db: PrismaClient, draw: { id: string; kind: "TEAMS" | "TARGETS"; status: string }): Promise<boolean> {
  if (draw.status !== "DRAWN") return false;
  if (draw.kind === "TARGETS") {
    const [all, pending] = await Promise.all([db.inspectionCase.count({ where: { drawId: draw.id } }), db.inspectionCase.count({ where: { drawId: draw.id, ...UNDELIVERED_LIVE_CASE } })]);
    return all > 0 && pending === 0;
  }
  // A team has arrived once it delivered a notice; a team whose every case was cancelled never will, and waits for nothing.
  const [teams, notArrived] = await Promise.all([
    db.team.count({ where: { drawId: draw.id } }),
    db.team.count({
      where: { drawId: draw.id, cases: { none: { noticeDeliveredAt: { not: null } } }, OR: [{ cases: { none: {} } }, { cases: { some: UNDELIVERED_LIVE_CASE } }] },
    }),
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
  const published = await isDrawPublished(db, draw);
  return {
    id: draw.id,
    kind: draw.kind,
    manifestHash: draw.manifestHash,
    commitments: draw.commitments.sort((a, b) => a.party.position - b.party.position).map((c) => ({ party: c.party.code, commitment: c.commitment })),
    published,
    resultHash: published ? draw.resultHash : null,
  };
}

/** The published record file (its public form); null unless released. */
export async function getPublishedRecord(db: PrismaClient, drawId: string): Promise<string | null> {
  const draw = await db.draw.findUnique({ where: { id: drawId }, select: { id: true, kind: true, status: true, record: true } });
  if (!draw || !draw.record || !(await isDrawPublished(db, draw))) return null;
  return publicRecordFile(draw.record);
}

/** A record as the file it is published as: the documented key order, two-space indentation. */
const file = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const publicRecordFile = (record: unknown) => file(publicRecord(record as DrawRecord));

export type BureauDrawFile = "record" | "full-record" | "manifest";

/**
 * The bureau's own copies, before publication too: the record as it will be published, the full record (every
 * committed value and salt, for the reviewers the bureau discloses it to), or the full manifest the ceremony was
 * held on. Handing out the full ones is a sensitive read (tip-offs, fund figures), so it is audited.
 */
export async function getDrawFileForBureau(db: PrismaClient, actor: Actor, drawId: string, part: BureauDrawFile, context: RequestContext = {}): Promise<string | null> {
  requirePermission(actor, "plan.read");
  const draw = await db.draw.findUnique({ where: { id: drawId }, select: { record: true, manifest: true } });
  const value = part === "manifest" ? draw?.manifest : draw?.record;
  if (!value) return null;
  if (part === "record") return publicRecordFile(value);
  await db.$transaction((tx) => recordAudit(tx, { actor, action: `draw.download.${part}`, entity: "Draw", entityId: drawId, context }));
  return part === "full-record" ? file(withOrderedFields(value as unknown as DrawRecord)) : file(value);
}
