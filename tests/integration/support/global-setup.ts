// One database for the whole integration run: a throwaway database on the PostgreSQL server at
// TEST_DATABASE_URL (default: the local server), or, when no server answers, embedded PGlite in a temp folder.
// Migrations are applied to its public schema through the schema engine; each test file then takes its own
// schema (support/db.ts). TEST_DATABASE_URL=pglite forces the embedded database.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedDatabase } from "@/lib/server/db/embedded";
import { applyMigrations, withClient, withDatabaseName } from "@/lib/server/db/migrator";

declare module "vitest" {
  export interface ProvidedContext {
    /** The run's database, migrated; test files use it through `setupTestDatabase()`. */
    databaseUrl: string;
    databaseKind: "postgresql" | "pglite";
  }
}

const DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/postgres";
const UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ETIMEDOUT", "ECONNRESET", "EAI_AGAIN"]);

/** False when nothing answers at `url`; a server that answers but refuses us is a configuration error. */
async function isReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    if (UNREACHABLE.has(code) || /timeout/i.test((error as Error).message)) return false;
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

async function prepareServerDatabase(project: TestProject, serverUrl: string) {
  const name = `feijian_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
  const url = withDatabaseName(serverUrl, name);
  const drop = () => withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`));
  try {
    await applyMigrations(url);
  } catch (error) {
    await drop();
    throw error;
  }
  project.provide("databaseUrl", url);
  project.provide("databaseKind", "postgresql");
  return async () => {
    await drop();
  };
}

async function prepareEmbeddedDatabase(project: TestProject) {
  const dataDir = await mkdtemp(path.join(tmpdir(), "feijian-test-pglite-"));
  const embedded = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "pglite"), port: 0 });
  const cleanUp = async () => {
    await embedded.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await applyMigrations(embedded.url);
  } catch (error) {
    await cleanUp();
    throw error;
  }
  project.provide("databaseUrl", embedded.url);
  project.provide("databaseKind", "pglite");
  return cleanUp;
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL || DEFAULT_URL;
  if (serverUrl !== "pglite" && (await isReachable(serverUrl))) return prepareServerDatabase(project, serverUrl);
  if (serverUrl !== "pglite") console.log(`[feijian] No PostgreSQL at ${serverUrl}: integration tests use embedded PGlite.`);
  return prepareEmbeddedDatabase(project);
}
