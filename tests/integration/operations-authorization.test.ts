// The authorization matrix, generated from the registry (issue 13 §7): every operation × every role × a record
// in and out of the caller's scope. It replaces a hand-written list: a new operation is in the matrix the day
// it is added (its scenario is required by type), and the matrix's text is a reviewed file, so a change to who
// may do what shows in the diff.
import { beforeAll, describe, expect, it } from "vitest";
import { OPERATIONS, type OperationName } from "@/lib/operations";
import { can } from "@/lib/policy/can";
import type { Actor } from "@/lib/policy/actor";
import { settleUpload } from "@/lib/server/files/storage";
import { executeOperation } from "@/lib/server/operations/boundary";
import { makeScenarioWorld, partiesOf, SCENARIOS, type Scenario, type World } from "../support/operation-scenarios";
import { setupTestDatabase } from "./support/db";
import { setupTempStorage } from "./support/storage";

const t = setupTestDatabase();
setupTempStorage();
let world: World;

beforeAll(async () => {
  world = await makeScenarioWorld(t.db);
});

async function attempt(name: OperationName, actor: Actor) {
  const scenario: Scenario = SCENARIOS[name];
  const { version } = await t.db.inspectionCase.findUniqueOrThrow({ where: { id: world.caseId }, select: { version: true } });
  const upload = scenario.upload ? await scenario.upload() : undefined;
  const outcome = await executeOperation(name, { actor, via: "internal", locale: "zh-CN", context: {} }, async () => ({ raw: scenario.input(world, version), upload }), { db: t.db });
  // As the HTTP door does after the operation: a stored upload is promoted, a refused one discarded.
  if (upload) await settleUpload(t.db, upload);
  return outcome;
}

describe("the authorization matrix of every operation", () => {
  it("refuses a role without the permission (403), an out-of-scope record (404), and lets the rest through to the service; every refusal audited", async () => {
    const lines: string[] = [];
    let refusals = 0;
    const deniedBefore = await t.db.auditEvent.count({ where: { outcome: "DENIED" } });
    for (const name of Object.keys(OPERATIONS).sort() as OperationName[]) {
      const operation = OPERATIONS[name];
      const scenario: Scenario = SCENARIOS[name];
      const scoped = scenario.scoped;
      for (const party of partiesOf(world)) {
        for (const [where, actor] of [["in", party.inScope], ["out", party.outOfScope]] as const) {
          if (!actor || (where === "out" && !scoped)) continue;
          const outcome = await attempt(name, actor);
          const code = outcome.ok ? null : outcome.failure.code;
          expect(outcome.status, `${name} ${party.role} ${where}: never a 500`).toBeLessThan(500);
          const permitted = operation.permission === null || can(actor, operation.permission);
          const hidden = scenario.hiddenFrom?.includes(actor.role) ?? false;
          const expected = !permitted ? "FORBIDDEN" : where === "out" || hidden ? "NOT_FOUND" : "authorized";
          // In scope, the service may still refuse on the workflow or the input, but never as forbidden or hidden.
          const verdict = code === "FORBIDDEN" || (code === "NOT_FOUND" && scoped) ? code : "authorized";
          expect(verdict, `${name} as ${party.role} ${where} of scope (answered ${code ?? "ok"})`).toBe(expected);
          if (code && ["FORBIDDEN", "NOT_FOUND", "TRANSITION_REFUSED"].includes(code)) refusals += 1;
          lines.push(`${name.padEnd(34)} ${party.role.padEnd(18)} ${where.padEnd(3)} ${verdict}`);
        }
      }
    }
    expect(await t.db.auditEvent.count({ where: { outcome: "DENIED" } })).toBe(deniedBefore + refusals);
    await expect(`${lines.join("\n")}\n`).toMatchFileSnapshot("../fixtures/authorization-matrix.txt");
  });
});
