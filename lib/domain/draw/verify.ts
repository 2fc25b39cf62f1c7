/**
 * Verification of a published draw record (issue 8 §5): recompute everything from the record's
 * manifest, salts and entropy, and report the first field that differs, with its path. Checks
 * run in the order the values were made, so the first mismatch names the cause, not one of its
 * consequences: the manifest's own rules, manifestHash, commitments against salts, the entropy,
 * the seed, then rules, candidates, tickets, result, skips, replacements and resultHash.
 *
 * A record whose every value was recomputed by a forger after changing an input is consistent
 * with itself; what exposes it is a hash published before the result: pass the manifest hash
 * announced before the ceremony (and the result hash read out at it) as `anchors`.
 *
 * A record is either the published one (public manifest: commitments in place of private values)
 * or the bureau's full one (ADR 019): for a full record every commitment is opened against its salt
 * and value, and the ranking, look-back list, exclusions and recusals are recomputed from the values
 * first; then both are checked alike, on the public form every hash is taken over.
 *
 * Pure and synchronous: the public verification page runs this same function in the browser.
 */
import { z } from "zod";
import { sha256Hex } from "@/lib/domain/crypto/sha256";
import { DrawError } from "@/lib/domain/draw/errors";
import { type ManifestHeader, ZId, zodMismatch } from "@/lib/domain/draw/manifest";
import { firstDifference, type Mismatch } from "@/lib/domain/draw/mismatch";
import { DRAWN_AT_PATTERN, RECORD_VERSION, resultHashOf } from "@/lib/domain/draw/record";
import { isValidEntropy, SALT_PATTERN, seedOf } from "@/lib/domain/draw/seed";
import { manifestHash, publicManifest, type PublicManifest } from "@/lib/domain/draw/public-manifest";
import { checkPublicTargetManifest, checkTargetManifest, isFullTargetManifest, ZPublicTargetManifest, ZTargetManifest } from "@/lib/domain/draw/target-manifest";
import { drawTargets, targetsOf } from "@/lib/domain/draw/targets";
import { checkPublicTeamManifest, checkTeamManifest, isFullTeamManifest, ZPublicTeamManifest, ZTeamManifest } from "@/lib/domain/draw/team-manifest";
import { currentTeams, drawTeams, replaceMembers, type ReplacementRequest } from "@/lib/domain/draw/teams";

const ZRecord = z.strictObject({
  version: z.literal(RECORD_VERSION),
  kind: z.enum(["TARGETS", "TEAMS"]),
  planId: ZId,
  drawnAt: z.string().regex(DRAWN_AT_PATTERN, "an ISO 8601 UTC time"),
  manifestHash: z.string(),
  resultHash: z.string(),
  commitments: z.array(z.strictObject({ party: z.string(), commitment: z.string() })),
  salts: z.array(z.strictObject({ party: z.string(), salt: z.string() })),
  publicEntropy: z.string(),
  seed: z.string(),
  rules: z.unknown(),
  result: z.unknown(),
  skips: z.unknown(),
  replacements: z.array(
    z.strictObject({
      pool: z.enum(["EXPERT", "THIRD_PARTY"]),
      inspected: ZId,
      withdrawn: ZId,
      reason: z.string().min(1).max(500),
      declaredAt: z.string().regex(DRAWN_AT_PATTERN, "an ISO 8601 UTC time"),
      replacedBy: z.unknown(),
      skips: z.unknown(),
    }),
  ),
  candidates: z.unknown(),
  tickets: z.unknown(),
  manifest: z.unknown(),
});

export type VerifyAnchors = {
  /** The manifest hash published before the ceremony. */
  manifestHash?: string;
  /** The result hash read out at the meeting. */
  resultHash?: string;
};

export type VerifyReport =
  | {
      ok: true;
      kind: "TARGETS" | "TEAMS";
      planId: string;
      manifestHash: string;
      seed: string;
      resultHash: string;
      candidates: number;
      /** Targets, designated and agencies included (TARGETS); people on the teams now (TEAMS). */
      selected: number;
      replacements: number;
      /** A full record: how many commitments were opened and matched (ADR 019); null for a published one. */
      opened: number | null;
    }
  | { ok: false; mismatch: Mismatch };

const fail = (mismatch: Mismatch): VerifyReport => ({ ok: false, mismatch });
const under = (base: string, m: Mismatch): Mismatch => ({ ...m, path: m.path ? `${base}.${m.path}` : base });

function checkCeremony(record: z.infer<typeof ZRecord>, manifest: ManifestHeader, hash: string): Mismatch | null {
  for (const [field, list] of [["commitments", record.commitments], ["salts", record.salts]] as const) {
    for (let i = 0; i < Math.max(list.length, manifest.parties.length); i++) {
      const expected = manifest.parties[i]?.id;
      if (list[i]?.party !== expected) {
        return { path: `${field}[${i}].party`, message: "one entry per party of the manifest, in its order", expected, actual: list[i]?.party };
      }
    }
  }
  for (const [i, { salt }] of record.salts.entries()) {
    if (!SALT_PATTERN.test(salt)) return { path: `salts[${i}].salt`, message: "not a valid salt" };
    const commitment = sha256Hex(salt);
    if (commitment !== record.commitments[i]!.commitment) {
      return { path: `salts[${i}]`, message: "the salt does not hash to its party's commitment", expected: record.commitments[i]!.commitment, actual: commitment };
    }
  }
  if (!isValidEntropy(record.publicEntropy, manifest.entropyDigits)) {
    return { path: "publicEntropy", message: `public entropy must be at least ${manifest.entropyDigits} decimal digits` };
  }
  const seed = seedOf({ manifestHash: hash, salts: record.salts, publicEntropy: record.publicEntropy });
  return firstDifference(seed, record.seed, "seed");
}

type ParsedManifest = { manifest: PublicManifest; opened: number | null };

/** The record's manifest in its public form, after the checks its form allows; a full one opens its commitments. */
function parseManifest(record: z.infer<typeof ZRecord>): ParsedManifest | Mismatch {
  const targets = record.kind === "TARGETS";
  if (targets ? isFullTargetManifest(record.manifest) : isFullTeamManifest(record.manifest)) {
    const parsed = (targets ? ZTargetManifest : ZTeamManifest).safeParse(record.manifest);
    if (!parsed.success) return zodMismatch(parsed.error, "manifest");
    const full = parsed.data;
    const problem = full.kind === "TARGETS" ? checkTargetManifest(full) : checkTeamManifest(full);
    if (problem) return under("manifest", problem);
    const opened =
      full.kind === "TARGETS"
        ? full.regions.reduce((n, r) => n + r.hospitals.length + r.pharmacies.length + r.designated.length, 0)
        : full.experts.people.length + full.thirdParty.people.length;
    return { manifest: publicManifest(full), opened };
  }
  const parsed = (targets ? ZPublicTargetManifest : ZPublicTeamManifest).safeParse(record.manifest);
  if (!parsed.success) return zodMismatch(parsed.error, "manifest");
  const manifest = parsed.data;
  const problem = manifest.kind === "TARGETS" ? checkPublicTargetManifest(manifest) : checkPublicTeamManifest(manifest);
  return problem ? under("manifest", problem) : { manifest, opened: null };
}

/** Recomputes the record and answers OK or the first mismatch; never throws on bad input. */
export function verifyDrawRecord(value: unknown, anchors: VerifyAnchors = {}): VerifyReport {
  const parsed = ZRecord.safeParse(value);
  if (!parsed.success) return fail(zodMismatch(parsed.error, ""));
  const record = parsed.data;
  const manifestOrProblem = parseManifest(record);
  if (!("manifest" in manifestOrProblem)) return fail(manifestOrProblem);
  const { manifest, opened } = manifestOrProblem;
  if (manifest.planId !== record.planId) {
    return fail({ path: "planId", message: "differs from manifest.planId", expected: manifest.planId, actual: record.planId });
  }
  const hash = manifestHash(manifest);
  const hashProblem =
    firstDifference(hash, record.manifestHash, "manifestHash") ??
    (anchors.manifestHash !== undefined && anchors.manifestHash !== hash
      ? { path: "manifestHash", message: "differs from the manifest hash published before the ceremony", expected: anchors.manifestHash, actual: hash }
      : null);
  if (hashProblem) return fail(hashProblem);
  const ceremonyProblem = checkCeremony(record, manifest, hash);
  if (ceremonyProblem) return fail(ceremonyProblem);

  let expected: { rules: unknown; candidates: unknown[]; tickets: unknown; result: unknown; skips: unknown; replacements: unknown };
  let selected: number;
  try {
    if (manifest.kind === "TARGETS") {
      const draw = drawTargets(manifest, record.seed);
      expected = { ...draw, replacements: [] };
      selected = targetsOf(draw.result).length;
    } else {
      const draw = drawTeams(manifest, record.seed);
      const requests: ReplacementRequest[] = record.replacements.map(({ pool, inspected, withdrawn, reason, declaredAt }) => ({
        pool, inspected, withdrawn, reason, declaredAt,
      }));
      const replacements = replaceMembers(manifest, record.seed, draw.result, requests);
      expected = { ...draw, replacements };
      selected = currentTeams(draw.result, replacements).reduce((n, t) => n + t.experts.length + t.thirdParty.length, 0);
    }
  } catch (error) {
    if (error instanceof DrawError) {
      return fail({ path: error.path || "manifest", message: error.message.replace(`${error.path}: `, "") });
    }
    throw error;
  }
  for (const field of ["rules", "candidates", "tickets", "result", "skips", "replacements"] as const) {
    const problem = firstDifference(expected[field], record[field], field);
    if (problem) return fail(problem);
  }
  const resultHash = resultHashOf({ ...record, manifestHash: hash });
  const resultProblem =
    firstDifference(resultHash, record.resultHash, "resultHash") ??
    (anchors.resultHash !== undefined && anchors.resultHash !== resultHash
      ? { path: "resultHash", message: "differs from the result hash announced at the meeting", expected: anchors.resultHash, actual: resultHash }
      : null);
  if (resultProblem) return fail(resultProblem);

  return {
    ok: true,
    kind: manifest.kind,
    planId: record.planId,
    manifestHash: hash,
    seed: record.seed,
    resultHash,
    candidates: expected.candidates.length,
    selected,
    replacements: record.replacements.length,
    opened,
  };
}
