import "server-only";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

// The zero-configuration default: PostgreSQL compiled to WebAssembly, persisted to a folder and served over the
// wire protocol on 127.0.0.1, so the app, the migrator and the seed use the same adapter-pg code as on a real
// server. For trying the product only: one backend runs every query in turn (docs/runbook.md, "Embedded database").

export const DEFAULT_EMBEDDED_PORT = 54329;
/** The app's pool size in embedded mode: more connections only wait longer in PGlite's queue. */
export const EMBEDDED_POOL_MAX = 4;

export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  port: number;
  /** Closes client connections and shuts PGlite down cleanly, so the data survives a restart. Idempotent. */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** PGlite's folder; `$FEIJIAN_DATA_DIR/pglite` (default `./.data/pglite`) when absent. */
  dataDir?: string;
  /** Preferred port; `$EMBEDDED_DB_PORT` or 54329 when absent, and any free port when that one is taken. */
  port?: number;
}

export function defaultDataDir(): string {
  return path.resolve(process.env.FEIJIAN_DATA_DIR || ".data", "pglite");
}

export function embeddedNotice(dataDir: string): string {
  const relative = path.relative(process.cwd(), dataDir);
  const shown = relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? `./${relative}` : dataDir;
  return `[feijian] Embedded PostgreSQL (PGlite) in ${shown} — for evaluation only, not for production. Set DATABASE_URL to use a PostgreSQL server.`;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

// PGlite keeps no postmaster.pid, and two processes writing one folder corrupt it (say `npm run dev` and
// `npm run db:reset` side by side), so the folder is claimed with a pid file next to it.
function claimDataDir(dataDir: string): () => void {
  const lockFile = `${dataDir}.lock`;
  mkdirSync(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(lockFile, "utf8"));
      if (owner && owner !== process.pid && isRunning(owner)) {
        throw new Error(
          `The embedded database in ${dataDir} is in use by process ${owner} (a running \`npm run dev\`?). ` +
            "Stop that process first, or set DATABASE_URL to use a PostgreSQL server.",
        );
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not claim ${lockFile}.`);
}

/**
 * pglite-socket queues every protocol *message* on its own, so with several connections one client's
 * Parse/Bind/Execute can interleave with another's: errors like `bind message supplies 2 parameters, but
 * prepared statement "" requires 3`, or worse, rows of someone else's query. Its queue already keeps to one
 * connection while PGlite reports an open transaction; reporting an open extended-protocol exchange (first
 * Parse/Bind/Describe/Execute/Close/Flush up to its Sync) the same way keeps every exchange whole.
 */
function serializeExchanges(db: PGlite): PGlite {
  let exchangeOpen = false;
  return new Proxy(db, {
    get(target, property) {
      if (property === "isInTransaction") return () => exchangeOpen || target.isInTransaction();
      if (property === "execProtocolRawStream") {
        return async (...args: Parameters<PGlite["execProtocolRawStream"]>) => {
          const type = String.fromCharCode(args[0][0] ?? 0);
          if ("PBDECH".includes(type)) exchangeOpen = true;
          try {
            return await target.execProtocolRawStream(...args);
          } finally {
            if (type === "S" || type === "Q") exchangeOpen = false;
          }
        };
      }
      // The socket server's only direct exec is the ROLLBACK for a client that disconnected mid-exchange.
      if (property === "exec") {
        return (...args: Parameters<PGlite["exec"]>) => {
          exchangeOpen = false;
          return target.exec(...args);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

async function listen(db: PGlite, port: number): Promise<PGLiteSocketServer> {
  // maxConnections is generous because a refused connection fails a request, while a queued one only waits.
  const server = new PGLiteSocketServer({ db: serializeExchanges(db), host: "127.0.0.1", port, maxConnections: 64 });
  await server.start();
  return server;
}

export async function startEmbeddedDatabase(options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir ?? defaultDataDir());
  const release = claimDataDir(dataDir);
  let db: PGlite | undefined;
  try {
    mkdirSync(dataDir, { recursive: true });
    db = await PGlite.create(dataDir);
    const preferred = options.port ?? Number(process.env.EMBEDDED_DB_PORT || DEFAULT_EMBEDDED_PORT);
    let server: PGLiteSocketServer;
    try {
      server = await listen(db, preferred);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
      server = await listen(db, 0);
    }
    const port = Number(server.getServerConn().split(":").at(-1));
    const running = db;
    let stopped: Promise<void> | undefined;
    return {
      url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
      dataDir,
      port,
      stop: () =>
        (stopped ??= (async () => {
          try {
            await server.stop();
            await running.close();
          } finally {
            release();
          }
        })()),
    };
  } catch (error) {
    await db?.close().catch(() => {});
    release();
    throw error;
  }
}

export interface DatabaseHandle {
  url: string;
  /** Set when this process started PGlite because DATABASE_URL was empty. */
  embedded?: EmbeddedDatabase;
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded database, announced with one line on `log`. */
export async function resolveDatabase(log: (line: string) => void = console.log): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL?.trim();
  if (url) return { url, stop: async () => {} };
  const embedded = await startEmbeddedDatabase();
  log(embeddedNotice(embedded.dataDir));
  return { url: embedded.url, embedded, stop: embedded.stop };
}
