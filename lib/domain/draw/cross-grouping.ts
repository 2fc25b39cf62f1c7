/**
 * Cross-grouping (交叉互检, Jilin plan §四(一)2): which participating region's team inspects
 * which inspected region. The procedure, deterministic over the draw's tickets:
 *
 * 1. Order the inspected regions by ticket (r0, r1, …) and the participating regions by ticket
 *    (p0, p1, …). A region in both lists has one ticket, so when the lists are the same set the
 *    two orders are the same.
 * 2. An assignment is the sequence (a0, a1, …): region ri is inspected by p(ai). It is valid when
 *    no region inspects itself and every participating region inspects between ⌊m/k⌋ and ⌈m/k⌉
 *    regions (m inspected, k participating).
 * 3. Take the smallest number M of mutual pairs (two regions inspecting each other) any valid
 *    assignment has, and among the valid assignments with M mutual pairs the first in
 *    lexicographic order. With the same n ≥ 3 regions on both sides M = 0 and the result is the
 *    first derangement without 2-cycles of the ticket order (consecutive 3-cycles, the last cycle
 *    of 3, 4 or 5); with n = 2 the swap is the only choice.
 *
 * It terminates: the search is a depth-first walk of a finite tree in lexicographic order, tried
 * for M = 0, 1, …, ⌊m/2⌋, the last of which drops the mutual-pair bound; if even that finds
 * nothing, no valid assignment exists and the draw refuses with NO_CROSS_GROUPING. Because the
 * ticket order is a uniformly random permutation, each region is equally likely to be inspected
 * by each of the regions allowed to inspect it.
 */
import { DrawError } from "@/lib/domain/draw/errors";
import { sortByTicket } from "@/lib/domain/draw/tickets";

export type Assignment = { inspected: string; inspecting: string };

export type CrossGrouping = {
  /** Inspected regions in ticket order, each with the region that inspects it. */
  assignments: Assignment[];
  /** Unavoidable mutual pairs, each once, as [first in ticket order, second]. */
  mutualPairs: [string, string][];
};

/**
 * The lexicographically first valid assignment with the fewest mutual pairs, over codes already
 * in ticket order: `result[i]` indexes `participating`. Null when there is no valid assignment.
 */
export function firstAssignment(inspected: readonly string[], participating: readonly string[]): number[] | null {
  const m = inspected.length;
  const k = participating.length;
  if (m === 0 || k === 0) return null;
  const minLoad = Math.floor(m / k);
  const maxLoad = Math.ceil(m / k);
  const inspectedIndex = new Map(inspected.map((code, i) => [code, i]));
  const assignment: number[] = new Array<number>(m).fill(-1);
  const loads: number[] = new Array<number>(k).fill(0);

  const participatingCodes = new Set(participating);
  const deficit = (): number => loads.reduce((sum, load) => sum + Math.max(0, minLoad - load), 0);
  // What the rest of the search depends on: the position, the loads, the mutual pairs so far, and
  // which assigned participating regions are inspected by a region still to come (a possible
  // mutual pair). Remembering the states that failed keeps the walk polynomial in practice.
  const stateKey = (i: number, mutual: number): string => {
    const pending: number[] = [];
    for (let o = 0; o < i; o++) {
      const inspector = inspectedIndex.get(participating[assignment[o]!]!);
      if (participatingCodes.has(inspected[o]!) && inspector !== undefined && inspector >= i) pending.push(o, inspector);
    }
    return `${i}|${mutual}|${loads.join(",")}|${pending.join(",")}`;
  };
  let failed = new Set<string>();

  const search = (i: number, mutual: number, limit: number): boolean => {
    if (i === m) return true;
    const key = stateKey(i, mutual);
    if (failed.has(key)) return false;
    for (let j = 0; j < k; j++) {
      if (participating[j] === inspected[i] || loads[j]! >= maxLoad) continue;
      // A mutual pair closes when p(j) is an inspected region already given to ri's own team.
      const other = inspectedIndex.get(participating[j]!);
      const closes = other !== undefined && other < i && participating[assignment[other]!] === inspected[i];
      const nextMutual = closes ? mutual + 1 : mutual;
      if (nextMutual > limit) continue;
      loads[j]!++;
      assignment[i] = j;
      if (deficit() <= m - i - 1 && search(i + 1, nextMutual, limit)) return true;
      loads[j]!--;
      assignment[i] = -1;
    }
    failed.add(key);
    return false;
  };

  for (let limit = 0; limit <= Math.floor(m / 2); limit++) {
    failed = new Set();
    if (search(0, 0, limit)) return assignment;
  }
  return null;
}

/** Cross-groups the regions under the draw's seed. Region codes are the ticket ids. */
export function crossGroup(inspected: readonly string[], participating: readonly string[], seed: string): CrossGrouping {
  const ordered = sortByTicket([...new Set([...inspected, ...participating])], seed, (code) => code).map((t) => t.id);
  const inspectedSet = new Set(inspected);
  const participatingSet = new Set(participating);
  const inspectedOrder = ordered.filter((code) => inspectedSet.has(code));
  const participatingOrder = ordered.filter((code) => participatingSet.has(code));
  const found = firstAssignment(inspectedOrder, participatingOrder);
  if (!found) {
    throw new DrawError(
      "NO_CROSS_GROUPING",
      "no assignment lets every inspected region be inspected by another region within the load limits",
    );
  }
  const assignments = inspectedOrder.map((code, i) => ({ inspected: code, inspecting: participatingOrder[found[i]!]! }));
  const inspectorOf = new Map(assignments.map((a) => [a.inspected, a.inspecting]));
  const mutualPairs: [string, string][] = [];
  for (const { inspected: a, inspecting: b } of assignments) {
    if (inspectorOf.get(b) === a && inspectedOrder.indexOf(a) < inspectedOrder.indexOf(b)) mutualPairs.push([a, b]);
  }
  return { assignments, mutualPairs };
}
