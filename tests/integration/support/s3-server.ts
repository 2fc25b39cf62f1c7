import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { S3StoreConfig } from "@/lib/server/files/store/s3";

export interface LocalS3 {
  config: S3StoreConfig;
  stop(): Promise<void>;
}

/**
 * Starts s3rver (an S3-compatible server in JavaScript; no MinIO is installable here) on a free loopback port in
 * a child process, with its data in a fresh folder. The bucket is created by the store's `ensureReady`.
 */
export async function startLocalS3(bucket = "feijian-test"): Promise<LocalS3> {
  const directory = await mkdtemp(path.join(tmpdir(), "feijian-s3rver-"));
  const script = fileURLToPath(new URL("./s3rver-child.mjs", import.meta.url));
  const child: ChildProcess = spawn(process.execPath, [script, directory], { stdio: ["pipe", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`s3rver exited with ${code}`)));
    createInterface({ input: child.stdout! }).once("line", (line) => resolve((JSON.parse(line) as { port: number }).port));
  });
  return {
    config: { endpoint: `http://127.0.0.1:${port}`, bucket, region: "us-east-1", accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    async stop() {
      const exited = new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
      child.stdin?.end();
      await exited;
      await rm(directory, { recursive: true, force: true });
    },
  };
}
