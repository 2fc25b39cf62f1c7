import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { createPrisma, type PrismaClient } from "@/lib/server/db/client";
import { applyMigrations, withClient } from "@/lib/server/db/migrator";

export interface TestDatabase {
  /** Client bound to this file's schema; available from the first `beforeAll` on. */
  readonly db: PrismaClient;
  /** The run's database (schema-less URL: pass `schema` to `createPrisma`, or DATABASE_SCHEMA to a script). */
  readonly url: string;
  /** This file's own PostgreSQL schema, with every migration applied. Raw SQL must qualify table names with it. */
  readonly schema: string;
}

/**
 * Gives the calling test file its own fresh schema, so files run in parallel without sharing rows. Call it once,
 * at the top of the file: `const t = setupTestDatabase();` then use `t.db` inside hooks and tests. The schema is
 * created and migrated in a `beforeAll` registered here (so before the file's own), and dropped in `afterAll`.
 */
export function setupTestDatabase(): TestDatabase {
  const url = inject("databaseUrl");
  const schema = `test_${process.pid}_${randomBytes(4).toString("hex")}`;
  let db: PrismaClient | undefined;

  beforeAll(async () => {
    await applyMigrations(url, { schema });
    db = createPrisma(url, { schema, max: 4 });
  });
  afterAll(async () => {
    await db?.$disconnect();
    await withClient(url, (c) => c.query(`DROP SCHEMA IF EXISTS ${c.escapeIdentifier(schema)} CASCADE`));
  });

  return {
    get db() {
      if (!db) throw new Error("setupTestDatabase(): t.db is ready inside beforeAll/it, not while the file is loading.");
      return db;
    },
    url,
    schema,
  };
}

