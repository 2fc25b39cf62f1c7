/**
 * The manifest of a target draw (issue 8 §3; Jilin plan §一(二)): for each inspected region the
 * hospitals and pharmacies ranked by fund usage over the plan's reference years, their national
 * and provincial inspection history, the region's agencies, the designated targets with reasons,
 * the exclusions that history implies, and the quotas. docs/draw.md, "Target draw", gives every
 * reading of the plan text made here.
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
  ZYear,
  zodMismatch,
} from "@/lib/domain/draw/manifest";
import { firstDifference, type Mismatch } from "@/lib/domain/draw/mismatch";

export const INSPECTION_LEVELS = ["NATIONAL", "PROVINCIAL"] as const;
export type InspectionLevel = (typeof INSPECTION_LEVELS)[number];

const ZInspectionMark = z.strictObject({ level: z.enum(INSPECTION_LEVELS), year: ZYear });
export type InspectionMark = z.infer<typeof ZInspectionMark>;

const ZRankedInstitution = z.strictObject({
  code: ZId,
  name: ZText,
  /** Fund paid over the reference years, in fen (integer, so the ranking is exact). */
  fundUsage: z.int().min(0),
  inspections: z.array(ZInspectionMark),
});
export type RankedInstitution = z.infer<typeof ZRankedInstitution>;

const ZPoolRule = z.discriminatedUnion("by", [
  z.strictObject({ by: z.literal("TOP_K"), k: ZCount }),
  z.strictObject({ by: z.literal("TOP_PERCENT"), percent: z.int().min(1).max(100) }),
]);
export type PoolRule = z.infer<typeof ZPoolRule>;

export const DESIGNATION_KINDS = ["HOSPITAL", "PHARMACY", "LOOK_BACK"] as const;
const ZDesignation = z.strictObject({ code: ZId, as: z.enum(DESIGNATION_KINDS), reason: ZText });
export type Designation = z.infer<typeof ZDesignation>;

const ZExclusion = z.strictObject({ code: ZId, inspections: z.array(ZInspectionMark).min(1) });
export type Exclusion = z.infer<typeof ZExclusion>;

const ZRegionTargets = z.strictObject({
  code: ZId,
  name: ZText,
  hospitalPool: ZPoolRule,
  hospitalCount: ZCount,
  pharmacyTop: ZCount,
  pharmacyCount: ZCount,
  lookBackCount: ZCount,
  hospitals: z.array(ZRankedInstitution),
  pharmacies: z.array(ZRankedInstitution),
  agencies: z.array(z.strictObject({ code: ZId, name: ZText })),
  designated: z.array(ZDesignation),
  exclusions: z.array(ZExclusion),
});
export type RegionTargets = z.infer<typeof ZRegionTargets>;

const ZYearWindow = z.strictObject({ level: z.enum(INSPECTION_LEVELS), fromYear: ZYear, toYear: ZYear });
export type YearWindow = z.infer<typeof ZYearWindow>;

export const ZTargetManifest = z.strictObject({
  kind: z.literal("TARGETS"),
  ...manifestHeaderShape,
  referenceYears: z.array(ZYear).min(1),
  exclusionWindows: z.array(ZYearWindow),
  lookBack: z.strictObject({ levels: z.array(z.enum(INSPECTION_LEVELS)).min(1), upToYear: ZYear }),
  regions: z.array(ZRegionTargets).min(1),
});
export type TargetManifest = z.infer<typeof ZTargetManifest>;

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
export function compareRanking(a: RankedInstitution, b: RankedInstitution): number {
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

function checkRegion(manifest: TargetManifest, region: RegionTargets, path: string): Mismatch | null {
  const ranked = checkRanked(region.hospitals, `${path}.hospitals`) ?? checkRanked(region.pharmacies, `${path}.pharmacies`);
  if (ranked) return ranked;
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
  return firstDifference(deriveExclusions(region, manifest.exclusionWindows), region.exclusions, `${path}.exclusions`);
}

/** The first way `manifest` breaks the rules of a target manifest, or null. Shape is zod's job. */
export function checkTargetManifest(manifest: TargetManifest): Mismatch | null {
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
    const problem = checkRegion(manifest, region, `regions[${i}]`);
    if (problem) return problem;
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
  designated?: readonly Designation[];
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
};

function rank(institutions: readonly InstitutionInput[], referenceYears: ReadonlySet<number>): RankedInstitution[] {
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

/** Ranks, derives exclusions and fills the plan's defaults; throws `INVALID_MANIFEST` naming the first problem. */
export function buildTargetManifest(input: TargetManifestInput): TargetManifest {
  const referenceYears = [...new Set(input.referenceYears)].sort((a, b) => a - b);
  const years = new Set(referenceYears);
  const exclusionWindows = [...(input.exclusionWindows ?? defaultExclusionWindows(input.planYear))];
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
      hospitals: rank(of("HOSPITAL"), years),
      pharmacies: rank(of("PHARMACY"), years),
      agencies: of("AGENCY")
        .map((agency) => ({ code: agency.code, name: agency.name }))
        .sort((a, b) => (a.code < b.code ? -1 : 1)),
      designated: (region.designated ?? []).map((d) => ({ code: d.code, as: d.as, reason: d.reason })),
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
    lookBack: { levels: [...INSPECTION_LEVELS], upToYear: input.lookBackUpToYear ?? input.planYear - 2 },
    regions,
  };
  const parsed = ZTargetManifest.safeParse(manifest);
  const problem = parsed.success ? checkTargetManifest(manifest) : zodMismatch(parsed.error, "");
  if (problem) throw new DrawError("INVALID_MANIFEST", problem.message, problem.path);
  return manifest;
}
