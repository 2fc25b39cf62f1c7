import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";

/** Points FEIJIAN_STORAGE_DIR at a fresh folder for this test file, removed afterwards. Call at the top level. */
export function setupTempStorage(): { readonly dir: string } {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "feijian-storage-"));
    process.env.FEIJIAN_STORAGE_DIR = dir;
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
  };
}
