import { execFileSync } from "node:child_process";

export interface Scenario {
  caseId: string;
  planId: string;
  planTitle: string;
  teamId: string;
  institution: string;
  state: string;
  version: number;
}

/**
 * A fresh case of the demo data in `state` (a plan, a team of `inspector` and `inspector2`, the institution
 * `hospital` works for), made through the registry's operations by scripts/e2e-scenario.ts. Each call makes
 * its own plan, so journeys never act on each other's cases.
 */
export function createCase(state: string, options: { institution?: string; findings?: number; appealDays?: number; title?: string } = {}): Scenario {
  const args = ["tsx", "--conditions=react-server", "scripts/e2e-scenario.ts", "--state", state];
  if (options.institution) args.push("--institution", options.institution);
  if (options.findings !== undefined) args.push("--findings", String(options.findings));
  if (options.appealDays !== undefined) args.push("--appeal-days", String(options.appealDays));
  if (options.title) args.push("--title", options.title);
  const out = execFileSync("npx", args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  return JSON.parse(out.trim().split("\n").pop()!) as Scenario;
}
