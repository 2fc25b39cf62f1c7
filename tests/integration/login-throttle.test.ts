import { describe, expect, it } from "vitest";
import { attemptLogin, THROTTLE } from "@/lib/server/auth/login";
import { createPrisma } from "@/lib/server/db/client";
import { FACTORY_PASSWORD, makeUser } from "../factories";
import { setupTestDatabase } from "./support/db";

const t = setupTestDatabase();
const T0 = new Date("2026-03-02T01:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe("login throttling", () => {
  it("locks an account after 5 failures in 15 minutes, refuses even the right password, and unlocks after 15 minutes", async () => {
    const user = await makeUser(t.db, "BUREAU_STAFF");
    for (let i = 0; i < 4; i += 1) {
      expect(await attemptLogin(t.db, { username: user.username, password: "wrong" }, {}, at(i))).toEqual({ ok: false, reason: "INVALID" });
    }
    const fifth = await attemptLogin(t.db, { username: user.username, password: "wrong" }, {}, at(5));
    expect(fifth).toEqual({ ok: false, reason: "LOCKED", lockedUntil: new Date(at(5).getTime() + THROTTLE.lockMs) });

    expect(await attemptLogin(t.db, { username: user.username, password: FACTORY_PASSWORD }, {}, at(10))).toMatchObject({ ok: false, reason: "LOCKED" });
    expect(await attemptLogin(t.db, { username: user.username, password: FACTORY_PASSWORD }, {}, at(21))).toMatchObject({ ok: true, userId: user.id });
  });

  it("does not lock when the failures are spread over more than 15 minutes", async () => {
    const user = await makeUser(t.db, "CITY_STAFF");
    for (const minute of [0, 5, 10, 14, 16, 20]) {
      expect(await attemptLogin(t.db, { username: user.username, password: "wrong" }, {}, at(minute))).toEqual({ ok: false, reason: "INVALID" });
    }
    expect(await attemptLogin(t.db, { username: user.username, password: FACTORY_PASSWORD }, {}, at(21))).toMatchObject({ ok: true });
  });

  it("keeps the lock in the database: a second app instance, started later, sees it and counts with the first", async () => {
    const user = await makeUser(t.db, "INSPECTOR");
    const other = createPrisma(t.url, { schema: t.schema, max: 2 });
    try {
      // Two instances share the count: 3 failures on one, 2 on the other.
      for (let i = 0; i < 3; i += 1) await attemptLogin(t.db, { username: user.username, password: "x" }, {}, at(i));
      await attemptLogin(other, { username: user.username, password: "x" }, {}, at(3));
      expect(await attemptLogin(other, { username: user.username, password: "x" }, {}, at(4))).toMatchObject({ reason: "LOCKED" });
      expect(await attemptLogin(t.db, { username: user.username, password: FACTORY_PASSWORD }, {}, at(6))).toMatchObject({ reason: "LOCKED" });
    } finally {
      await other.$disconnect();
    }
    const row = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lockedUntil).toEqual(new Date(at(4).getTime() + THROTTLE.lockMs));
  });

  it("counts every one of 5 simultaneous failures (compare-and-set, no lost update)", async () => {
    const user = await makeUser(t.db, "INSTITUTION_STAFF");
    const other = createPrisma(t.url, { schema: t.schema, max: 3 });
    try {
      await Promise.all([0, 1, 2, 3, 4].map((i) => attemptLogin(i % 2 ? other : t.db, { username: user.username, password: "x" }, {}, at(1))));
    } finally {
      await other.$disconnect();
    }
    expect(await attemptLogin(t.db, { username: user.username, password: FACTORY_PASSWORD }, {}, at(2))).toMatchObject({ reason: "LOCKED" });
  });

  it("audits failed and successful logins, and unknown usernames, without revealing which exist", async () => {
    const user = await makeUser(t.db, "BUREAU_ADMIN");
    expect(await attemptLogin(t.db, { username: "nobody-here", password: "x" }, { requestId: "req-unknown-1" }, at(0))).toEqual({ ok: false, reason: "INVALID" });
    await attemptLogin(t.db, { username: user.username, password: "x" }, { requestId: "req-failed-1" }, at(0));
    await attemptLogin(t.db, { username: user.username, password: FACTORY_PASSWORD }, { requestId: "req-ok-1" }, at(1));
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
    expect(await attemptLogin(t.db, { username: user.username, password: FACTORY_PASSWORD }, {}, at(0))).toEqual({ ok: false, reason: "INVALID" });
  });
});
