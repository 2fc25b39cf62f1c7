import "server-only";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQueryable,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm";
import { projectRoot, type SchemaFile } from "./project";

type Bindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

/** Nothing in our schema is managed outside Prisma. */
export const noFilters: SchemaFilter = { externalTables: [], externalEnums: [] };

let bindings: Promise<Bindings> | undefined;

// The package's main entry imports the .wasm as an ES module, which Node cannot do; wasm-bindgen's
// "bundler" output is instantiated by hand instead (docs/decisions/002-offline-prisma.md).
function loadBindings(): Promise<Bindings> {
  bindings ??= (async () => {
    const require = createRequire(path.join(projectRoot(), "package.json"));
    const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
    const bg = (await import(/* @vite-ignore */ pathToFileURL(path.join(dir, "schema_engine_bg.js")).href)) as Bindings;
    const wasm = await readFile(path.join(dir, "schema_engine_bg.wasm"));
    const imports: WebAssembly.ModuleImports = { ...(bg as unknown as WebAssembly.ModuleImports) };
    // The engine arms timers (the 10 s advisory-lock timeout) and never clears them: unreferenced, they no
    // longer hold a finished CLI or test run open for 10 seconds. Open sockets still keep real work alive.
    for (const name of Object.keys(imports).filter((key) => key.startsWith("__wbg_setTimeout_"))) {
      imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
    }
    const { instance } = await WebAssembly.instantiate(wasm, { "./schema_engine_bg.js": imports });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return bindings;
}

// A Rust panic reaches JS as "unreachable"; the engine writes the real message here first.
const panics = { message: "", set_message(message: string) { this.message = message; } };
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof panics }).PRISMA_WASM_PANIC_REGISTRY = panics;

/**
 * Rows whose result had PostgreSQL `"char"` (OID 18) columns, with those columns' indexes. The engine's
 * introspection reads `pg_constraint.contype` and friends: adapter-pg refuses OID 18, so the pool reports it
 * as text, and the adapter result is then re-tagged as Character, which is what the engine's row reader
 * expects (plain text panics on PostgreSQL 18 / PGlite, whose NOT NULL constraints appear in pg_constraint).
 */
const charColumns = new WeakMap<object, number[]>();

interface QueryResultLike { fields?: { dataTypeID: number }[]; rows?: unknown[] }

function noteCharColumns<T>(result: T): T {
  for (const r of (Array.isArray(result) ? result : [result]) as QueryResultLike[]) {
    const indexes: number[] = [];
    r?.fields?.forEach((field, i) => {
      if (field.dataTypeID === 18) {
        field.dataTypeID = 25;
        indexes.push(i);
      }
    });
    if (indexes.length > 0 && r.rows) charColumns.set(r.rows, indexes);
  }
  return result;
}

function charAwarePool(connectionString: string): pg.Pool {
  // One connection, as the native engine uses: its session-level advisory lock and unlock then meet.
  const pool = new pg.Pool({ connectionString, max: 1 });
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args) => {
      const callback = args.at(-1);
      if (typeof callback === "function") {
        args[args.length - 1] = (error: unknown, result: unknown) => callback(error, error ? result : noteCharColumns(result));
        return query(...args);
      }
      const result = query(...args);
      return result instanceof Promise ? result.then(noteCharColumns) : result;
    };
  });
  return pool;
}

function tagCharColumns<T extends SqlQueryable>(queryable: T): T {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const resultSet = await queryRaw(query);
    for (const i of charColumns.get(resultSet.rows) ?? []) resultSet.columnTypes[i] = ColumnTypeEnum.Character;
    return resultSet;
  };
  return queryable;
}

function wrapAdapter(adapter: SqlDriverAdapter, pool: pg.Pool): SqlDriverAdapter {
  tagCharColumns(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => tagCharColumns(await startTransaction(isolationLevel));
  // adapter-pg splits scripts on every ";", which breaks function bodies and string literals. One simple-query
  // message is what the native engine sends too (an implicit transaction around the whole script).
  adapter.executeScript = async (script) => {
    await pool.query(script);
  };
  return adapter;
}

function migrationAwareFactory(pool: pg.Pool, schema: string | undefined): SqlMigrationAwareDriverAdapterFactory {
  const base = new PrismaPg(pool, schema ? { schema } : undefined);
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => wrapAdapter(await base.connect(), pool),
    connectToShadowDb: () => {
      throw new Error("The migrator never asks for a shadow database; it creates its own scratch database.");
    },
  };
}

export interface EngineOptions {
  /** Schema the engine introspects and records migrations in (adapter-pg's `schema`); public when absent. */
  schema?: string;
  log?: (line: string) => void;
}

function engineLogger(log: ((line: string) => void) | undefined) {
  return (json: string) => {
    if (!log) return;
    try {
      const entry = JSON.parse(json) as { level?: string; fields?: { message?: string } };
      if (entry.level === "WARN" || entry.level === "ERROR") log(`schema engine: ${entry.fields?.message ?? json}`);
    } catch {
      log(json);
    }
  };
}

function engineError(error: unknown): Error {
  const panic = panics.message;
  panics.message = "";
  if (panic) return new Error(`Prisma schema engine panicked: ${panic}`, { cause: error });
  if (error instanceof Error) return error;
  const message = (error as { message?: string })?.message;
  return new Error(message ?? `Prisma schema engine failed: ${JSON.stringify(error)}`, { cause: error });
}

/** Opens the wasm schema engine on `databaseUrl` for one unit of work and closes its connections after. */
export async function withEngine<T>(
  databaseUrl: string,
  schemaFiles: SchemaFile[],
  options: EngineOptions,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const bg = await loadBindings();
  const pool = charAwarePool(databaseUrl);
  pool.on("error", () => {}); // an idle client dropped by the server must not crash the CLI
  try {
    const adapter = bindMigrationAwareSqlAdapterFactory(migrationAwareFactory(pool, options.schema));
    const datamodels = schemaFiles.map((file): [string, string] => [file.path, file.content]);
    const engine = await bg.SchemaEngine.new({ datamodels }, engineLogger(options.log), adapter);
    try {
      return await work(engine);
    } finally {
      engine.free();
    }
  } catch (error) {
    throw engineError(error);
  } finally {
    await pool.end();
  }
}
