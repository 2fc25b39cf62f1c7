import { randomUUID } from "node:crypto";
import { DomainError } from "@/lib/server/errors";

/** Temporary objects sit under this prefix; final keys start with two hex digits, so the two never meet. */
export const TEMP_PREFIX = "tmp/";

export function newTempKey(): string {
  return `${TEMP_PREFIX}${randomUUID()}`;
}

const TEMP_KEY = /^tmp\/([0-9a-f-]{36})$/;
const STORAGE_KEY = /^([0-9a-f]{2})\/([0-9a-f]{64})-([0-9a-f-]{36})$/;

export function isTempKey(key: string): boolean {
  return TEMP_KEY.test(key);
}

export function requireTempKey(key: string): string {
  if (!TEMP_KEY.test(key)) throw new DomainError("NOT_FOUND");
  return key;
}

/** Final keys are untrusted input when they come back from a row: only this shape ever reaches a path or a bucket. */
export function requireStorageKey(key: string): string {
  if (!STORAGE_KEY.test(key)) throw new DomainError("NOT_FOUND");
  return key;
}

/**
 * The final key of a temporary object: `ab/<sha256>-<uuid>`, the uuid being the temporary key's. The row is
 * written with this key before the object is promoted, and the shared uuid lets the sweeper tell an object whose
 * promotion was interrupted (a row names it: finish the move) from an abandoned one (no row: remove it).
 */
export function storageKeyFor(tempKey: string, sha256: string): string {
  const match = TEMP_KEY.exec(tempKey);
  if (!match || !/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a temporary key and hash: ${tempKey}`);
  return `${sha256.slice(0, 2)}/${sha256}-${match[1]}`;
}

/** The uuid shared by a temporary key and its final key. */
export function uploadIdOf(key: string): string | null {
  return TEMP_KEY.exec(key)?.[1] ?? STORAGE_KEY.exec(key)?.[3] ?? null;
}
