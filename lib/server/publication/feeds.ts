import "server-only";
import { formatMoney } from "@/lib/i18n/format";
import type { PrismaClient } from "@/lib/server/db/client";
import { feedResults } from "./public";

// The feeds of published results (issue 17 §4): RSS 2.0 and JSON Feed 1.1, the latest 50 live results. A
// withdrawn or expired result drops out of the feed; its page then says it was withdrawn (or is not found).

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

type Item = Awaited<ReturnType<typeof feedResults>>[number];

function summary(item: Item): string {
  const c = item.content;
  const violations = c.violations.map((v) => `${v.type}${v.count}项`).join("、");
  return `${c.institution.name}（${c.region}）：${violations}；确认违规金额${formatMoney(c.amounts.confirmed, "zh-CN")}。处理情况：${c.handling}`;
}

export async function resultsRss(db: PrismaClient, origin: string): Promise<string> {
  const items = await feedResults(db);
  const entries = items
    .map((item) => `    <item>\n      <title>${escapeXml(item.title)}</title>\n      <link>${origin}/results/${item.id}</link>\n      <guid isPermaLink="false">${item.id}</guid>\n      <pubDate>${item.publishedAt.toUTCString()}</pubDate>\n      <description>${escapeXml(summary(item))}</description>\n    </item>`)
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n  <channel>\n    <title>医疗保障基金飞行检查查处结果公开</title>\n    <link>${origin}/results</link>\n    <description>经审核公开的飞行检查查处结果和典型案例</description>\n    <language>zh-CN</language>\n${entries}\n  </channel>\n</rss>\n`;
}

export async function resultsJsonFeed(db: PrismaClient, origin: string) {
  const items = await feedResults(db);
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: "医疗保障基金飞行检查查处结果公开",
    home_page_url: `${origin}/results`,
    feed_url: `${origin}/results/feed.json`,
    language: "zh-CN",
    items: items.map((item) => ({ id: item.id, url: `${origin}/results/${item.id}`, title: item.title, content_text: summary(item), date_published: item.publishedAt.toISOString(), tags: [item.kind], _feijian: item.content })),
  };
}
