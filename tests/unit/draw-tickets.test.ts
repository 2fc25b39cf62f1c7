import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareTickets, firstTicket, nextTicket, sortByTicket, TicketError } from "@/lib/domain/draw/tickets";

// Expected values are the published examples of R. L. Rivest's reference,
// github.com/ron-rivest/consistent_sampler (commit 59f1485): docstrings of
// code/consistent_sampler.py, USAGE_EXAMPLES.md and code/demo_consistent_sampler.py.
// The reference prints ids and seeds with str(), so integer ids and seeds appear here as strings.

/** The reference's display form: 9 digits after the leading run of 9s, truncated. */
function trim(ticket: string): string {
  let firstNonNine = 2;
  while (ticket[firstNonNine] === "9") firstNonNine++;
  return ticket.slice(0, firstNonNine + 9);
}

/** Sampling without replacement, as the reference's sampler: [trimmed ticket, id, generation]. */
function sample(ids: string[], seed: string): [string, string, number][] {
  return sortByTicket(ids, seed, (id) => id).map(({ id, ticket }) => [trim(ticket), id, 1]);
}

/** Sampling with replacement: a drawn id goes back with its next ticket. */
function sampleWithReplacement(ids: string[], seed: string, take: number): [string, string, number][] {
  const basket = ids.map((id) => ({ id, ticket: firstTicket(seed, id), generation: 1 }));
  const drawn: [string, string, number][] = [];
  while (drawn.length < take) {
    basket.sort((a, b) => compareTickets(a.ticket, b.ticket) || (a.id < b.id ? -1 : 1));
    const lowest = basket[0]!;
    drawn.push([trim(lowest.ticket), lowest.id, lowest.generation]);
    basket[0] = { id: lowest.id, ticket: nextTicket(lowest.ticket), generation: lowest.generation + 1 };
  }
  return drawn;
}

const ids = (count: number, prefix = ""): string[] => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

describe("firstTicket matches the reference character for character", () => {
  it("first_fraction('AB-130', '01382438112797316654')", () => {
    expect(firstTicket("01382438112797316654", "AB-130")).toBe(
      "0.26299714122838008416507544297546663599715395525154425586041245287750224561854",
    );
  });

  it("make_ticket_heap(['dog', 'cat', 'fish', 'goat'], 'xy()134!g2n')", () => {
    const seed = "xy()134!g2n";
    expect(firstTicket(seed, "cat")).toBe("0.24866413894129579898796850445568128508290132707747976039848637531569373309555");
    expect(firstTicket(seed, "dog")).toBe("0.33886035615681875183111698317327684455682722683976874746986356932751818935066");
    expect(firstTicket(seed, "fish")).toBe("0.74685932088827950509145941729789143204056041958068799542050396198792954500593");
    expect(firstTicket(seed, "goat")).toBe("0.49599842072022713663423753308080171636735689997237236247068925068573448764387");
  });

  it("Chinese seed and id (UTF-8), and the empty strings, as computed by the reference code", () => {
    // Not published examples: run through code/consistent_sampler.py (Python 3.11) on 2026-11-23.
    expect(firstTicket("飞检-2024-种子", "吉林大学第一医院")).toBe(
      "0.45510741816788851816084345327220883587532670506197091684875798067409801806231",
    );
    expect(firstTicket("", "")).toBe("0.28358991504417215178893113165865004847049867285608762380494410010499893612829");
  });
});

describe("nextTicket matches the reference's next_fraction", () => {
  it("next_fraction('0.25471') and next_ticket of AB-130", () => {
    expect(nextTicket("0.25471")).toBe("0.642853261655004694691182528114375607701032283189922170593838029306715548381901");
    expect(nextTicket("0.26299714122838008416507544297546663599715395525154425586041245287750224561854")).toBe(
      "0.8232357229934205790595761924514048157652891124687533667363938813600770093316",
    );
  });

  it("draw_with_replacement: the ticket after '0.234'", () => {
    expect(nextTicket("0.234")).toBe("0.547830802749402616364646686795722512609112766306951592422621788875312684400211");
  });

  it("keeps a leading run of 9s (computed by the reference code)", () => {
    expect(nextTicket("0.999")).toBe(
      "0.999734044890050852626562058572967123319066069544788008530580255441250892791756511",
    );
  });
});

describe("sampling order matches the reference's sampler", () => {
  it("sampler(['ab-1', 'ab-2', 'cd-1', 'ef-3'], seed=314159)", () => {
    expect(sample(["ab-1", "ab-2", "cd-1", "ef-3"], "314159")).toEqual([
      ["0.317685817", "cd-1", 1],
      ["0.832984519", "ef-3", 1],
      ["0.9098039269", "ab-1", 1],
      ["0.9231549043", "ab-2", 1],
    ]);
  });

  it("USAGE_EXAMPLES 1, 2: shuffles of ['a', 'b', 'c', 'd'] with seeds 31 and 77", () => {
    const order = (seed: string) => sortByTicket(["a", "b", "c", "d"], seed, (id) => id).map((t) => t.id);
    expect(order("31")).toEqual(["b", "a", "d", "c"]);
    expect(order("77")).toEqual(["b", "d", "c", "a"]);
  });

  it("USAGE_EXAMPLES 4–6: range(100), seed 41, first ten (tickets with leading zeros)", () => {
    const drawn = sample(ids(100), "41");
    expect(drawn.slice(0, 5)).toEqual([
      ["0.000508333", "73", 1],
      ["0.003446232", "51", 1],
      ["0.004419823", "17", 1],
      ["0.020115273", "58", 1],
      ["0.023482375", "38", 1],
    ]);
    expect(drawn.slice(5, 10).map(([, id]) => id)).toEqual(["42", "39", "20", "11", "67"]);
  });

  it("USAGE_EXAMPLES 8: stratified sampling, tickets below 0.01, strata merge consistently", () => {
    const below = (population: string[]) =>
      sortByTicket(population, "314159", (id) => id)
        .filter(({ ticket }) => compareTickets(ticket, "0.01") < 0)
        .map(({ id, ticket }) => `${trim(ticket)} ${id}`);
    const ab = below(ids(2000, "AB-"));
    const cd = below(ids(1000, "CD-"));
    expect(ab).toEqual([
      "0.000599853 AB-135", "0.000666808 AB-684", "0.000752515 AB-1980", "0.001523540 AB-687",
      "0.001822502 AB-1382", "0.002270684 AB-1207", "0.003334947 AB-637", "0.003569863 AB-1577",
      "0.003696717 AB-1673", "0.003834922 AB-293", "0.004818481 AB-1258", "0.005368012 AB-1324",
      "0.005842206 AB-1883", "0.005945369 AB-1103", "0.006079778 AB-1791", "0.006084001 AB-653",
      "0.006089639 AB-1701", "0.006601161 AB-538", "0.006705166 AB-500", "0.006729792 AB-1419",
      "0.007001501 AB-556", "0.007239694 AB-1326", "0.008197404 AB-707", "0.009561740 AB-895",
    ]);
    expect(cd).toEqual([
      "0.002318508 CD-871", "0.003315890 CD-47", "0.003423249 CD-446", "0.003526316 CD-688",
      "0.003685382 CD-954", "0.004961286 CD-919", "0.006520711 CD-485", "0.006541153 CD-455",
      "0.008570259 CD-272",
    ]);
    const merged = below([...ids(2000, "AB-"), ...ids(1000, "CD-")]);
    expect(merged).toEqual([...ab, ...cd].sort());
  });

  it("sampler(['A#2', 'B#7', 'C#1', 'D#4'], with_replacement=True, take=8, seed=314159)", () => {
    expect(sampleWithReplacement(["A#2", "B#7", "C#1", "D#4"], "314159", 8).map(([, id]) => id)).toEqual([
      "D#4", "C#1", "C#1", "B#7", "A#2", "C#1", "D#4", "B#7",
    ]);
  });

  it("USAGE_EXAMPLES 8: ['a'..'e'], seed 52, 15 with replacement", () => {
    expect(sampleWithReplacement(["a", "b", "c", "d", "e"], "52", 15)).toEqual([
      ["0.054468191", "d", 1], ["0.075709054", "d", 2], ["0.097719928", "d", 3], ["0.197384308", "b", 1],
      ["0.243379719", "d", 4], ["0.255926637", "b", 2], ["0.302883911", "e", 1], ["0.366142288", "a", 1],
      ["0.434726434", "d", 5], ["0.492683857", "c", 1], ["0.609720116", "e", 2], ["0.647437512", "a", 2],
      ["0.694790524", "d", 6], ["0.756017834", "a", 3], ["0.791946361", "b", 3],
    ]);
  });

  it("demo X8: one id drawn 16 times, tickets creeping towards 1", () => {
    expect(sampleWithReplacement(["B-1"], "314159", 16).map(([ticket]) => ticket)).toEqual([
      "0.9781715679", "0.99820529419", "0.999816322794", "0.9999155113816", "0.9999740105535",
      "0.9999889761394", "0.9999894745680", "0.99999518448838", "0.99999770648841", "0.999999324301596",
      "0.999999588760690", "0.999999659277522", "0.999999835543910", "0.99999999723005422",
      "0.99999999859359985", "0.999999999540636137",
    ]);
  });

  it("demo X4, X6: six ids, seed 314159, without and with replacement", () => {
    const six = ["A-1", "A-2", "A-3", "B-1", "B-2", "B-3"];
    expect(sample(six, "314159").map(([ticket, id]) => `${ticket} ${id}`)).toEqual([
      "0.410310858 B-2", "0.470960291 B-3", "0.471438751 A-3", "0.567089805 A-2", "0.9781715679 B-1",
      "0.9828515724 A-1",
    ]);
    expect(sampleWithReplacement(six, "314159", 16).map(([ticket, id, gen]) => `${ticket} ${id} ${gen}`)).toEqual([
      "0.410310858 B-2 1", "0.470960291 B-3 1", "0.471438751 A-3 1", "0.567089805 A-2 1",
      "0.659534619 A-2 2", "0.765106651 A-2 3", "0.796265241 B-3 2", "0.872112726 A-2 4",
      "0.893337722 B-2 2", "0.9026656781 A-3 2", "0.9105083805 A-3 3", "0.9200375234 B-2 3",
      "0.9257009021 B-3 3", "0.9357740622 A-3 4", "0.9425889093 B-3 4", "0.9501908345 B-2 4",
    ]);
  });
});

describe("compareTickets", () => {
  it("compares numerically, whatever the lengths", () => {
    expect(compareTickets("0.1", "0.10")).toBe(0);
    expect(compareTickets("0.1", "0.1000000000001")).toBeLessThan(0);
    expect(compareTickets("0.2", "0.10")).toBeGreaterThan(0);
    expect(compareTickets("0.09", "0.1")).toBeLessThan(0);
    expect(compareTickets("0.0", "0.000")).toBe(0);
  });

  it("agrees with comparing the fractions as integers over a common denominator", () => {
    const digits = fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(digits, digits, (a, b) => {
        const length = Math.max(a.length, b.length);
        const [x, y] = [BigInt(a.padEnd(length, "0")), BigInt(b.padEnd(length, "0"))];
        expect(compareTickets(`0.${a}`, `0.${b}`)).toBe(x < y ? -1 : x > y ? 1 : 0);
      }),
    );
  });

  it.each(["", "0.", ".5", "1.0", "0.5e3", "0,5", " 0.5", "0.-1"])("refuses %j as a ticket", (bad) => {
    expect(() => compareTickets(bad, "0.5")).toThrow(TicketError);
    expect(() => compareTickets("0.5", bad)).toThrow(expect.objectContaining({ code: "INVALID_TICKET" }));
    expect(() => nextTicket(bad)).toThrow(expect.objectContaining({ code: "INVALID_TICKET" }));
  });
});

describe("sortByTicket", () => {
  it("refuses two candidates with the same id", () => {
    expect(() => sortByTicket(["x", "y", "x"], "seed", (id) => id)).toThrow(
      expect.objectContaining({ code: "DUPLICATE_ID" }),
    );
  });

  it("carries the items through with their ids and tickets", () => {
    const items = [{ code: "H-1" }, { code: "H-2" }];
    const sorted = sortByTicket(items, "seed", (item) => item.code);
    expect(new Set(sorted.map((entry) => entry.item))).toEqual(new Set(items));
    for (const entry of sorted) expect(entry.ticket).toBe(firstTicket("seed", entry.item.code));
  });
});

describe("properties", () => {
  const text = fc.string({ unit: "grapheme", maxLength: 24 });
  const idList = fc.uniqueArray(fc.string({ maxLength: 12 }), { maxLength: 30 });

  it("a ticket is deterministic, '0.' and at least 64 digits, strictly between 0 and 1", () => {
    fc.assert(
      fc.property(text, text, (seed, id) => {
        const ticket = firstTicket(seed, id);
        expect(firstTicket(seed, id)).toBe(ticket);
        expect(ticket).toMatch(/^0\.[0-9]{64,}$/);
        expect(compareTickets(ticket, "0.0")).toBeGreaterThan(0);
      }),
    );
  });

  it("different ids get different tickets", () => {
    fc.assert(
      fc.property(text, idList, (seed, list) => {
        expect(new Set(list.map((id) => firstTicket(seed, id))).size).toBe(list.length);
      }),
    );
  });

  it("the next ticket is strictly larger", () => {
    fc.assert(
      fc.property(text, text, (seed, id) => {
        const ticket = firstTicket(seed, id);
        const next = nextTicket(ticket);
        expect(next).toMatch(/^0\.[0-9]+$/);
        expect(compareTickets(next, ticket)).toBeGreaterThan(0);
      }),
    );
  });

  it("sortByTicket is a permutation of its input in ticket order", () => {
    fc.assert(
      fc.property(text, idList, (seed, list) => {
        const sorted = sortByTicket(list, seed, (id) => id);
        expect(sorted.map((entry) => entry.id).sort()).toEqual([...list].sort());
        for (let i = 1; i < sorted.length; i++) {
          expect(compareTickets(sorted[i - 1]!.ticket, sorted[i]!.ticket)).toBeLessThan(0);
        }
      }),
    );
  });

  it("is consistent: sorting a subset gives the full order restricted to it, whatever the input order", () => {
    fc.assert(
      fc.property(text, idList, fc.func(fc.boolean()), (seed, list, keep) => {
        const subset = list.filter((id) => keep(id)).reverse();
        const full = sortByTicket(list, seed, (id) => id).map((entry) => entry.id);
        expect(sortByTicket(subset, seed, (id) => id).map((entry) => entry.id)).toEqual(
          full.filter((id) => subset.includes(id)),
        );
      }),
    );
  });
});
