import "server-only";
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Migration } from "./project";

/**
 * Applies migrations into a named schema without the schema engine.
 *
 * Why not the engine: it only reaches another schema through the session's search_path, and PGlite behind
 * pglite-socket ignores startup parameters and shares one session between all connections, so two test files
 * migrating their own schemas at once would build each other's tables. Here each migration runs in one
 * transaction with `SET LOCAL search_path` (PGlite holds other connections while a transaction is open), and is
 * recorded in `<schema>._prisma_migrations` exactly as Prisma records it, so `prisma migrate deploy` and our
 * engine path both accept the result. Trade-off: a migration that cannot run inside a transaction
 * (`CREATE INDEX CONCURRENTLY`) only works through the engine, on the default schema.
 */
export async function applyMigrationsToSchema(
  databaseUrl: string,
  schema: string,
  migrations: Migration[],
  log: (line: string) => void = () => {},
): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const s = client.escapeIdentifier(schema);
  const table = `${s}."_prisma_migrations"`;
  try {
    // Prisma's own key, so this waits for (and holds off) `prisma migrate deploy` on the same database.
    await client.query("SELECT pg_advisory_lock(72707369)");
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    // Prisma's DDL for the table, verbatim.
    await client.query(`CREATE TABLE IF NOT EXISTS ${table} (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`);
    const { rows } = await client.query<{ migration_name: string; finished_at: Date | null }>(
      `SELECT migration_name, finished_at FROM ${table} WHERE rolled_back_at IS NULL`,
    );
    const failed = rows.filter((row) => row.finished_at === null).map((row) => row.migration_name);
    if (failed.length > 0) {
      throw new Error(`Migration ${failed.join(", ")} failed earlier in schema "${schema}"; resolve it before migrating again.`);
    }
    const done = new Set(rows.map((row) => row.migration_name));
    const applied: string[] = [];
    for (const migration of migrations.filter((m) => !done.has(m.name))) {
      log(`Applying ${migration.name} to schema "${schema}"`);
      try {
        await client.query("BEGIN");
        await client.query(`SET LOCAL search_path TO ${s}, public`);
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO ${table} (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw new Error(`Migration ${migration.name} failed in schema "${schema}": ${(error as Error).message}`, { cause: error });
      }
      applied.push(migration.name);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock(72707369)").catch(() => {});
    await client.end();
  }
}
