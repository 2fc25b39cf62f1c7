import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/server/audit/record";
import { verifyAuditChain } from "@/lib/server/audit/verify";
import { changePassword } from "@/lib/server/account";
import { makeActor, FACTORY_PASSWORD } from "../factories";
import { setupTestDatabase } from "./support/db";

const t = setupTestDatabase();

async function appendEvents(count: number) {
  const actor = await makeActor(t.db, "BUREAU_ADMIN");
  for (let i = 0; i < count; i += 1) {
    await t.db.$transaction((tx) => recordAudit(tx, { actor, action: "test.event", entity: "Test", entityId: String(i), after: { i, amount: "12.30", nested: { b: 1, a: [2, 3] } } }));
  }
}

const table = () => `"${t.schema}"."AuditEvent"`;

describe("audit hash chain", () => {
  it("verifies an intact chain, including rows written concurrently", async () => {
    await appendEvents(5);
    const actor = await makeActor(t.db, "BUREAU_STAFF");
    await Promise.all(Array.from({ length: 8 }, (_, i) => t.db.$transaction((tx) => recordAudit(tx, { actor, action: "test.parallel", entity: "Test", entityId: `p${i}` }))));
    const report = await verifyAuditChain(t.db);
    expect(report).toMatchObject({ ok: true });
    expect(report.checked).toBeGreaterThanOrEqual(13);
  });

  it("detects an edited row, at that row", async () => {
    const target = await t.db.auditEvent.findFirstOrThrow({ where: { action: "test.event", entityId: "2" } });
    await t.db.$executeRawUnsafe(`UPDATE ${table()} SET "after" = '{"i": 999}' WHERE seq = ${target.seq}`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, seq: target.seq, reason: "HASH_MISMATCH" });
    await t.db.$executeRawUnsafe(`UPDATE ${table()} SET "after" = $1::jsonb WHERE seq = ${target.seq}`, JSON.stringify(target.after));
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it("detects an edited hash (rewritten to match the edit) at the next row", async () => {
    const rows = await t.db.auditEvent.findMany({ where: { action: "test.event" }, orderBy: { seq: "asc" } });
    const [, second, third] = rows;
    await t.db.$executeRawUnsafe(`UPDATE ${table()} SET "actorLabel" = 'mallory', hash = $1 WHERE seq = ${second!.seq}`, "f".repeat(64));
    const report = await verifyAuditChain(t.db);
    expect(report.ok).toBe(false);
    expect([second!.seq, third!.seq]).toContain((report as { seq: bigint }).seq);
  });

  it("detects a deleted row, at the row after it", async () => {
    const fresh = useFreshChain();
    await fresh;
    const rows = await t.db.auditEvent.findMany({ orderBy: { seq: "asc" } });
    const victim = rows[2]!;
    await t.db.$executeRawUnsafe(`DELETE FROM ${table()} WHERE seq = ${victim.seq}`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, seq: rows[3]!.seq, reason: "PREVIOUS_HASH_MISMATCH" });
  });

  it("writes the audit row in the same transaction as the change: a failed change leaves none", async () => {
    await t.db.$executeRawUnsafe(`TRUNCATE ${table()}`);
    const actor = await makeActor(t.db, "CITY_STAFF");
    const before = await t.db.auditEvent.count();
    // Wrong current password: refused before any write, so no audit row either.
    await expect(changePassword(t.db, actor, { currentPassword: "nope", newPassword: "Brand-new-pass-1", confirmPassword: "Brand-new-pass-1" })).rejects.toMatchObject({ code: "WRONG_PASSWORD" });
    expect(await t.db.auditEvent.count()).toBe(before);
    await expect(
      t.db.$transaction(async (tx) => {
        await recordAudit(tx, { actor, action: "test.rollback", entity: "Test" });
        throw new Error("the change failed after its audit row");
      }),
    ).rejects.toThrow();
    expect(await t.db.auditEvent.count({ where: { action: "test.rollback" } })).toBe(0);
    await changePassword(t.db, actor, { currentPassword: FACTORY_PASSWORD, newPassword: "Brand-new-pass-1", confirmPassword: "Brand-new-pass-1" });
    expect(await t.db.auditEvent.count({ where: { action: "account.changePassword", actorId: actor.userId } })).toBe(1);
  });

  it("`npm run audit:verify` exits 0 on an intact chain and 1 naming the first broken link", () => {
    const env = { ...process.env, DATABASE_URL: t.url, DATABASE_SCHEMA: t.schema };
    const ok = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/audit-verify.ts"], { env, encoding: "utf8" });
    expect(ok.stdout + ok.stderr).toMatch(/OK/);
    expect(ok.status).toBe(0);
  });

  it("`npm run audit:verify` fails on a tampered chain", async () => {
    const row = await t.db.auditEvent.findFirstOrThrow({ orderBy: { seq: "asc" } });
    await t.db.$executeRawUnsafe(`UPDATE ${table()} SET action = 'tampered' WHERE seq = ${row.seq}`);
    const env = { ...process.env, DATABASE_URL: t.url, DATABASE_SCHEMA: t.schema };
    const bad = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/audit-verify.ts"], { env, encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stdout + bad.stderr).toContain(`seq ${row.seq}`);
  });
});

/** Starts the chain over, so a test can delete a row without the earlier tests' tampering in the way. */
async function useFreshChain() {
  await t.db.$executeRawUnsafe(`TRUNCATE ${table()}`);
  await appendEvents(5);
  expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
}
