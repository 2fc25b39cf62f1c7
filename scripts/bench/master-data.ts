/**
 * Benchmarks of master data (issue 5 §5), on the machine's PostgreSQL (TEST_DATABASE_URL, default local):
 * - import of a 50,000-row institution workbook, from the uploaded bytes to committed (the service the upload
 *   route calls: streaming read, every check, the set-based upsert, the stored file, the record and the audit
 *   row, in one transaction), next to ExcelJS alone streaming the same file: the ratio is the figure; and the
 *   peak memory (RSS, sampled every 20 ms) during the import;
 * - the institution list page, filtered and sorted, with 30,000 institutions: a production build (`npm run
 *   build` first) served by `npm start` on a fresh database, signed in as the demo clerk, loaded with
 *   autocannon over HTTP; p95 is computed from every response time autocannon reports.
 * `npx tsx --conditions=react-server scripts/bench/master-data.ts` runs it alone.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { PassThrough, Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { loadActor } from "@/lib/server/auth/actor";
import { startSession } from "@/lib/server/auth/sessions";
import { createPrisma } from "@/lib/server/db/client";
import { applyMigrations, withClient, withDatabaseName } from "@/lib/server/db/migrator";
import { commitImport } from "@/lib/server/master-data/import/imports";
import { IMPORT_FILE_SPEC } from "@/lib/server/master-data/import/read";
import { settleUpload } from "@/lib/server/files/storage";
import { receiveFile } from "@/lib/server/files/upload";
import { SHEETS, choiceLabel } from "@/lib/server/master-data/import/sheets";
import { seedRegions } from "@/prisma/seed";
import { seedProvince } from "@/prisma/seed/master-data";
import { generateProvince, regionId } from "@/prisma/seed/province";
import { JILIN_POOLING_REGIONS } from "@/prisma/seed/regions";

const IMPORT_ROWS = 50_000;
const LIST_INSTITUTIONS = 30_000;
const PORT = 3190;
const server = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

type Autocannon = (options: Record<string, unknown>) => { on(event: "response", listener: (client: unknown, status: number, bytes: number, ms: number) => void): void } & PromiseLike<{ requests: { average: number }; non2xx: number; errors: number }>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

async function withDatabase<T>(run: (url: string) => Promise<T>): Promise<T> {
  const name = `feijian_bench_${process.pid}_${randomBytes(3).toString("hex")}`;
  await withClient(server, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
  try {
    return await run(withDatabaseName(server, name));
  } finally {
    await withClient(server, (c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`));
  }
}

/** The 50,000-row workbook a bureau would upload, written with ExcelJS's streaming writer. */
async function institutionWorkbook(rows: number): Promise<Uint8Array> {
  const regionName = new Map<string, string>(JILIN_POOLING_REGIONS.map((r) => [r.code, r.name]));
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
  const sheet = workbook.addWorksheet(SHEETS.institutions.sheetName);
  sheet.addRow(SHEETS.institutions.columns.map((c) => c.header)).commit();
  for (const i of generateProvince({ institutions: rows, experts: 0 }).institutions) {
    sheet.addRow([i.nationalCode, i.name, choiceLabel("kind", i.kind), i.hospitalTier ? choiceLabel("tier", i.hospitalTier) : null, i.unifiedSocialCreditCode, regionName.get(i.regionCode)!, i.address, choiceLabel("status", "ACTIVE")]).commit();
  }
  sheet.commit();
  await workbook.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

async function exceljsAlone(bytes: Uint8Array): Promise<number> {
  const input = new PassThrough();
  input.end(Buffer.from(bytes));
  let rows = 0;
  for await (const worksheet of new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: "emit", sharedStrings: "cache", hyperlinks: "ignore", styles: "ignore", entries: "ignore" })) {
    for await (const row of worksheet) if (row.number > 0) rows += 1;
  }
  return rows;
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: Math.round(performance.now() - started), value };
}

async function benchImport(figures: Record<string, number>) {
  const bytes = await institutionWorkbook(IMPORT_ROWS);
  figures["import.file.megabytes"] = Math.round((bytes.byteLength / 1024 / 1024) * 10) / 10;
  const alone = await timed(() => exceljsAlone(bytes));
  figures["import.exceljsAlone.rows"] = alone.value - 1;
  figures["import.exceljsAlone.ms"] = alone.ms;
  await withDatabase(async (url) => {
    await applyMigrations(url);
    const db = createPrisma(url, { max: 4 });
    try {
      await seedRegions(db);
      const bureau = await db.organization.create({ data: { name: "基准测试省局", kind: "PROVINCIAL_BUREAU" } });
      const user = await db.user.create({ data: { username: "bench", displayName: "基准", role: "BUREAU_STAFF", organizationId: bureau.id, passwordHash: "x" } });
      const sessionId = await db.$transaction((tx) => startSession(tx, user.id));
      const actor = (await loadActor(db, { userId: user.id, sessionVersion: user.sessionVersion, sessionId }))!;
      process.env.FEIJIAN_STORAGE_DIR ??= `${process.env.TMPDIR ?? "/tmp"}/feijian-bench-storage`;
      global.gc?.();
      const baseline = process.memoryUsage().rss;
      let peak = baseline;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      // The route's path: the file streams into the store, the import reads it from there, then it is settled.
      const received = () => receiveFile(Readable.from([Buffer.from(bytes)]), "定点机构.xlsx", IMPORT_FILE_SPEC);
      const file = await received();
      const first = await timed(() => commitImport(db, actor, "institutions", file));
      await settleUpload(db, file);
      clearInterval(sampler);
      if (first.value.added !== alone.value - 1) throw new Error(`import added ${first.value.added} of ${alone.value - 1} rows`);
      figures["import.committed.ms"] = first.ms;
      figures["import.committed.per.exceljsAlone"] = Math.round((first.ms / alone.ms) * 100) / 100;
      figures["import.peakRss.mb"] = Math.round(peak / 1024 / 1024);
      figures["import.peakRssAboveStart.mb"] = Math.round((peak - baseline) / 1024 / 1024);
      const second = await received();
      const again = await timed(() => commitImport(db, actor, "institutions", second));
      await settleUpload(db, second);
      figures["import.again.unchanged"] = again.value.unchanged;
      figures["import.again.ms"] = again.ms;
    } finally {
      await db.$disconnect();
    }
  });
}

async function waitFor(url: string, child: ChildProcess) {
  for (let i = 0; i < 240; i += 1) {
    if (child.exitCode !== null) throw new Error("the server exited");
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the server did not start");
}

/** Signs in through next-auth's credentials flow and returns the session cookie header. */
async function signIn(base: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => response.headers.getSetCookie().forEach((c) => { const [pair] = c.split(";"); const [k, v] = pair!.split("="); jar.set(k!, v!); });
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const login = await fetch(`${base}/api/auth/callback/credentials`, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() }, body: new URLSearchParams({ csrfToken, username: "bureau", password: "Feijian@2024", json: "true" }) });
  keep(login);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error("sign-in failed");
  return cookie();
}

async function benchList(figures: Record<string, number>) {
  if (!existsSync(".next/BUILD_ID")) {
    console.log("(list page: no production build; run `npm run build` first — skipped)");
    return;
  }
  await withDatabase(async (url) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/launch.ts", "start", "-p", String(PORT)], {
      stdio: "ignore",
      env: { ...process.env, DATABASE_URL: url, FEIJIAN_SEED: "demo", NEXTAUTH_SECRET: randomBytes(32).toString("hex"), NEXTAUTH_URL: `http://127.0.0.1:${PORT}`, NODE_ENV: "production" },
    });
    try {
      const base = `http://127.0.0.1:${PORT}`;
      await waitFor(`${base}/api/health`, child);
      const db = createPrisma(url, { max: 2 });
      try {
        await seedProvince(db, { institutions: LIST_INSTITUTIONS });
        figures["list.institutions"] = await db.institution.count();
      } finally {
        await db.$disconnect();
      }
      const cookie = await signIn(base);
      // Hospitals of 长春, sorted by name descending, page 3: a filter, a join for the sort, an offset.
      const path = `/bureau/master-data/institutions?kind=HOSPITAL&region=${regionId("220100")}&sort=name&dir=desc&page=3&size=50`;
      const check = await fetch(`${base}${path}`, { headers: { cookie } });
      if (check.status !== 200 || !(await check.text()).includes("共 ")) throw new Error(`list page answered ${check.status}`);
      const times: number[] = [];
      const run = autocannon({ url: `${base}${path}`, connections: 4, duration: 15, headers: { cookie } });
      run.on("response", (_client, status, _bytes, ms) => status === 200 && times.push(ms));
      const result = await run;
      times.sort((a, b) => a - b);
      const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? NaN;
      figures["list.requests"] = times.length;
      figures["list.non2xx"] = result.non2xx + result.errors;
      figures["list.reqPerSec"] = result.requests.average;
      figures["list.p50.ms"] = at(0.5);
      figures["list.p95.ms"] = at(0.95);
      figures["list.max.ms"] = times[times.length - 1] ?? NaN;
    } finally {
      child.kill("SIGTERM");
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
    }
  });
}

export async function benchMasterData(): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  await benchImport(figures);
  await benchList(figures);
  return figures;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  benchMasterData().then(
    (figures) => {
      for (const [label, value] of Object.entries(figures)) console.log(`${label.padEnd(40)} ${value}`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
