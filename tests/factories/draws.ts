import { createHash, randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/server/db/client";
import type { Actor } from "@/lib/server/policy/actor";
import { commitSalt, enterPublicEntropy, revealPartySalt } from "@/lib/server/draws/ceremony";

const suffix = () => randomUUID().slice(0, 8);

/**
 * A small province for draws: regions with ranked hospitals (fund usage 2022/2023), pharmacies, an agency,
 * some inspection history (an excluded hospital, a look-back candidate), and an expert and third-party pool
 * with homes spread over the regions.
 */
export async function makeProvince(db: PrismaClient, options: { regions?: number; hospitals?: number; pharmacies?: number; experts?: number; thirdParty?: number } = {}) {
  const tag = suffix();
  const regions = [];
  for (let r = 0; r < (options.regions ?? 3); r += 1) {
    const region = await db.poolingRegion.create({ data: { code: `R${tag}${r}`, name: `测试市${tag}-${r}` } });
    regions.push(region);
    const institutions = [];
    for (let h = 0; h < (options.hospitals ?? 8); h += 1) {
      institutions.push(await db.institution.create({ data: { kind: "HOSPITAL", hospitalTier: "TIER_2", nationalCode: `H${tag}${r}${String(h).padStart(3, "0")}`, name: `测试医院${r}-${h}`, poolingRegionId: region.id } }));
    }
    for (let p = 0; p < (options.pharmacies ?? 5); p += 1) {
      institutions.push(await db.institution.create({ data: { kind: "PHARMACY", nationalCode: `P${tag}${r}${String(p).padStart(3, "0")}`, name: `测试药店${r}-${p}`, poolingRegionId: region.id } }));
    }
    await db.institution.create({ data: { kind: "AGENCY", nationalCode: `A${tag}${r}`, name: `测试市${r}医保经办机构`, poolingRegionId: region.id } });
    await db.fundUsage.createMany({
      data: institutions.flatMap((inst, i) => [
        { institutionId: inst.id, year: 2022, amount: `${(1000 - i * 10) * 1000}.25` },
        { institutionId: inst.id, year: 2023, amount: `${(1000 - i * 10) * 1000}.50` },
      ]),
    });
    // Hospital 0 had a provincial inspection last year (excluded in 2024); hospital 1 one in 2021 (look-back).
    await db.inspectionHistory.create({ data: { institutionId: institutions[0]!.id, level: "PROVINCIAL", year: 2023 } });
    await db.inspectionHistory.create({ data: { institutionId: institutions[1]!.id, level: "PROVINCIAL", year: 2021 } });
  }
  const experts = [];
  const pools = [["EXPERT", options.experts ?? 8], ["THIRD_PARTY", options.thirdParty ?? 5]] as const;
  for (const [pool, n] of pools) {
    for (let i = 0; i < n; i += 1) {
      experts.push(await db.expert.create({ data: { staffNumber: `${pool === "EXPERT" ? "E" : "T"}${tag}${i}`, name: `专家${pool}${i}`, pool, homeRegionId: regions[i % regions.length]!.id } }));
    }
  }
  return { regions, experts };
}

export const partySalt = (code: string) => `salt-of-${code}-0123456789abcdef`;
export const commitmentOf = (salt: string) => createHash("sha256").update(salt, "utf8").digest("hex");
export const DICE = "31415926535897932384";

/** The whole ceremony of a fixed draw through the services: every party commits, dice, every party reveals. */
export async function holdCeremony(db: PrismaClient, bureau: Actor, drawId: string, options: { reveal?: number } = {}) {
  const draw = await db.draw.findUniqueOrThrow({ where: { id: drawId }, include: { plan: { include: { ceremonyParties: { orderBy: { position: "asc" } } } } } });
  const parties = draw.plan.ceremonyParties;
  for (const p of parties) await commitSalt(db, bureau, { drawId, partyId: p.id, commitment: commitmentOf(partySalt(p.code)) });
  await enterPublicEntropy(db, bureau, { drawId, publicEntropy: DICE });
  for (const p of parties.slice(0, options.reveal ?? parties.length)) await revealPartySalt(db, bureau, { drawId, partyId: p.id, salt: partySalt(p.code) });
  return db.draw.findUniqueOrThrow({ where: { id: drawId } });
}
