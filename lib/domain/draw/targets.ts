/**
 * The target draw (issue 8 §3; Jilin plan §一(二)), region by region, in this order:
 * designated targets, the region's agencies, the look-back draw, the hospital draw, the
 * pharmacy draw. A list is drawn by walking its candidates in increasing ticket order and
 * taking the first eligible ones; every candidate passed over on the way is a skip with its
 * reason. Look-back comes before hospitals because its list is the scarce one: a hospital drawn
 * first could use up the only look-back candidate, while the pool rarely misses one hospital.
 *
 * A rule that cannot be met is decided from the manifest alone, before randomness: if a list
 * has fewer eligible candidates than it must give (the hospital pool counting, in the worst
 * case, the ones the look-back draw may take), that kind is not drawn at all and the result
 * says so. So no seed can make a rule fail, and the bureau sees a shortfall before the meeting.
 */
import {
  type PublicRegionTargets,
  type PublicTargetManifest,
  type Designation,
  type PoolRule,
  type InspectionLevel,
  type YearWindow,
} from "@/lib/domain/draw/target-manifest";
import { ALGORITHM_VERSION } from "@/lib/domain/draw/manifest";
import { sortByTicket } from "@/lib/domain/draw/tickets";

export type TargetList = "LOOK_BACK" | "HOSPITAL" | "PHARMACY";
export const TARGET_LISTS: readonly TargetList[] = ["LOOK_BACK", "HOSPITAL", "PHARMACY"];
export type CandidateStatus = "ELIGIBLE" | "EXCLUDED" | "DESIGNATED";

/** One entry of a list drawn from; `tickets[i]` of the record is the ticket of `candidates[i]`. */
export type TargetCandidate = { region: string; list: TargetList; id: string; status: CandidateStatus };
export type TargetSkipReason = "EXCLUDED" | "DESIGNATED" | "DRAWN_FOR_LOOK_BACK";
export type TargetSkip = { region: string; list: TargetList; id: string; reason: TargetSkipReason };

export type Shortfall = {
  rule: "AGENCY" | TargetList;
  needed: number;
  eligible: number;
  /** Hospitals only: eligible pool members the look-back draw may take (worst case). */
  reservedForLookBack: number;
};

export type RegionResult = {
  region: string;
  agencies: string[];
  designated: { code: string; as: Designation["as"] }[];
  lookBack: string[];
  hospitals: string[];
  pharmacies: string[];
  shortfalls: Shortfall[];
};
export type TargetResult = { regions: RegionResult[] };

export type RegionRules = {
  region: string;
  hospitalPool: PoolRule;
  hospitalPoolSize: number;
  hospitalDraw: number;
  pharmacyListSize: number;
  pharmacyDraw: number;
  lookBackListSize: number;
  lookBackDraw: number;
};
export type TargetRules = {
  algorithm: typeof ALGORITHM_VERSION;
  order: ["DESIGNATED", "AGENCY", "LOOK_BACK", "HOSPITAL", "PHARMACY"];
  exclusionWindows: YearWindow[];
  lookBack: { levels: InspectionLevel[]; upToYear: number };
  regions: RegionRules[];
};

export type TargetDraw = {
  rules: TargetRules;
  candidates: TargetCandidate[];
  tickets: string[];
  result: TargetResult;
  skips: TargetSkip[];
};

/** Top K, or top P % rounded up (a 1 % pool of 150 hospitals has 2), of the region's ranking. */
export function poolSize(rule: PoolRule, ranked: number): number {
  if (rule.by === "TOP_K") return Math.min(rule.k, ranked);
  return Math.ceil((ranked * rule.percent) / 100);
}

type ListEntry = { code: string };

/**
 * The lists a region's targets are drawn from, in ranking order. The hospital pool is the top of
 * the full ranking (exclusions do not pull lower hospitals in); the look-back list is every
 * hospital of the region with a national or provincial inspection in or before the window's year,
 * as the manifest marks it (`lookBack`, derived from the committed history, ADR 019).
 */
export function drawListsOf(region: PublicRegionTargets): Record<TargetList, ListEntry[]> {
  return {
    LOOK_BACK: region.hospitals.filter((h) => h.lookBack),
    HOSPITAL: region.hospitals.slice(0, poolSize(region.hospitalPool, region.hospitals.length)),
    PHARMACY: region.pharmacies.slice(0, Math.min(region.pharmacyTop, region.pharmacies.length)),
  };
}

const remaining = (quota: number, designated: readonly { as: Designation["as"] }[], as: Designation["as"]): number =>
  Math.max(0, quota - designated.filter((d) => d.as === as).length);

export function regionRules(region: PublicRegionTargets): RegionRules {
  const lists = drawListsOf(region);
  return {
    region: region.code,
    hospitalPool: region.hospitalPool,
    hospitalPoolSize: lists.HOSPITAL.length,
    hospitalDraw: remaining(region.hospitalCount, region.designated, "HOSPITAL"),
    pharmacyListSize: lists.PHARMACY.length,
    pharmacyDraw: remaining(region.pharmacyCount, region.designated, "PHARMACY"),
    lookBackListSize: lists.LOOK_BACK.length,
    lookBackDraw: remaining(region.lookBackCount, region.designated, "LOOK_BACK"),
  };
}

type Ticketed = { id: string; ticket: string; position: number };

function drawRegion(region: PublicRegionTargets, seed: string, out: TargetDraw): void {
  const lists = drawListsOf(region);
  const rules = regionRules(region);
  const designated = new Set(region.designated.map((d) => d.code));
  const excluded = new Set(region.exclusions.map((e) => e.code));
  const statusOf = (code: string): CandidateStatus =>
    designated.has(code) ? "DESIGNATED" : excluded.has(code) ? "EXCLUDED" : "ELIGIBLE";

  // One ticket per institution: the same code in two lists has the same ticket (consistent sampling).
  const ids = [...new Set(TARGET_LISTS.flatMap((list) => lists[list].map((i) => i.code)))];
  const byId = new Map<string, Ticketed>();
  sortByTicket(ids, seed, (id) => id).forEach(({ id, ticket }, position) => byId.set(id, { id, ticket, position }));
  const inTicketOrder = (list: TargetList): Ticketed[] =>
    lists[list].map((i) => byId.get(i.code)!).sort((a, b) => a.position - b.position);

  for (const list of TARGET_LISTS) {
    for (const institution of lists[list]) {
      out.candidates.push({ region: region.code, list, id: institution.code, status: statusOf(institution.code) });
      out.tickets.push(byId.get(institution.code)!.ticket);
    }
  }

  const eligible = (list: TargetList) => lists[list].filter((i) => statusOf(i.code) === "ELIGIBLE");
  const shortfalls: Shortfall[] = [];
  if (region.agencies.length === 0) shortfalls.push({ rule: "AGENCY", needed: 1, eligible: 0, reservedForLookBack: 0 });

  const draw = (list: TargetList, needed: number, reserved: number, taken: ReadonlySet<string>): string[] => {
    const available = eligible(list).length;
    if (needed > available - reserved) {
      shortfalls.push({ rule: list, needed, eligible: available, reservedForLookBack: reserved });
      return [];
    }
    const drawn: string[] = [];
    for (const { id } of inTicketOrder(list)) {
      if (drawn.length === needed) break;
      const status = statusOf(id);
      if (status !== "ELIGIBLE") out.skips.push({ region: region.code, list, id, reason: status });
      else if (taken.has(id)) out.skips.push({ region: region.code, list, id, reason: "DRAWN_FOR_LOOK_BACK" });
      else drawn.push(id);
    }
    return drawn;
  };

  const lookBackFeasible = rules.lookBackDraw <= eligible("LOOK_BACK").length;
  const lookBack = draw("LOOK_BACK", rules.lookBackDraw, 0, new Set());
  const lookBackCodes = new Set(eligible("LOOK_BACK").map((i) => i.code));
  const overlap = eligible("HOSPITAL").filter((i) => lookBackCodes.has(i.code)).length;
  const reserved = lookBackFeasible ? Math.min(rules.lookBackDraw, overlap) : 0;
  const hospitals = draw("HOSPITAL", rules.hospitalDraw, reserved, new Set(lookBack));
  const pharmacies = draw("PHARMACY", rules.pharmacyDraw, 0, new Set());

  out.rules.regions.push(rules);
  out.result.regions.push({
    region: region.code,
    agencies: region.agencies.map((a) => a.code),
    designated: region.designated.map((d) => ({ code: d.code, as: d.as })),
    lookBack,
    hospitals,
    pharmacies,
    shortfalls,
  });
}

/**
 * The whole target draw of a manifest under a seed: pure, the same inputs always give the same draw. Reads only
 * what the public manifest holds, so a full manifest and its public form draw the same.
 */
export function drawTargets(manifest: PublicTargetManifest, seed: string): TargetDraw {
  const out: TargetDraw = {
    rules: {
      algorithm: ALGORITHM_VERSION,
      order: ["DESIGNATED", "AGENCY", "LOOK_BACK", "HOSPITAL", "PHARMACY"],
      exclusionWindows: manifest.exclusionWindows,
      lookBack: manifest.lookBack,
      regions: [],
    },
    candidates: [],
    tickets: [],
    result: { regions: [] },
    skips: [],
  };
  for (const region of manifest.regions) drawRegion(region, seed, out);
  return out;
}

export type TargetRole = "AGENCY" | `DESIGNATED_${Designation["as"]}` | TargetList;

/** Every target of a result, flat, for creating the inspection cases. */
export function targetsOf(result: TargetResult): { region: string; code: string; as: TargetRole }[] {
  return result.regions.flatMap((r) => [
    ...r.agencies.map((code) => ({ region: r.region, code, as: "AGENCY" as const })),
    ...r.designated.map((d) => ({ region: r.region, code: d.code, as: `DESIGNATED_${d.as}` as const })),
    ...r.lookBack.map((code) => ({ region: r.region, code, as: "LOOK_BACK" as const })),
    ...r.hospitals.map((code) => ({ region: r.region, code, as: "HOSPITAL" as const })),
    ...r.pharmacies.map((code) => ({ region: r.region, code, as: "PHARMACY" as const })),
  ]);
}
