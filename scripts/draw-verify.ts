/**
 * `npm run draw:verify -- FILE [--manifest-hash HEX] [--result-hash HEX]`: recomputes a published
 * draw record (lib/domain/draw/verify.ts, the same code the public page runs in the browser) and
 * prints OK or the first mismatch. Exit 0 when it verifies, 1 on any mismatch, 2 when the file
 * cannot be read or is not JSON, or the arguments are wrong.
 *
 * The two hashes are optional anchors: the manifest hash published before the ceremony and the
 * result hash read out at it. Without them a forger who recomputed every value consistently
 * would pass; with them, not.
 */
import { readFileSync } from "node:fs";
import { verifyDrawRecord, type VerifyAnchors } from "../lib/domain/draw/verify";

const USAGE = "usage: npm run draw:verify -- FILE [--manifest-hash HEX] [--result-hash HEX]";

function parseArgs(argv: string[]): { file: string; anchors: VerifyAnchors } | null {
  let file: string | undefined;
  const anchors: VerifyAnchors = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--manifest-hash" || arg === "--result-hash") {
      const value = argv[++i];
      if (!value) return null;
      anchors[arg === "--manifest-hash" ? "manifestHash" : "resultHash"] = value.toLowerCase();
    } else if (arg.startsWith("--") || file) {
      return null;
    } else {
      file = arg;
    }
  }
  return file ? { file, anchors } : null;
}

const show = (value: unknown): string => {
  const text = JSON.stringify(value);
  if (text === undefined) return "(absent)";
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
};

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    console.error(USAGE);
    return 2;
  }
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(args.file, "utf8"));
  } catch (error) {
    console.error(`cannot read ${args.file} as JSON: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const report = verifyDrawRecord(value, args.anchors);
  if (report.ok) {
    const what = report.kind === "TARGETS" ? "target draw" : "team draw";
    const selected = report.kind === "TARGETS" ? `${report.selected} targets` : `${report.selected} people on teams`;
    const replaced = report.replacements > 0 ? `, ${report.replacements} replacement(s)` : "";
    console.log(`OK ${what} of plan ${report.planId}: ${report.candidates} candidates, ${selected}${replaced}; every value recomputed.`);
    const recomputed = report.kind === "TARGETS" ? "ranking, look-back list and exclusions" : "recusals";
    console.log(report.opened === null ? "  published record: internal values are salted-hash commitments (ADR 019)" : `  full record: ${report.opened} commitments opened and matched; ${recomputed} recomputed from them`);
    console.log(`  manifestHash ${report.manifestHash}`);
    console.log(`  seed         ${report.seed}`);
    console.log(`  resultHash   ${report.resultHash}`);
    return 0;
  }
  const { path, message, expected, actual } = report.mismatch;
  console.log(`MISMATCH at ${path || "(record)"}: ${message}`);
  if (expected !== undefined || actual !== undefined) {
    console.log(`  expected ${show(expected)}`);
    console.log(`  found    ${show(actual)}`);
  }
  return 1;
}

process.exit(main());
