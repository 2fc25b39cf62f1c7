import "server-only";
import { hash, verify } from "@node-rs/argon2";

// Argon2id with OWASP's second recommended parameter set (19 MiB, 2 passes, 1 lane): about 30 ms here,
// slow enough to hurt guessing, quick enough for a login form.
const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing does not reveal which usernames exist. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("feijian-timing-equaliser");
  return dummyHash;
}
