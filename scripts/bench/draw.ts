/**
 * Benchmark of the target draw (issue 8 §9): 30,000 candidates in 10 regions, drawn as the Jilin
 * plan runs it (one record per region, at each team's kickoff), then verified from the published
 * JSON; each figure next to the bare tickets of the same lists in the same run, so the ratio says
 * what the rules, hashing of the manifest and the record cost on top of the sampling itself.
 * Single-threaded, like the draw. `npx tsx scripts/bench/draw.ts` runs it alone; `npm run bench`
 * imports `benchDraw`.
 */
import { fileURLToPath } from "node:url";
import { buildTargetRecord, publicRecord, type TargetDrawRecord } from "@/lib/domain/draw/record";
import { commitmentOf, runCeremony } from "@/lib/domain/draw/seed";
import { buildTargetManifest, type InstitutionInput, type TargetManifest } from "@/lib/domain/draw/target-manifest";
import { drawListsOf, drawTargets, TARGET_LISTS } from "@/lib/domain/draw/targets";
import { sortByTicket } from "@/lib/domain/draw/tickets";
import { verifyDrawRecord } from "@/lib/domain/draw/verify";

const REGIONS = 10;
const HOSPITALS_PER_REGION = 1_000;
const PHARMACIES_PER_REGION = 2_000;
const RUNS = 3;

/** mulberry32: a small deterministic generator, so every run draws the same province. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function regionInstitutions(region: number, next: () => number): InstitutionInput[] {
  const make = (kind: "HOSPITAL" | "PHARMACY", count: number): InstitutionInput[] =>
    Array.from({ length: count }, (_, i) => {
      const roll = next();
      return {
        code: `${kind[0]}22${String(region).padStart(2, "0")}${String(i).padStart(6, "0")}`,
        name: `${kind === "HOSPITAL" ? "示例医院" : "示例药店"}${region}-${i}`,
        kind,
        // Long tail: a few institutions use most of the fund.
        fundUsage: [2022, 2023].map((year) => ({ year, amount: Math.floor(1e10 * next() ** 6) })),
        inspections:
          roll < 0.03
            ? [{ level: "NATIONAL" as const, year: 2023 }]
            : roll < 0.08
              ? [{ level: "PROVINCIAL" as const, year: 2019 + Math.floor(next() * 5) }]
              : [],
      };
    });
  return [
    ...make("HOSPITAL", HOSPITALS_PER_REGION),
    ...make("PHARMACY", PHARMACIES_PER_REGION),
    { code: `A22${String(region).padStart(2, "0")}`, name: `经办机构${region}`, kind: "AGENCY", fundUsage: [], inspections: [] },
  ];
}

const PARTIES = [
  { id: "BUREAU", name: "bureau" },
  { id: "DISCIPLINE", name: "discipline office" },
];

/** One manifest per region; `wide` puts every institution on a drawing list (30,000 tickets). */
function manifests(wide: boolean): TargetManifest[] {
  const next = random(20241123);
  return Array.from({ length: REGIONS }, (_, region) =>
    buildTargetManifest({
      disclosureKey: "b".repeat(64),
      planId: "BENCH-2024",
      planYear: 2024,
      referenceYears: [2022, 2023],
      parties: PARTIES,
      regions: [
        {
          code: `R${region}`,
          name: `region ${region}`,
          institutions: regionInstitutions(region, next),
          hospitalPool: wide ? { by: "TOP_PERCENT", percent: 100 } : { by: "TOP_K", k: 30 },
          hospitalCount: 4,
          pharmacyTop: wide ? PHARMACIES_PER_REGION : 10,
        },
      ],
    }),
  );
}

function ceremonyFor(manifest: TargetManifest, region: number) {
  const salts = PARTIES.map((p) => ({ party: p.id, salt: `bench-salt-${p.id}-${region}-0123456789` }));
  return runCeremony(manifest, {
    commitments: salts.map((s) => ({ party: s.party, commitment: commitmentOf(s.salt) })),
    publicEntropy: "40382617495038271645",
    salts,
  });
}

/** Milliseconds of the fastest of `RUNS` runs (after one warm-up), and the last value. */
function time<T>(run: () => T): { ms: number; value: T } {
  let value = run();
  let best = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    value = run();
    best = Math.min(best, performance.now() - started);
  }
  return { ms: Math.round(best * 10) / 10, value };
}

export async function benchDraw(): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  const build = time(() => manifests(true));
  const wide = build.value;
  figures["draw.manifests.build.ms"] = build.ms;
  const seeds = wide.map((manifest, i) => {
    const c = ceremonyFor(manifest, i);
    return c.stage === "SEEDED" ? c.seed : "";
  });
  const lists = wide.map((m) => TARGET_LISTS.map((list) => drawListsOf(m.regions[0]!)[list].map((i) => i.code)));
  figures["draw.candidates"] = wide.reduce((n, m) => n + m.regions[0]!.hospitals.length + m.regions[0]!.pharmacies.length, 0);
  figures["draw.tickets"] = lists.flat(2).length;

  figures["draw.bareTickets.ms"] = time(() =>
    lists.forEach((regionLists, i) => regionLists.forEach((ids) => sortByTicket(ids, seeds[i]!, (id) => id))),
  ).ms;
  figures["draw.targets.ms"] = time(() => wide.forEach((m, i) => drawTargets(m, seeds[i]!))).ms;
  const records = time(() => wide.map((m, i) => buildTargetRecord({ manifest: m, ceremony: ceremonyFor(m, i), drawnAt: "2024-07-15T02:30:00.000Z" })));
  figures["draw.records.ms"] = records.ms;
  // What the public verifies: the published form (ADR 019); the full one also opens every commitment.
  const published = records.value.map((r) => JSON.stringify(publicRecord(r)));
  figures["draw.records.bytes"] = published.reduce((n, text) => n + text.length, 0);
  const verify = time(() => published.map((text) => verifyDrawRecord(JSON.parse(text) as TargetDrawRecord)));
  if (!verify.value.every((report) => report.ok)) throw new Error("a benchmark record did not verify");
  figures["draw.verify.ms"] = verify.ms;
  figures["draw.bareTickets.again.ms"] = time(() =>
    lists.forEach((regionLists, i) => regionLists.forEach((ids) => sortByTicket(ids, seeds[i]!, (id) => id))),
  ).ms;
  figures["draw.targets.per.bareTickets"] = Math.round((figures["draw.targets.ms"] / figures["draw.bareTickets.ms"]) * 100) / 100;
  figures["draw.verify.per.bareTickets"] = Math.round((figures["draw.verify.ms"] / figures["draw.bareTickets.again.ms"]) * 100) / 100;

  // The plan's own list sizes (pool of the top 30 hospitals, pharmacies from the top 10).
  const planSized = manifests(false);
  figures["draw.planSized.targets.ms"] = time(() => planSized.forEach((m, i) => drawTargets(m, seeds[i]!))).ms;

  for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(32)} ${value}`);
  return figures;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchDraw().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
