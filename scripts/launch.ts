// `npm run dev` / `npm start`: make sure the database is there, migrated and seeded, then run Next.js.
// Without DATABASE_URL the embedded PGlite database runs in this process (not inside Next's bundle) and is shut
// down cleanly when Next exits. `start` needs a production build: run `npm run build` first.
//
// Seeding an empty database: demo data, except `start` against a DATABASE_URL server, which gets the production
// seed (an administrator only; FEIJIAN_ADMIN_PASSWORD). FEIJIAN_SEED=demo|production|none overrides.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { checkpointFilePath, startAuditCheckpointer } from "@/lib/server/audit/checkpoint";
import { ensureLocalAuditKeyHex, signingKeyFromHex, type AuditSigningKey } from "@/lib/server/audit/keys";
import { createPrisma } from "@/lib/server/db/client";
import { EMBEDDED_POOL_MAX, resolveDatabase, type DatabaseHandle } from "@/lib/server/db/embedded";
import { applyMigrations } from "@/lib/server/db/migrator";
import { fileStoreFromEnv } from "@/lib/server/files/store";
import { sweepTemporaryFiles } from "@/lib/server/files/store/sweep";
import { isDatabaseEmpty, seed } from "@/prisma/seed";

type Mode = "dev" | "start";
type SeedKind = "demo" | "production" | "none";

const log = (line: string) => console.log(`[feijian] ${line}`);
const schema = process.env.DATABASE_SCHEMA || undefined;

function seedKind(mode: Mode, embedded: boolean): SeedKind {
  const chosen = process.env.FEIJIAN_SEED;
  if (chosen === "demo" || chosen === "production" || chosen === "none") return chosen;
  if (chosen) throw new Error(`FEIJIAN_SEED must be demo, production or none, not "${chosen}".`);
  return mode === "start" && !embedded ? "production" : "demo";
}

async function prepare(database: DatabaseHandle, mode: Mode): Promise<void> {
  const { applied } = await applyMigrations(database.url, { schema, log });
  if (applied.length > 0) log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
  const kind = seedKind(mode, Boolean(database.embedded));
  const db = createPrisma(database.url, { schema, max: 2 });
  try {
    await sweepFiles(db);
    if (kind === "none" || !(await isDatabaseEmpty(db))) return;
    log(kind === "demo" ? "Empty database: loading the demo data." : "Empty database: loading the production seed.");
    await seed(db, { production: kind === "production", adminPassword: process.env.FEIJIAN_ADMIN_PASSWORD || undefined, log: console.log });
  } finally {
    await db.$disconnect();
  }
}

/**
 * The file store is made ready (folder or bucket) and swept of temporary objects left by uploads that a crash
 * interrupted (docs/runbook.md, "Files"). A store that does not answer stops the start: uploads would fail.
 */
async function sweepFiles(db: ReturnType<typeof createPrisma>): Promise<void> {
  const store = fileStoreFromEnv();
  await store.ensureReady();
  const { removed, promoted } = await sweepTemporaryFiles(db, store);
  if (removed + promoted > 0) log(`File store (${store.kind}): removed ${removed} abandoned upload(s), finished ${promoted} interrupted promotion(s).`);
}

/**
 * next-auth signs session cookies with NEXTAUTH_SECRET. To try Feijian (`dev`, or the embedded database) one is
 * made once and kept beside the data, so sessions survive a restart; a production server must be given its own.
 */
function sessionSecret(mode: Mode, database: DatabaseHandle): string {
  const given = process.env.NEXTAUTH_SECRET?.trim();
  if (given) return given;
  if (mode === "start" && !database.embedded) {
    throw new Error("NEXTAUTH_SECRET is not set. Give the server a secret of at least 32 random characters (for example `openssl rand -hex 32`).");
  }
  const dir = path.resolve(process.env.FEIJIAN_DATA_DIR || ".data");
  const file = path.join(dir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, secret, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

/**
 * The key that signs audit checkpoints (docs/decisions/013), kept out of the database like the session secret:
 * made once beside the data when trying Feijian, given by FEIJIAN_AUDIT_KEY to a production server.
 */
function auditKey(mode: Mode, database: DatabaseHandle): AuditSigningKey {
  const given = process.env.FEIJIAN_AUDIT_KEY?.trim();
  if (given) return signingKeyFromHex(given);
  if (mode === "start" && !database.embedded) {
    throw new Error("FEIJIAN_AUDIT_KEY is not set. Give the server its own audit signing key (`openssl rand -hex 32`) and keep a copy outside the database server (docs/runbook.md).");
  }
  return signingKeyFromHex(ensureLocalAuditKeyHex());
}

/**
 * Anchors the audit log while Next.js runs: a signed checkpoint every few seconds when the log has grown. It runs
 * here, in the launcher, so the signing key never enters Next's process.
 */
function startCheckpointer(key: AuditSigningKey, database: DatabaseHandle) {
  const db = createPrisma(database.url, { schema, max: 1 });
  const checkpointer = startAuditCheckpointer({ db, key, file: checkpointFilePath() });
  log(`Audit checkpoints signed with key ${key.keyId}, also kept in ${checkpointFilePath()}.`);
  return {
    stop: async () => {
      await checkpointer.stop();
      await db.$disconnect();
    },
  };
}

function runNext(mode: Mode, args: string[], database: DatabaseHandle): Promise<number> {
  const nextBin = createRequire(path.join(process.cwd(), "package.json")).resolve("next/dist/bin/next");
  const child = spawn(process.execPath, [nextBin, mode, ...args], {
    stdio: "inherit",
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: sessionSecret(mode, database),
      ...(database.embedded ? { DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX || String(EMBEDDED_POOL_MAX) } : {}),
    },
  });
  let killTimer: NodeJS.Timeout | undefined;
  const forward = (signal: NodeJS.Signals) => {
    child.kill(signal);
    // Next normally exits within a second; do not leave PGlite running behind a hung child.
    killTimer ??= setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
  };
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  return new Promise((resolve) => {
    child.on("error", (error) => {
      console.error(`[feijian] Could not start Next.js: ${error.message}`);
      resolve(1);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(killTimer);
      resolve(code ?? (signal === "SIGINT" || signal === "SIGTERM" ? 0 : 1));
    });
  });
}

async function main(): Promise<number> {
  const [mode, ...args] = process.argv.slice(2);
  if (mode !== "dev" && mode !== "start") {
    console.error("Usage: tsx --conditions=react-server scripts/launch.ts dev|start [next options, e.g. -p 3001]");
    return 2;
  }
  if (mode === "start" && !existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
    console.error("[feijian] No production build (.next/BUILD_ID is missing). Run `npm run build`, then `npm start`.");
    return 1;
  }
  const database = await resolveDatabase(console.log);
  // Until Next runs, a signal means "stop preparing": close PGlite rather than leave it half-used.
  const abort = () => void database.stop().finally(() => process.exit(130));
  process.once("SIGINT", abort);
  process.once("SIGTERM", abort);
  try {
    const key = auditKey(mode, database);
    await prepare(database, mode);
    const checkpointer = startCheckpointer(key, database);
    process.off("SIGINT", abort);
    process.off("SIGTERM", abort);
    try {
      return await runNext(mode, args, database);
    } finally {
      await checkpointer.stop();
    }
  } finally {
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[feijian] Could not start: ${(error as Error)?.message ?? String(error)}`);
    if (process.env.DEBUG) console.error(error);
    process.exit(1);
  },
);
