import "server-only";
import type { PrismaClient, Tx } from "@/lib/server/db/client";

/**
 * The publication periods: both are chosen defaults, set in the issue (17 §4), not taken from a rule that names
 * them (decision record 027). 条例 art. 34 asks results to be published, without a period; for comparison,
 * 《企业信息公示暂行条例》 has administrative penalties published within 20 working days, so 7 is stricter.
 */
export const DEFAULT_PUBLICATION_SETTINGS = { publishWithinWorkingDays: 7, retentionYears: 5 } as const;

export async function getPublicationSettings(db: Tx | PrismaClient): Promise<{ publishWithinWorkingDays: number; retentionYears: number }> {
  const row = await db.publicationSettings.findUnique({ where: { singleton: true } });
  return row ? { publishWithinWorkingDays: row.publishWithinWorkingDays, retentionYears: row.retentionYears } : { ...DEFAULT_PUBLICATION_SETTINGS };
}
