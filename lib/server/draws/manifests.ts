import "server-only";
import { randomBytes } from "node:crypto";
import type { Redraw } from "@/lib/domain/draw/manifest";
import { buildTargetManifest, type InstitutionInput, type TargetManifest } from "@/lib/domain/draw/target-manifest";
import { buildTeamManifest, type PersonInput, type TeamManifest } from "@/lib/domain/draw/team-manifest";
import type { PrismaClient, Tx } from "@/lib/server/db/client";

// Fixes a draw's manifest from the database (issue 8 §4): everything the draw depends on except randomness.
// Institutions are identified by their national medical-insurance code, people by their staff number,
// regions by their code (issue 8 §2); amounts go in as whole fen, since a manifest holds no fractions.
// The manifest kept here is the full one: every private value with the salt of its commitment (ADR 019); the
// salts come from a fresh key per manifest, which is not kept (the salts are, in the manifest).

/** 256 bits from the server's random source: the secret every salt of one manifest is derived from. */
const freshDisclosureKey = () => randomBytes(32).toString("hex");

type Db = PrismaClient | Tx;

/** The regions a root region stands for: itself and those merged into it (省直 with 长春, Jilin plan §一(一)). */
const regionAndMerged = (regionId: string) => ({ OR: [{ id: regionId }, { mergedIntoId: regionId }] });

/** Decimal yuan (two places) to integer fen, exactly: the string is split, never multiplied as a float. */
export function toFen(amount: { toFixed(places: number): string }): number {
  const [yuan, cents] = amount.toFixed(2).split(".");
  const fen = BigInt(yuan!) * 100n + (yuan!.startsWith("-") ? -1n : 1n) * BigInt(cents!);
  return Number(fen);
}

async function partiesOf(db: Db, planId: string) {
  const parties = await db.ceremonyParty.findMany({ where: { planId }, orderBy: { position: "asc" } });
  return parties.map((p) => ({ id: p.code, name: p.name }));
}

type PlanForDraw = { id: string; year: number; referenceYears: number[]; lookBackUpToYear: number | null; expertsPerTeam: number; thirdPartyPerTeam: number };

/** The target draw of one inspected region at its team's kickoff (Jilin plan §一(二), §四(二)1). */
export async function targetManifestFromDb(db: Db, plan: PlanForDraw, planRegionId: string, redraw: Redraw = null): Promise<TargetManifest> {
  const planRegion = await db.planRegion.findUniqueOrThrow({ where: { id: planRegionId }, include: { poolingRegion: true, designatedTargets: { include: { institution: true } } } });
  const [institutions, windows, parties] = await Promise.all([
    db.institution.findMany({
      where: { active: true, poolingRegion: regionAndMerged(planRegion.poolingRegionId), ...(planRegion.includeAgency ? {} : { kind: { not: "AGENCY" } }) },
      include: { fundUsages: { where: { year: { in: plan.referenceYears } } }, inspectionHistory: { where: { level: { in: ["NATIONAL", "PROVINCIAL"] } } } },
    }),
    db.planExclusionWindow.findMany({ where: { planId: plan.id, level: { in: ["NATIONAL", "PROVINCIAL"] } } }),
    partiesOf(db, plan.id),
  ]);
  const inputs: InstitutionInput[] = institutions.map((i) => ({
    code: i.nationalCode,
    name: i.name,
    kind: i.kind,
    fundUsage: i.fundUsages.map((u) => ({ year: u.year, amount: toFen(u.amount) })),
    inspections: i.inspectionHistory.map((h) => ({ level: h.level, year: h.year })),
  }));
  return buildTargetManifest({
    planId: plan.id,
    planYear: plan.year,
    referenceYears: plan.referenceYears,
    parties,
    exclusionWindows: windows.map((w) => ({ level: w.level as "NATIONAL" | "PROVINCIAL", fromYear: w.fromYear, toYear: w.toYear })),
    lookBackUpToYear: plan.lookBackUpToYear ?? undefined,
    redraw,
    disclosureKey: freshDisclosureKey(),
    regions: [
      {
        code: planRegion.poolingRegion.code,
        name: planRegion.poolingRegion.name,
        institutions: inputs,
        hospitalPool: planRegion.hospitalPoolRule === "TOP_K" ? { by: "TOP_K", k: planRegion.hospitalPoolValue } : { by: "TOP_PERCENT", percent: planRegion.hospitalPoolValue },
        hospitalCount: planRegion.hospitalsToDraw,
        pharmacyTop: planRegion.pharmaciesTopN,
        pharmacyCount: planRegion.pharmaciesToDraw,
        lookBackCount: planRegion.lookBackCount,
        designated: planRegion.designatedTargets
          .filter((d) => d.institution.active)
          .map((d) => ({ code: d.institution.nationalCode, as: d.kind, reason: d.reason })),
      },
    ],
  });
}

/** The team draw at the provincial kickoff (Jilin plan §四(一)2–3): cross-grouping and the two pools. */
export async function teamManifestFromDb(db: Db, plan: PlanForDraw, redraw: Redraw = null): Promise<TeamManifest> {
  const [inspected, participating, experts, parties] = await Promise.all([
    db.planRegion.findMany({ where: { planId: plan.id }, include: { poolingRegion: true } }),
    db.planParticipatingRegion.findMany({ where: { planId: plan.id }, include: { poolingRegion: true } }),
    db.expert.findMany({
      where: { active: true },
      include: {
        employerInstitution: { include: { poolingRegion: true } },
        homeRegion: true,
        // A declaration made for one plan binds that plan only; one without a plan stands until ended.
        conflictDeclarations: { where: { endedAt: null, poolingRegionId: { not: null }, OR: [{ planId: null }, { planId: plan.id }] }, include: { poolingRegion: true } },
      },
    }),
    partiesOf(db, plan.id),
  ]);
  const codeOf = new Map<string, string>();
  const regions = await db.poolingRegion.findMany({ select: { id: true, code: true, mergedIntoId: true } });
  for (const r of regions) codeOf.set(r.id, r.code);
  // A merged region counts as the one it joined: an expert at home in 省直 is at home in 长春's region.
  const rootCode = (region: { id: string; mergedIntoId: string | null }) => codeOf.get(region.mergedIntoId ?? region.id)!;
  const person = (e: (typeof experts)[number]): PersonInput => ({
    id: e.staffNumber,
    employer: e.employerInstitution ? { code: e.employerInstitution.nationalCode, region: rootCode(e.employerInstitution.poolingRegion) } : null,
    homeRegion: e.homeRegion ? rootCode(e.homeRegion) : null,
    servedLastYear: e.lastServedYear === plan.year - 1,
    // Committed to, not published (ADR 019); even the full record names the declaration, not its text.
    conflicts: e.conflictDeclarations.map((c) => ({ region: rootCode(c.poolingRegion!), reason: `declaration ${c.id}` })),
  });
  const ref = (r: { poolingRegion: { code: string; name: string } }) => ({ code: r.poolingRegion.code, name: r.poolingRegion.name });
  const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  return buildTeamManifest({
    planId: plan.id,
    planYear: plan.year,
    parties,
    redraw,
    disclosureKey: freshDisclosureKey(),
    inspected: inspected.map(ref).sort(byCode),
    participating: participating.map(ref).sort(byCode),
    experts: { perTeam: plan.expertsPerTeam, people: experts.filter((e) => e.pool === "EXPERT").map(person) },
    thirdParty: { perTeam: plan.thirdPartyPerTeam, people: experts.filter((e) => e.pool === "THIRD_PARTY").map(person) },
  });
}
