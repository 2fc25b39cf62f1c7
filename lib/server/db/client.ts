import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type { Prisma } from "./generated/client";
export { PrismaClient };
/** A client or the transaction client handed to `$transaction(async (tx) => …)`. */
export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export interface DbOptions {
  /** PostgreSQL schema the client reads and writes (tests give each file its own). */
  schema?: string;
  /** Pool size; the embedded database serves one query at a time, so a small pool is enough there. */
  max?: number;
}

export function createPrisma(connectionString: string, options: DbOptions = {}): PrismaClient {
  const adapter = new PrismaPg(
    // The search path follows the schema too, so raw SQL (bulk master-data writes) needs no qualified names.
    { connectionString, max: options.max ?? Number(process.env.DATABASE_POOL_MAX ?? 10), ...(options.schema ? { options: `-c search_path="${options.schema}"` } : {}) },
    options.schema ? { schema: options.schema } : undefined,
  );
  // Every change appends to the audit chain under one lock, so at a peak (a room of clerks, a burst of API
  // calls) a transaction may wait for its turn longer than Prisma's 2-second default before it starts.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 20_000 } });
}

const globalForPrisma = globalThis as unknown as { feijianPrisma?: PrismaClient };

/** The application's client, created on first use from DATABASE_URL (set by the launcher in embedded mode). */
export function getDb(): PrismaClient {
  if (!globalForPrisma.feijianPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm run dev` or `npm start`.");
    globalForPrisma.feijianPrisma = createPrisma(url, { schema: process.env.DATABASE_SCHEMA || undefined });
  }
  return globalForPrisma.feijianPrisma;
}
