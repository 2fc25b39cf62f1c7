import "server-only";
import { noFilters, withEngine } from "./migrator/engine";
import {
  migrationList,
  migrationSlug,
  projectRoot,
  readMigrations,
  readSchemaFiles,
  removeMigrationFolders,
  writeMigration,
} from "./migrator/project";
import { applyMigrationsToSchema } from "./migrator/schema-executor";
import { withClient, withScratch } from "./migrator/scratch";

// Offline replacement for `prisma migrate deploy | diff | dev --create-only` (docs/decisions/002-offline-prisma.md):
// Prisma's folder format and `_prisma_migrations` table, so a customer with internet can still use the CLI.

export { checksumOf, readMigrations, type Migration } from "./migrator/project";
export { isPglite, withClient, withDatabaseName } from "./migrator/scratch";

export interface MigrateOptions {
  /**
   * Target schema. Absent or "public": the Prisma schema engine applies the migrations. Any other schema:
   * the migration files are executed with search_path set to it (see migrator/schema-executor.ts for why).
   */
  schema?: string;
  log?: (line: string) => void;
}

export interface SchemaDiff {
  changed: boolean;
  /** SQL that would bring the database to schema.prisma; Prisma's "empty migration" comment when unchanged. */
  sql: string;
}

function isDefaultSchema(schema: string | undefined): schema is undefined | "public" {
  return schema === undefined || schema === "" || schema === "public";
}

/** Applies pending migrations from prisma/migrations; a second run applies nothing. */
export async function applyMigrations(databaseUrl: string, options: MigrateOptions = {}): Promise<{ applied: string[] }> {
  const migrations = await readMigrations();
  if (!isDefaultSchema(options.schema)) {
    return { applied: await applyMigrationsToSchema(databaseUrl, options.schema, migrations, options.log) };
  }
  const list = await migrationList(migrations);
  const { appliedMigrationNames } = await withEngine(databaseUrl, await readSchemaFiles(), options, (engine) =>
    engine.applyMigrations({ migrationsList: list, filters: noFilters }),
  );
  return { applied: appliedMigrationNames };
}

/** Compares what a live database holds with schema.prisma: the SQL from the former to the latter. */
export async function diffDatabaseAgainstSchema(
  databaseUrl: string,
  options: Pick<MigrateOptions, "schema"> = {},
): Promise<SchemaDiff> {
  const files = await readSchemaFiles();
  const schema = isDefaultSchema(options.schema) ? undefined : options.schema;
  const result = await withEngine(databaseUrl, files, { schema }, (engine) =>
    engine.diff({
      from: { tag: "schemaDatasource", files, configDir: projectRoot() },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: true,
      filters: noFilters,
    }),
  );
  return { changed: result.exitCode === 2, sql: result.stdout ?? "" };
}

/** The drift check: prisma/migrations applied to an empty scratch database, compared with schema.prisma. */
export async function diffMigrationsAgainstSchema(databaseUrl: string): Promise<SchemaDiff> {
  return withScratch(databaseUrl, async (target) => {
    await applyMigrations(target.url, { schema: target.schema });
    return diffDatabaseAgainstSchema(target.url, { schema: target.schema });
  });
}

export interface CreateMigrationOptions {
  /**
   * Replace every existing migration with one built from the whole schema. Only before the first release:
   * a database that applied the old folders must then be reset (`npm run db:reset`).
   */
  squash?: boolean;
  log?: (line: string) => void;
}

/**
 * Writes `prisma/migrations/<UTC yyyymmddHHMMSS>_<name>/migration.sql` (and migration_lock.toml) for the change
 * from the existing migrations to schema.prisma. Returns the folder, or null when the schema did not change.
 * `adminUrl` must be allowed to create databases; the scratch database is dropped afterwards.
 */
export async function createMigration(
  adminUrl: string,
  name: string,
  options: CreateMigrationOptions = {},
): Promise<string | null> {
  const slug = migrationSlug(name);
  const diff = await withScratch(adminUrl, async (target) => {
    if (!options.squash) await applyMigrations(target.url, { schema: target.schema, log: options.log });
    return diffDatabaseAgainstSchema(target.url, { schema: target.schema });
  });
  if (!diff.changed) return null;
  if (options.squash) {
    const removed = await removeMigrationFolders();
    if (removed.length > 0) options.log?.(`Removed ${removed.length} earlier migration(s): ${removed.join(", ")}`);
  }
  return writeMigration(slug, diff.sql);
}

/** Drops everything in the schema (public unless given), recreates it empty, then applies all migrations. */
export async function resetDatabase(databaseUrl: string, options: MigrateOptions = {}): Promise<{ applied: string[] }> {
  const schema = options.schema || "public";
  await withClient(databaseUrl, async (client) => {
    const s = client.escapeIdentifier(schema);
    await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE; CREATE SCHEMA ${s}`);
  });
  return applyMigrations(databaseUrl, options);
}
