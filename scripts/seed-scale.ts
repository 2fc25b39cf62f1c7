// npm run seed:scale -- --institutions 30000: a province-sized data set for benchmarks, written into the
// database at DATABASE_URL (and DATABASE_SCHEMA), migrated first. Deterministic; adds to what is there
// (existing codes are kept), so it can run on top of the demo data. Exit codes: 0 done, 1 failed, 2 wrong usage.
import { parseArgs } from "node:util";
import { createPrisma } from "@/lib/server/db/client";
import { resolveDatabase } from "@/lib/server/db/embedded";
import { applyMigrations } from "@/lib/server/db/migrator";
import { seedCatalogue, seedRegions } from "@/prisma/seed";
import { seedProvince } from "@/prisma/seed/master-data";

const USAGE = "Usage: npm run seed:scale -- --institutions <count, 100..200000> [--experts <count>]";

async function main(): Promise<number> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { institutions: { type: "string" }, experts: { type: "string" } } });
  const institutions = Number(values.institutions);
  const experts = values.experts === undefined ? undefined : Number(values.experts);
  if (!Number.isInteger(institutions) || institutions < 100 || institutions > 200_000 || (experts !== undefined && !(Number.isInteger(experts) && experts >= 0))) {
    console.error(USAGE);
    return 2;
  }
  const database = await resolveDatabase(console.log);
  const schema = process.env.DATABASE_SCHEMA || undefined;
  const db = createPrisma(database.url, { schema, max: 2 });
  try {
    const started = performance.now();
    await applyMigrations(database.url, { schema });
    const regions = await seedRegions(db);
    await seedCatalogue(db);
    const data = await seedProvince(db, { institutions, experts, regionIds: regions });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`[feijian] seed:scale wrote ${data.institutions.length} institutions, ${data.fundUsages.length} fund usage rows, ${data.inspections.length} inspections, ${data.experts.length} experts in ${seconds} s (rows already there were kept).`);
    return 0;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[feijian] seed:scale failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
