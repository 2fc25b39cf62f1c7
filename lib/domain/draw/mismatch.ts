/**
 * The first place two JSON values differ, as a path a reader can follow in the published file
 * (`result.regions[0].hospitals[1]`). The verifier reports only the first mismatch: after one
 * wrong value everything derived from it differs too, and listing those would hide the cause.
 */

export type Mismatch = {
  /** JSON path from the record's root, `$` omitted: `tickets[3]`, `manifest.regions[0].exclusions`. */
  path: string;
  message: string;
  expected?: unknown;
  actual?: unknown;
};

export function joinPath(base: string, key: string | number): string {
  if (typeof key === "number") return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The first difference between `expected` (recomputed) and `actual` (published), or null. */
export function firstDifference(expected: unknown, actual: unknown, path: string): Mismatch | null {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const shared = Math.min(expected.length, actual.length);
    for (let i = 0; i < shared; i++) {
      const inner = firstDifference(expected[i], actual[i], joinPath(path, i));
      if (inner) return inner;
    }
    if (expected.length !== actual.length) {
      return {
        path: joinPath(path, shared),
        message:
          actual.length > expected.length
            ? `${actual.length - expected.length} entries more than recomputed (${expected.length} expected)`
            : `${expected.length - actual.length} entries missing (${expected.length} expected)`,
        expected: expected[shared],
        actual: actual[shared],
      };
    }
    return null;
  }
  if (isPlainObject(expected) && isPlainObject(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
    for (const key of keys) {
      if (!(key in actual)) return { path: joinPath(path, key), message: "missing", expected: expected[key] };
      if (!(key in expected)) return { path: joinPath(path, key), message: "unexpected field", actual: actual[key] };
      const inner = firstDifference(expected[key], actual[key], joinPath(path, key));
      if (inner) return inner;
    }
    return null;
  }
  if (Object.is(expected, actual)) return null;
  return { path, message: "differs from the recomputed value", expected, actual };
}
