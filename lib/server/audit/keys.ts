import "server-only";
import { createHash, createPrivateKey, createPublicKey, randomBytes, type KeyObject } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The key that signs audit checkpoints (docs/decisions/016-audit-chain-anchoring.md): Ed25519, from node:crypto.
 * It lives outside the database on purpose: whoever can rewrite the database cannot sign a checkpoint for what
 * they wrote. The private key is 32 random bytes in hex (FEIJIAN_AUDIT_KEY, `openssl rand -hex 32`); the public
 * key, which is all a verifier needs, is printed by `npm run audit:verify` and can be handed to an auditor.
 */
export interface AuditPublicKey {
  /** First 16 hex digits of SHA-256 of the raw 32-byte public key: stored with each checkpoint. */
  keyId: string;
  hex: string;
  key: KeyObject;
}

export interface AuditSigningKey {
  keyId: string;
  privateKey: KeyObject;
  publicKey: AuditPublicKey;
}

// DER prefixes that wrap a raw 32-byte Ed25519 key as PKCS#8 (private) and SPKI (public), RFC 8410.
const PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
const SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");
const HEX_32 = /^[0-9a-f]{64}$/i;

export const AUDIT_KEY_FILE = "audit-key";

function keyIdOf(rawPublic: Buffer): string {
  return createHash("sha256").update(rawPublic).digest("hex").slice(0, 16);
}

export function publicKeyFromHex(hex: string): AuditPublicKey {
  const value = hex.trim();
  if (!HEX_32.test(value)) throw new Error("An audit public key is 64 hexadecimal digits (32 bytes).");
  const raw = Buffer.from(value, "hex");
  return { keyId: keyIdOf(raw), hex: value.toLowerCase(), key: createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: "der", type: "spki" }) };
}

export function signingKeyFromHex(hex: string): AuditSigningKey {
  const value = hex.trim();
  if (!HEX_32.test(value)) throw new Error("FEIJIAN_AUDIT_KEY must be 64 hexadecimal digits (32 random bytes, e.g. `openssl rand -hex 32`).");
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, Buffer.from(value, "hex")]), format: "der", type: "pkcs8" });
  const spki = createPublicKey(privateKey).export({ format: "der", type: "spki" });
  const publicKey = publicKeyFromHex(spki.subarray(SPKI_PREFIX.length).toString("hex"));
  return { keyId: publicKey.keyId, privateKey, publicKey };
}

export function generateAuditKeyHex(): string {
  return randomBytes(32).toString("hex");
}

function dataDir(env: NodeJS.ProcessEnv): string {
  return path.resolve(env.FEIJIAN_DATA_DIR || ".data");
}

/**
 * For trying Feijian (embedded database, `npm run dev`): a key made once and kept beside the data, like the
 * session secret. A production server is given its own in FEIJIAN_AUDIT_KEY and never reaches this.
 */
export function ensureLocalAuditKeyHex(env: NodeJS.ProcessEnv = process.env): string {
  const file = path.join(dataDir(env), AUDIT_KEY_FILE);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const hex = generateAuditKeyHex();
  writeFileSync(file, hex, { mode: 0o600 });
  chmodSync(file, 0o600);
  return hex;
}

/** The signing key: FEIJIAN_AUDIT_KEY, else the one kept in the data folder (embedded mode), else none. */
export function auditSigningKey(env: NodeJS.ProcessEnv = process.env): AuditSigningKey | null {
  const given = env.FEIJIAN_AUDIT_KEY?.trim();
  if (given) return signingKeyFromHex(given);
  const file = path.join(dataDir(env), AUDIT_KEY_FILE);
  return existsSync(file) ? signingKeyFromHex(readFileSync(file, "utf8")) : null;
}

/**
 * The keys whose checkpoints a verifier trusts: the current signing key's public half, and the public keys in
 * FEIJIAN_AUDIT_TRUSTED_KEYS (comma-separated): retired keys after a rotation, or, for an auditor who holds no
 * private key, the only ones.
 */
export function trustedAuditKeys(env: NodeJS.ProcessEnv = process.env): AuditPublicKey[] {
  const keys = new Map<string, AuditPublicKey>();
  const current = auditSigningKey(env);
  if (current) keys.set(current.keyId, current.publicKey);
  for (const hex of (env.FEIJIAN_AUDIT_TRUSTED_KEYS ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const key = publicKeyFromHex(hex);
    keys.set(key.keyId, key);
  }
  return [...keys.values()];
}
