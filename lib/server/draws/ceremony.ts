import "server-only";
import { DrawError } from "@/lib/domain/draw/errors";
import type { ManifestHeader, Redraw } from "@/lib/domain/draw/manifest";
import { manifestHash } from "@/lib/domain/draw/public-manifest";
import { buildTargetRecord, buildTeamRecord } from "@/lib/domain/draw/record";
import { closeCeremony, enterEntropy, openCeremony, revealSalt, type Ceremony } from "@/lib/domain/draw/seed";
import type { TargetManifest } from "@/lib/domain/draw/target-manifest";
import type { TeamManifest } from "@/lib/domain/draw/team-manifest";
import { recordAudit } from "@/lib/server/audit/record";
import type { Prisma, PrismaClient, Tx } from "@/lib/server/db/client";
import type { DrawStatus } from "@/lib/server/db/generated/enums";
import { DomainError } from "@/lib/server/errors";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { requirePermission } from "@/lib/server/policy/policy";
import type { TCommitInput, TEntropyInput, TFixTargetDrawInput, TFixTeamDrawInput, TRedrawInput, TRevealInput, TStopDrawInput } from "@/lib/validation/draws";
import { targetManifestFromDb, teamManifestFromDb } from "./manifests";
import { createCasesFromDraw, createTeamsFromDraw } from "./outcome";

// The ceremony of one draw, stored step by step (issue 8 §4; docs/draw.md): the manifest is fixed and its
// hash shown, every party commits, the dice digits are entered, the salts are revealed and checked; the last
// reveal seeds and runs the draw and applies it (teams, or cases). Each step is a compare-and-set on the
// draw's status and version, with its audit row, in one transaction. The domain's ceremony functions decide
// every step (lib/domain/draw/seed.ts): the state is rebuilt from the rows and the step applied to it.

const drawError = (key: string, field?: string) => (field ? new DomainError("VALIDATION", { [field]: key }) : new DomainError("CONFLICT", undefined, { messageKey: key }));
const ACTIVE: DrawStatus[] = ["MANIFEST_FIXED", "COMMITTED", "ENTROPY_ENTERED", "DRAWN"];
const OPEN: DrawStatus[] = ["MANIFEST_FIXED", "COMMITTED", "ENTROPY_ENTERED"];

async function publishedPlan(tx: Tx, planId: string) {
  const plan = await tx.plan.findUnique({ where: { id: planId } });
  if (!plan) throw new DomainError("NOT_FOUND");
  if (plan.status !== "PUBLISHED") throw drawError("draw.errors.planNotPublished");
  return plan;
}

/** The manifest builders refuse a manifest that breaks a rule; that is the bureau's data to fix, with the path. */
async function buildManifest<M>(build: () => Promise<M>): Promise<M> {
  try {
    return await build();
  } catch (error) {
    if (error instanceof DrawError) throw new DomainError("VALIDATION", undefined, { messageKey: "draw.errors.invalidManifest", cause: error });
    throw error;
  }
}

async function createDraw(tx: Tx, actor: Actor, data: { planId: string; kind: "TEAMS" | "TARGETS"; planRegionId?: string; manifest: TargetManifest | TeamManifest; supersedesId?: string; redrawReason?: string }, context: RequestContext) {
  const hash = manifestHash(data.manifest);
  const draw = await tx.draw.create({ data: { ...data, manifest: data.manifest as unknown as Prisma.InputJsonValue, manifestHash: hash, createdById: actor.userId } });
  await recordAudit(tx, { actor, action: "draw.fixManifest", entity: "Draw", entityId: draw.id, after: { kind: draw.kind, manifestHash: hash, supersedesId: draw.supersedesId, redrawReason: draw.redrawReason }, context });
  return draw;
}

/** Jilin plan §四(一)2: the team draw at the provincial kickoff, once per plan (a redraw aside). */
export async function fixTeamDraw(db: PrismaClient, actor: Actor, input: TFixTeamDrawInput, context: RequestContext = {}) {
  requirePermission(actor, "draw.run");
  return db.$transaction(async (tx) => {
    const plan = await publishedPlan(tx, input.planId);
    if (await tx.draw.findFirst({ where: { planId: plan.id, kind: "TEAMS", status: { in: ACTIVE } } })) throw drawError("draw.errors.drawExists");
    if (await tx.team.findFirst({ where: { planId: plan.id } })) throw drawError("draw.errors.teamsExist");
    const manifest = await buildManifest(() => teamManifestFromDb(tx, plan));
    return createDraw(tx, actor, { planId: plan.id, kind: "TEAMS", manifest }, context);
  });
}

/** 条例 art. 29: at least two law-enforcement staff on site, so a team without them cannot draw its targets. */
const MIN_LAW_ENFORCEMENT = 2;

/** Jilin plan §四(二)1: each team draws its region's targets at its own kickoff, there and then. */
export async function fixTargetDraw(db: PrismaClient, actor: Actor, input: TFixTargetDrawInput, context: RequestContext = {}) {
  requirePermission(actor, "draw.run");
  return db.$transaction(async (tx) => {
    const plan = await publishedPlan(tx, input.planId);
    const planRegion = await tx.planRegion.findFirst({ where: { id: input.planRegionId, planId: plan.id } });
    if (!planRegion) throw new DomainError("NOT_FOUND");
    const team = await tx.team.findFirst({ where: { planId: plan.id, inspectedRegionId: planRegion.poolingRegionId }, include: { members: { where: { withdrawnAt: null, isLawEnforcement: true } } } });
    if (!team) throw drawError("draw.errors.noTeam");
    if (team.members.length < MIN_LAW_ENFORCEMENT) throw drawError("draw.errors.lawEnforcement");
    if (await tx.draw.findFirst({ where: { planRegionId: planRegion.id, kind: "TARGETS", status: { in: ACTIVE } } })) throw drawError("draw.errors.drawExists");
    const manifest = await buildManifest(() => targetManifestFromDb(tx, plan, planRegion.id));
    return createDraw(tx, actor, { planId: plan.id, kind: "TARGETS", planRegionId: planRegion.id, manifest }, context);
  });
}

async function loadDraw(tx: Tx, drawId: string) {
  const draw = await tx.draw.findUnique({ where: { id: drawId }, include: { commitments: { include: { party: true }, orderBy: { committedAt: "asc" } }, plan: { include: { ceremonyParties: { orderBy: { position: "asc" } } } } } });
  if (!draw) throw new DomainError("NOT_FOUND");
  return draw;
}
type LoadedDraw = Awaited<ReturnType<typeof loadDraw>>;

/** The domain's ceremony state, rebuilt from the stored steps (reveals in the order they were made). */
function ceremonyOf(draw: LoadedDraw): Ceremony {
  let ceremony = openCeremony(draw.manifest as unknown as ManifestHeader, draw.manifestHash, draw.commitments.map((c) => ({ party: c.party.code, commitment: c.commitment })));
  if (draw.publicEntropy !== null) ceremony = enterEntropy(ceremony, draw.publicEntropy);
  const revealed = draw.commitments.filter((c) => c.salt !== null).sort((a, b) => a.revealedAt!.getTime() - b.revealedAt!.getTime());
  for (const c of revealed) ceremony = revealSalt(ceremony, c.party.code, c.salt!);
  return ceremony;
}

/** Moves the draw from one status to the next if nobody else did in between. */
async function advance(tx: Tx, draw: LoadedDraw, from: DrawStatus[], data: Prisma.DrawUpdateManyMutationInput) {
  const done = await tx.draw.updateMany({ where: { id: draw.id, version: draw.version, status: { in: from } }, data: { ...data, version: { increment: 1 } } });
  if (done.count !== 1) throw new DomainError("STALE_VERSION");
}

async function ceremonyStep<T>(db: PrismaClient, actor: Actor, drawId: string, step: (tx: Tx, draw: LoadedDraw) => Promise<T>) {
  requirePermission(actor, "draw.run");
  return db.$transaction(async (tx) => step(tx, await loadDraw(tx, drawId)));
}

/** A party commits to its secret salt by the salt's SHA-256, before any randomness exists. */
export function commitSalt(db: PrismaClient, actor: Actor, input: TCommitInput, context: RequestContext = {}) {
  return ceremonyStep(db, actor, input.drawId, async (tx, draw) => {
    if (draw.status !== "MANIFEST_FIXED") throw drawError("draw.errors.outOfOrder");
    const party = draw.plan.ceremonyParties.find((p) => p.id === input.partyId);
    const parties = (draw.manifest as unknown as ManifestHeader).parties;
    if (!party || !parties.some((p) => p.id === party.code)) throw new DomainError("NOT_FOUND", { partyId: "errors.notFound" });
    if (draw.commitments.some((c) => c.partyId === party.id)) throw drawError("draw.errors.alreadyCommitted", "commitment");
    const row = await tx.drawCommitment.create({ data: { drawId: draw.id, partyId: party.id, commitment: input.commitment, committedAt: new Date() } });
    const all = draw.commitments.length + 1 === parties.length;
    await advance(tx, draw, ["MANIFEST_FIXED"], all ? { status: "COMMITTED" } : {});
    await recordAudit(tx, { actor, action: "draw.commit", entity: "Draw", entityId: draw.id, after: { party: party.code, commitment: row.commitment }, context });
  });
}

/** The dice digits rolled at the meeting; only after every party has committed. */
export function enterPublicEntropy(db: PrismaClient, actor: Actor, input: TEntropyInput, context: RequestContext = {}) {
  return ceremonyStep(db, actor, input.drawId, async (tx, draw) => {
    if (draw.status !== "COMMITTED") throw drawError("draw.errors.outOfOrder");
    try {
      enterEntropy(ceremonyOf(draw), input.publicEntropy);
    } catch (error) {
      if (error instanceof DrawError && error.code === "INVALID_ENTROPY") throw drawError("draw.validation.entropy", "publicEntropy");
      throw error;
    }
    await advance(tx, draw, ["COMMITTED"], { status: "ENTROPY_ENTERED", publicEntropy: input.publicEntropy });
    await recordAudit(tx, { actor, action: "draw.enterEntropy", entity: "Draw", entityId: draw.id, after: { publicEntropy: input.publicEntropy }, context });
  });
}

/** A party reveals its salt; one that misses its commitment is refused. The last reveal runs the draw. */
export function revealPartySalt(db: PrismaClient, actor: Actor, input: TRevealInput, context: RequestContext = {}) {
  return ceremonyStep(db, actor, input.drawId, async (tx, draw) => {
    if (draw.status !== "ENTROPY_ENTERED") throw drawError("draw.errors.outOfOrder");
    const commitment = draw.commitments.find((c) => c.partyId === input.partyId);
    if (!commitment) throw new DomainError("NOT_FOUND", { partyId: "errors.notFound" });
    if (commitment.salt !== null) throw drawError("draw.errors.alreadyRevealed", "salt");
    let ceremony: Ceremony;
    try {
      ceremony = revealSalt(ceremonyOf(draw), commitment.party.code, input.salt);
    } catch (error) {
      if (error instanceof DrawError && error.code === "SALT_MISMATCH") throw drawError("draw.errors.saltMismatch", "salt");
      throw error;
    }
    const revealedAt = new Date();
    await tx.drawCommitment.update({ where: { id: commitment.id }, data: { salt: input.salt, revealedAt, version: { increment: 1 } } });
    await recordAudit(tx, { actor, action: "draw.reveal", entity: "Draw", entityId: draw.id, after: { party: commitment.party.code, salt: input.salt }, context });
    if (ceremony.stage === "ENTROPY_ENTERED" && ceremony.salts.length === ceremony.parties.length) {
      await runDraw(tx, actor, draw, closeCeremony(ceremony), revealedAt, context);
    } else {
      await advance(tx, draw, ["ENTROPY_ENTERED"], {});
    }
  });
}

async function runDraw(tx: Tx, actor: Actor, draw: LoadedDraw, ceremony: Ceremony, at: Date, context: RequestContext) {
  const drawnAt = at.toISOString();
  const record =
    draw.kind === "TEAMS"
      ? buildTeamRecord({ manifest: draw.manifest as unknown as TeamManifest, ceremony, drawnAt })
      : buildTargetRecord({ manifest: draw.manifest as unknown as TargetManifest, ceremony, drawnAt });
  await advance(tx, draw, ["ENTROPY_ENTERED"], { status: "DRAWN", seed: record.seed, record: record as unknown as Prisma.InputJsonValue, resultHash: record.resultHash, drawnAt: at });
  await recordAudit(tx, { actor, action: "draw.run", entity: "Draw", entityId: draw.id, after: { seed: record.seed, resultHash: record.resultHash, result: record.result }, context });
  if (record.kind === "TEAMS") await createTeamsFromDraw(tx, actor, draw, record, context);
  else await createCasesFromDraw(tx, actor, draw, record, context);
}

/**
 * Stops the ceremony visibly: a party did not reveal (or withdrew before the dice). No seed can ever come from
 * a stopped draw; a redraw is a new manifest with the reason.
 */
export function stopDraw(db: PrismaClient, actor: Actor, input: TStopDrawInput, context: RequestContext = {}) {
  return ceremonyStep(db, actor, input.drawId, async (tx, draw) => {
    if (!OPEN.includes(draw.status)) throw drawError("draw.errors.outOfOrder");
    // As lib/domain/draw/seed.ts: whoever has not revealed (before the dice, nobody has).
    const missing = draw.plan.ceremonyParties.filter((p) => !draw.commitments.some((c) => c.partyId === p.id && c.salt !== null)).map((p) => p.code);
    await advance(tx, draw, OPEN, { status: "STOPPED", stoppedAt: new Date() });
    await recordAudit(tx, { actor, action: "draw.stop", entity: "Draw", entityId: draw.id, before: { status: draw.status }, after: { status: "STOPPED", missing }, context });
  });
}

/** A redraw of a draw that did not finish: a new manifest naming the old hash and the reason; both stay visible. */
export function redraw(db: PrismaClient, actor: Actor, input: TRedrawInput, context: RequestContext = {}) {
  return ceremonyStep(db, actor, input.drawId, async (tx, draw) => {
    if (draw.status === "DRAWN" || draw.status === "SUPERSEDED") throw drawError("draw.errors.cannotRedraw");
    const plan = await publishedPlan(tx, draw.planId);
    const previous: Redraw = { previousManifestHash: draw.manifestHash, reason: input.reason };
    const manifest = await buildManifest<TargetManifest | TeamManifest>(() => (draw.kind === "TEAMS" ? teamManifestFromDb(tx, plan, previous) : targetManifestFromDb(tx, plan, draw.planRegionId!, previous)));
    await advance(tx, draw, [draw.status], { status: "SUPERSEDED", stoppedAt: draw.stoppedAt ?? new Date() });
    return createDraw(tx, actor, { planId: plan.id, kind: draw.kind, planRegionId: draw.planRegionId ?? undefined, manifest, supersedesId: draw.id, redrawReason: input.reason }, context);
  });
}
