/**
 * The manifest of a team draw (issue 8 §3; Jilin plan §三, §四(一)2–3): the participating and
 * inspected regions, and the two pools the province draws into teams, medical experts and
 * third-party finance/IT staff, with what recusal needs (employer, home region, conflicts
 * declared before the draw) and who served last year. Leaders, deputies, liaisons and the
 * regions' own staff are named by the bureau and are not drawn.
 *
 * Only what the draw needs is published about a person: staff number, the region of the
 * employer, home region, declared conflicts and last year's service; names stay on the server.
 */
import { z } from "zod";
import { DrawError } from "@/lib/domain/draw/errors";
import {
  ALGORITHM_VERSION,
  checkHeader,
  DEFAULT_ENTROPY_DIGITS,
  findDuplicate,
  manifestHeaderShape,
  type Party,
  type Redraw,
  ZCount,
  ZId,
  ZText,
  zodMismatch,
} from "@/lib/domain/draw/manifest";
import { firstDifference, type Mismatch } from "@/lib/domain/draw/mismatch";

export const RECUSAL_REASONS = ["EMPLOYER", "HOME_REGION", "DECLARED_CONFLICT"] as const;
export type RecusalReason = (typeof RECUSAL_REASONS)[number];
export type Pool = "EXPERT" | "THIRD_PARTY";
export const POOLS: readonly Pool[] = ["EXPERT", "THIRD_PARTY"];

const ZPerson = z.strictObject({
  /** Staff number: the ticket id of a person (issue 8 §2). */
  id: ZId,
  /** The employer institution and its region; null for someone not employed by an institution. */
  employer: z.nullable(z.strictObject({ code: ZId, region: ZId })),
  homeRegion: z.nullable(ZId),
  servedLastYear: z.boolean(),
  conflicts: z.array(z.strictObject({ region: ZId, reason: ZText })),
});
export type Person = z.infer<typeof ZPerson>;

const ZPersonPool = z.strictObject({ perTeam: ZCount, people: z.array(ZPerson) });
export type PersonPool = z.infer<typeof ZPersonPool>;

const ZRecusal = z.strictObject({ id: ZId, region: ZId, reasons: z.array(z.enum(RECUSAL_REASONS)).min(1) });
export type Recusal = z.infer<typeof ZRecusal>;

const ZRegionRef = z.strictObject({ code: ZId, name: ZText });
export type RegionRef = z.infer<typeof ZRegionRef>;

export const ZTeamManifest = z.strictObject({
  kind: z.literal("TEAMS"),
  ...manifestHeaderShape,
  inspected: z.array(ZRegionRef).min(1),
  participating: z.array(ZRegionRef).min(1),
  experts: ZPersonPool,
  thirdParty: ZPersonPool,
  recusals: z.array(ZRecusal),
});
export type TeamManifest = z.infer<typeof ZTeamManifest>;

export const poolOf = (manifest: TeamManifest, pool: Pool): PersonPool =>
  pool === "EXPERT" ? manifest.experts : manifest.thirdParty;

/**
 * Who may not serve on the team inspecting which region, and why (回避, DOMAIN.md). Targets are not
 * known at the team draw, so "not their own employer" means: not in the region the employer sits in.
 */
export function deriveRecusals(manifest: TeamManifest): Recusal[] {
  const recusals: Recusal[] = [];
  for (const pool of POOLS) {
    for (const person of poolOf(manifest, pool).people) {
      for (const { code } of manifest.inspected) {
        const reasons: RecusalReason[] = [];
        if (person.employer?.region === code) reasons.push("EMPLOYER");
        if (person.homeRegion === code) reasons.push("HOME_REGION");
        if (person.conflicts.some((c) => c.region === code)) reasons.push("DECLARED_CONFLICT");
        if (reasons.length > 0) recusals.push({ id: person.id, region: code, reasons });
      }
    }
  }
  return recusals;
}

function checkPool(pool: PersonPool, path: string): Mismatch | null {
  for (let i = 0; i < pool.people.length; i++) {
    const person = pool.people[i]!;
    if (i > 0 && pool.people[i - 1]!.id >= person.id) {
      return { path: `${path}.people[${i}]`, message: "people must be in staff-number order, each once" };
    }
    for (let j = 1; j < person.conflicts.length; j++) {
      if (person.conflicts[j - 1]!.region >= person.conflicts[j]!.region) {
        return { path: `${path}.people[${i}].conflicts[${j}]`, message: "conflicts must be in region order, each once" };
      }
    }
  }
  return null;
}

/** The first way `manifest` breaks the rules of a team manifest, or null. Shape is zod's job. */
export function checkTeamManifest(manifest: TeamManifest): Mismatch | null {
  const header = checkHeader(manifest);
  if (header) return header;
  for (const side of ["inspected", "participating"] as const) {
    const duplicate = findDuplicate(manifest[side].map((r) => r.code));
    if (duplicate) return { path: `${side}[${duplicate.second}].code`, message: `region ${duplicate.id} twice` };
  }
  const pools = checkPool(manifest.experts, "experts") ?? checkPool(manifest.thirdParty, "thirdParty");
  if (pools) return pools;
  const both = findDuplicate([...manifest.experts.people, ...manifest.thirdParty.people].map((p) => p.id));
  if (both) return { path: "thirdParty.people", message: `${both.id} is in both pools` };
  return firstDifference(deriveRecusals(manifest), manifest.recusals, "recusals");
}

export type TeamManifestInput = {
  planId: string;
  planYear: number;
  parties: readonly Party[];
  inspected: readonly RegionRef[];
  participating: readonly RegionRef[];
  experts: { perTeam: number; people: readonly Person[] };
  thirdParty: { perTeam: number; people: readonly Person[] };
  entropyDigits?: number;
  redraw?: Redraw;
};

const normalizePool = (pool: TeamManifestInput["experts"]): PersonPool => ({
  perTeam: pool.perTeam,
  people: pool.people
    .map((p) => ({
      id: p.id,
      employer: p.employer ? { code: p.employer.code, region: p.employer.region } : null,
      homeRegion: p.homeRegion,
      servedLastYear: p.servedLastYear,
      conflicts: [...p.conflicts].sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : 0)),
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
});

/** Orders people and conflicts, derives the recusals; throws `INVALID_MANIFEST` naming the first problem. */
export function buildTeamManifest(input: TeamManifestInput): TeamManifest {
  const built: TeamManifest = {
    kind: "TEAMS",
    algorithm: ALGORITHM_VERSION,
    planId: input.planId,
    planYear: input.planYear,
    parties: input.parties.map((p) => ({ id: p.id, name: p.name })),
    entropyDigits: input.entropyDigits ?? DEFAULT_ENTROPY_DIGITS,
    redraw: input.redraw ?? null,
    inspected: input.inspected.map((r) => ({ code: r.code, name: r.name })),
    participating: input.participating.map((r) => ({ code: r.code, name: r.name })),
    experts: normalizePool(input.experts),
    thirdParty: normalizePool(input.thirdParty),
    recusals: [],
  };
  const manifest = { ...built, recusals: deriveRecusals(built) };
  const parsed = ZTeamManifest.safeParse(manifest);
  const problem = parsed.success ? checkTeamManifest(manifest) : zodMismatch(parsed.error, "");
  if (problem) throw new DrawError("INVALID_MANIFEST", problem.message, problem.path);
  return manifest;
}
