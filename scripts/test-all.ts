/**
 * `npm test`: lint, type-check, unit, integration (real PostgreSQL, or the embedded one when no server
 * answers), a production build, and the browser tests, then one line: `N passed, N failed`.
 * Lint, type-check and build count as one check each; test runners count their tests.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

interface Stage {
  name: string;
  command: string[];
  report?: string;
  count?: (report: string) => { passed: number; failed: number; skipped: number };
}

const vitestCount = (path: string) => {
  const r = JSON.parse(readFileSync(path, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
};
const playwrightCount = (path: string) => {
  const r = JSON.parse(readFileSync(path, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped };
};

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const runBrowser = existsSync(chromium);
if (!runBrowser && process.env.CI) {
  console.error(`Chromium not found at ${chromium}; CI must run the browser tests (see .ci/run).`);
  process.exit(1);
}

const stages: Stage[] = [
  { name: "lint", command: ["npx", "eslint", "--max-warnings=0", "."] },
  { name: "type-check", command: ["npx", "tsc", "--noEmit"] },
  { name: "unit", command: ["npx", "vitest", "run", "--project", "unit", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/unit.json"], report: "test-results/unit.json", count: vitestCount },
  { name: "integration", command: ["npx", "vitest", "run", "--project", "integration", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/integration.json"], report: "test-results/integration.json", count: vitestCount },
  ...(runBrowser
    ? [
        { name: "build", command: ["npx", "next", "build"] },
        { name: "browser", command: ["npx", "playwright", "test"], report: "test-results/e2e-report.json", count: playwrightCount },
      ]
    : []),
];

// The browser tests' server takes a free port unless one is given, so a server left running elsewhere
// on this machine cannot answer in its place.
if (runBrowser && !process.env.E2E_PORT) {
  const probe = spawnSync(process.execPath, ["-e", 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'], { encoding: "utf8" });
  process.env.E2E_PORT = probe.stdout.trim();
}

mkdirSync("test-results", { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [];
const started = Date.now();
for (const stage of stages) {
  if (stage.report) rmSync(stage.report, { force: true });
  const t0 = Date.now();
  console.log(`\n━━ ${stage.name}: ${stage.command.join(" ")}`);
  const result = spawnSync(stage.command[0]!, stage.command.slice(1), { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  let counts = { passed: result.status === 0 ? 1 : 0, failed: result.status === 0 ? 0 : 1, skipped: 0 };
  if (stage.report && stage.count) {
    counts = existsSync(stage.report) ? stage.count(stage.report) : { passed: 0, failed: 1, skipped: 0 };
    // A runner that exits non-zero with no failed test (a crash, a broken setup) is still a failure.
    if (result.status !== 0 && counts.failed === 0) counts.failed = 1;
  }
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  lines.push(`${stage.name.padEnd(12)} ${String(counts.passed).padStart(4)} passed ${String(counts.failed).padStart(3)} failed  ${((Date.now() - t0) / 1000).toFixed(1)}s`);
}
if (!runBrowser) lines.push(`browser      skipped: Chromium not found at ${chromium} (apt-get install chromium fonts-noto-cjk)`);

console.log(`\n━━ summary (${((Date.now() - started) / 1000).toFixed(0)}s)`);
for (const line of lines) console.log(line);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(totals.failed === 0 ? 0 : 1);
