// The audit log: hash-chained, append-only in the database, anchored by signed checkpoints (docs/decisions/013).
// Issue 12, item 17: deleting or rewriting the newest rows went undetected, and nothing stopped UPDATE or DELETE.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { hashLink } from "@/lib/server/audit/chain";
import { signCheckpoint, startAuditCheckpointer, writeAuditCheckpoint } from "@/lib/server/audit/checkpoint";
import { generateAuditKeyHex, signingKeyFromHex } from "@/lib/server/audit/keys";
import { recordAudit } from "@/lib/server/audit/record";
import { describeFinding, verifyAuditChain, type Finding } from "@/lib/server/audit/verify";
import { makeActor, makeUser } from "../factories";
import { setupTestDatabase } from "./support/db";

const t = setupTestDatabase();
const keyHex = generateAuditKeyHex();
const key = signingKeyFromHex(keyHex);
const dir = mkdtempSync(path.join(tmpdir(), "feijian-audit-"));
const file = path.join(dir, "checkpoints.jsonl");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const verify = (options: { keys?: typeof key.publicKey[]; checkpointFile?: string | null } = {}) =>
  verifyAuditChain(t.db, { keys: options.keys ?? [key.publicKey], checkpointFile: options.checkpointFile === undefined ? file : options.checkpointFile });
const checkpoint = () => writeAuditCheckpoint(t.db, key, { file });
const kinds = (findings: Finding[]) => findings.map((f) => f.kind);
const table = (name = "AuditEvent") => `"${t.schema}"."${name}"`;

/** What someone with the database's superuser can do: switch the triggers off for one transaction. */
async function asSuperuser(sql: string, ...params: unknown[]) {
  await t.db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
    await tx.$executeRawUnsafe(sql, ...params);
  });
}

async function appendEvents(count: number, action = "test.event") {
  const actor = await makeActor(t.db, "BUREAU_ADMIN");
  for (let i = 0; i < count; i += 1) {
    await t.db.$transaction((tx) => recordAudit(tx, { actor, action, entity: "Test", entityId: String(i), after: { i, amount: "12.30", nested: { b: 1, a: [2, 3] } } }));
  }
}

const events = () => t.db.auditEvent.findMany({ orderBy: { seq: "asc" } });

/** Each test starts from a chain of 5 events, anchored by one checkpoint, and an empty checkpoint file. */
beforeEach(async () => {
  await asSuperuser(`TRUNCATE ${table()}, ${table("AuditCheckpoint")}`);
  writeFileSync(file, "");
  await appendEvents(5);
  await checkpoint();
});

describe("audit hash chain", () => {
  it("verifies an intact, anchored chain, including rows written concurrently", async () => {
    const actor = await makeActor(t.db, "BUREAU_STAFF");
    await Promise.all(Array.from({ length: 8 }, (_, i) => t.db.$transaction((tx) => recordAudit(tx, { actor, action: "test.parallel", entity: "Test", entityId: `p${i}` }))));
    await checkpoint();
    const report = await verify();
    expect(report).toMatchObject({ ok: true, findings: [], checkpoints: { verified: 2 }, unanchored: { events: 0 } });
    expect(report.checked).toBe(13);
  });

  it("detects an edited row, at that row", async () => {
    const target = (await events())[2]!;
    await asSuperuser(`UPDATE ${table()} SET "after" = '{"i": 999}' WHERE seq = ${target.seq}`);
    expect((await verify()).findings).toContainEqual({ kind: "HASH_MISMATCH", seq: target.seq });
  });

  it("detects a deleted row in the middle, at the row after it", async () => {
    const rows = await events();
    await asSuperuser(`DELETE FROM ${table()} WHERE seq = ${rows[2]!.seq}`);
    const report = await verify();
    expect(report.findings).toContainEqual({ kind: "PREVIOUS_HASH_MISMATCH", seq: rows[3]!.seq });
    expect(kinds(report.findings)).toContain("COUNT_MISMATCH");
  });
});

describe("the audit log is append-only in the database", () => {
  it("refuses UPDATE, DELETE and TRUNCATE of audit events and checkpoints, whoever asks", async () => {
    const [row] = await events();
    await expect(t.db.$executeRawUnsafe(`UPDATE ${table()} SET action = 'x' WHERE seq = ${row!.seq}`)).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(t.db.$executeRawUnsafe(`DELETE FROM ${table()} WHERE seq = ${row!.seq}`)).rejects.toThrow(/append-only: DELETE refused/);
    await expect(t.db.$executeRawUnsafe(`TRUNCATE ${table()}`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    await expect(t.db.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(t.db.auditCheckpoint.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(t.db.$executeRawUnsafe(`TRUNCATE ${table("AuditCheckpoint")}`)).rejects.toThrow(/append-only/);
    expect((await verify()).ok).toBe(true);
  });

  it("no foreign key rewrites a hashed row: a user named in the log cannot be deleted", async () => {
    const actor = await makeActor(t.db, "CITY_STAFF");
    await t.db.$transaction((tx) => recordAudit(tx, { actor, action: "test.fk", entity: "Test" }));
    await expect(t.db.user.delete({ where: { id: actor.userId } })).rejects.toThrow();
    const rules = await t.db.$queryRawUnsafe<{ name: string; onDelete: string; onUpdate: string }[]>(
      `SELECT con.conname AS name, con.confdeltype::text AS "onDelete", con.confupdtype::text AS "onUpdate"
         FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND con.contype = 'f' AND c.relname IN ('AuditEvent', 'AuditCheckpoint')`,
      t.schema,
    );
    expect(rules.map((r) => r.name)).toEqual(["AuditEvent_actorId_fkey"]);
    // 'r' restrict or 'a' no action: never 'n' (SET NULL), 'd' (SET DEFAULT) or 'c' (CASCADE).
    for (const rule of rules) expect([rule.onDelete, rule.onUpdate].every((r) => r === "r" || r === "a"), rule.name).toBe(true);
  });
});

describe("signed checkpoints anchor the chain's tail", () => {
  it("deleting the newest events is detected, naming the checkpoint that covered them", async () => {
    const rows = await events();
    await asSuperuser(`DELETE FROM ${table()} WHERE seq >= ${rows[3]!.seq}`);
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.findings).toEqual([expect.objectContaining({ kind: "TAIL_DELETED", lastSeq: rows[2]!.seq, eventCount: 3n })]);
    expect(describeFinding(report.findings[0]!)).toContain(`covers events up to seq ${rows[4]!.seq}, but the log ends at seq ${rows[2]!.seq} with 3 events`);
  });

  it("rewriting the newest event with a freshly computed hash is detected", async () => {
    const last = (await events()).at(-1)!;
    const { id, at, actorId, organizationId, action, entity, entityId, outcome, before, after, requestId, prevHash } = last;
    const hash = hashLink({ id, at, actorId, actorLabel: "someone-else", organizationId, action, entity, entityId, outcome, before, after, requestId, prevHash });
    await asSuperuser(`UPDATE ${table()} SET "actorLabel" = 'someone-else', hash = $1 WHERE seq = ${last.seq}`, hash);
    const report = await verify();
    // The chain alone looks intact; only the checkpoint knows the old head.
    expect(kinds(report.findings)).toEqual(["HEAD_REWRITTEN"]);
    expect(describeFinding(report.findings[0]!)).toMatch(new RegExp(`^REWRITTEN at seq ${last.seq}`));
  });

  it("deleting the tail and the checkpoints that covered it is still detected, from the checkpoint file", async () => {
    const rows = await events();
    await asSuperuser(`DELETE FROM ${table()} WHERE seq >= ${rows[3]!.seq}`);
    await asSuperuser(`DELETE FROM ${table("AuditCheckpoint")}`);
    const report = await verify();
    expect(kinds(report.findings).sort()).toEqual(["CHECKPOINT_DELETED", "TAIL_DELETED"]);
  });

  it("a checkpoint signed with another key, or altered after signing, is reported as forged", async () => {
    const head = (await events()).at(-1)!;
    const stranger = signingKeyFromHex(generateAuditKeyHex());
    await t.db.auditCheckpoint.create({ data: signCheckpoint(stranger, { id: crypto.randomUUID(), seq: head.seq + 10n, headHash: "f".repeat(64), eventCount: 15n, signedAt: new Date() }) });
    const genuine = signCheckpoint(key, { id: crypto.randomUUID(), seq: head.seq, headHash: head.hash, eventCount: 5n, signedAt: new Date() });
    await t.db.auditCheckpoint.create({ data: { ...genuine, eventCount: 4n } });
    expect(kinds((await verify()).findings).sort()).toEqual(["BAD_SIGNATURE", "UNKNOWN_KEY"]);
  });

  it("after a key rotation, the old key's checkpoints count once its public key is listed as trusted", async () => {
    const next = signingKeyFromHex(generateAuditKeyHex());
    await appendEvents(1);
    await writeAuditCheckpoint(t.db, next, { file });
    expect(kinds((await verify({ keys: [next.publicKey] })).findings)).toEqual(["UNKNOWN_KEY"]);
    expect(await verify({ keys: [next.publicKey, key.publicKey] })).toMatchObject({ ok: true, checkpoints: { verified: 2 } });
  });

  it("a log with events but no checkpoint at all is reported as not anchored", async () => {
    await asSuperuser(`TRUNCATE ${table("AuditCheckpoint")}`);
    expect(kinds((await verify({ checkpointFile: null })).findings)).toEqual(["NOT_ANCHORED"]);
    expect(kinds((await verify({ keys: [], checkpointFile: null })).findings)).toEqual(["NO_KEY"]);
  });

  it("the app's checkpointer signs the head when the log has grown, and only then; events since are reported as not yet anchored", async () => {
    await appendEvents(2);
    expect((await verify()).unanchored.events).toBe(2);
    const checkpointer = startAuditCheckpointer({ db: t.db, key, file, intervalMs: 50, log: () => {} });
    try {
      await expect.poll(() => t.db.auditCheckpoint.count(), { timeout: 10_000 }).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await t.db.auditCheckpoint.count()).toBe(2);
    } finally {
      await checkpointer.stop();
    }
    expect(await verify()).toMatchObject({ ok: true, unanchored: { events: 0 } });
    expect(readFileSync(file, "utf8").trim().split("\n")).toHaveLength(2);
  });

  it("writes the audit row in the same transaction as the change: a failed change leaves none", async () => {
    const actor = await makeActor(t.db, "CITY_STAFF");
    await expect(
      t.db.$transaction(async (tx) => {
        await recordAudit(tx, { actor, action: "test.rollback", entity: "Test" });
        throw new Error("the change failed after its audit row");
      }),
    ).rejects.toThrow();
    expect(await t.db.auditEvent.count({ where: { action: "test.rollback" } })).toBe(0);
    await makeUser(t.db, "CITY_STAFF");
    await checkpoint();
    expect((await verify()).ok).toBe(true);
  });
});

describe("npm run audit:verify", () => {
  const run = () =>
    spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/audit-verify.ts"], {
      env: { ...process.env, DATABASE_URL: t.url, DATABASE_SCHEMA: t.schema, FEIJIAN_AUDIT_KEY: keyHex, FEIJIAN_AUDIT_CHECKPOINT_FILE: file },
      encoding: "utf8",
    });

  it("exits 0 on an intact, anchored chain", () => {
    const ok = run();
    expect(ok.stdout + ok.stderr).toMatch(/OK: 5 audit events, chain intact; 1 signed checkpoint/);
    expect(ok.status).toBe(0);
  });

  it("exits 1 naming the edited row, and the deleted tail", async () => {
    const rows = await events();
    await asSuperuser(`UPDATE ${table()} SET action = 'tampered' WHERE seq = ${rows[0]!.seq}`);
    await asSuperuser(`DELETE FROM ${table()} WHERE seq = ${rows[4]!.seq}`);
    const bad = run();
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`EDITED at seq ${rows[0]!.seq}`);
    expect(bad.stderr).toContain("TAIL DELETED");
  });
});
