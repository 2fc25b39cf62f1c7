import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { attemptLogin } from "@/lib/server/auth/login";
import { createPrisma } from "@/lib/server/db/client";
import { startEmbeddedDatabase } from "@/lib/server/db/embedded";
import { applyMigrations } from "@/lib/server/db/migrator";
import { checkHealth } from "@/lib/server/health";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seed } from "@/prisma/seed";
import { DRAW_DEMO_INSPECTOR } from "@/prisma/seed/draw-demo";
import { setupTestDatabase } from "./support/db";

const t = setupTestDatabase();

describe("seeds", () => {
  it("the demo seed creates one account per role, each able to sign in with the documented password", async () => {
    await seed(t.db, { production: false, log: () => {} });
    const roles = (await t.db.user.findMany({ select: { role: true } })).map((u) => u.role).sort();
    // One account per role, and the second inspector a drawn team needs (prisma/seed/draw-demo.ts).
    expect(roles).toEqual(["BUREAU_ADMIN", "BUREAU_STAFF", "CITY_STAFF", "INSPECTOR", "INSPECTOR", "INSTITUTION_STAFF"]);
    for (const account of [...DEMO_ACCOUNTS, DRAW_DEMO_INSPECTOR]) {
      expect(await attemptLogin(t.db, { username: account.username, password: DEMO_PASSWORD }), account.username).toMatchObject({ ok: true });
    }
    // The merges of the Jilin plan: 省直 with 长春, 长白山 with 延边; 梅河口 alone.
    const merged = await t.db.poolingRegion.findMany({ where: { mergedIntoId: { not: null } }, include: { mergedInto: true } });
    expect(merged.map((r) => [r.name, r.mergedInto?.name]).sort()).toEqual([["省直", "长春市"], ["长白山管委会", "延边朝鲜族自治州"]]);
  });

  it("seeding a database that has users does nothing", async () => {
    const before = await t.db.user.count();
    await seed(t.db, { production: true, log: () => {} });
    expect(await t.db.user.count()).toBe(before);
  });
});

describe("production seed", () => {
  const fresh = setupTestDatabase();

  it("creates only the administrator, with a generated password printed once", async () => {
    const lines: string[] = [];
    await seed(fresh.db, { production: true, log: (line) => lines.push(line) });
    const users = await fresh.db.user.findMany();
    expect(users.map((u) => [u.username, u.role])).toEqual([["admin", "BUREAU_ADMIN"]]);
    const printed = lines.join("\n").match(/Generated password \(shown once[^)]*\): (\S+)/)?.[1];
    expect(printed).toBeDefined();
    expect(users[0]!.passwordHash).not.toContain(printed!);
    expect(await attemptLogin(fresh.db, { username: "admin", password: printed! })).toMatchObject({ ok: true });
    expect(await attemptLogin(fresh.db, { username: "admin", password: DEMO_PASSWORD })).toMatchObject({ ok: false });
  });
});

describe("health", () => {
  it("reports ok with a reachable database and degraded without one, never the error detail", async () => {
    expect(await checkHealth(t.db)).toMatchObject({ status: "ok", database: { status: "ok" } });
    const broken = createPrisma("postgres://postgres@127.0.0.1:1/none", { max: 1 });
    try {
      const report = await checkHealth(broken);
      expect(report).toEqual({ status: "degraded", app: expect.objectContaining({ status: "ok" }), database: { status: "unreachable" } });
    } finally {
      await broken.$disconnect();
    }
  });
});

describe("embedded database", () => {
  it("keeps its data across a restart", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "feijian-restart-"));
    try {
      const first = await startEmbeddedDatabase({ dataDir, port: 0 });
      await applyMigrations(first.url);
      const db1 = createPrisma(first.url, { max: 2 });
      await db1.poolingRegion.create({ data: { code: "RESTART", name: "重启测试" } });
      await db1.$disconnect();
      await first.stop();

      const second = await startEmbeddedDatabase({ dataDir, port: 0 });
      const db2 = createPrisma(second.url, { max: 2 });
      try {
        expect(await db2.poolingRegion.findUnique({ where: { code: "RESTART" } })).toMatchObject({ name: "重启测试" });
        expect((await applyMigrations(second.url)).applied).toEqual([]);
      } finally {
        await db2.$disconnect();
        await second.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
