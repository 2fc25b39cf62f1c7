import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";
import { isDrawPublished } from "./publication";

// The public list of draws (issue 17 §5; 双随机、一公开). A draw is listed from the moment its manifest is fixed:
// its plan, its date, the manifest hash and each party's commitment with the time it was made, all before any
// randomness. Until its record is released (publication.ts) nothing on the list names a region, an institution or
// a person: a target draw's region would say where the inspectors are going. Once released, the region, the
// result hash and the link to the verify page follow.

export const PUBLIC_DRAWS_PAGE_SIZE = 20;

export type PublicDrawListItem = {
  id: string;
  kind: "TEAMS" | "TARGETS";
  status: "MANIFEST_FIXED" | "COMMITTED" | "ENTROPY_ENTERED" | "DRAWN" | "STOPPED" | "SUPERSEDED";
  plan: { title: string; year: number };
  startedAt: Date;
  drawnAt: Date | null;
  manifestHash: string;
  commitments: { party: string; commitment: string; committedAt: Date }[];
  /** A redraw names the draw it replaces (both stay listed); the reason is the bureau's and waits for the record. */
  supersedesId: string | null;
  published: boolean;
  /** Only once the record is released. */
  region: string | null;
  resultHash: string | null;
};

/** Public, no actor: the draws newest first, a page at a time. */
export async function listPublicDraws(db: PrismaClient, options: { page?: number; pageSize?: number } = {}): Promise<{ items: PublicDrawListItem[]; total: number; page: number; pageCount: number }> {
  const pageSize = Math.min(Math.max(options.pageSize ?? PUBLIC_DRAWS_PAGE_SIZE, 1), 100);
  const total = await db.draw.count();
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(Math.trunc(options.page ?? 1), 1), pageCount);
  const draws = await db.draw.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      kind: true,
      status: true,
      createdAt: true,
      drawnAt: true,
      manifestHash: true,
      resultHash: true,
      supersedesId: true,
      plan: { select: { title: true, year: true } },
      planRegion: { select: { poolingRegion: { select: { name: true } } } },
      commitments: { select: { commitment: true, committedAt: true, party: { select: { code: true, position: true } } } },
    },
  });
  const items = await Promise.all(
    draws.map(async (draw): Promise<PublicDrawListItem> => {
      const published = await isDrawPublished(db, draw);
      return {
        id: draw.id,
        kind: draw.kind,
        status: draw.status,
        plan: draw.plan,
        startedAt: draw.createdAt,
        drawnAt: draw.drawnAt,
        manifestHash: draw.manifestHash,
        commitments: [...draw.commitments].sort((a, b) => a.party.position - b.party.position).map((c) => ({ party: c.party.code, commitment: c.commitment, committedAt: c.committedAt })),
        supersedesId: draw.supersedesId,
        published,
        region: published ? (draw.planRegion?.poolingRegion.name ?? null) : null,
        resultHash: published ? draw.resultHash : null,
      };
    }),
  );
  return { items, total, page, pageCount };
}
