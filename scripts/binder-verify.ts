/**
 * `npm run binder:verify -- FILE`: checks a case binder (一案一卷 ZIP) without the database. Prints OK and exits 0, or
 * names the first file that does not match and exits 1 (2: could not read the file).
 */
import { readFileSync } from "node:fs";
import { verifyBinder } from "../lib/documents/binder-verify";

async function main() {
  const file = process.argv[2];
  if (!file) {
    console.error("Usage: npm run binder:verify -- FILE.zip");
    process.exit(2);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    console.error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
  const result = await verifyBinder(bytes);
  if (result.ok) {
    console.log(`OK: ${result.files} files match the manifest; ${result.auditRows} audit rows hash to their links.`);
    return;
  }
  console.error(`MISMATCH: ${result.path}: ${result.problem}`);
  process.exit(1);
}

void main();
