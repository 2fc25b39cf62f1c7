/**
 * Salted commitments to what a draw depends on but the public must not read (ADR 019): a candidate's fund
 * usage and inspection history, the reason an institution was designated (often a tip-off), the ties that
 * recuse a person. The published manifest carries, per entry, only
 *
 *   commitment = SHA-256(canonicalJson(["feijian-disclosure/1", salt, value]))
 *
 * with a 256-bit salt per entry, so the value cannot be guessed back from the hash (fund usage is an integer
 * and could be, unsalted); the bureau's full record carries the salts and the values, so a reviewer given it,
 * or one entry of it, checks each against the hash the public record fixed before the ceremony.
 */
import { sha256Hex } from "@/lib/domain/crypto/sha256";
import { canonicalJson } from "@/lib/domain/draw/canonical-json";

export const DISCLOSURE_TAG = "feijian-disclosure/1";
const SALT_TAG = "feijian-disclosure-salt/1";

/** A per-entry salt and the key salts are derived from: 64 lower-case hex digits (256 bits). */
export const DISCLOSURE_SALT_PATTERN = /^[0-9a-f]{64}$/;

/**
 * The salt of one entry, derived from the draw's secret key and the entry's identity, so one key serves a
 * whole manifest and a fixture is reproducible. The key never leaves the server that fixed the manifest;
 * handing a reviewer one entry's salt discloses nothing of the others (SHA-256 is one-way).
 */
export function entrySalt(key: string, ...identity: string[]): string {
  if (!DISCLOSURE_SALT_PATTERN.test(key)) throw new Error("a disclosure key is 64 lower-case hex digits");
  return sha256Hex(canonicalJson([SALT_TAG, key, ...identity]));
}

/** The commitment to one entry's private value. */
export function commitmentTo(salt: string, value: unknown): string {
  return sha256Hex(canonicalJson([DISCLOSURE_TAG, salt, value]));
}
