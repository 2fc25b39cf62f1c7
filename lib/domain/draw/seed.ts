/**
 * The ceremony that makes a draw's seed (issue 8 §4). Before the meeting the manifest hash is
 * published and every party named in the manifest commits to a secret salt by publishing its
 * SHA-256. At the meeting public entropy is entered (dice digits rolled by attendees), then each
 * party reveals its salt, which must hash to its commitment. The seed is the SHA-256 of the
 * canonical JSON of
 *
 *   ["feijian-draw-seed/1", manifestHash, [[partyId, salt], … in manifest party order], publicEntropy]
 *
 * Nobody can steer it: the salts are fixed (committed) before the entropy is known, the entropy
 * is rolled in public, and one honest party's unknown salt is enough to make the seed
 * unpredictable to everyone else. A party that does not reveal stops the ceremony: no seed
 * exists without every salt, and a redraw is a new manifest naming the old one and the reason.
 */
import { sha256Hex } from "@/lib/domain/crypto/sha256";
import { canonicalHash } from "@/lib/domain/draw/canonical-json";
import { DrawError } from "@/lib/domain/draw/errors";
import type { ManifestHeader, Party } from "@/lib/domain/draw/manifest";
import { type AnyManifest, manifestHash } from "@/lib/domain/draw/public-manifest";

export const SEED_DOMAIN = "feijian-draw-seed/1";
/** Printable ASCII, no spaces, 16 to 256 characters; 64 random hex digits recommended. */
export const SALT_PATTERN = /^[\x21-\x7e]{16,256}$/;
export const COMMITMENT_PATTERN = /^[0-9a-f]{64}$/;

export type Commitment = { party: string; commitment: string };
export type RevealedSalt = { party: string; salt: string };

export function requireSalt(salt: string): void {
  if (typeof salt !== "string" || !SALT_PATTERN.test(salt)) {
    throw new DrawError("INVALID_SALT", "a salt is 16 to 256 printable ASCII characters without spaces");
  }
}

/** What a party publishes before the meeting: the SHA-256 of its salt. */
export function commitmentOf(salt: string): string {
  requireSalt(salt);
  return sha256Hex(salt);
}

/** The entropy entered at the meeting: at least `digits` decimal digits, nothing else. */
export function isValidEntropy(entropy: string, digits: number): boolean {
  return typeof entropy === "string" && entropy.length >= digits && entropy.length <= 1000 && /^[0-9]+$/.test(entropy);
}

/** The seed; `salts` must be in the manifest's party order. */
export function seedOf(input: { manifestHash: string; salts: readonly RevealedSalt[]; publicEntropy: string }): string {
  return canonicalHash([
    SEED_DOMAIN,
    input.manifestHash,
    input.salts.map((s) => [s.party, s.salt]),
    input.publicEntropy,
  ]);
}

type CeremonyBase = {
  manifestHash: string;
  parties: Party[];
  entropyDigits: number;
  commitments: Commitment[];
};

export type Ceremony =
  | (CeremonyBase & { stage: "COMMITTED" })
  | (CeremonyBase & { stage: "ENTROPY_ENTERED"; publicEntropy: string; salts: RevealedSalt[] })
  | (CeremonyBase & { stage: "SEEDED"; publicEntropy: string; salts: RevealedSalt[]; seed: string })
  | (CeremonyBase & { stage: "STOPPED"; publicEntropy: string | null; salts: RevealedSalt[]; missing: string[] });

function requireStage<S extends Ceremony["stage"]>(
  ceremony: Ceremony,
  stage: S,
  action: string,
): asserts ceremony is Extract<Ceremony, { stage: S }> {
  if (ceremony.stage !== stage) {
    throw new DrawError("CEREMONY_OUT_OF_ORDER", `cannot ${action} at stage ${ceremony.stage} (needs ${stage})`);
  }
}

/** Opens the ceremony once every party of the manifest has committed, exactly once. */
export function openCeremony(
  manifest: ManifestHeader,
  manifestHash: string,
  commitments: readonly Commitment[],
): Ceremony {
  const byParty = new Map<string, string>();
  for (const [i, c] of commitments.entries()) {
    if (!manifest.parties.some((p) => p.id === c.party)) {
      throw new DrawError("UNKNOWN_PARTY", `${c.party} is not a party of the manifest`, `commitments[${i}]`);
    }
    if (byParty.has(c.party)) throw new DrawError("INVALID_COMMITMENT", `${c.party} committed twice`, `commitments[${i}]`);
    if (!COMMITMENT_PATTERN.test(c.commitment)) {
      throw new DrawError("INVALID_COMMITMENT", "a commitment is a lower-case hex SHA-256", `commitments[${i}]`);
    }
    byParty.set(c.party, c.commitment);
  }
  const missing = manifest.parties.filter((p) => !byParty.has(p.id)).map((p) => p.id);
  if (missing.length > 0) throw new DrawError("INVALID_COMMITMENT", `no commitment from ${missing.join(", ")}`);
  return {
    stage: "COMMITTED",
    manifestHash,
    parties: manifest.parties,
    entropyDigits: manifest.entropyDigits,
    commitments: manifest.parties.map((p) => ({ party: p.id, commitment: byParty.get(p.id)! })),
  };
}

export function enterEntropy(ceremony: Ceremony, publicEntropy: string): Ceremony {
  requireStage(ceremony, "COMMITTED", "enter entropy");
  if (!isValidEntropy(publicEntropy, ceremony.entropyDigits)) {
    throw new DrawError("INVALID_ENTROPY", `public entropy is at least ${ceremony.entropyDigits} decimal digits`);
  }
  return { ...ceremony, stage: "ENTROPY_ENTERED", publicEntropy, salts: [] };
}

/** A party reveals its salt after the entropy is in; a salt that misses its commitment is refused. */
export function revealSalt(ceremony: Ceremony, party: string, salt: string): Ceremony {
  requireStage(ceremony, "ENTROPY_ENTERED", "reveal a salt");
  const commitment = ceremony.commitments.find((c) => c.party === party);
  if (!commitment) throw new DrawError("UNKNOWN_PARTY", `${party} is not a party of the manifest`);
  if (ceremony.salts.some((s) => s.party === party)) throw new DrawError("INVALID_SALT", `${party} has already revealed`);
  if (commitmentOf(salt) !== commitment.commitment) {
    throw new DrawError("SALT_MISMATCH", `the salt of ${party} does not hash to its commitment`);
  }
  return { ...ceremony, salts: [...ceremony.salts, { party, salt }] };
}

/**
 * Ends the reveal: the seed if every party revealed, else STOPPED naming who did not. A stopped
 * ceremony never yields a seed.
 */
export function closeCeremony(ceremony: Ceremony): Ceremony {
  requireStage(ceremony, "ENTROPY_ENTERED", "close the reveal");
  const revealed = new Map(ceremony.salts.map((s) => [s.party, s.salt]));
  const missing = ceremony.parties.filter((p) => !revealed.has(p.id)).map((p) => p.id);
  const salts = ceremony.parties.filter((p) => revealed.has(p.id)).map((p) => ({ party: p.id, salt: revealed.get(p.id)! }));
  if (missing.length > 0) return { ...ceremony, stage: "STOPPED", salts, missing };
  const seed = seedOf({ manifestHash: ceremony.manifestHash, salts, publicEntropy: ceremony.publicEntropy });
  return { ...ceremony, stage: "SEEDED", salts, seed };
}

/** Stops the ceremony before the entropy is in (a party withdrew, the meeting was called off). */
export function stopCeremony(ceremony: Ceremony): Ceremony {
  requireStage(ceremony, "COMMITTED", "stop before entropy");
  return { ...ceremony, stage: "STOPPED", publicEntropy: null, salts: [], missing: ceremony.parties.map((p) => p.id) };
}

export function seedOfCeremony(ceremony: Ceremony): string {
  if (ceremony.stage === "STOPPED") {
    throw new DrawError("CEREMONY_STOPPED", `the ceremony stopped: no salt from ${ceremony.missing.join(", ")}`);
  }
  requireStage(ceremony, "SEEDED", "read the seed");
  return ceremony.seed;
}

/**
 * The whole ceremony in one call, for when every step is already known (tests, fixtures,
 * benchmarks, re-running a published draw): open, enter entropy, reveal every salt, close.
 */
export function runCeremony(
  manifest: AnyManifest,
  input: { commitments: readonly Commitment[]; publicEntropy: string; salts: readonly RevealedSalt[] },
): Ceremony {
  let ceremony = enterEntropy(openCeremony(manifest, manifestHash(manifest), input.commitments), input.publicEntropy);
  for (const { party, salt } of input.salts) ceremony = revealSalt(ceremony, party, salt);
  return closeCeremony(ceremony);
}
