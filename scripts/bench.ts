/**
 * `npm run bench`: speed is measured here, never asserted in tests. Each benchmark prints its own figures
 * next to a baseline from the same run (the ratio is what to compare across machines).
 */
import { cpus } from "node:os";
import { benchDraw } from "./bench/draw";
import { benchMasterData } from "./bench/master-data";

const BENCHMARKS: Record<string, () => Promise<Record<string, number>>> = {
  draw: benchDraw,
  "master-data": benchMasterData,
};

async function main() {
  const only = process.argv[2];
  console.log(`node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? "unknown CPU"})`);
  for (const [name, run] of Object.entries(BENCHMARKS)) {
    if (only && only !== name) continue;
    console.log(`\n== ${name}`);
    const figures = await run();
    for (const [label, value] of Object.entries(figures)) console.log(`${label.padEnd(48)} ${value.toFixed(1)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
