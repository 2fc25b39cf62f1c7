import "server-only";
import type { PrismaClient } from "@/lib/server/db/client";

export interface HealthReport {
  status: "ok" | "degraded";
  app: { status: "ok"; version: string };
  database: { status: "ok" | "unreachable"; latencyMs?: number };
}

export async function checkHealth(db: PrismaClient): Promise<HealthReport> {
  const app = { status: "ok" as const, version: process.env.npm_package_version ?? "0.1.0" };
  const started = performance.now();
  try {
    await db.$queryRaw`SELECT 1`;
    return { status: "ok", app, database: { status: "ok", latencyMs: Math.round(performance.now() - started) } };
  } catch {
    // The detail goes to the log of whoever runs the database; the probe learns only that it failed.
    return { status: "degraded", app, database: { status: "unreachable" } };
  }
}
