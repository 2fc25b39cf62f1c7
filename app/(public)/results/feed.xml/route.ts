import { getDb } from "@/lib/server/db/client";
import { resultsRss } from "@/lib/server/publication/feeds";

export const dynamic = "force-dynamic";

/** Public: the RSS 2.0 feed of published results (issue 17 §4). */
export async function GET(request: Request) {
  return new Response(await resultsRss(getDb(), new URL(request.url).origin), { headers: { "Content-Type": "application/rss+xml; charset=utf-8", "Cache-Control": "no-store" } });
}
