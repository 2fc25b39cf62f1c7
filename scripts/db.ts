// Database commands (npm run db:*). Uses DATABASE_URL (and DATABASE_SCHEMA, like the app); without
// DATABASE_URL, the embedded PGlite database in ./.data. Exit codes: 0 done, 1 failed, 2 wrong usage.
import path from "node:path";
import { parseArgs } from "node:util";
import { createPrisma } from "@/lib/server/db/client";
import { resolveDatabase, type DatabaseHandle } from "@/lib/server/db/embedded";
import { applyMigrations, createMigration, diffMigrationsAgainstSchema, resetDatabase } from "@/lib/server/db/migrator";
import { isDatabaseEmpty, seed } from "@/prisma/seed";

const USAGE = `Usage: npm run db:<command> [-- options]
  db:migrate                      apply pending migrations from prisma/migrations
  db:migration -- --name <name>   write a migration for what changed in prisma/schema/
               [--squash]         (before the first release) replace all migrations with one
  db:reset [-- --force]           drop everything, migrate, load the demo data (--force with NODE_ENV=production)
  db:seed [-- --production]       load the demo data into an empty database, or the production seed
                                  (administrator password from FEIJIAN_ADMIN_PASSWORD)
  db:drift                        exit 1 if prisma/migrations do not build exactly prisma/schema/`;

class UsageError extends Error {}

const log = (line: string) => console.log(`[feijian] ${line}`);
const schema = process.env.DATABASE_SCHEMA || undefined;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

async function migrate(database: DatabaseHandle): Promise<void> {
  const { applied } = await applyMigrations(database.url, { schema, log });
  log(applied.length ? `Applied ${plural(applied.length, "migration")}: ${applied.join(", ")}` : "No pending migrations.");
}

async function loadSeed(database: DatabaseHandle, production: boolean): Promise<void> {
  const db = createPrisma(database.url, { schema, max: 2 });
  try {
    if (!(await isDatabaseEmpty(db))) {
      throw new Error("The database already has users; seeding is for an empty database (`npm run db:reset` starts over).");
    }
    await seed(db, { production, adminPassword: process.env.FEIJIAN_ADMIN_PASSWORD || undefined, log: console.log });
  } finally {
    await db.$disconnect();
  }
}

async function run(command: string | undefined, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: "string" },
      squash: { type: "boolean" },
      production: { type: "boolean" },
      force: { type: "boolean" },
    },
  });
  if (command === "migration" && !values.name) throw new UsageError("db:migration needs a name: npm run db:migration -- --name add_cases");
  if (command === "reset" && process.env.NODE_ENV === "production" && !values.force) {
    throw new UsageError("NODE_ENV is production: db:reset deletes every row. Add -- --force if that is really meant.");
  }
  if (!["migrate", "migration", "reset", "seed", "drift"].includes(command ?? "")) {
    throw new UsageError(command ? `Unknown command "${command}".` : "No command given.");
  }
  const database = await resolveDatabase(console.log);
  try {
    switch (command) {
      case "migrate":
        await migrate(database);
        return 0;
      case "migration": {
        const folder = await createMigration(database.url, values.name!, { squash: values.squash, log });
        log(folder ? `Wrote ${path.relative(process.cwd(), folder)}/migration.sql — read it before committing.` : "prisma/schema/ has no changes to migrate.");
        return 0;
      }
      case "reset": {
        const { applied } = await resetDatabase(database.url, { schema, log });
        log(`Recreated schema "${schema ?? "public"}" and applied ${plural(applied.length, "migration")}.`);
        await loadSeed(database, false);
        return 0;
      }
      case "seed":
        await loadSeed(database, values.production ?? false);
        return 0;
      default: {
        const { changed, sql } = await diffMigrationsAgainstSchema(database.url);
        if (!changed) {
          log("prisma/migrations match prisma/schema/.");
          return 0;
        }
        console.error(`[feijian] prisma/schema/ differs from prisma/migrations; a migration would need:\n${sql}`);
        console.error("[feijian] Run `npm run db:migration -- --name <what_changed>`.");
        return 1;
      }
    }
  } finally {
    await database.stop();
  }
}

function explain(error: unknown): string {
  const e = error as NodeJS.ErrnoException & { message?: string };
  if (e?.code === "ECONNREFUSED" || e?.code === "ENOTFOUND") {
    return `${e.message}: no PostgreSQL server at DATABASE_URL. Start it, or unset DATABASE_URL to use the embedded database.`;
  }
  return e?.message ?? String(error);
}

const [command, ...rest] = process.argv.slice(2);
run(command, rest).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string })?.code?.startsWith("ERR_PARSE_ARGS")) {
      console.error(`[feijian] ${(error as Error).message}\n\n${USAGE}`);
      process.exit(2);
    }
    console.error(`[feijian] db ${command} failed: ${explain(error)}`);
    if (process.env.DEBUG) console.error(error);
    process.exit(1);
  },
);
