// The server the browser tests run against (playwright.config.ts starts it): a production build on a fresh
// database seeded with the demo data, on the machine's PostgreSQL when one answers at TEST_DATABASE_URL,
// otherwise on an embedded PGlite in a temporary folder. The database is dropped when the server stops.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { withClient, withDatabaseName } from "@/lib/server/db/migrator";

const { values } = parseArgs({ options: { port: { type: "string", default: "3100" } } });
const adminUrl = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const log = (line: string) => console.log(`[e2e-server] ${line}`);

async function reachable(url: string): Promise<boolean> {
  try {
    await withClient(url, (c) => c.query("SELECT 1"));
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    FEIJIAN_SEED: "demo",
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || randomBytes(32).toString("hex"),
    FEIJIAN_AUDIT_KEY: process.env.FEIJIAN_AUDIT_KEY || randomBytes(32).toString("hex"),
    // Each run's database is fresh, so its checkpoints go to a fresh file too, in the folder Playwright empties.
    FEIJIAN_AUDIT_CHECKPOINT_FILE: path.resolve("test-results", `audit-checkpoints-${process.pid}.jsonl`),
    NEXTAUTH_URL: `http://127.0.0.1:${values.port}`,
  };
  let cleanup = async () => {};
  if (await reachable(adminUrl)) {
    const name = `feijian_e2e_${process.pid}_${randomBytes(3).toString("hex")}`;
    await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
    env.DATABASE_URL = withDatabaseName(adminUrl, name);
    cleanup = () => withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`)).then(() => undefined);
    log(`database ${name} on ${new URL(adminUrl).host}`);
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), "feijian-e2e-"));
    delete env.DATABASE_URL;
    env.FEIJIAN_DATA_DIR = dir;
    env.EMBEDDED_DB_PORT = String(55000 + Math.floor(Math.random() * 5000));
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
    log(`no PostgreSQL at ${new URL(adminUrl).host}: embedded database in ${dir}`);
  }

  // Where this server keeps its data, for scripts/e2e-scenario.ts (journeys that start a case in a given state).
  const storageDir = mkdtempSync(path.join(tmpdir(), "feijian-e2e-storage-"));
  env.FEIJIAN_STORAGE_DIR = storageDir;
  const databaseUrl = env.DATABASE_URL ?? `postgresql://postgres@127.0.0.1:${env.EMBEDDED_DB_PORT}/postgres`;
  mkdirSync("test-results", { recursive: true });
  writeFileSync("test-results/e2e-server.json", JSON.stringify({ databaseUrl, storageDir, baseURL: `http://127.0.0.1:${values.port}` }));
  const previousCleanup = cleanup;
  cleanup = async () => {
    await previousCleanup();
    rmSync(storageDir, { recursive: true, force: true });
  };

  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/launch.ts", "start", "-p", values.port!], { stdio: "inherit", env });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    child.kill("SIGTERM");
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
    await cleanup().catch((error: unknown) => log(`cleanup failed: ${String(error)}`));
    process.exit(code);
  };
  process.on("SIGTERM", () => void stop(0));
  process.on("SIGINT", () => void stop(0));
  child.on("exit", (code) => void stop(code ?? 1));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
