import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crossGroup, firstAssignment } from "@/lib/domain/draw/cross-grouping";

const codes = (n: number) => Array.from({ length: n }, (_, i) => `R${String(i).padStart(2, "0")}`);

/** Mutual pairs of an assignment given as indexes into `participating`. */
function mutualPairs(inspected: readonly string[], participating: readonly string[], a: readonly number[]): number {
  const inspector = new Map(inspected.map((code, i) => [code, participating[a[i]!]!]));
  let pairs = 0;
  for (const [code, by] of inspector) if (inspector.get(by) === code && code < by) pairs++;
  return pairs;
}

/** Every valid assignment in lexicographic order, by brute force: the specification. */
function bruteForce(inspected: readonly string[], participating: readonly string[]): number[] | null {
  const m = inspected.length;
  const k = participating.length;
  const [lo, hi] = [Math.floor(m / k), Math.ceil(m / k)];
  let best: { a: number[]; mutual: number } | null = null;
  const a: number[] = [];
  const walk = (i: number): void => {
    if (i === m) {
      const loads = participating.map((_, j) => a.filter((x) => x === j).length);
      if (loads.some((l) => l < lo || l > hi)) return;
      const mutual = mutualPairs(inspected, participating, a);
      if (!best || mutual < best.mutual) best = { a: [...a], mutual };
      return;
    }
    for (let j = 0; j < k; j++) {
      if (participating[j] === inspected[i]) continue;
      a.push(j);
      walk(i + 1);
      a.pop();
    }
  };
  walk(0);
  return best === null ? null : (best as { a: number[] }).a;
}

describe("cross-grouping", () => {
  it("is the first derangement without 2-cycles of the ticket order, for the same regions on both sides", () => {
    expect(firstAssignment(codes(3), codes(3))).toEqual([1, 2, 0]);
    expect(firstAssignment(codes(4), codes(4))).toEqual([1, 2, 3, 0]);
    expect(firstAssignment(codes(5), codes(5))).toEqual([1, 2, 3, 4, 0]);
    expect(firstAssignment(codes(7), codes(7))).toEqual([1, 2, 0, 4, 5, 6, 3]);
    expect(firstAssignment(codes(10), codes(10))).toEqual([1, 2, 0, 4, 5, 3, 7, 8, 9, 6]);
  });

  it("pairs two regions with each other when nothing else is possible, and refuses one region alone", () => {
    expect(firstAssignment(codes(2), codes(2))).toEqual([1, 0]);
    expect(crossGroup(["A", "B"], ["A", "B"], "s").mutualPairs).toHaveLength(1);
    expect(() => crossGroup(["A"], ["A"], "s")).toThrow(expect.objectContaining({ code: "NO_CROSS_GROUPING" }));
  });

  it("equals the brute-force specification: fewest mutual pairs, then lexicographically first", () => {
    const universe = codes(7);
    const subset = fc.subarray(universe, { minLength: 1 }).chain((s) => fc.shuffledSubarray(s, { minLength: s.length }));
    fc.assert(
      fc.property(subset, subset, (inspected, participating) => {
        if (inspected.length > 6 || participating.length > 6) return;
        expect(firstAssignment(inspected, participating)).toEqual(bruteForce(inspected, participating));
      }),
      { numRuns: 300 },
    );
  });

  it("never lets a region inspect itself and has no mutual pair for three or more regions, up to 60", () => {
    for (let n = 3; n <= 60; n++) {
      const { assignments, mutualPairs: pairs } = crossGroup(codes(n), codes(n), `seed-${n}`);
      expect(assignments).toHaveLength(n);
      expect(new Set(assignments.map((a) => a.inspecting)).size).toBe(n);
      for (const a of assignments) expect(a.inspecting).not.toBe(a.inspected);
      expect(pairs).toEqual([]);
    }
  });

  it("terminates quickly on the shapes where mutual pairs cannot be avoided", () => {
    const started = performance.now();
    const many = Array.from({ length: 40 }, (_, i) => `X${i}`);
    const a = firstAssignment([...many, "A", "B"], ["A", "B"]);
    expect(a?.slice(-2)).toEqual([1, 0]);
    expect(firstAssignment([...many, "A", "B", "C"], ["A", "B", "C"])).not.toBeNull();
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("gives every region each of the others as inspector equally often over many seeds", () => {
    const regions = codes(5);
    const runs = 2000;
    const counts = new Map<string, number>();
    for (let n = 0; n < runs; n++) {
      for (const { inspected, inspecting } of crossGroup(regions, regions, `pairs-${n}`).assignments) {
        counts.set(`${inspected}>${inspecting}`, (counts.get(`${inspected}>${inspecting}`) ?? 0) + 1);
      }
    }
    expect(counts.size).toBe(20);
    const expected = runs / 4;
    const chiSquare = [...counts.values()].reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    // 20 cells, 15 degrees of freedom (each region's four cells sum to the runs): 0.9999 quantile ≈ 44.3.
    expect(chiSquare).toBeLessThan(45);
  });

  it("is the same for the same seed, whatever order the regions are listed in", () => {
    const regions = codes(9);
    const a = crossGroup(regions, regions, "same");
    const b = crossGroup([...regions].reverse(), [...regions.slice(4), ...regions.slice(0, 4)], "same");
    expect(b).toEqual(a);
  });
});
