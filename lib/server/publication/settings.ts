import "server-only";
import { requirePermission } from "@/lib/policy/can";
import { recordAudit } from "@/lib/server/audit/record";
import type { PrismaClient, Tx } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import type { TUpdatePublicationSettingsInput } from "@/lib/validation/publication";

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

/** The administrator sets the periods, compare-and-set on the version seen (0 before the first setting). */
export async function updatePublicationSettings(db: PrismaClient, actor: Actor, input: TUpdatePublicationSettingsInput, context: RequestContext = {}) {
  requirePermission(actor, "publicationSettings.manage");
  return db.$transaction(async (tx) => {
    const before = await tx.publicationSettings.findUnique({ where: { singleton: true } });
    if ((before?.version ?? 0) !== input.version) throw new DomainError("STALE_VERSION");
    const data = { publishWithinWorkingDays: input.publishWithinWorkingDays, retentionYears: input.retentionYears };
    if (!before) {
      const created = await tx.publicationSettings.createMany({ data: [{ ...data, version: 1 }], skipDuplicates: true });
      if (created.count !== 1) throw new DomainError("STALE_VERSION");
    } else {
      const updated = await tx.publicationSettings.updateMany({ where: { singleton: true, version: input.version }, data: { ...data, version: { increment: 1 } } });
      if (updated.count !== 1) throw new DomainError("STALE_VERSION");
    }
    await recordAudit(tx, { actor, action: "publicationSettings.update", entity: "PublicationSettings", before: before ? { publishWithinWorkingDays: before.publishWithinWorkingDays, retentionYears: before.retentionYears } : DEFAULT_PUBLICATION_SETTINGS, after: data, context });
    return { ...data, version: input.version + 1 };
  });
}

/** The periods with the version a form sends back. */
export async function getPublicationSettingsForBureau(db: PrismaClient, actor: Actor) {
  requirePermission(actor, "publication.manage");
  const row = await db.publicationSettings.findUnique({ where: { singleton: true } });
  return { ...(await getPublicationSettings(db)), version: row?.version ?? 0 };
}
