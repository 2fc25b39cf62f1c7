/**
 * Canonical JSON, the byte string every draw hash is taken over (manifestHash, seed,
 * resultHash; docs/draw.md, "Canonical JSON"). Chosen so that an outside checker gets the same
 * bytes from Python's standard library:
 *
 *   json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
 *
 * To keep that equality exact, values are limited to what both sides print alike: null,
 * booleans, safe integers (no fractions: Python prints 1.0 where JavaScript prints 1), strings
 * without lone surrogates, arrays, and plain objects with ASCII keys (Python sorts keys by code
 * point, JavaScript by UTF-16 unit; the two agree on ASCII). JSON.stringify's string escaping
 * (\" \\ \b \f \n \r \t, other controls as \u00xx) is the same as Python's. Keys that look like
 * array indexes ("0", "17") are refused too: JavaScript objects put them first in numeric order,
 * whatever the sort says.
 *
 * The text is made by the native JSON.stringify with a replacer that sorts keys and spots
 * values outside the subset; only then is the value walked again, slowly, to name the path.
 */
import { sha256Hex } from "@/lib/domain/crypto/sha256";
import { DrawError } from "@/lib/domain/draw/errors";

const ASCII_KEY = /^[\x20-\x7e]*$/;
const INDEX_KEY = /^(0|[1-9][0-9]*)$/;
const SURROGATE = /[\ud800-\udfff]/;

// encodeURIComponent throws on a lone surrogate in every browser; String#isWellFormed is too new.
// The regex first: most strings have no surrogate at all, and encoding them is the slow part.
function isWellFormed(text: string): boolean {
  if (!SURROGATE.test(text)) return true;
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

const isPlainObject = (value: object): boolean => {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/** Why this one value (not its children) is outside the subset, or null. */
function problemOf(value: unknown): string | null {
  if (value === null || typeof value === "boolean") return null;
  if (typeof value === "number") return Number.isSafeInteger(value) ? null : `only safe integers are allowed, got ${value}`;
  if (typeof value === "string") return isWellFormed(value) ? null : "string contains a lone surrogate (no UTF-8 encoding)";
  if (value === undefined) return "undefined is not a JSON value (use null)";
  if (typeof value !== "object") return `not a JSON value: ${typeof value}`;
  if (Array.isArray(value)) return null;
  if (!isPlainObject(value)) return `not a JSON value: ${value.constructor?.name ?? "object"}`;
  const bad = Object.keys(value).find((key) => !ASCII_KEY.test(key) || INDEX_KEY.test(key));
  return bad === undefined ? null : `object keys must be printable ASCII and not array indexes: ${JSON.stringify(bad)}`;
}

/** The first value outside the subset, with its path (`$.a[0].b`), for the error. */
function locate(value: unknown, path: string): { path: string; problem: string } | null {
  const problem = problemOf(value);
  if (problem) return { path, problem };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = locate(value[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      const found = locate(child, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/** The canonical JSON text of `value`; throws `DrawError("INVALID_JSON_VALUE")` outside the subset. */
export function canonicalJson(value: unknown): string {
  let valid = true;
  const text = JSON.stringify(value, function (this: Record<string, unknown>, key: string, replaced: unknown) {
    // `this[key]` is the value before any toJSON (a Date would otherwise pass as a string).
    const original = this[key];
    if (!valid || problemOf(original) !== null) {
      valid = false;
      return null;
    }
    if (original === null || typeof original !== "object" || Array.isArray(original)) return replaced;
    // No prototype, so a "__proto__" key stays an ordinary key.
    const sorted = Object.create(null) as Record<string, unknown>;
    for (const name of Object.keys(original).sort()) sorted[name] = (original as Record<string, unknown>)[name];
    return sorted;
  });
  if (!valid) {
    const found = locate(value, "$");
    throw new DrawError("INVALID_JSON_VALUE", found?.problem ?? "not a JSON value", found?.path ?? "$");
  }
  return text;
}

/** Lower-case hex SHA-256 of the UTF-8 canonical JSON of `value`. */
export function canonicalHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
