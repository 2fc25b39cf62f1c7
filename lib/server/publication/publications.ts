import "server-only";
import { Prisma } from "@/lib/server/db/generated/client";
import { workingDayDeadline } from "@/lib/domain/calendar";
import { redact } from "@/lib/domain/publication/redact";
import { recordAudit } from "@/lib/server/audit/record";
import { readWorkingDayCalendar } from "@/lib/server/calendar";
import type { PrismaClient, Tx } from "@/lib/server/db/client";
import { DomainError } from "@/lib/server/errors";
import { requirePermission } from "@/lib/policy/can";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import type { TApprovePublicationInput, TProposePublicationInput, TWithdrawPublicationInput } from "@/lib/validation/publication";
import { getPublicationSettings } from "./settings";

// 公开查处结果 (Jilin plan §四(三); 条例 art. 34; issue 17 §4). A bureau user proposes a decided case's result,
// redacted; a second bureau user approves it and it is public at once, until its retention period ends; either
// may withdraw it with a reason, and the public list keeps a withdrawn one as withdrawn, without its content.

/** A result is published once decided: the amounts confirmed by the notice, in the states after it. */
const DECIDED_STATES = ["AMOUNTS_CONFIRMED", "REFUNDED", "RECTIFYING", "RECTIFIED", "CLOSED"] as const;

export type PublicationContent = {
  institution: { name: string; kind: "HOSPITAL" | "PHARMACY" | "AGENCY" };
  region: string;
  plan: string;
  violations: { type: string; count: number; amount: string }[];
  amounts: { found: string; confirmed: string; penalty: string | null };
  handling: string;
  narrative: string | null;
  decidedOn: string;
};

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const chinaDate = (at: Date) => new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);

/** The names the redaction removes: every person the system knows (users, experts), the case's staff among them. */
async function knownNames(db: Tx | PrismaClient): Promise<string[]> {
  const [users, experts] = await Promise.all([db.user.findMany({ select: { displayName: true } }), db.expert.findMany({ select: { name: true } })]);
  return [...users.map((u) => u.displayName), ...experts.map((e) => e.name)];
}

async function buildContent(tx: Tx, caseId: string, input: TProposePublicationInput) {
  const found = await tx.inspectionCase.findUnique({
    where: { id: caseId },
    select: {
      state: true,
      noticeDeliveredAt: true,
      institution: { select: { name: true, kind: true } },
      inspectedRegion: { select: { name: true } },
      plan: { select: { title: true } },
      findings: { where: { status: { not: "WITHDRAWN" } }, select: { amount: true, violationType: { select: { name: true } } } },
      amountConfirmationNotice: { select: { amount: true, issuedAt: true } },
      penalties: { select: { amount: true } },
    },
  });
  if (!found) throw new DomainError("NOT_FOUND");
  if (!found.amountConfirmationNotice || !(DECIDED_STATES as readonly string[]).includes(found.state)) {
    throw new DomainError("CONFLICT", undefined, { messageKey: "publication.errors.notDecided" });
  }
  const byType = new Map<string, { count: number; amount: Prisma.Decimal }>();
  for (const f of found.findings) {
    const entry = byType.get(f.violationType.name) ?? { count: 0, amount: new Prisma.Decimal(0) };
    byType.set(f.violationType.name, { count: entry.count + 1, amount: entry.amount.plus(f.amount) });
  }
  const foundTotal = found.findings.reduce((sum, f) => sum.plus(f.amount), new Prisma.Decimal(0));
  const penalties = found.penalties.filter((p) => p.amount !== null);
  const names = await knownNames(tx);
  const decidedAt = found.amountConfirmationNotice.issuedAt;
  const content: PublicationContent = {
    institution: { name: found.institution.name, kind: found.institution.kind },
    region: found.inspectedRegion.name,
    plan: found.plan.title,
    violations: [...byType].map(([type, v]) => ({ type, count: v.count, amount: v.amount.toFixed(2) })),
    amounts: { found: foundTotal.toFixed(2), confirmed: found.amountConfirmationNotice.amount.toFixed(2), penalty: penalties.length ? penalties.reduce((s, p) => s.plus(p.amount!), new Prisma.Decimal(0)).toFixed(2) : null },
    handling: redact(input.handling, names).text,
    narrative: input.narrative === undefined ? null : redact(input.narrative, names).text,
    decidedOn: chinaDate(decidedAt),
  };
  return { content, decidedAt, institutionName: found.institution.name, regionName: found.inspectedRegion.name };
}

/** The bureau proposes a result; the proposal is the preview: stored redacted, public only once approved. */
export async function proposePublication(db: PrismaClient, actor: Actor, input: TProposePublicationInput, context: RequestContext = {}, now = new Date()) {
  requirePermission(actor, "publication.manage");
  return db.$transaction(async (tx) => {
    const { content, decidedAt, institutionName } = await buildContent(tx, input.caseId, input);
    const settings = await getPublicationSettings(tx);
    const deadline = workingDayDeadline(await readWorkingDayCalendar(tx), chinaDate(decidedAt), settings.publishWithinWorkingDays);
    const publishDueOn = deadline.status === "DUE" ? new Date(`${deadline.dueOn}T00:00:00Z`) : null;
    const row = await tx.publication.create({
      data: {
        caseId: input.caseId,
        kind: input.kind,
        title: input.kind === "TYPICAL_CASE" ? `典型案例：${institutionName}` : `${institutionName}查处结果`,
        content: content as unknown as Prisma.InputJsonValue,
        year: Number(content.decidedOn.slice(0, 4)),
        regionName: content.region,
        decidedAt,
        publishDueOn,
        proposedById: actor.userId,
        proposedAt: now,
      },
    });
    await recordAudit(tx, { actor, action: "publication.propose", entity: "Publication", entityId: row.id, after: { caseId: input.caseId, kind: input.kind }, context });
    return { id: row.id, version: row.version, content, publishBy: deadline.status === "DUE" ? deadline.dueOn : null };
  });
}

async function findOrThrow(tx: Tx, id: string) {
  const row = await tx.publication.findUnique({ where: { id } });
  if (!row) throw new DomainError("NOT_FOUND");
  return row;
}

/** A second bureau user approves (four eyes: never the proposer); the result is public at once until taken down. */
export async function approvePublication(db: PrismaClient, actor: Actor, input: TApprovePublicationInput, context: RequestContext = {}, now = new Date()) {
  requirePermission(actor, "publication.manage");
  return db.$transaction(async (tx) => {
    const row = await findOrThrow(tx, input.publicationId);
    if (row.status !== "PROPOSED") throw new DomainError("CONFLICT", undefined, { messageKey: "publication.errors.notProposed" });
    if (row.proposedById === actor.userId) throw new DomainError("FORBIDDEN", undefined, { messageKey: "publication.errors.fourEyes" });
    const { retentionYears } = await getPublicationSettings(tx);
    const takeDownAt = new Date(now);
    takeDownAt.setUTCFullYear(takeDownAt.getUTCFullYear() + retentionYears);
    const updated = await tx.publication.updateMany({
      where: { id: row.id, version: input.version, status: "PROPOSED" },
      data: { status: "PUBLISHED", publishedAt: now, publishedById: actor.userId, takeDownAt, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new DomainError("STALE_VERSION");
    await recordAudit(tx, { actor, action: "publication.approve", entity: "Publication", entityId: row.id, after: { publishedAt: now, takeDownAt }, context });
    return { id: row.id, version: row.version + 1, publishedAt: now, takeDownAt };
  });
}

/** Withdrawn with a reason, proposed or published: the public list keeps it as withdrawn, without its content. */
export async function withdrawPublication(db: PrismaClient, actor: Actor, input: TWithdrawPublicationInput, context: RequestContext = {}, now = new Date()) {
  requirePermission(actor, "publication.manage");
  return db.$transaction(async (tx) => {
    const row = await findOrThrow(tx, input.publicationId);
    if (row.status === "WITHDRAWN") throw new DomainError("CONFLICT", undefined, { messageKey: "publication.errors.alreadyWithdrawn" });
    const updated = await tx.publication.updateMany({
      where: { id: row.id, version: input.version, status: row.status },
      data: { status: "WITHDRAWN", withdrawnAt: now, withdrawnById: actor.userId, withdrawnReason: input.reason, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new DomainError("STALE_VERSION");
    await recordAudit(tx, { actor, action: "publication.withdraw", entity: "Publication", entityId: row.id, before: { status: row.status }, after: { reason: input.reason }, context });
    return { id: row.id, version: row.version + 1 };
  });
}

/** The bureau's list: every proposal, publication and withdrawal, newest first, with who did what. */
export async function listPublicationsForBureau(db: PrismaClient, actor: Actor) {
  requirePermission(actor, "publication.manage");
  const rows = await db.publication.findMany({
    where: { caseId: { not: null } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true, kind: true, status: true, title: true, content: true, version: true, caseId: true, publishDueOn: true, proposedAt: true, publishedAt: true, takeDownAt: true, withdrawnAt: true, withdrawnReason: true,
      proposedBy: { select: { id: true, displayName: true } }, publishedBy: { select: { displayName: true } }, withdrawnBy: { select: { displayName: true } },
    },
  });
  return rows.map((r) => ({ ...r, content: r.content as unknown as PublicationContent }));
}

/** The cases whose result may be proposed: decided, and not already proposed or published. */
export async function listPublishableCases(db: PrismaClient, actor: Actor) {
  requirePermission(actor, "publication.manage");
  return db.inspectionCase.findMany({
    where: { state: { in: [...DECIDED_STATES] }, amountConfirmationNotice: { isNot: null }, publications: { none: { status: { in: ["PROPOSED", "PUBLISHED"] } } } },
    orderBy: { updatedAt: "desc" },
    take: 200,
    select: { id: true, institution: { select: { name: true } }, plan: { select: { title: true } } },
  });
}
