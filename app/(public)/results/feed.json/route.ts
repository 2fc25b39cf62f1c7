import { getDb } from "@/lib/server/db/client";
import { resultsJsonFeed } from "@/lib/server/publication/feeds";

export const dynamic = "force-dynamic";

/** Public: the JSON Feed 1.1 of published results (issue 17 §4). */
export async function GET(request: Request) {
  return Response.json(await resultsJsonFeed(getDb(), new URL(request.url).origin), { headers: { "Content-Type": "application/feed+json; charset=utf-8", "Cache-Control": "no-store" } });
}
