import { defineConfig } from "prisma/config";

// The CLI reads DATABASE_URL only for `prisma migrate deploy` where the internet is reachable; our own
// offline migrator (lib/server/db/migrator.ts) is what `npm run db:migrate` uses.
export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
});
