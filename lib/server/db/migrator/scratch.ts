import "server-only";
import { randomBytes } from "node:crypto";
import pg from "pg";

export async function withClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** PGlite serves a single database whatever name a client asks for, so scratch space there is a schema. */
export async function isPglite(databaseUrl: string): Promise<boolean> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ version: string }>("SELECT version()");
    return rows[0]?.version.includes("PGlite") ?? false;
  });
}

export function withDatabaseName(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** Where the migrator may build a throwaway copy: its own database, or on PGlite its own schema. */
export interface ScratchTarget {
  url: string;
  /** Set on PGlite only; absent means the scratch database's public schema. */
  schema?: string;
}

export function scratchName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
}

/** Runs `work` against an empty scratch database (or schema, on PGlite) created from `adminUrl`, then drops it. */
export async function withScratch<T>(adminUrl: string, work: (target: ScratchTarget) => Promise<T>): Promise<T> {
  const name = scratchName("feijian_scratch");
  if (await isPglite(adminUrl)) {
    await withClient(adminUrl, (c) => c.query(`CREATE SCHEMA ${c.escapeIdentifier(name)}`));
    try {
      return await work({ url: adminUrl, schema: name });
    } finally {
      await withClient(adminUrl, (c) => c.query(`DROP SCHEMA IF EXISTS ${c.escapeIdentifier(name)} CASCADE`));
    }
  }
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
  try {
    return await work({ url: withDatabaseName(adminUrl, name) });
  } finally {
    await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`));
  }
}
