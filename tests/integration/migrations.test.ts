import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { applyMigrations, diffDatabaseAgainstSchema, diffMigrationsAgainstSchema, withClient } from "@/lib/server/db/migrator";
import { setupTestDatabase } from "./support/db";

const t = setupTestDatabase();
const databaseUrl = inject("databaseUrl");
const dir = path.join(process.cwd(), "prisma", "migrations");

/** The folders as Prisma sees them, hashed here independently of the migrator. */
async function expectedRows() {
  const names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => ({
      migration_name: name,
      checksum: createHash("sha256").update(await readFile(path.join(dir, name, "migration.sql"))).digest("hex"),
      applied_steps_count: 1,
      finished: true,
      rolled_back: false,
    })),
  );
}

async function recordedRows(schema: string) {
  return withClient(databaseUrl, async (c) => {
    const { rows } = await c.query(
      `SELECT migration_name, checksum, applied_steps_count, finished_at IS NOT NULL AS finished,
              rolled_back_at IS NOT NULL AS rolled_back
         FROM ${c.escapeIdentifier(schema)}."_prisma_migrations" ORDER BY migration_name`,
    );
    return rows;
  });
}

describe("migrations", () => {
  it("applied to an empty database, build exactly the schema in prisma/schema/ (no drift)", async () => {
    const { changed, sql } = await diffMigrationsAgainstSchema(databaseUrl);
    expect(changed, `schema.prisma has changes no migration covers; run npm run db:migration -- --name <what>:\n${sql}`).toBe(false);
  });

  it("apply nothing the second time (the run's database was migrated once by the schema engine)", async () => {
    expect(await applyMigrations(databaseUrl)).toEqual({ applied: [] });
    expect(await diffDatabaseAgainstSchema(databaseUrl)).toMatchObject({ changed: false });
  });

  it("in a test file's own schema, are applied once, build the same tables, and apply nothing again", async () => {
    expect(await applyMigrations(t.url, { schema: t.schema })).toEqual({ applied: [] });
    expect(await diffDatabaseAgainstSchema(t.url, { schema: t.schema })).toMatchObject({ changed: false });
    expect(await t.db.user.count()).toBe(0);
  });

  it("are recorded in _prisma_migrations with Prisma's checksum (sha256 of migration.sql), by both paths", async () => {
    const expected = await expectedRows();
    expect(expected.length).toBeGreaterThan(0);
    expect(await recordedRows("public")).toEqual(expected);
    expect(await recordedRows(t.schema)).toEqual(expected);
  });
});
