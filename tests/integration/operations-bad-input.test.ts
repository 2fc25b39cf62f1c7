// The bad-input sweep (issue 13 §7): for every operation, its valid input is broken field by field (missing,
// wrong type, huge, NUL, stray unicode, impossible numbers and dates, and random values from fast-check). Every
// input the operation's schema refuses must be answered 4xx with field messages, never 500, and write no row.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { OPERATIONS, type OperationName } from "@/lib/operations";
import { can } from "@/lib/policy/can";
import { executeOperation } from "@/lib/server/operations/boundary";
import { withClient } from "@/lib/server/db/migrator";
import { makeScenarioWorld, partiesOf, SCENARIOS, type Scenario, type World } from "../support/operation-scenarios";
import { setupTestDatabase } from "./support/db";
import { setupTempStorage } from "./support/storage";

const t = setupTestDatabase();
setupTempStorage();
let world: World;
let tables: string[];

beforeAll(async () => {
  world = await makeScenarioWorld(t.db);
  tables = await withClient(t.url, async (c) => (await c.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'", [t.schema])).rows.map((r) => r.table_name));
});

/** Rows in every table: a refused input must leave each count as it was (the audit log's DENIED rows aside). */
async function rowCounts(): Promise<Record<string, number>> {
  return withClient(t.url, async (c) => {
    const from = (table: string) => `${c.escapeIdentifier(t.schema)}.${c.escapeIdentifier(table)}`;
    const sql = tables.map((table) => `SELECT ${c.escapeLiteral(table)} AS "table", count(*)::int AS rows FROM ${from(table)}${table === "AuditEvent" ? " WHERE outcome <> 'DENIED'" : ""}`).join(" UNION ALL ");
    return Object.fromEntries((await c.query<{ table: string; rows: number }>(sql)).rows.map((r) => [r.table, r.rows]));
  });
}

const JUNK: unknown[] = [
  null, true, false, 0, -1, 1.5, Number.MAX_SAFE_INTEGER + 2, 1e308, [], {}, [1, 2], { nested: { x: 1 } },
  "", " ", "\u0000", "正常\u0000文本", "\u0007", "x".repeat(100_001), "长".repeat(30_000), "\u202E\u202D", "\u3000", "💥",
  "0000-01-01", "2024-02-30", "9999-99-99", "2024-02-30T25:61:00Z", "1e3", "-0.01", "12.345", "NaN", "Infinity",
  "00000000-0000-0000-0000-00000000000g", "'; DROP TABLE \"User\"; --", "<script>alert(1)</script>",
];

function mutations(base: Record<string, unknown>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const field of Object.keys(base)) {
    out.push(Object.fromEntries(Object.entries(base).filter(([key]) => key !== field)));
    for (const junk of JUNK) out.push({ ...base, [field]: junk });
  }
  out.push({ ...base, unexpected: "x" }, { ...base, __proto__: { admin: true } } as Record<string, unknown>);
  return out;
}

function actorFor(name: OperationName) {
  const permission = OPERATIONS[name].permission;
  return partiesOf(world).map((p) => p.inScope).find((actor) => permission === null || can(actor, permission))!;
}

const summary = { operations: 0, calls: 0, serverErrors: 0, rowsWritten: 0 };

describe("the bad-input sweep of every operation", () => {
  for (const name of Object.keys(OPERATIONS).sort() as OperationName[]) {
    it(`${name}: refused inputs get 4xx with field messages, never 500, and write nothing`, async () => {
      const operation = OPERATIONS[name];
      const scenario: Scenario = SCENARIOS[name];
      const actor = actorFor(name);
      const { version } = await t.db.inspectionCase.findUniqueOrThrow({ where: { id: world.caseId }, select: { version: true } });
      const base = scenario.input(world, version);
      const refusedBySchema = (raw: unknown) => !operation.input.safeParse(raw).success;
      const run = async (raw: unknown) => {
        const outcome = await executeOperation(name, { actor, via: "internal", locale: "zh-CN", context: {} }, async () => ({ raw, upload: scenario.upload ? await scenario.upload() : undefined }), { db: t.db });
        summary.calls += 1;
        if (outcome.status >= 500) summary.serverErrors += 1;
        expect(outcome.ok, JSON.stringify(raw).slice(0, 200)).toBe(false);
        if (!outcome.ok) {
          expect(outcome.status, JSON.stringify(raw).slice(0, 200)).toBe(422);
          expect(outcome.failure.code).toBe("VALIDATION");
          expect(Object.keys(outcome.failure.fieldErrors ?? {}).length).toBeGreaterThan(0);
          expect(outcome.failure.message).not.toMatch(/prisma|postgres|stack|TypeError|undefined/i);
        }
      };
      const before = await rowCounts();
      for (const raw of mutations(base).filter(refusedBySchema)) await run(raw);
      // Random values in random fields, beyond the list above.
      const fields = Object.keys(base);
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...(fields.length ? fields : ["x"])), fc.anything({ withNullPrototype: false }), async (field, value) => {
          const raw = { ...base, [field]: value };
          if (refusedBySchema(raw)) await run(raw);
        }),
        { numRuns: 25, seed: 20261129 },
      );
      const after = await rowCounts();
      const written = Object.keys(after).filter((table) => after[table] !== before[table]);
      summary.rowsWritten += written.length;
      expect(written).toEqual([]);
      summary.operations += 1;
    });
  }

  it("sums up: operations swept, calls made, 5xx answers and tables written", () => {
    console.log(`bad-input sweep: ${summary.operations} operations, ${summary.calls} calls, ${summary.serverErrors} answers 5xx, ${summary.rowsWritten} tables written`);
    expect(summary.serverErrors).toBe(0);
    expect(summary.rowsWritten).toBe(0);
    expect(summary.operations).toBe(Object.keys(OPERATIONS).length);
  });
});
