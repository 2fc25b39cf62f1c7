import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { sha256Hex } from "@/lib/domain/crypto/sha256";
import { commitmentTo } from "@/lib/domain/draw/disclosure";
import { manifestHash } from "@/lib/domain/draw/public-manifest";
import { publicRecord, resultHashOf, type TargetDrawRecord, type TeamDrawRecord } from "@/lib/domain/draw/record";
import { seedOf } from "@/lib/domain/draw/seed";
import { institutionSecret, type TargetManifest } from "@/lib/domain/draw/target-manifest";
import { drawTargets } from "@/lib/domain/draw/targets";
import type { TeamManifest } from "@/lib/domain/draw/team-manifest";
import { verifyDrawRecord } from "@/lib/domain/draw/verify";
import {
  buildTargetFixture,
  buildTeamFixture,
  FIXTURE_DIR,
  fixtureText,
  TARGET_FIXTURE,
  TARGET_FULL_FIXTURE,
  TEAM_FIXTURE,
  TEAM_FULL_FIXTURE,
} from "@/scripts/make-draw-fixture";

const targetText = readFileSync(join(FIXTURE_DIR, TARGET_FIXTURE), "utf8");
const teamText = readFileSync(join(FIXTURE_DIR, TEAM_FIXTURE), "utf8");
const targetFullText = readFileSync(join(FIXTURE_DIR, TARGET_FULL_FIXTURE), "utf8");
const teamFullText = readFileSync(join(FIXTURE_DIR, TEAM_FULL_FIXTURE), "utf8");
/** The published records. */
const target = (): TargetDrawRecord => JSON.parse(targetText) as TargetDrawRecord;
const team = (): TeamDrawRecord => JSON.parse(teamText) as TeamDrawRecord;
/** The bureau's full records (ADR 019), with their full manifests. */
const targetFull = () => JSON.parse(targetFullText) as TargetDrawRecord & { manifest: TargetManifest };
const teamFull = () => JSON.parse(teamFullText) as TeamDrawRecord & { manifest: TeamManifest };

/** The first mismatch's path after `tamper` changed a fresh copy of a fixture. */
function rejectedAt<R>(fixture: () => R, tamper: (record: R) => void): string {
  const record = fixture();
  tamper(record);
  const report = verifyDrawRecord(record);
  if (report.ok) throw new Error("the tampered record verified");
  return report.mismatch.path;
}

describe("the sample records", () => {
  it("are what the engine makes from the fixture script's inputs (no drift)", () => {
    expect(fixtureText(publicRecord(buildTargetFixture()))).toBe(targetText);
    expect(fixtureText(publicRecord(buildTeamFixture()))).toBe(teamText);
    expect(fixtureText(buildTargetFixture())).toBe(targetFullText);
    expect(fixtureText(buildTeamFixture())).toBe(teamFullText);
  });

  it("verify OK, the published ones as published, the full ones with every commitment opened", () => {
    expect(verifyDrawRecord(target())).toMatchObject({ ok: true, kind: "TARGETS", candidates: 35, selected: 8, opened: null });
    expect(verifyDrawRecord(team())).toMatchObject({ ok: true, kind: "TEAMS", replacements: 1, selected: 30, opened: null });
    // 30 hospitals, 15 pharmacies and 1 designation; 30 experts and 14 third-party staff.
    expect(verifyDrawRecord(targetFull())).toMatchObject({ ok: true, opened: 46 });
    expect(verifyDrawRecord(teamFull())).toMatchObject({ ok: true, opened: 44 });
    // Same draw, same hashes: the full record is the published one with its commitments opened.
    for (const [published, full] of [[target(), targetFull()], [team(), teamFull()]] as const) {
      const [a, b] = [verifyDrawRecord(published), verifyDrawRecord(full)];
      expect(a.ok && b.ok && [a.manifestHash, a.seed, a.resultHash]).toEqual(b.ok && [b.manifestHash, b.seed, b.resultHash]);
    }
  });
});

describe("the public draw record publishes nothing that must stay internal (ADR 019)", () => {
  it("holds no fund usage, inspection history, designation reason, recusal ground or person tie, only commitments", () => {
    for (const text of [targetText, teamText]) {
      for (const key of ["fundUsage", "inspections", "employer", "homeRegion", "conflicts", "reasons"]) expect(text).not.toContain(`"${key}"`);
      expect(text).not.toContain("举报");
    }
    const full = targetFull();
    expect(targetText).not.toContain(full.manifest.regions[0]!.designated[0]!.reason);
    // No committed value's salt is published (the ceremony parties' salts are, by design).
    for (const h of full.manifest.regions[0]!.hospitals) expect(targetText).not.toContain(h.salt);
    expect(target().manifest.regions[0]!.designated).toEqual([{ code: "H220200005", as: "HOSPITAL", commitment: full.manifest.regions[0]!.designated[0]!.commitment }]);
  });

  it("lets a reviewer given one entry of the full record check it against the published commitment alone", () => {
    const published = target().manifest.regions[0]!.hospitals[7]!;
    const disclosed = targetFull().manifest.regions[0]!.hospitals[7]!;
    expect(commitmentTo(disclosed.salt, institutionSecret(disclosed))).toBe(published.commitment);
    expect(commitmentTo(disclosed.salt, institutionSecret({ ...disclosed, fundUsage: disclosed.fundUsage + 100 }))).not.toBe(published.commitment);
  });

  it("catches a full record whose disclosed values were changed, at the entry's commitment or the rule they break", () => {
    const full = (tamper: (r: ReturnType<typeof targetFull>) => void) => rejectedAt(targetFull, tamper);
    expect(full((r) => (r.manifest.regions[0]!.hospitals[29]!.fundUsage += 1))).toBe("manifest.regions[0].hospitals[29].commitment");
    expect(full((r) => r.manifest.regions[0]!.hospitals[0]!.inspections.push({ level: "NATIONAL", year: 2024 }))).toBe("manifest.regions[0].hospitals[0].commitment");
    expect(full((r) => (r.manifest.regions[0]!.designated[0]!.reason = "数据筛查"))).toBe("manifest.regions[0].designated[0].commitment");
    expect(full((r) => r.manifest.regions[0]!.hospitals.reverse())).toBe("manifest.regions[0].hospitals[1]");
    expect(full((r) => r.manifest.regions[0]!.exclusions.shift())).toBe("manifest.regions[0].exclusions[0].code");
    const people = rejectedAt(teamFull, (r) => (r.manifest.experts.people[4]!.homeRegion = "220100"));
    expect(people).toBe("manifest.experts.people[4].commitment");
    expect(rejectedAt(teamFull, (r) => r.manifest.recusals.pop())).toBe(`manifest.recusals[${teamFull().manifest.recusals.length - 1}]`);
  });
});

describe("the verifier rejects each kind of tampering at the first mismatch", () => {
  it.each<[string, (r: TargetDrawRecord) => void, string]>([
    ["swapped candidates in the published list", (r) => ([r.candidates[3], r.candidates[4]] = [r.candidates[4]!, r.candidates[3]!]), "candidates[3].id"],
    ["a removed candidate", (r) => r.candidates.splice(6, 1), "candidates[6].id"],
    ["an added candidate", (r) => r.candidates.push({ region: "220200", list: "PHARMACY", id: "P999", status: "ELIGIBLE" }), "candidates[35]"],
    ["a changed candidate status", (r) => (r.candidates[0]!.status = "EXCLUDED"), "candidates[0].status"],
    // The ranking's basis is committed to, not published: a reordered list is caught by the announced hash.
    ["hospitals reordered in the manifest's ranking", (r) => r.manifest.regions[0]!.hospitals.reverse(), "manifestHash"],
    ["a hospital removed from the manifest", (r) => r.manifest.regions[0]!.hospitals.splice(2, 1), "manifestHash"],
    ["a hospital added at the bottom of the ranking", (r) => (r.manifest.regions[0]!.hospitals as unknown[]).push({ code: "H9", name: "x", lookBack: false, commitment: sha256Hex("x") }), "manifestHash"],
    ["a commitment changed", (r) => (r.manifest.regions[0]!.hospitals[29]!.commitment = sha256Hex("other")), "manifestHash"],
    ["an exclusion dropped", (r) => r.manifest.regions[0]!.exclusions.shift(), "manifestHash"],
    ["an exclusion of a designated target", (r) => (r.manifest.regions[0]!.exclusions as unknown[]).splice(1, 0, { code: "H220200005" }), "manifest.regions[0].exclusions[1].code"],
    ["a raised quota", (r) => (r.manifest.regions[0]!.hospitalCount = 5), "manifestHash"],
    ["an altered salt", (r) => (r.salts[1]!.salt = `${r.salts[1]!.salt.slice(0, -1)}0`), "salts[1]"],
    ["an altered commitment", (r) => (r.commitments[0]!.commitment = sha256Hex("other")), "salts[0]"],
    ["salts in another party order", (r) => r.salts.reverse(), "salts[0].party"],
    ["altered public entropy", (r) => (r.publicEntropy = "52366778743734331431"), "seed"],
    ["an altered seed", (r) => (r.seed = sha256Hex("chosen seed")), "seed"],
    ["an altered ticket", (r) => (r.tickets[3] = "0.0001"), "tickets[3]"],
    ["an altered result", (r) => (r.result.regions[0]!.hospitals[0] = "H220200019"), "result.regions[0].hospitals[0]"],
    ["a hidden shortfall", (r) => r.result.regions[0]!.shortfalls.push({ rule: "PHARMACY", needed: 2, eligible: 1, reservedForLookBack: 0 }), "result.regions[0].shortfalls[0]"],
    ["a removed skip", (r) => r.skips.pop(), `skips[${JSON.parse(targetText).skips.length - 1}]`],
    ["altered rules", (r) => (r.rules.regions[0]!.hospitalDraw = 4), "rules.regions[0].hospitalDraw"],
    ["an altered drawing time", (r) => (r.drawnAt = "2024-07-16T02:30:00.000Z"), "resultHash"],
    ["an altered result hash", (r) => (r.resultHash = sha256Hex("x")), "resultHash"],
    ["a plan id that differs from the manifest's", (r) => (r.planId = "JL-2025"), "planId"],
    ["an extra field", (r) => Object.assign(r, { note: "trust me" }), ""],
  ])("target draw: %s", (_, tamper, path) => {
    expect(rejectedAt(target, tamper)).toBe(path);
  });

  it.each<[string, (r: TeamDrawRecord) => void, string]>([
    ["a changed cross-grouping", (r) => ([r.result.teams[0]!.inspecting, r.result.teams[1]!.inspecting] = [r.result.teams[1]!.inspecting, r.result.teams[0]!.inspecting]), "result.teams[0].inspecting"],
    ["a changed team member", (r) => (r.result.teams[2]!.experts[0] = "E0030"), "result.teams[2].experts[0]"],
    ["a recusal removed", (r) => r.manifest.recusals.pop(), "manifestHash"],
    ["a hidden recusal skip", (r) => r.skips.shift(), "skips[0].id"],
    ["a served-last-year flag flipped", (r) => (r.manifest.experts.people[1]!.servedLastYear = false), "manifestHash"],
    ["a chosen replacement", (r) => (r.replacements[0]!.replacedBy = "E0030"), "replacements[0].replacedBy"],
    ["a replacement for someone not on the team", (r) => (r.replacements[0]!.withdrawn = "E0030"), "replacements[0]"],
    // The replacement requests are inputs too: dropping one leaves a consistent draw, caught by the hash.
    ["a dropped replacement", (r) => r.replacements.pop(), "resultHash"],
  ])("team draw: %s", (_, tamper, path) => {
    expect(rejectedAt(team, tamper)).toBe(path);
  });

  it("rejects a change to any single value of any sample record, published or full", () => {
    type Node = Record<string | number, unknown>;
    const leaves = (value: unknown, path: (string | number)[] = []): (string | number)[][] =>
      value !== null && typeof value === "object"
        ? Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, Array.isArray(value) ? Number(k) : k]))
        : [path];
    const mutate = (value: unknown): unknown =>
      typeof value === "string" ? `${value}0` : typeof value === "number" ? value + 1 : typeof value === "boolean" ? !value : "x";
    for (const fixture of [target, team, targetFull, teamFull]) {
      const paths = leaves(fixture());
      fc.assert(
        fc.property(fc.constantFrom(...paths), (path) => {
          const record = fixture();
          let parent = record as unknown as Node;
          for (const key of path.slice(0, -1)) parent = parent[key] as Node;
          const last = path[path.length - 1]!;
          parent[last] = mutate(parent[last]);
          expect(verifyDrawRecord(record).ok).toBe(false);
        }),
        { numRuns: 120 },
      );
    }
  }, 60_000);

  it("never throws on input that is not a record", () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(verifyDrawRecord(value).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it("passes a forgery recomputed from end to end, and catches it with the hash published before the ceremony", () => {
    const record = target();
    const original = record.manifestHash;
    record.manifest.regions[0]!.hospitalCount = 5;
    record.manifestHash = manifestHash(record.manifest);
    record.seed = seedOf({ manifestHash: record.manifestHash, salts: record.salts, publicEntropy: record.publicEntropy });
    Object.assign(record, drawTargets(record.manifest, record.seed));
    record.resultHash = resultHashOf(record);
    expect(verifyDrawRecord(record).ok).toBe(true);
    expect(verifyDrawRecord(record, { manifestHash: original })).toMatchObject({ ok: false, mismatch: { path: "manifestHash" } });
  });
});

describe("npm run draw:verify", () => {
  const dir = mkdtempSync(join(tmpdir(), "draw-verify-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = async (...args: string[]) => {
    try {
      const { stdout } = await promisify(execFile)("npx", ["tsx", "scripts/draw-verify.ts", ...args], { cwd: process.cwd() });
      return { code: 0, stdout };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: `${e.stdout}${e.stderr}` };
    }
  };

  it("exits 0 on the sample and 1 on a tampered copy, naming the first mismatch", async () => {
    const tampered = target();
    tampered.tickets[3] = "0.0001";
    writeFileSync(join(dir, "tampered.json"), JSON.stringify(tampered));
    const [good, full, bad] = await Promise.all([
      run(join(FIXTURE_DIR, TARGET_FIXTURE)),
      run(join(FIXTURE_DIR, TARGET_FULL_FIXTURE)),
      run(join(dir, "tampered.json"), "--manifest-hash", JSON.parse(targetText).manifestHash),
    ]);
    expect(good).toMatchObject({ code: 0, stdout: expect.stringMatching(/^OK target draw of plan JL-2024-PROVINCIAL/) });
    expect(full).toMatchObject({ code: 0, stdout: expect.stringContaining("full record: 46 commitments opened and matched") });
    expect(bad).toMatchObject({ code: 1, stdout: expect.stringMatching(/^MISMATCH at tickets\[3\]/) });
  }, 90_000);
});
