/**
 * The manifest of a target draw (issue 8 §3; Jilin plan §一(二)): for each inspected region the
 * hospitals and pharmacies ranked by fund usage over the plan's reference years, their national
 * and provincial inspection history, the region's agencies, the designated targets with reasons,
 * the exclusions that history implies, and the quotas. docs/draw.md, "Target draw", gives every
 * reading of the plan text made here.
 *
 * Two forms (ADR 019). The full manifest is the bureau's: every value, and per entry a salt and a
 * commitment to its private part (fund usage and inspection history of a candidate, the reason of a
 * designation). The public manifest is what is hashed and published: what re-running the draw needs
 * (the ranking order, who is on the look-back list, who is excluded or designated and against which
 * quota) and the commitments, nothing else. `publicTargetManifest` turns the first into the second;
 * the engine reads only fields both have.
 */
import { z } from "zod";
import { DrawError } from "@/lib/domain/draw/errors";
import { commitmentTo, entrySalt } from "@/lib/domain/draw/disclosure";
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
  ZYear,
  zodMismatch,
} from "@/lib/domain/draw/manifest";
import { firstDifference, type Mismatch } from "@/lib/domain/draw/mismatch";

export const INSPECTION_LEVELS = ["NATIONAL", "PROVINCIAL"] as const;
export type InspectionLevel = (typeof INSPECTION_LEVELS)[number];

const ZInspectionMark = z.strictObject({ level: z.enum(INSPECTION_LEVELS), year: ZYear });
export type InspectionMark = z.infer<typeof ZInspectionMark>;

const ZEntrySecret = { salt: ZHash, commitment: ZHash };

/** A hospital as published: its place in the ranking, whether it is on the look-back list, its commitment. */
const ZPublicHospital = z.strictObject({ code: ZId, name: ZText, lookBack: z.boolean(), commitment: ZHash });
const ZPublicPharmacy = z.strictObject({ code: ZId, name: ZText, commitment: ZHash });

/** What a commitment hides of a candidate (ADR 019): its fund usage and its inspection history. */
const privateInstitution = {
  /** Fund paid over the reference years, in fen (integer, so the ranking is exact). */
  fundUsage: z.int().min(0),
  inspections: z.array(ZInspectionMark),
};
const ZRankedHospital = z.strictObject({ code: ZId, name: ZText, lookBack: z.boolean(), ...privateInstitution, ...ZEntrySecret });
const ZRankedPharmacy = z.strictObject({ code: ZId, name: ZText, ...privateInstitution, ...ZEntrySecret });
/** A hospital or pharmacy of the full manifest, with what the commitment hides and the salt. */
export type RankedInstitution = z.infer<typeof ZRankedPharmacy> & { lookBack?: boolean };

const ZPoolRule = z.discriminatedUnion("by", [
  z.strictObject({ by: z.literal("TOP_K"), k: ZCount }),
  z.strictObject({ by: z.literal("TOP_PERCENT"), percent: z.int().min(1).max(100) }),
]);
export type PoolRule = z.infer<typeof ZPoolRule>;

export const DESIGNATION_KINDS = ["HOSPITAL", "PHARMACY", "LOOK_BACK"] as const;
/** The reason of a designation (a tip-off, a data lead) is committed to, never published. */
const ZPublicDesignation = z.strictObject({ code: ZId, as: z.enum(DESIGNATION_KINDS), commitment: ZHash });
const ZDesignation = z.strictObject({ code: ZId, as: z.enum(DESIGNATION_KINDS), reason: ZText, ...ZEntrySecret });
export type Designation = z.infer<typeof ZDesignation>;
export type DesignationInput = { code: string; as: Designation["as"]; reason: string };

const ZPublicExclusion = z.strictObject({ code: ZId });
const ZExclusion = z.strictObject({ code: ZId, inspections: z.array(ZInspectionMark).min(1) });
export type Exclusion = z.infer<typeof ZExclusion>;

const regionShape = {
  code: ZId,
  name: ZText,
  hospitalPool: ZPoolRule,
  hospitalCount: ZCount,
  pharmacyTop: ZCount,
  pharmacyCount: ZCount,
  lookBackCount: ZCount,
  agencies: z.array(z.strictObject({ code: ZId, name: ZText })),
};
const ZPublicRegionTargets = z.strictObject({
  ...regionShape,
  hospitals: z.array(ZPublicHospital),
  pharmacies: z.array(ZPublicPharmacy),
  designated: z.array(ZPublicDesignation),
  exclusions: z.array(ZPublicExclusion),
});
const ZRegionTargets = z.strictObject({
  ...regionShape,
  hospitals: z.array(ZRankedHospital),
  pharmacies: z.array(ZRankedPharmacy),
  designated: z.array(ZDesignation),
  exclusions: z.array(ZExclusion),
});
export type PublicRegionTargets = z.infer<typeof ZPublicRegionTargets>;
export type RegionTargets = z.infer<typeof ZRegionTargets>;

const ZYearWindow = z.strictObject({ level: z.enum(INSPECTION_LEVELS), fromYear: ZYear, toYear: ZYear });
export type YearWindow = z.infer<typeof ZYearWindow>;

const targetHeaderShape = {
  kind: z.literal("TARGETS"),
  ...manifestHeaderShape,
  referenceYears: z.array(ZYear).min(1),
  exclusionWindows: z.array(ZYearWindow),
  lookBack: z.strictObject({ levels: z.array(z.enum(INSPECTION_LEVELS)).min(1), upToYear: ZYear }),
};
/** The published manifest: hashed into `manifestHash` and the seed. */
export const ZPublicTargetManifest = z.strictObject({ ...targetHeaderShape, regions: z.array(ZPublicRegionTargets).min(1) });
export type PublicTargetManifest = z.infer<typeof ZPublicTargetManifest>;
/** The bureau's full manifest: the public one with every committed value and its salt. */
export const ZTargetManifest = z.strictObject({ ...targetHeaderShape, regions: z.array(ZRegionTargets).min(1) });
export type TargetManifest = z.infer<typeof ZTargetManifest>;

/** The public manifest of a full one (a public one is returned as it is). Field order as published. */
export function publicTargetManifest(manifest: TargetManifest | PublicTargetManifest): PublicTargetManifest {
  const { kind, algorithm, planId, planYear, parties, entropyDigits, redraw, referenceYears, exclusionWindows, lookBack } = manifest;
  return {
    kind,
    algorithm,
    planId,
    planYear,
    parties,
    entropyDigits,
    redraw,
    referenceYears,
    exclusionWindows,
    lookBack,
    regions: manifest.regions.map((r) => ({
      code: r.code,
      name: r.name,
      hospitalPool: r.hospitalPool,
      hospitalCount: r.hospitalCount,
      pharmacyTop: r.pharmacyTop,
      pharmacyCount: r.pharmacyCount,
      lookBackCount: r.lookBackCount,
      hospitals: r.hospitals.map((h) => ({ code: h.code, name: h.name, lookBack: h.lookBack, commitment: h.commitment })),
      pharmacies: r.pharmacies.map((p) => ({ code: p.code, name: p.name, commitment: p.commitment })),
      agencies: r.agencies,
      designated: r.designated.map((d) => ({ code: d.code, as: d.as, commitment: d.commitment })),
      exclusions: r.exclusions.map((e) => ({ code: e.code })),
    })),
  };
}

/** Whether a manifest carries the committed values (the bureau's full one) rather than only the commitments. */
export const isFullTargetManifest = (manifest: unknown): boolean =>
  JSON.stringify((manifest as { regions?: unknown } | null)?.regions ?? null).includes('"salt":');

/** What each kind of entry commits to (docs/draw.md, "What is published"). */
export const institutionSecret = (i: { code: string; fundUsage: number; inspections: InspectionMark[] }) => ({ code: i.code, fundUsage: i.fundUsage, inspections: i.inspections });
export const designationSecret = (d: { code: string; as: string; reason: string }) => ({ code: d.code, as: d.as, reason: d.reason });

/**
 * Jilin plan §一(二)6: "已经接受 2023、2024 年国家飞检和 2023 年省级飞检的定点医药机构，原则上不作为
 * 今年省级飞行检查的检查对象" for the 2024 plan: national in the plan year or the year before,
 * provincial in the year before.
 */
export function defaultExclusionWindows(planYear: number): YearWindow[] {
  return [
    { level: "NATIONAL", fromYear: planYear - 1, toYear: planYear },
    { level: "PROVINCIAL", fromYear: planYear - 1, toYear: planYear - 1 },
  ];
}

/** Ranking order: more fund usage first, ties by code (issue 8 §3). */
export function compareRanking(a: { code: string; fundUsage: number }, b: { code: string; fundUsage: number }): number {
  if (a.fundUsage !== b.fundUsage) return b.fundUsage > a.fundUsage ? 1 : -1;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

const compareMarks = (a: InspectionMark, b: InspectionMark): number =>
  a.year - b.year || (a.level < b.level ? -1 : a.level > b.level ? 1 : 0);

const inWindow = (mark: InspectionMark, window: YearWindow): boolean =>
  mark.level === window.level && mark.year >= window.fromYear && mark.year <= window.toYear;

/** Hospitals and pharmacies with an inspection in an exclusion window, by code; designated ones are not excluded. */
export function deriveExclusions(region: RegionTargets, windows: readonly YearWindow[]): Exclusion[] {
  const designated = new Set(region.designated.map((d) => d.code));
  return [...region.hospitals, ...region.pharmacies]
    .filter((institution) => !designated.has(institution.code))
    .map((institution) => ({
      code: institution.code,
      inspections: institution.inspections.filter((mark) => windows.some((window) => inWindow(mark, window))),
    }))
    .filter((exclusion) => exclusion.inspections.length > 0)
    .sort((a, b) => (a.code < b.code ? -1 : 1));
}

function checkRanked(list: readonly RankedInstitution[], path: string): Mismatch | null {
  for (let i = 0; i < list.length; i++) {
    const marks = list[i]!.inspections;
    for (let j = 1; j < marks.length; j++) {
      if (compareMarks(marks[j - 1]!, marks[j]!) >= 0) {
        return { path: `${path}[${i}].inspections[${j}]`, message: "inspections must be by year then level, each once" };
      }
    }
    if (i > 0 && compareRanking(list[i - 1]!, list[i]!) >= 0) {
      return {
        path: `${path}[${i}]`,
        message: `out of ranking order (fund usage descending, ties by code): ${list[i]!.code} after ${list[i - 1]!.code}`,
      };
    }
  }
  return null;
}

/** Each entry's salt and value against the commitment published in its place (ADR 019). */
function checkCommitments(entries: readonly { salt: string; commitment: string }[], secret: (entry: never) => unknown, path: string): Mismatch | null {
  for (const [i, entry] of entries.entries()) {
    const expected = commitmentTo(entry.salt, secret(entry as never));
    if (expected !== entry.commitment) {
      return { path: `${path}[${i}].commitment`, message: "does not match the entry's salt and value", expected, actual: entry.commitment };
    }
  }
  return null;
}

/** Look-back (Jilin plan §一(二)4): a hospital with a national or provincial inspection in or before `upToYear`. */
export const isLookBackCandidate = (inspections: readonly InspectionMark[], lookBack: TargetManifest["lookBack"]): boolean =>
  inspections.some((mark) => lookBack.levels.includes(mark.level) && mark.year <= lookBack.upToYear);

/** What only the full manifest can show: the commitments, the ranking, the look-back list and the exclusions. */
function checkRegionValues(manifest: TargetManifest, region: RegionTargets, path: string): Mismatch | null {
  const problem =
    checkCommitments(region.hospitals, institutionSecret, `${path}.hospitals`) ??
    checkCommitments(region.pharmacies, institutionSecret, `${path}.pharmacies`) ??
    checkCommitments(region.designated, designationSecret, `${path}.designated`) ??
    checkRanked(region.hospitals, `${path}.hospitals`) ??
    checkRanked(region.pharmacies, `${path}.pharmacies`);
  if (problem) return problem;
  for (const [i, hospital] of region.hospitals.entries()) {
    const expected = isLookBackCandidate(hospital.inspections, manifest.lookBack);
    if (hospital.lookBack !== expected) {
      return { path: `${path}.hospitals[${i}].lookBack`, message: "differs from the recomputed value", expected, actual: hospital.lookBack };
    }
  }
  return firstDifference(deriveExclusions(region, manifest.exclusionWindows), region.exclusions, `${path}.exclusions`);
}

/** What anyone can check in a public manifest: order and consistency of the published lists. */
function checkPublicRegion(region: PublicRegionTargets, path: string): Mismatch | null {
  for (let i = 1; i < region.agencies.length; i++) {
    if (region.agencies[i - 1]!.code >= region.agencies[i]!.code) {
      return { path: `${path}.agencies[${i}]`, message: "agencies must be in code order" };
    }
  }
  const hospitals = new Set(region.hospitals.map((h) => h.code));
  const pharmacies = new Set(region.pharmacies.map((p) => p.code));
  const duplicate = findDuplicate(region.designated.map((d) => d.code));
  if (duplicate) return { path: `${path}.designated[${duplicate.second}]`, message: `${duplicate.id} designated twice` };
  for (const [i, designation] of region.designated.entries()) {
    const known = designation.as === "PHARMACY" ? pharmacies : hospitals;
    if (!known.has(designation.code)) {
      return {
        path: `${path}.designated[${i}].code`,
        message: `${designation.code} is not one of the region's ${designation.as === "PHARMACY" ? "pharmacies" : "hospitals"}`,
      };
    }
  }
  const designated = new Set(region.designated.map((d) => d.code));
  for (const [i, { code }] of region.exclusions.entries()) {
    if (i > 0 && region.exclusions[i - 1]!.code >= code) return { path: `${path}.exclusions[${i}]`, message: "exclusions must be in code order, each once" };
    if (!hospitals.has(code) && !pharmacies.has(code)) return { path: `${path}.exclusions[${i}].code`, message: `${code} is not one of the region's hospitals or pharmacies` };
    if (designated.has(code)) return { path: `${path}.exclusions[${i}].code`, message: `${code} is designated, so not excluded` };
  }
  return null;
}

/** The first way a public manifest breaks the rules anyone can check without the committed values, or null. */
export function checkPublicTargetManifest(manifest: PublicTargetManifest): Mismatch | null {
  const header = checkHeader(manifest);
  if (header) return header;
  for (let i = 1; i < manifest.referenceYears.length; i++) {
    if (manifest.referenceYears[i - 1]! >= manifest.referenceYears[i]!) {
      return { path: `referenceYears[${i}]`, message: "reference years must be ascending, each once" };
    }
  }
  for (const [i, window] of manifest.exclusionWindows.entries()) {
    if (window.fromYear > window.toYear) return { path: `exclusionWindows[${i}]`, message: "fromYear after toYear" };
  }
  const regionDuplicate = findDuplicate(manifest.regions.map((r) => r.code));
  if (regionDuplicate) return { path: `regions[${regionDuplicate.second}].code`, message: `region ${regionDuplicate.id} twice` };
  const codes = manifest.regions.flatMap((r) => [...r.hospitals, ...r.pharmacies, ...r.agencies].map((x) => x.code));
  const codeDuplicate = findDuplicate(codes);
  if (codeDuplicate) return { path: "regions", message: `institution ${codeDuplicate.id} is listed twice` };
  for (const [i, region] of manifest.regions.entries()) {
    const problem = checkPublicRegion(region, `regions[${i}]`);
    if (problem) return problem;
  }
  return null;
}

/**
 * The first way a full manifest breaks the rules of a target manifest, or null: everything a public one must
 * keep, then the commitments, the ranking by fund usage, the look-back list and the exclusions, recomputed from
 * the committed values. Shape is zod's job.
 */
export function checkTargetManifest(manifest: TargetManifest): Mismatch | null {
  const problem = checkPublicTargetManifest(publicTargetManifest(manifest));
  if (problem) return problem;
  for (const [i, region] of manifest.regions.entries()) {
    const values = checkRegionValues(manifest, region, `regions[${i}]`);
    if (values) return values;
  }
  return null;
}

export type InstitutionInput = {
  code: string;
  name: string;
  kind: "HOSPITAL" | "PHARMACY" | "AGENCY";
  /** Fund usage per year, in fen; years outside the plan's reference years are ignored. */
  fundUsage: readonly { year: number; amount: number }[];
  /** Inspection history; CITY inspections play no part in a provincial draw and are dropped. */
  inspections: readonly { level: InspectionLevel | "CITY"; year: number }[];
};

export type RegionTargetsInput = {
  code: string;
  name: string;
  institutions: readonly InstitutionInput[];
  hospitalPool: PoolRule;
  hospitalCount: number;
  /** Jilin plan §一(二)2: 2 pharmacies from the top 10 by fund usage. */
  pharmacyTop?: number;
  pharmacyCount?: number;
  /** Jilin plan §一(二)4: 1 look-back target. */
  lookBackCount?: number;
  designated?: readonly DesignationInput[];
};

export type TargetManifestInput = {
  planId: string;
  planYear: number;
  referenceYears: readonly number[];
  parties: readonly Party[];
  regions: readonly RegionTargetsInput[];
  exclusionWindows?: readonly YearWindow[];
  /** Jilin plan §一(二)4: "2022 年及以前年度" for the 2024 plan, so the plan year minus 2 by default. */
  lookBackUpToYear?: number;
  entropyDigits?: number;
  redraw?: Redraw;
  /**
   * 64 hex digits of secret randomness, fresh for each manifest: every entry's salt is derived from it
   * (disclosure.ts). The server draws it from its random source; a test or fixture passes a fixed one.
   */
  disclosureKey: string;
};

type Ranked = { code: string; name: string; fundUsage: number; inspections: InspectionMark[] };

function rank(institutions: readonly InstitutionInput[], referenceYears: ReadonlySet<number>): Ranked[] {
  return institutions
    .map((institution) => ({
      code: institution.code,
      name: institution.name,
      fundUsage: institution.fundUsage.reduce((sum, u) => (referenceYears.has(u.year) ? sum + u.amount : sum), 0),
      inspections: institution.inspections
        .filter((mark): mark is InspectionMark => mark.level !== "CITY")
        .map((mark) => ({ level: mark.level, year: mark.year }))
        .sort(compareMarks)
        .filter((mark, i, marks) => i === 0 || compareMarks(marks[i - 1]!, mark) !== 0),
    }))
    .sort(compareRanking);
}

/**
 * Ranks, derives the look-back list and the exclusions, commits to every private value and fills the plan's
 * defaults; throws `INVALID_MANIFEST` naming the first problem.
 */
export function buildTargetManifest(input: TargetManifestInput): TargetManifest {
  const referenceYears = [...new Set(input.referenceYears)].sort((a, b) => a - b);
  const years = new Set(referenceYears);
  const exclusionWindows = [...(input.exclusionWindows ?? defaultExclusionWindows(input.planYear))];
  const lookBack = { levels: [...INSPECTION_LEVELS], upToYear: input.lookBackUpToYear ?? input.planYear - 2 };
  const sealed = <T extends object>(entry: T, identity: string[], secret: unknown) => {
    const salt = entrySalt(input.disclosureKey, ...identity);
    return { ...entry, salt, commitment: commitmentTo(salt, secret) };
  };
  const regions = input.regions.map((region): RegionTargets => {
    const of = (kind: InstitutionInput["kind"]) => region.institutions.filter((i) => i.kind === kind);
    const built: RegionTargets = {
      code: region.code,
      name: region.name,
      hospitalPool: region.hospitalPool,
      hospitalCount: region.hospitalCount,
      pharmacyTop: region.pharmacyTop ?? 10,
      pharmacyCount: region.pharmacyCount ?? 2,
      lookBackCount: region.lookBackCount ?? 1,
      hospitals: rank(of("HOSPITAL"), years).map((h) =>
        sealed({ code: h.code, name: h.name, lookBack: isLookBackCandidate(h.inspections, lookBack), fundUsage: h.fundUsage, inspections: h.inspections }, ["institution", h.code], institutionSecret(h)),
      ),
      pharmacies: rank(of("PHARMACY"), years).map((p) => sealed(p, ["institution", p.code], institutionSecret(p))),
      agencies: of("AGENCY")
        .map((agency) => ({ code: agency.code, name: agency.name }))
        .sort((a, b) => (a.code < b.code ? -1 : 1)),
      designated: (region.designated ?? []).map((d) => sealed({ code: d.code, as: d.as, reason: d.reason }, ["designation", region.code, d.code], designationSecret(d))),
      exclusions: [],
    };
    return { ...built, exclusions: deriveExclusions(built, exclusionWindows) };
  });
  const manifest: TargetManifest = {
    kind: "TARGETS",
    algorithm: ALGORITHM_VERSION,
    planId: input.planId,
    planYear: input.planYear,
    parties: input.parties.map((party) => ({ id: party.id, name: party.name })),
    entropyDigits: input.entropyDigits ?? DEFAULT_ENTROPY_DIGITS,
    redraw: input.redraw ?? null,
    referenceYears,
    exclusionWindows,
    lookBack,
    regions,
  };
  const parsed = ZTargetManifest.safeParse(manifest);
  const problem = parsed.success ? checkTargetManifest(manifest) : zodMismatch(parsed.error, "");
  if (problem) throw new DrawError("INVALID_MANIFEST", problem.message, problem.path);
  return manifest;
}
