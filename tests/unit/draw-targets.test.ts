import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DrawError } from "@/lib/domain/draw/errors";
import {
  buildTargetManifest,
  type InstitutionInput,
  type RegionTargetsInput,
  type TargetManifestInput,
} from "@/lib/domain/draw/target-manifest";
import { drawTargets, poolSize, targetsOf } from "@/lib/domain/draw/targets";
import { compareTickets, firstTicket } from "@/lib/domain/draw/tickets";

const PARTIES = [
  { id: "BUREAU", name: "bureau" },
  { id: "DISCIPLINE", name: "discipline office" },
];

const hospital = (code: string, amount: number, inspections: InstitutionInput["inspections"] = []): InstitutionInput => ({
  code,
  name: `hospital ${code}`,
  kind: "HOSPITAL",
  fundUsage: [{ year: 2022, amount }, { year: 2023, amount }, { year: 2021, amount: 999_999_999 }],
  inspections,
});
const pharmacy = (code: string, amount: number, inspections: InstitutionInput["inspections"] = []): InstitutionInput => ({
  ...hospital(code, amount, inspections),
  kind: "PHARMACY",
  name: `pharmacy ${code}`,
});
const agency = (code: string): InstitutionInput => ({ code, name: `agency ${code}`, kind: "AGENCY", fundUsage: [], inspections: [] });

const plan = (regions: RegionTargetsInput[], extra: Partial<TargetManifestInput> = {}): TargetManifestInput => ({
  disclosureKey: "d".repeat(64),
  planId: "P2024",
  planYear: 2024,
  referenceYears: [2022, 2023],
  parties: PARTIES,
  regions,
  ...extra,
});

const region = (institutions: InstitutionInput[], extra: Partial<RegionTargetsInput> = {}): RegionTargetsInput => ({
  code: "R1",
  name: "region one",
  institutions,
  hospitalPool: { by: "TOP_K", k: 100 },
  hospitalCount: 2,
  ...extra,
});

describe("the target manifest", () => {
  it("ranks by fund usage over the reference years only, ties broken by code", () => {
    const manifest = buildTargetManifest(
      plan([region([hospital("H3", 5), hospital("H1", 5), hospital("H2", 9), pharmacy("P1", 1)])]),
    );
    expect(manifest.regions[0]!.hospitals.map((h) => [h.code, h.fundUsage])).toEqual([
      ["H2", 18],
      ["H1", 10],
      ["H3", 10],
    ]);
  });

  it("applies the plan's default windows: national in the plan year or the year before, provincial the year before", () => {
    const manifest = buildTargetManifest(
      plan([
        region([
          hospital("H1", 1, [{ level: "NATIONAL", year: 2024 }]),
          hospital("H2", 1, [{ level: "NATIONAL", year: 2023 }]),
          hospital("H3", 1, [{ level: "NATIONAL", year: 2022 }]),
          hospital("H4", 1, [{ level: "PROVINCIAL", year: 2023 }]),
          hospital("H5", 1, [{ level: "PROVINCIAL", year: 2024 }, { level: "PROVINCIAL", year: 2022 }]),
          hospital("H6", 1, [{ level: "CITY", year: 2023 }]),
          hospital("H7", 1, [{ level: "NATIONAL", year: 2023 }]),
        ], { designated: [{ code: "H7", as: "HOSPITAL", reason: "tip-off" }] }),
      ]),
    );
    expect(manifest.regions[0]!.exclusions).toEqual([
      { code: "H1", inspections: [{ level: "NATIONAL", year: 2024 }] },
      { code: "H2", inspections: [{ level: "NATIONAL", year: 2023 }] },
      { code: "H4", inspections: [{ level: "PROVINCIAL", year: 2023 }] },
    ]);
    expect(manifest.lookBack).toEqual({ levels: ["NATIONAL", "PROVINCIAL"], upToYear: 2022 });
  });

  it.each([
    ["a designated code that is not one of the region's hospitals", { designated: [{ code: "P1", as: "HOSPITAL" as const, reason: "x" }] }, "regions[0].designated[0].code"],
    ["a code designated twice", { designated: [{ code: "H1", as: "HOSPITAL" as const, reason: "x" }, { code: "H1", as: "LOOK_BACK" as const, reason: "y" }] }, "regions[0].designated[1]"],
    ["a pool percentage over 100", { hospitalPool: { by: "TOP_PERCENT" as const, percent: 120 } }, "regions[0].hospitalPool.percent"],
  ])("refuses %s", (_, change, path) => {
    const build = () => buildTargetManifest(plan([region([hospital("H1", 1), pharmacy("P1", 1)], change)]));
    expect(build).toThrow(DrawError);
    expect(build).toThrow(expect.objectContaining({ code: "INVALID_MANIFEST", path }));
  });

  it("refuses a manifest with one party", () => {
    expect(() => buildTargetManifest(plan([region([])], { parties: [PARTIES[0]!] }))).toThrow(
      expect.objectContaining({ path: "parties" }),
    );
  });

  it("rounds a percentage pool up", () => {
    expect(poolSize({ by: "TOP_PERCENT", percent: 1 }, 150)).toBe(2);
    expect(poolSize({ by: "TOP_PERCENT", percent: 10 }, 30)).toBe(3);
    expect(poolSize({ by: "TOP_PERCENT", percent: 100 }, 0)).toBe(0);
    expect(poolSize({ by: "TOP_K", k: 30 }, 12)).toBe(12);
  });
});

describe("the target draw", () => {
  it("takes the designated targets against the quota and the agencies, and draws the rest by ticket", () => {
    const manifest = buildTargetManifest(
      plan([
        region(
          [
            ...Array.from({ length: 8 }, (_, i) => hospital(`H${i}`, 100 - i)),
            ...Array.from({ length: 12 }, (_, i) => pharmacy(`P${i}`, 100 - i)),
            agency("A2"),
            agency("A1"),
          ],
          { hospitalCount: 3, designated: [{ code: "H7", as: "HOSPITAL", reason: "data screening" }], lookBackCount: 0 },
        ),
      ]),
    );
    const seed = "seed-1";
    const { result, rules } = drawTargets(manifest, seed);
    const r = result.regions[0]!;
    expect(rules.regions[0]).toMatchObject({ hospitalDraw: 2, pharmacyDraw: 2, pharmacyListSize: 10, lookBackDraw: 0 });
    expect(r.agencies).toEqual(["A1", "A2"]);
    expect(r.designated).toEqual([{ code: "H7", as: "HOSPITAL" }]);
    const byTicket = (ids: string[]) => [...ids].sort((a, b) => compareTickets(firstTicket(seed, a), firstTicket(seed, b)));
    expect(r.hospitals).toEqual(byTicket(["H0", "H1", "H2", "H3", "H4", "H5", "H6"]).slice(0, 2));
    expect(r.pharmacies).toEqual(byTicket(Array.from({ length: 10 }, (_, i) => `P${i}`)).slice(0, 2));
    expect(targetsOf(result)).toHaveLength(2 + 1 + 2 + 2);
  });

  it("draws none of a kind, saying why, when too few candidates are eligible", () => {
    const manifest = buildTargetManifest(
      plan([
        region(
          [hospital("H1", 3), hospital("H2", 2, [{ level: "NATIONAL", year: 2023 }]), hospital("H3", 1, [{ level: "PROVINCIAL", year: 2019 }]), pharmacy("P1", 1)],
          { hospitalCount: 2, pharmacyCount: 2, lookBackCount: 1 },
        ),
      ]),
    );
    const r = drawTargets(manifest, "s").result.regions[0]!;
    // Look-back: H3 is its only candidate. Hospitals: H1 and H3 are eligible, but the look-back
    // draw may take H3, so only one is sure: the rule of 2 cannot be met from the manifest alone.
    expect(r.lookBack).toEqual(["H3"]);
    expect(r.hospitals).toEqual([]);
    expect(r.pharmacies).toEqual([]);
    expect(r.shortfalls).toEqual([
      { rule: "AGENCY", needed: 1, eligible: 0, reservedForLookBack: 0 },
      { rule: "HOSPITAL", needed: 2, eligible: 2, reservedForLookBack: 1 },
      { rule: "PHARMACY", needed: 2, eligible: 1, reservedForLookBack: 0 },
    ]);
  });

  it("lets a designated institution through an exclusion", () => {
    const manifest = buildTargetManifest(
      plan([
        region([hospital("H1", 1, [{ level: "NATIONAL", year: 2024 }]), hospital("H2", 1)], {
          hospitalCount: 1,
          pharmacyCount: 0,
          lookBackCount: 0,
          designated: [{ code: "H1", as: "HOSPITAL", reason: "tip-off" }],
        }),
      ]),
    );
    const r = drawTargets(manifest, "s").result.regions[0]!;
    expect(r.designated).toEqual([{ code: "H1", as: "HOSPITAL" }]);
    expect(r.hospitals).toEqual([]);
    expect(r.shortfalls).toEqual([{ rule: "AGENCY", needed: 1, eligible: 0, reservedForLookBack: 0 }]);
  });
});

// ---- property tests over random provinces --------------------------------------------------

type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

const levelArb = fc.constantFrom("NATIONAL" as const, "PROVINCIAL" as const, "CITY" as const);
const markArb = fc.record({ level: levelArb, year: fc.integer({ min: 2018, max: 2024 }) });
const institutionArb = fc.record({
  amount: fc.integer({ min: 0, max: 6 }).map((n) => n * 1000),
  inspections: fc.array(markArb, { maxLength: 2 }),
});
const regionArb = fc.record({
  hospitals: fc.array(institutionArb, { maxLength: 18 }),
  pharmacies: fc.array(institutionArb, { maxLength: 14 }),
  agencies: fc.integer({ min: 0, max: 2 }),
  pool: fc.oneof(
    fc.record({ by: fc.constant("TOP_K" as const), k: fc.integer({ min: 0, max: 20 }) }),
    fc.record({ by: fc.constant("TOP_PERCENT" as const), percent: fc.integer({ min: 1, max: 100 }) }),
  ),
  hospitalCount: fc.integer({ min: 0, max: 6 }),
  pharmacyTop: fc.integer({ min: 0, max: 12 }),
  pharmacyCount: fc.integer({ min: 0, max: 4 }),
  lookBackCount: fc.integer({ min: 0, max: 2 }),
  designate: fc.array(fc.tuple(fc.nat(), fc.constantFrom("HOSPITAL" as const, "PHARMACY" as const, "LOOK_BACK" as const)), { maxLength: 3 }),
});
const provinceArb = fc.record({ regions: fc.array(regionArb, { minLength: 1, maxLength: 3 }), seed: fc.string({ maxLength: 12 }) });

function provinceInput(province: ValueOf<typeof provinceArb>): TargetManifestInput {
  return plan(
    province.regions.map((r, ri) => {
      const hospitals = r.hospitals.map((h, i) => hospital(`H${ri}x${i}`, h.amount, h.inspections));
      const pharmacies = r.pharmacies.map((p, i) => pharmacy(`P${ri}x${i}`, p.amount, p.inspections));
      const designated = new Map<string, { code: string; as: "HOSPITAL" | "PHARMACY" | "LOOK_BACK"; reason: string }>();
      for (const [n, as] of r.designate) {
        const list = as === "PHARMACY" ? pharmacies : hospitals;
        if (list.length > 0) {
          const code = list[n % list.length]!.code;
          if (!designated.has(code)) designated.set(code, { code, as, reason: "designated in test" });
        }
      }
      return {
        code: `R${ri}`,
        name: `region ${ri}`,
        institutions: [...hospitals, ...pharmacies, ...Array.from({ length: r.agencies }, (_, i) => agency(`A${ri}x${i}`))],
        hospitalPool: r.pool,
        hospitalCount: r.hospitalCount,
        pharmacyTop: r.pharmacyTop,
        pharmacyCount: r.pharmacyCount,
        lookBackCount: r.lookBackCount,
        designated: [...designated.values()],
      };
    }),
  );
}

/** The plan's rules restated independently of the engine, for one region of the input. */
function model(input: RegionTargetsInput, planYear: number) {
  const usage = (i: InstitutionInput) => i.fundUsage.filter((u) => u.year === 2022 || u.year === 2023).reduce((s, u) => s + u.amount, 0);
  const ranked = (kind: InstitutionInput["kind"]) =>
    input.institutions.filter((i) => i.kind === kind).sort((a, b) => usage(b) - usage(a) || (a.code < b.code ? -1 : 1));
  const designated = new Set((input.designated ?? []).map((d) => d.code));
  const excluded = (i: InstitutionInput) =>
    i.inspections.some(
      (m) => (m.level === "NATIONAL" && m.year >= planYear - 1 && m.year <= planYear) || (m.level === "PROVINCIAL" && m.year === planYear - 1),
    );
  const eligible = (i: InstitutionInput) => !designated.has(i.code) && !excluded(i);
  const hospitals = ranked("HOSPITAL");
  const poolCount =
    input.hospitalPool.by === "TOP_K" ? Math.min(input.hospitalPool.k, hospitals.length) : Math.ceil((hospitals.length * input.hospitalPool.percent) / 100);
  const count = (as: string) => (input.designated ?? []).filter((d) => d.as === as).length;
  return {
    pool: hospitals.slice(0, poolCount).filter(eligible).map((i) => i.code),
    pharmacies: ranked("PHARMACY").slice(0, input.pharmacyTop).filter(eligible).map((i) => i.code),
    lookBack: hospitals
      .filter((h) => h.inspections.some((m) => m.level !== "CITY" && m.year <= planYear - 2))
      .filter(eligible)
      .map((i) => i.code),
    needHospitals: Math.max(0, input.hospitalCount - count("HOSPITAL")),
    needPharmacies: Math.max(0, (input.pharmacyCount ?? 2) - count("PHARMACY")),
    needLookBack: Math.max(0, (input.lookBackCount ?? 1) - count("LOOK_BACK")),
    excluded: new Set(input.institutions.filter((i) => excluded(i) && !designated.has(i.code)).map((i) => i.code)),
  };
}

/** `drawn` are the lowest tickets of `from`, and in ticket order. */
function expectLowestTickets(drawn: string[], from: string[], seed: string): void {
  const ordered = [...from].sort((a, b) => compareTickets(firstTicket(seed, a), firstTicket(seed, b)));
  expect(drawn).toEqual(ordered.slice(0, drawn.length));
}

describe("every rule holds for random provinces", () => {
  it("draws only eligible institutions, by lowest ticket, the right number or none with the reason", () => {
    fc.assert(
      fc.property(provinceArb, (province) => {
        const input = provinceInput(province);
        const manifest = buildTargetManifest(input);
        const { result } = drawTargets(manifest, province.seed);
        result.regions.forEach((r, i) => {
          const m = model(input.regions[i]!, 2024);
          const all = [...r.agencies, ...r.designated.map((d) => d.code), ...r.lookBack, ...r.hospitals, ...r.pharmacies];
          expect(new Set(all).size).toBe(all.length);
          for (const code of [...r.lookBack, ...r.hospitals, ...r.pharmacies]) expect(m.excluded.has(code)).toBe(false);
          expect(r.agencies).toHaveLength(input.regions[i]!.institutions.filter((x) => x.kind === "AGENCY").length);

          const shortOf = (rule: string) => r.shortfalls.some((s) => s.rule === rule);
          expect(shortOf("LOOK_BACK")).toBe(m.needLookBack > m.lookBack.length);
          expect(r.lookBack).toHaveLength(shortOf("LOOK_BACK") ? 0 : m.needLookBack);
          expectLowestTickets(r.lookBack, m.lookBack, province.seed);

          const reserved = shortOf("LOOK_BACK") ? 0 : Math.min(m.needLookBack, m.pool.filter((c) => m.lookBack.includes(c)).length);
          expect(shortOf("HOSPITAL")).toBe(m.needHospitals > m.pool.length - reserved);
          expect(r.hospitals).toHaveLength(shortOf("HOSPITAL") ? 0 : m.needHospitals);
          expectLowestTickets(r.hospitals, m.pool.filter((c) => !r.lookBack.includes(c)), province.seed);

          expect(shortOf("PHARMACY")).toBe(m.needPharmacies > m.pharmacies.length);
          expect(r.pharmacies).toHaveLength(shortOf("PHARMACY") ? 0 : m.needPharmacies);
          expectLowestTickets(r.pharmacies, m.pharmacies, province.seed);
        });
      }),
      { numRuns: 150 },
    );
  });

  it("gives the same manifest and draw for the same inputs, whatever order the institutions come in", () => {
    fc.assert(
      fc.property(provinceArb, fc.nat(), (province, rotation) => {
        const input = provinceInput(province);
        const shuffled = {
          ...input,
          regions: input.regions.map((r) => {
            const k = rotation % Math.max(1, r.institutions.length);
            return { ...r, institutions: [...r.institutions.slice(k), ...r.institutions.slice(0, k)].reverse() };
          }),
        };
        const a = buildTargetManifest(input);
        const b = buildTargetManifest(shuffled);
        expect(b).toEqual(a);
        expect(drawTargets(b, province.seed)).toEqual(drawTargets(a, province.seed));
      }),
      { numRuns: 60 },
    );
  });
});

describe("selection frequency", () => {
  // Chi-square with 11 (resp. 9) degrees of freedom; 40 is beyond the 0.9999 quantile (≈ 35.7),
  // so a fair draw fails this about once in ten thousand seeds sets; the seeds here are fixed.
  const chiSquare = (counts: number[], expected: number) => counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);

  it("is uniform over the eligible hospitals of the pool and the pharmacies of the top 10", () => {
    const manifest = buildTargetManifest(
      plan([
        region(
          [
            ...Array.from({ length: 15 }, (_, i) => hospital(`H${String(i).padStart(2, "0")}`, 100 - i, i === 4 ? [{ level: "NATIONAL", year: 2024 }] : [])),
            ...Array.from({ length: 14 }, (_, i) => pharmacy(`P${String(i).padStart(2, "0")}`, 100 - i)),
            agency("A1"),
          ],
          { hospitalPool: { by: "TOP_K", k: 13 }, hospitalCount: 3, lookBackCount: 0 },
        ),
      ]),
    );
    const runs = 2000;
    const hospitals = new Map<string, number>();
    const pharmacies = new Map<string, number>();
    for (let n = 0; n < runs; n++) {
      const r = drawTargets(manifest, `uniformity-${n}`).result.regions[0]!;
      r.hospitals.forEach((c) => hospitals.set(c, (hospitals.get(c) ?? 0) + 1));
      r.pharmacies.forEach((c) => pharmacies.set(c, (pharmacies.get(c) ?? 0) + 1));
    }
    // 12 eligible in the pool of 13 (H04 excluded), none below it; 10 pharmacies in the top 10.
    expect([...hospitals.keys()].sort()).toEqual(["H00", "H01", "H02", "H03", "H05", "H06", "H07", "H08", "H09", "H10", "H11", "H12"]);
    expect([...pharmacies.keys()].sort()).toEqual(Array.from({ length: 10 }, (_, i) => `P${String(i).padStart(2, "0")}`));
    expect(chiSquare([...hospitals.values()], (runs * 3) / 12)).toBeLessThan(40);
    expect(chiSquare([...pharmacies.values()], (runs * 2) / 10)).toBeLessThan(40);
  });
});
