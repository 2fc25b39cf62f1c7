/**
 * The manifest of a team draw (issue 8 §3; Jilin plan §三, §四(一)2–3): the participating and
 * inspected regions, and the two pools the province draws into teams, medical experts and
 * third-party finance/IT staff, with what recusal needs (employer, home region, conflicts
 * declared before the draw) and who served last year. Leaders, deputies, liaisons and the
 * regions' own staff are named by the bureau and are not drawn.
 *
 * Only what the draw needs is published about a person (ADR 019): staff number, last year's service, and
 * the regions they may not serve in; names stay on the server, and the employer, home region and declared
 * conflicts behind a recusal are committed to (a salted hash per person) in the bureau's full manifest.
 */
import { z } from "zod";
import { commitmentTo, entrySalt } from "@/lib/domain/draw/disclosure";
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
  ZHash,
  ZId,
  ZText,
  zodMismatch,
} from "@/lib/domain/draw/manifest";
import { firstDifference, type Mismatch } from "@/lib/domain/draw/mismatch";

export const RECUSAL_REASONS = ["EMPLOYER", "HOME_REGION", "DECLARED_CONFLICT"] as const;
export type RecusalReason = (typeof RECUSAL_REASONS)[number];
export type Pool = "EXPERT" | "THIRD_PARTY";
export const POOLS: readonly Pool[] = ["EXPERT", "THIRD_PARTY"];

/** What a person's commitment hides: the ties recusal is derived from. */
const personTies = {
  /** The employer institution and its region; null for someone not employed by an institution. */
  employer: z.nullable(z.strictObject({ code: ZId, region: ZId })),
  homeRegion: z.nullable(ZId),
  conflicts: z.array(z.strictObject({ region: ZId, reason: ZText })),
};
const ZPublicPerson = z.strictObject({
  /** Staff number: the ticket id of a person (issue 8 §2). */
  id: ZId,
  servedLastYear: z.boolean(),
  commitment: ZHash,
});
const ZPerson = z.strictObject({ id: ZId, servedLastYear: z.boolean(), ...personTies, salt: ZHash, commitment: ZHash });
export type Person = z.infer<typeof ZPerson>;
/** A person as the builder takes them, before the salt and commitment. */
export type PersonInput = Omit<Person, "salt" | "commitment">;

const ZPublicPersonPool = z.strictObject({ perTeam: ZCount, people: z.array(ZPublicPerson) });
const ZPersonPool = z.strictObject({ perTeam: ZCount, people: z.array(ZPerson) });
export type PersonPool = z.infer<typeof ZPersonPool>;
export type PublicPersonPool = z.infer<typeof ZPublicPersonPool>;

/** Published: who may not serve on the team inspecting which region. The reasons are the bureau's. */
const ZPublicRecusal = z.strictObject({ id: ZId, region: ZId });
const ZRecusal = z.strictObject({ id: ZId, region: ZId, reasons: z.array(z.enum(RECUSAL_REASONS)).min(1) });
export type Recusal = z.infer<typeof ZRecusal>;

const ZRegionRef = z.strictObject({ code: ZId, name: ZText });
export type RegionRef = z.infer<typeof ZRegionRef>;

const teamHeaderShape = {
  kind: z.literal("TEAMS"),
  ...manifestHeaderShape,
  inspected: z.array(ZRegionRef).min(1),
  participating: z.array(ZRegionRef).min(1),
};
/** The published manifest: hashed into `manifestHash` and the seed. */
export const ZPublicTeamManifest = z.strictObject({ ...teamHeaderShape, experts: ZPublicPersonPool, thirdParty: ZPublicPersonPool, recusals: z.array(ZPublicRecusal) });
export type PublicTeamManifest = z.infer<typeof ZPublicTeamManifest>;
/** The bureau's full manifest: every person's ties with their salt, and the reasons of each recusal. */
export const ZTeamManifest = z.strictObject({ ...teamHeaderShape, experts: ZPersonPool, thirdParty: ZPersonPool, recusals: z.array(ZRecusal) });
export type TeamManifest = z.infer<typeof ZTeamManifest>;

export const personSecret = (p: PersonInput) => ({ id: p.id, employer: p.employer, homeRegion: p.homeRegion, conflicts: p.conflicts });

/** The public manifest of a full one (a public one is returned as it is). Field order as published. */
export function publicTeamManifest(manifest: TeamManifest | PublicTeamManifest): PublicTeamManifest {
  const { kind, algorithm, planId, planYear, parties, entropyDigits, redraw, inspected, participating } = manifest;
  const pool = (p: PublicPersonPool): PublicPersonPool => ({ perTeam: p.perTeam, people: p.people.map((x) => ({ id: x.id, servedLastYear: x.servedLastYear, commitment: x.commitment })) });
  return {
    kind,
    algorithm,
    planId,
    planYear,
    parties,
    entropyDigits,
    redraw,
    inspected,
    participating,
    experts: pool(manifest.experts),
    thirdParty: pool(manifest.thirdParty),
    recusals: manifest.recusals.map((r) => ({ id: r.id, region: r.region })),
  };
}

/** Whether a manifest carries the committed values (the bureau's full one) rather than only the commitments. */
export const isFullTeamManifest = (manifest: unknown): boolean => {
  const m = manifest as { experts?: { people?: unknown }; thirdParty?: { people?: unknown } } | null;
  return JSON.stringify([m?.experts?.people ?? null, m?.thirdParty?.people ?? null]).includes('"salt":');
};

export const poolOf = <M extends PublicTeamManifest>(manifest: M, pool: Pool): M["experts"] =>
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
        const reasons = recusalReasons(tiesOf(person), code);
        if (reasons.length > 0) recusals.push({ id: person.id, region: code, reasons });
      }
    }
  }
  return recusals;
}

/**
 * What ties a person to regions for recusal (回避, DOMAIN.md), by region: where their employers sit (an expert's
 * employer institution, an inspector's own bureau), their home region, and the regions of conflicts they declared.
 */
export type RecusalTies = { employerRegions: readonly string[]; homeRegion: string | null; conflictRegions: readonly string[] };

const tiesOf = (person: Person): RecusalTies => ({
  employerRegions: person.employer ? [person.employer.region] : [],
  homeRegion: person.homeRegion,
  conflictRegions: person.conflicts.map((c) => c.region),
});

/**
 * Why someone may not serve on the team inspecting `region`, in a fixed order; empty when they may. One rule for
 * the draw and for the members the bureau names by hand.
 */
export function recusalReasons(ties: RecusalTies, region: string): RecusalReason[] {
  const reasons: RecusalReason[] = [];
  if (ties.employerRegions.includes(region)) reasons.push("EMPLOYER");
  if (ties.homeRegion === region) reasons.push("HOME_REGION");
  if (ties.conflictRegions.includes(region)) reasons.push("DECLARED_CONFLICT");
  return reasons;
}

function checkPublicPool(pool: PublicPersonPool, path: string): Mismatch | null {
  for (let i = 1; i < pool.people.length; i++) {
    if (pool.people[i - 1]!.id >= pool.people[i]!.id) {
      return { path: `${path}.people[${i}]`, message: "people must be in staff-number order, each once" };
    }
  }
  return null;
}

/** A full pool: each person's commitment against their salt and ties, and the ties in order. */
function checkPoolValues(pool: PersonPool, path: string): Mismatch | null {
  for (let i = 0; i < pool.people.length; i++) {
    const person = pool.people[i]!;
    const expected = commitmentTo(person.salt, personSecret(person));
    if (expected !== person.commitment) {
      return { path: `${path}.people[${i}].commitment`, message: "does not match the entry's salt and value", expected, actual: person.commitment };
    }
    for (let j = 1; j < person.conflicts.length; j++) {
      if (person.conflicts[j - 1]!.region >= person.conflicts[j]!.region) {
        return { path: `${path}.people[${i}].conflicts[${j}]`, message: "conflicts must be in region order, each once" };
      }
    }
  }
  return null;
}

/** The first way a public manifest breaks the rules anyone can check without the committed values, or null. */
export function checkPublicTeamManifest(manifest: PublicTeamManifest): Mismatch | null {
  const header = checkHeader(manifest);
  if (header) return header;
  for (const side of ["inspected", "participating"] as const) {
    const duplicate = findDuplicate(manifest[side].map((r) => r.code));
    if (duplicate) return { path: `${side}[${duplicate.second}].code`, message: `region ${duplicate.id} twice` };
  }
  const pools = checkPublicPool(manifest.experts, "experts") ?? checkPublicPool(manifest.thirdParty, "thirdParty");
  if (pools) return pools;
  const both = findDuplicate([...manifest.experts.people, ...manifest.thirdParty.people].map((p) => p.id));
  if (both) return { path: "thirdParty.people", message: `${both.id} is in both pools` };
  const people = new Set([...manifest.experts.people, ...manifest.thirdParty.people].map((p) => p.id));
  const regions = new Set(manifest.inspected.map((r) => r.code));
  for (const [i, recusal] of manifest.recusals.entries()) {
    if (!people.has(recusal.id) || !regions.has(recusal.region)) return { path: `recusals[${i}]`, message: "names a person or an inspected region the manifest does not have" };
    const previous = manifest.recusals[i - 1];
    if (previous && previous.id === recusal.id && previous.region === recusal.region) return { path: `recusals[${i}]`, message: "listed twice" };
  }
  return null;
}

/**
 * The first way a full manifest breaks the rules of a team manifest, or null: what a public one must keep, then
 * each person's commitment, and the recusals re-derived from the committed ties. Shape is zod's job.
 */
export function checkTeamManifest(manifest: TeamManifest): Mismatch | null {
  const problem = checkPublicTeamManifest(publicTeamManifest(manifest));
  if (problem) return problem;
  const pools = checkPoolValues(manifest.experts, "experts") ?? checkPoolValues(manifest.thirdParty, "thirdParty");
  if (pools) return pools;
  return firstDifference(deriveRecusals(manifest), manifest.recusals, "recusals");
}

export type TeamManifestInput = {
  planId: string;
  planYear: number;
  parties: readonly Party[];
  inspected: readonly RegionRef[];
  participating: readonly RegionRef[];
  experts: { perTeam: number; people: readonly PersonInput[] };
  thirdParty: { perTeam: number; people: readonly PersonInput[] };
  entropyDigits?: number;
  redraw?: Redraw;
  /** 64 hex digits of secret randomness, fresh for each manifest: each person's salt is derived from it. */
  disclosureKey: string;
};

const normalizePool = (pool: TeamManifestInput["experts"], key: string): PersonPool => ({
  perTeam: pool.perTeam,
  people: pool.people
    .map((p) => {
      const person: PersonInput = {
        id: p.id,
        servedLastYear: p.servedLastYear,
        employer: p.employer ? { code: p.employer.code, region: p.employer.region } : null,
        homeRegion: p.homeRegion,
        conflicts: [...p.conflicts].sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : 0)),
      };
      const salt = entrySalt(key, "person", p.id);
      return { ...person, salt, commitment: commitmentTo(salt, personSecret(person)) };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
});

/** Orders people and conflicts, commits to each person's ties, derives the recusals; throws `INVALID_MANIFEST` naming the first problem. */
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
    experts: normalizePool(input.experts, input.disclosureKey),
    thirdParty: normalizePool(input.thirdParty, input.disclosureKey),
    recusals: [],
  };
  const manifest = { ...built, recusals: deriveRecusals(built) };
  const parsed = ZTeamManifest.safeParse(manifest);
  const problem = parsed.success ? checkTeamManifest(manifest) : zodMismatch(parsed.error, "");
  if (problem) throw new DrawError("INVALID_MANIFEST", problem.message, problem.path);
  return manifest;
}
