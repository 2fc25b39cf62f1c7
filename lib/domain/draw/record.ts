/**
 * The record of a draw: one JSON file from which anyone can recompute everything (issue 8 §4–5,
 * "一公开"). Field order is chosen for a human reader: the fingerprints first, then the outcome,
 * then the lists with their tickets, the manifest last.
 *
 * Two forms, differing only in the manifest (ADR 019): the bureau's full record carries the full
 * manifest (every committed value with its salt), the published one its public form. Every hash
 * is of the public form, so both verify alike, and the full one also opens its commitments.
 *
 * `resultHash` is the SHA-256 of the canonical JSON of
 *   { drawnAt, manifestHash, seed, result, skips, replacements }
 * and is what the meeting reads out and the notices can print: it binds the outcome to the
 * manifest and the seed. A replacement appended later changes it; the record is re-published.
 */
import { canonicalHash } from "@/lib/domain/draw/canonical-json";
import { DrawError } from "@/lib/domain/draw/errors";
import { ALGORITHM_VERSION } from "@/lib/domain/draw/manifest";
import { manifestHash, publicManifest } from "@/lib/domain/draw/public-manifest";
import { type Ceremony, type Commitment, type RevealedSalt, seedOfCeremony } from "@/lib/domain/draw/seed";
import type { PublicTargetManifest, TargetManifest } from "@/lib/domain/draw/target-manifest";
import { drawTargets, type TargetDraw } from "@/lib/domain/draw/targets";
import type { PublicTeamManifest, TeamManifest } from "@/lib/domain/draw/team-manifest";
import { drawTeams, type Replacement, type ReplacementRequest, replaceMembers, type TeamDraw } from "@/lib/domain/draw/teams";

export const RECORD_VERSION = ALGORITHM_VERSION;
/** ISO 8601 in UTC, as `Date.prototype.toISOString` writes it (milliseconds optional). */
export const DRAWN_AT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

type RecordHead = {
  version: typeof RECORD_VERSION;
  planId: string;
  drawnAt: string;
  manifestHash: string;
  resultHash: string;
  commitments: Commitment[];
  salts: RevealedSalt[];
  publicEntropy: string;
  seed: string;
};

export type TargetDrawRecord = RecordHead & { kind: "TARGETS" } & TargetDraw & {
    replacements: never[];
    manifest: TargetManifest | PublicTargetManifest;
  };
export type TeamDrawRecord = RecordHead & { kind: "TEAMS" } & TeamDraw & {
    replacements: Replacement[];
    manifest: TeamManifest | PublicTeamManifest;
  };
export type DrawRecord = TargetDrawRecord | TeamDrawRecord;

export function resultHashOf(record: {
  drawnAt: string;
  manifestHash: string;
  seed: string;
  result: unknown;
  skips: unknown;
  replacements: unknown;
}): string {
  const { drawnAt, manifestHash: hash, seed, result, skips, replacements } = record;
  return canonicalHash({ drawnAt, manifestHash: hash, seed, result, skips, replacements });
}

type BuildInput<M> = { manifest: M; ceremony: Ceremony; drawnAt: string };

function head(manifest: TargetManifest | PublicTargetManifest | TeamManifest | PublicTeamManifest, ceremony: Ceremony, drawnAt: string): RecordHead {
  const hash = manifestHash(manifest);
  if (ceremony.manifestHash !== hash) {
    throw new DrawError("CEREMONY_OUT_OF_ORDER", "the ceremony was held for a different manifest", "manifestHash");
  }
  if (!DRAWN_AT_PATTERN.test(drawnAt)) throw new DrawError("INVALID_MANIFEST", "drawnAt is an ISO 8601 UTC time", "drawnAt");
  const seed = seedOfCeremony(ceremony);
  if (ceremony.stage !== "SEEDED") throw new DrawError("CEREMONY_OUT_OF_ORDER", "no seed yet");
  return {
    version: RECORD_VERSION,
    planId: manifest.planId,
    drawnAt,
    manifestHash: hash,
    resultHash: "",
    commitments: ceremony.commitments,
    salts: ceremony.salts,
    publicEntropy: ceremony.publicEntropy,
    seed,
  };
}

/** The record of a target draw whose ceremony produced a seed, with the manifest as given (full for the bureau). */
export function buildTargetRecord({ manifest, ceremony, drawnAt }: BuildInput<TargetManifest>): TargetDrawRecord {
  const base = head(manifest, ceremony, drawnAt);
  const draw = drawTargets(manifest, base.seed);
  const record: TargetDrawRecord = { kind: "TARGETS", ...base, ...draw, replacements: [], manifest };
  return withOrderedFields({ ...record, resultHash: resultHashOf(record) });
}

/** The record of a team draw whose ceremony produced a seed, with the manifest as given (full for the bureau). */
export function buildTeamRecord({ manifest, ceremony, drawnAt }: BuildInput<TeamManifest>): TeamDrawRecord {
  const base = head(manifest, ceremony, drawnAt);
  const draw = drawTeams(manifest, base.seed);
  const record: TeamDrawRecord = { kind: "TEAMS", ...base, ...draw, replacements: [], manifest };
  return withOrderedFields({ ...record, resultHash: resultHashOf(record) });
}

/** The record with one more conflict declared after the draw, replaced by the next eligible ticket. */
export function withReplacement(record: TeamDrawRecord, request: ReplacementRequest): TeamDrawRecord {
  if (!DRAWN_AT_PATTERN.test(request.declaredAt)) {
    throw new DrawError("INVALID_MANIFEST", "declaredAt is an ISO 8601 UTC time", "declaredAt");
  }
  if (request.reason.length < 1 || request.reason.length > 500) {
    throw new DrawError("INVALID_MANIFEST", "a replacement needs a reason (1 to 500 characters)", "reason");
  }
  const requests = [...record.replacements, request];
  const replacements = replaceMembers(record.manifest, record.seed, record.result, requests);
  const next = { ...record, replacements };
  return withOrderedFields({ ...next, resultHash: resultHashOf(next) });
}

/**
 * What is published of a record: the same record with the public manifest (ADR 019). Nothing else in a record
 * holds a private value: results, skips and candidates name codes and staff numbers only, and a replacement
 * names the conflict declaration, not its text.
 */
export function publicRecord<R extends DrawRecord>(record: R): R {
  return withOrderedFields({ ...record, manifest: publicManifest(record.manifest) });
}

/**
 * The published key order (JSON keeps insertion order). A database's JSON column may reorder keys, so a
 * stored record is put back in this order before it is served; the hashes do not depend on it.
 */
export function withOrderedFields<R extends DrawRecord>(record: R): R {
  return {
    version: record.version,
    kind: record.kind,
    planId: record.planId,
    drawnAt: record.drawnAt,
    manifestHash: record.manifestHash,
    resultHash: record.resultHash,
    commitments: record.commitments,
    salts: record.salts,
    publicEntropy: record.publicEntropy,
    seed: record.seed,
    rules: record.rules,
    result: record.result,
    skips: record.skips,
    replacements: record.replacements,
    candidates: record.candidates,
    tickets: record.tickets,
    manifest: record.manifest,
  } as R;
}
