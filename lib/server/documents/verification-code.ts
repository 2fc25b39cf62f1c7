import { randomInt } from "node:crypto";

/** Crockford's base32: no I, L, O or U, so a code read aloud or retyped from paper is not misread. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** 8 random characters (40 bits), printed as XXXX-XXXX. Random, not derived from the document: it reveals nothing. */
export function newVerificationCode(): string {
  let code = "";
  for (let i = 0; i < 8; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What a person typed, in the stored form, or null when it cannot be a code (then the caller still looks one up). */
export function normalizeVerificationCode(typed: string): string | null {
  const cleaned = typed.toUpperCase().replace(/[\s\-－—_]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (!/^[0-9A-HJKMNP-TV-Z]{8}$/.test(cleaned)) return null;
  return `${cleaned.slice(0, 4)}-${cleaned.slice(4)}`;
}
