// Issue 12, item 18: a locked account answered differently from an unknown one, anyone could lock `admin` for 15
// minutes, 20 parallel wrong guesses were counted as 10, and a session could guess the current password without limit.
import { describe, expect, it, vi } from "vitest";
import { changePassword } from "@/lib/server/account";
import { attemptLogin, type LoginResult } from "@/lib/server/auth/login";
import { THROTTLE_RULES } from "@/lib/server/auth/throttle";
import { createPrisma } from "@/lib/server/db/client";
import { FACTORY_PASSWORD, makeActor, makeUser } from "../factories";
import { setupTestDatabase } from "./support/db";

// The password check itself, watched (the real one runs): an unknown username must cost the same argon2 check.
const checks = vi.hoisted(() => ({ hashes: [] as string[] }));
vi.mock("@/lib/server/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/server/auth/password")>();
  return {
    ...real,
    verifyPassword: async (hash: string, password: string) => {
      checks.hashes.push(hash);
      return real.verifyPassword(hash, password);
    },
  };
});

const t = setupTestDatabase();
const T0 = new Date("2026-03-02T01:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const blockEnd = (minutes: number) => new Date(at(minutes).getTime() + THROTTLE_RULES.pair.blockMs);
const from = (ip: string) => ({ ip });
const login = (username: string, password: string, ip: string, when: Date) => attemptLogin(t.db, { username, password }, from(ip), when);
const reasons = (results: LoginResult[]) => results.map((r) => (r.ok ? "OK" : r.reason));

describe("sign-in throttling", () => {
  it("holds back an account after 5 wrong passwords from one address, for 15 minutes, then lets it in", async () => {
    const user = await makeUser(t.db, "BUREAU_STAFF");
    for (let i = 0; i < 4; i += 1) expect(await login(user.username, "wrong", "10.0.0.1", at(i))).toEqual({ ok: false, reason: "INVALID" });
    expect(await login(user.username, "wrong", "10.0.0.1", at(5))).toEqual({ ok: false, reason: "THROTTLED", retryAfter: blockEnd(5) });
    expect(await login(user.username, FACTORY_PASSWORD, "10.0.0.1", at(10))).toMatchObject({ ok: false, reason: "THROTTLED" });
    expect(await login(user.username, FACTORY_PASSWORD, "10.0.0.1", at(21))).toMatchObject({ ok: true, userId: user.id });
  });

  it("does not hold back when the failures are spread over more than 15 minutes", async () => {
    const user = await makeUser(t.db, "CITY_STAFF");
    for (const minute of [0, 5, 10, 14, 16, 20]) expect(await login(user.username, "wrong", "10.0.0.2", at(minute))).toEqual({ ok: false, reason: "INVALID" });
    expect(await login(user.username, FACTORY_PASSWORD, "10.0.0.2", at(21))).toMatchObject({ ok: true });
  });

  it("an attacker guessing admin's password cannot lock the real admin out: their own office still signs in", async () => {
    const admin = await makeUser(t.db, "BUREAU_ADMIN");
    for (let i = 0; i < 8; i += 1) await login(admin.username, `guess-${i}`, "203.0.113.7", at(i / 10));
    expect(await login(admin.username, FACTORY_PASSWORD, "203.0.113.7", at(1))).toMatchObject({ reason: "THROTTLED" });
    expect(await login(admin.username, FACTORY_PASSWORD, "10.20.0.5", at(1))).toMatchObject({ ok: true, userId: admin.id });
  });

  it("an attacker with many addresses is held to 10 guesses an account, while addresses the user signed in from still work", async () => {
    const user = await makeUser(t.db, "INSPECTOR");
    expect(await login(user.username, FACTORY_PASSWORD, "10.30.0.1", at(0))).toMatchObject({ ok: true });
    const guesses: LoginResult[] = [];
    for (let i = 0; i < 14; i += 1) guesses.push(await login(user.username, `guess-${i}`, `198.51.100.${i}`, at(1)));
    expect(reasons(guesses)).toEqual([...Array(9).fill("INVALID"), ...Array(5).fill("THROTTLED")]);
    expect(await login(user.username, FACTORY_PASSWORD, "198.51.100.200", at(2))).toMatchObject({ reason: "THROTTLED" });
    expect(await login(user.username, FACTORY_PASSWORD, "10.30.0.1", at(2))).toMatchObject({ ok: true, userId: user.id });
  });

  it("one address spraying many usernames is stopped after 20 failures, except for accounts it signed in to before", async () => {
    const regular = await makeUser(t.db, "CITY_STAFF");
    const newcomer = await makeUser(t.db, "CITY_STAFF");
    expect(await login(regular.username, FACTORY_PASSWORD, "192.0.2.50", at(0))).toMatchObject({ ok: true });
    for (let i = 0; i < THROTTLE_RULES.address.maxFailures; i += 1) await login(`sprayed-${i}`, "Password123", "192.0.2.50", at(1));
    expect(await login(newcomer.username, FACTORY_PASSWORD, "192.0.2.50", at(2))).toMatchObject({ reason: "THROTTLED" });
    expect(await login(regular.username, FACTORY_PASSWORD, "192.0.2.50", at(2))).toMatchObject({ ok: true });
    expect(await login(newcomer.username, FACTORY_PASSWORD, "192.0.2.51", at(2))).toMatchObject({ ok: true });
  });

  it("an unknown username answers exactly like a real account: the same refusals, the same throttling", async () => {
    const user = await makeUser(t.db, "INSTITUTION_STAFF");
    const real: LoginResult[] = [];
    const unknown: LoginResult[] = [];
    for (let i = 0; i < 7; i += 1) {
      real.push(await login(user.username, "wrong", "10.40.0.1", at(i / 10)));
      unknown.push(await login("no-such-user-anywhere", "wrong", "10.40.0.2", at(i / 10)));
    }
    expect(unknown).toEqual(real);
    expect(reasons(real)).toEqual(["INVALID", "INVALID", "INVALID", "INVALID", "THROTTLED", "THROTTLED", "THROTTLED"]);
  });

  it("checks an unknown username's password against a dummy hash, so it takes as long as a wrong password", async () => {
    // Time is not measured here (speed belongs to npm run bench): the same argon2 work is shown instead.
    const { dummyPasswordHash } = await import("@/lib/server/auth/password");
    const user = await makeUser(t.db, "BUREAU_STAFF");
    checks.hashes.length = 0;
    expect(await login(user.username, "wrong", "10.50.0.1", at(0))).toEqual({ ok: false, reason: "INVALID" });
    expect(await login("nobody-at-all", "wrong", "10.50.1.1", at(0))).toEqual({ ok: false, reason: "INVALID" });
    expect(checks.hashes).toEqual([user.passwordHash, await dummyPasswordHash()]);
    expect(checks.hashes[1]).toMatch(/^\$argon2id\$/);
  });

  it("counts every one of 20 simultaneous wrong guesses, and checks only 5 of them", async () => {
    const user = await makeUser(t.db, "INSTITUTION_STAFF");
    const other = createPrisma(t.url, { schema: t.schema, max: 4 });
    let results: LoginResult[];
    try {
      results = await Promise.all(Array.from({ length: 20 }, (_, i) => attemptLogin(i % 2 ? other : t.db, { username: user.username, password: `x${i}` }, from("10.60.0.1"), at(1))));
    } finally {
      await other.$disconnect();
    }
    // Four plain refusals, the fifth check that blocks, and 15 refused before any password check.
    expect(reasons(results).filter((r) => r === "INVALID")).toHaveLength(4);
    expect(reasons(results).filter((r) => r === "THROTTLED")).toHaveLength(16);
    const checked = await t.db.auditEvent.count({ where: { actorLabel: user.username, outcome: "FAILED" } });
    const refused = await t.db.auditEvent.count({ where: { actorLabel: user.username, outcome: "DENIED" } });
    expect([checked, refused]).toEqual([5, 15]);
    const row = await t.db.loginThrottle.findUniqueOrThrow({ where: { key: `pair:10.60.0.1 ${user.username}` } });
    expect(row.failures).toBe(5);
    expect(await login(user.username, FACTORY_PASSWORD, "10.60.0.1", at(2))).toMatchObject({ reason: "THROTTLED" });
  });

  it("keeps the counts in the database: a second app instance, started later, sees them and counts with the first", async () => {
    const user = await makeUser(t.db, "INSPECTOR");
    const other = createPrisma(t.url, { schema: t.schema, max: 2 });
    try {
      for (let i = 0; i < 3; i += 1) await login(user.username, "x", "10.70.0.1", at(i));
      await attemptLogin(other, { username: user.username, password: "x" }, from("10.70.0.1"), at(3));
      expect(await attemptLogin(other, { username: user.username, password: "x" }, from("10.70.0.1"), at(4))).toMatchObject({ reason: "THROTTLED" });
      expect(await login(user.username, FACTORY_PASSWORD, "10.70.0.1", at(6))).toMatchObject({ reason: "THROTTLED" });
    } finally {
      await other.$disconnect();
    }
  });

  it("audits failed and successful logins, and unknown usernames, without the password", async () => {
    const user = await makeUser(t.db, "BUREAU_ADMIN");
    expect(await attemptLogin(t.db, { username: "nobody-here", password: "x" }, { requestId: "req-unknown-1", ip: "10.80.0.1" }, at(0))).toEqual({ ok: false, reason: "INVALID" });
    await attemptLogin(t.db, { username: user.username, password: "x" }, { requestId: "req-failed-1", ip: "10.80.0.1" }, at(0));
    await attemptLogin(t.db, { username: user.username, password: FACTORY_PASSWORD }, { requestId: "req-ok-1", ip: "10.80.0.1" }, at(1));
    const rows = await t.db.auditEvent.findMany({ where: { requestId: { in: ["req-unknown-1", "req-failed-1", "req-ok-1"] } }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => [r.action, r.outcome, r.actorLabel])).toEqual([
      ["auth.login", "FAILED", "nobody-here"],
      ["auth.login", "FAILED", user.username],
      ["auth.login", "OK", user.username],
    ]);
    expect(JSON.stringify(rows, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))).not.toContain(FACTORY_PASSWORD);
  });

  it("refuses a deactivated account with the same answer as a wrong password", async () => {
    const user = await makeUser(t.db, "CITY_STAFF", { active: false });
    expect(await login(user.username, FACTORY_PASSWORD, "10.90.0.1", at(0))).toEqual({ ok: false, reason: "INVALID" });
  });
});

describe("password change throttling", () => {
  const input = (currentPassword: string) => ({ currentPassword, newPassword: "Brand-new-pass-1", confirmPassword: "Brand-new-pass-1" });

  it("a signed-in session cannot guess the current password without limit: after 5 wrong, even the right one waits", async () => {
    const actor = await makeActor(t.db, "BUREAU_STAFF");
    for (let i = 0; i < 4; i += 1) {
      await expect(changePassword(t.db, actor, input(`guess-${i}`), {}, at(i))).rejects.toMatchObject({ code: "WRONG_PASSWORD", messageKey: "errors.wrongPassword" });
    }
    await expect(changePassword(t.db, actor, input("guess-5"), {}, at(5))).rejects.toMatchObject({ messageKey: "errors.passwordAttemptsThrottled" });
    await expect(changePassword(t.db, actor, input(FACTORY_PASSWORD), {}, at(6))).rejects.toMatchObject({
      messageKey: "errors.passwordAttemptsThrottled",
      fieldErrors: { currentPassword: "errors.passwordAttemptsThrottled" },
    });
    expect(await t.db.auditEvent.count({ where: { action: "account.changePassword", actorId: actor.userId, outcome: { in: ["FAILED", "DENIED"] } } })).toBe(6);
    await expect(changePassword(t.db, actor, input(FACTORY_PASSWORD), {}, at(21))).resolves.toMatchObject({ sessionVersion: 1 });
  });

  it("checks only 5 of 20 simultaneous guesses of the current password", async () => {
    const actor = await makeActor(t.db, "CITY_STAFF");
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => changePassword(t.db, actor, input(`guess-${i}`), {}, at(1))));
    expect(outcomes.every((o) => o.status === "rejected")).toBe(true);
    expect(await t.db.auditEvent.count({ where: { action: "account.changePassword", actorId: actor.userId, outcome: "FAILED" } })).toBe(5);
  });
});
