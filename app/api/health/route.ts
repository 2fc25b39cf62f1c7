import { getDb } from "@/lib/server/db/client";
import { checkHealth } from "@/lib/server/health";

export const dynamic = "force-dynamic";

/** For load balancers and the runbook: 200 when the app and its database answer, 503 otherwise. */
export async function GET() {
  const report = await checkHealth(getDb());
  return Response.json(report, { status: report.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
