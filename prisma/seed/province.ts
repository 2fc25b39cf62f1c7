/**
 * A province-shaped data set, generated deterministically: the Jilin pooling regions, institutions per
 * region by kind and tier, fund usage for 2022 and 2023 with a long tail, inspection history that exercises
 * every exclusion and look-back rule of the Jilin plan, and an expert pool. Pure: the demo seed and
 * `npm run seed:scale` write what this returns.
 *
 * Every institution's attributes come from a generator seeded by its own code, and its code from its index
 * in its region, so the first N institutions of a region are the same whatever the total: the demo data is a
 * subset of any scale data set.
 */
import { creditCodeCheckChar, organizationCodeCheckChar } from "../../lib/validation/credit-code";
import { EXPERT_SPECIALTIES, GIVEN, PHARMACY_BRANDS, PLACES, STREETS, SURNAMES, THIRD_PARTY_FIRMS, THIRD_PARTY_SPECIALTIES, TIER_1_NAMES, TIER_2_NAMES, TIER_3_NAMES } from "./names";
import { rngFrom, stableUuid, type Rng } from "./prng";
import { JILIN_POOLING_REGIONS } from "./regions";

export type Kind = "HOSPITAL" | "PHARMACY" | "AGENCY";
export type Tier = "TIER_3" | "TIER_2" | "TIER_1_OR_BELOW";
export type Level = "NATIONAL" | "PROVINCIAL" | "CITY";

/** Share of the province's institutions (by population, roughly) and the county-level codes used in national codes. */
const REGION_PROFILES: Record<string, { weight: number; districts: string[]; agencyName: string }> = {
  "220100": { weight: 33, districts: ["220101", "220102", "220103", "220104", "220105", "220106", "220112", "220113", "220122", "220182", "220183"], agencyName: "长春市医疗保障经办中心（演示）" },
  "229900": { weight: 1, districts: ["229900"], agencyName: "吉林省医疗保障经办中心（演示）" },
  "220200": { weight: 16, districts: ["220201", "220202", "220203", "220204", "220211", "220221", "220281", "220282", "220283", "220284"], agencyName: "吉林市医疗保障经办中心（演示）" },
  "220300": { weight: 8, districts: ["220301", "220302", "220303", "220322", "220323", "220382"], agencyName: "四平市医疗保障经办中心（演示）" },
  "220400": { weight: 4, districts: ["220401", "220402", "220403", "220421", "220422"], agencyName: "辽源市医疗保障经办中心（演示）" },
  "220500": { weight: 5, districts: ["220501", "220502", "220503", "220521", "220523", "220524", "220582"], agencyName: "通化市医疗保障经办中心（演示）" },
  "220600": { weight: 4, districts: ["220601", "220602", "220605", "220621", "220622", "220623", "220681"], agencyName: "白山市医疗保障经办中心（演示）" },
  "220700": { weight: 9, districts: ["220701", "220702", "220721", "220722", "220723", "220781"], agencyName: "松原市医疗保障经办中心（演示）" },
  "220800": { weight: 6, districts: ["220801", "220802", "220821", "220822", "220881", "220882"], agencyName: "白城市医疗保障经办中心（演示）" },
  "222400": { weight: 8, districts: ["222401", "222402", "222403", "222404", "222405", "222406", "222424", "222426"], agencyName: "延边州医疗保障经办中心（演示）" },
  "229901": { weight: 1, districts: ["229901"], agencyName: "长白山管委会医疗保障经办中心（演示）" },
  "220581": { weight: 3, districts: ["220581"], agencyName: "梅河口市医疗保障经办中心（演示）" },
};

/** Every region keeps enough of each kind for the draw's rules to mean something (top 10 pharmacies, a look-back list). */
const MIN_PER_KIND = 12;
const HOSPITAL_SHARE = 0.35;
export const FUND_YEARS = [2022, 2023] as const;

/** Fund paid per year, in yuan: median and spread of a log-normal per kind and tier (a long tail upwards). */
const FUND_PROFILE: Record<Tier | "PHARMACY", { median: number; sigma: number }> = {
  TIER_3: { median: 150_000_000, sigma: 0.7 },
  TIER_2: { median: 20_000_000, sigma: 0.8 },
  TIER_1_OR_BELOW: { median: 800_000, sigma: 1.1 },
  PHARMACY: { median: 300_000, sigma: 1.2 },
};

export interface GeneratedInstitution {
  id: string;
  kind: Kind;
  hospitalTier: Tier | null;
  nationalCode: string;
  unifiedSocialCreditCode: string;
  name: string;
  address: string;
  regionCode: string;
}
export interface GeneratedFundUsage { id: string; institutionId: string; year: number; amount: string }
export interface GeneratedInspection { id: string; institutionId: string; level: Level; year: number; note: string }
export interface GeneratedExpert {
  id: string;
  staffNumber: string;
  name: string;
  pool: "EXPERT" | "THIRD_PARTY";
  specialty: string;
  employerInstitutionId: string | null;
  employerName: string | null;
  homeRegionCode: string;
  active: boolean;
  lastServedYear: number | null;
}
export interface ProvinceData {
  institutions: GeneratedInstitution[];
  fundUsages: GeneratedFundUsage[];
  inspections: GeneratedInspection[];
  experts: GeneratedExpert[];
}

/** Region ids follow the division code, so every database (and every draw record) names a region the same way. */
export function regionId(code: string): string {
  return `00000000-0000-4000-8000-${code.padStart(12, "0")}`;
}

export function institutionId(nationalCode: string): string {
  return stableUuid(`institution:${nationalCode}`);
}

function regionCounts(total: number): Map<string, { hospitals: number; pharmacies: number }> {
  const weights = Object.values(REGION_PROFILES).reduce((sum, p) => sum + p.weight, 0);
  const counts = new Map<string, { hospitals: number; pharmacies: number }>();
  for (const [code, profile] of Object.entries(REGION_PROFILES)) {
    const n = Math.round((total * profile.weight) / weights);
    const hospitals = Math.max(MIN_PER_KIND, Math.round(n * HOSPITAL_SHARE));
    counts.set(code, { hospitals, pharmacies: Math.max(MIN_PER_KIND, n - hospitals - 1) });
  }
  return counts;
}

function creditCode(rng: Rng, prefix: string, district: string): string {
  let org = "";
  for (let i = 0; i < 8; i += 1) org += rng.chance(0.85) ? String(rng.int(0, 9)) : rng.pick(["M", "A", "B", "C", "D"]);
  const first17 = `${prefix}${district}${org}${organizationCodeCheckChar(org)}`;
  return first17 + creditCodeCheckChar(first17);
}

function creditPrefix(rng: Rng, kind: Kind, tier: Tier | null): string {
  if (kind === "PHARMACY") return "91"; // 工商: enterprise
  if (kind === "AGENCY" || tier !== "TIER_1_OR_BELOW") return "12"; // 机构编制: public institution (事业单位)
  return rng.pick(["12", "52", "92"]); // public clinic, private non-enterprise, sole proprietor
}

function hospitalName(rng: Rng, city: string, tier: Tier, place: string): string {
  if (tier === "TIER_3") return `${city}${place}${rng.pick(TIER_3_NAMES)}`;
  if (tier === "TIER_2") return `${place}${rng.pick(TIER_2_NAMES)}`;
  return `${place}${rng.pick(TIER_1_NAMES)}`;
}

/** Yuan as a two-decimal string, from whole cents: amounts are never floats once generated. */
function centsToAmount(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

function makeInstitution(regionCode: string, regionName: string, kind: Exclude<Kind, "AGENCY">, index: number, usedNames: Set<string>): GeneratedInstitution {
  const profile = REGION_PROFILES[regionCode]!;
  const district = profile.districts[index % profile.districts.length]!;
  const nationalCode = `${kind === "HOSPITAL" ? "H" : "P"}${district}${String(Math.floor(index / profile.districts.length) + 1).padStart(5, "0")}`;
  const rng = rngFrom(`institution:${nationalCode}`);
  // The first two hospitals of every region are tier 3, so every region has a head of the ranking.
  const tier: Tier | null = kind === "PHARMACY" ? null : index < 2 ? "TIER_3" : rng.chance(0.05) ? "TIER_3" : rng.chance(0.22) ? "TIER_2" : "TIER_1_OR_BELOW";
  const city = regionName.replace(/(市|朝鲜族自治州|管委会)$/, "");
  const place = rng.pick(PLACES);
  let base = kind === "PHARMACY" ? `${rng.pick(PHARMACY_BRANDS)}大药房（${place}店）` : hospitalName(rng, city, tier!, place);
  if (kind === "HOSPITAL" && tier !== "TIER_3") base = `${city}${base}`;
  let name = `${base}（演示）`;
  for (let branch = 2; usedNames.has(name); branch += 1) name = `${base}第${branch}${kind === "PHARMACY" ? "分店" : "分院"}（演示）`;
  usedNames.add(name);
  return {
    id: institutionId(nationalCode),
    kind,
    hospitalTier: tier,
    nationalCode,
    unifiedSocialCreditCode: creditCode(rng, creditPrefix(rng, kind, tier), district),
    name,
    address: `吉林省${regionName}${rng.pick(STREETS)}${rng.int(1, 2999)}号`,
    regionCode,
  };
}

function makeAgency(regionCode: string, regionName: string): GeneratedInstitution {
  const nationalCode = `A${regionCode}00001`;
  const rng = rngFrom(`institution:${nationalCode}`);
  return {
    id: institutionId(nationalCode),
    kind: "AGENCY",
    hospitalTier: null,
    nationalCode,
    unifiedSocialCreditCode: creditCode(rng, "12", regionCode),
    name: REGION_PROFILES[regionCode]!.agencyName,
    address: `吉林省${regionName}${rng.pick(STREETS)}${rng.int(1, 999)}号`,
    regionCode,
  };
}

function fundUsagesFor(institution: GeneratedInstitution): GeneratedFundUsage[] {
  if (institution.kind === "AGENCY") return [];
  const rng = rngFrom(`fund:${institution.nationalCode}`);
  const { median, sigma } = FUND_PROFILE[institution.hospitalTier ?? "PHARMACY"];
  const base = median * Math.exp(sigma * rng.normal());
  // About 3% were designated only in 2023 and have no 2022 figure.
  const newIn2023 = rng.chance(0.03);
  const growth = Math.exp(0.06 + 0.1 * rng.normal());
  const amounts: [number, number][] = newIn2023 ? [[2023, base]] : [[2022, base], [2023, base * growth]];
  return amounts.map(([year, yuan]) => ({
    id: stableUuid(`fund:${institution.nationalCode}:${year}`),
    institutionId: institution.id,
    year,
    amount: centsToAmount(Math.max(100, Math.round(yuan * 100))),
  }));
}

/**
 * Inspection history that exercises each rule of the Jilin 2024 plan at the top of every region's ranking
 * (§一(二)6 exclusion: national in 2023 or 2024, provincial in 2023; §一(二)4 look-back: national or
 * provincial in 2022 or before), by rank by 2022–2023 fund usage. See docs/decisions/011.
 */
export const HOSPITAL_SCENARIOS: { rank: number; marks: [Level, number][]; note: string }[] = [
  { rank: 1, marks: [["NATIONAL", 2023]], note: "国家飞检（上一年）：除外" },
  { rank: 2, marks: [["PROVINCIAL", 2023]], note: "省级飞检（上一年）：除外" },
  { rank: 3, marks: [["NATIONAL", 2024]], note: "国家飞检（计划当年）：除外" },
  { rank: 4, marks: [["CITY", 2023]], note: "市级检查不适用除外原则" },
  { rank: 5, marks: [["PROVINCIAL", 2022]], note: "省级飞检（两年前）：不除外，可回头看" },
  { rank: 6, marks: [["NATIONAL", 2022]], note: "国家飞检（两年前）：不除外，可回头看" },
  { rank: 7, marks: [["PROVINCIAL", 2021], ["CITY", 2023]], note: "省级飞检（2021年）：可回头看" },
  { rank: 8, marks: [["NATIONAL", 2021], ["PROVINCIAL", 2023]], note: "回头看对象，但上一年受省级飞检：除外" },
  { rank: 9, marks: [["PROVINCIAL", 2024]], note: "省级飞检（计划当年）：不在除外年度" },
];
/** Pharmacies: two of the top 10 are excluded, so the draw must reach past them; one just outside the top 10 too. */
export const PHARMACY_SCENARIOS: { rank: number; marks: [Level, number][]; note: string }[] = [
  { rank: 1, marks: [["NATIONAL", 2023]], note: "国家飞检（上一年）：除外" },
  { rank: 3, marks: [["PROVINCIAL", 2023]], note: "省级飞检（上一年）：除外" },
  { rank: 11, marks: [["PROVINCIAL", 2023]], note: "前10名之外的除外机构" },
];

function historyFor(ranked: GeneratedInstitution[], scenarios: typeof HOSPITAL_SCENARIOS, out: GeneratedInspection[], assigned: Set<string>) {
  for (const scenario of scenarios) {
    const institution = ranked[scenario.rank - 1];
    if (!institution) continue;
    assigned.add(institution.id);
    for (const [level, year] of scenario.marks) {
      out.push({ id: stableUuid(`inspection:${institution.nationalCode}:${level}:${year}`), institutionId: institution.id, level, year, note: scenario.note });
    }
  }
}

function backgroundHistory(institution: GeneratedInstitution, out: GeneratedInspection[]) {
  const rng = rngFrom(`history:${institution.nationalCode}`);
  const marks: [Level, number][] = [];
  if (rng.chance(0.08)) marks.push(["CITY", rng.int(2019, 2023)]);
  if (institution.kind === "HOSPITAL" && rng.chance(0.03)) marks.push(["PROVINCIAL", rng.int(2019, 2021)]);
  for (const [level, year] of marks) {
    out.push({ id: stableUuid(`inspection:${institution.nationalCode}:${level}:${year}`), institutionId: institution.id, level, year, note: "日常检查" });
  }
}

function makeExperts(count: number, institutions: GeneratedInstitution[]): GeneratedExpert[] {
  const employers = institutions.filter((i) => i.hospitalTier === "TIER_3" || i.hospitalTier === "TIER_2");
  const regionCodes = Object.keys(REGION_PROFILES);
  const thirdParty = Math.round(count * 0.2);
  const experts: GeneratedExpert[] = [];
  for (let i = 1; i <= count; i += 1) {
    const isThirdParty = i > count - thirdParty;
    const staffNumber = isThirdParty ? `DS-${String(i - (count - thirdParty)).padStart(4, "0")}` : `ZJ-${String(i).padStart(4, "0")}`;
    const rng = rngFrom(`expert:${staffNumber}`);
    const employer = isThirdParty ? null : rng.pick(employers);
    // Most live where they work; some do not, so recusal by home region and by employer differ.
    const homeRegionCode = employer && rng.chance(0.88) ? employer.regionCode : rng.pick(regionCodes);
    experts.push({
      id: stableUuid(`expert:${staffNumber}`),
      staffNumber,
      name: `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`,
      pool: isThirdParty ? "THIRD_PARTY" : "EXPERT",
      specialty: isThirdParty ? rng.pick(THIRD_PARTY_SPECIALTIES) : rng.pick(EXPERT_SPECIALTIES),
      employerInstitutionId: employer?.id ?? null,
      employerName: isThirdParty ? rng.pick(THIRD_PARTY_FIRMS) : null,
      homeRegionCode,
      active: !rng.chance(0.05),
      lastServedYear: rng.chance(0.2) ? 2023 : rng.chance(0.1) ? 2022 : null,
    });
  }
  return experts;
}

const totalCents = (usages: Map<string, GeneratedFundUsage[]>, id: string) =>
  (usages.get(id) ?? []).reduce((sum, u) => sum + BigInt(u.amount.replace(".", "")), 0n);

export function generateProvince(options: { institutions: number; experts?: number }): ProvinceData {
  const counts = regionCounts(options.institutions);
  const institutions: GeneratedInstitution[] = [];
  const fundUsages: GeneratedFundUsage[] = [];
  const inspections: GeneratedInspection[] = [];
  for (const region of JILIN_POOLING_REGIONS) {
    const { hospitals, pharmacies } = counts.get(region.code)!;
    const usedNames = new Set<string>();
    const agency = makeAgency(region.code, region.name);
    const made = {
      HOSPITAL: Array.from({ length: hospitals }, (_, i) => makeInstitution(region.code, region.name, "HOSPITAL", i, usedNames)),
      PHARMACY: Array.from({ length: pharmacies }, (_, i) => makeInstitution(region.code, region.name, "PHARMACY", i, usedNames)),
    };
    const usageById = new Map<string, GeneratedFundUsage[]>();
    for (const institution of [agency, ...made.HOSPITAL, ...made.PHARMACY]) {
      const usages = fundUsagesFor(institution);
      usageById.set(institution.id, usages);
      institutions.push(institution);
      fundUsages.push(...usages);
    }
    const ranked = (list: GeneratedInstitution[]) =>
      [...list].sort((a, b) => {
        const diff = totalCents(usageById, b.id) - totalCents(usageById, a.id);
        return diff > 0n ? 1 : diff < 0n ? -1 : a.nationalCode.localeCompare(b.nationalCode);
      });
    const assigned = new Set<string>();
    historyFor(ranked(made.HOSPITAL), HOSPITAL_SCENARIOS, inspections, assigned);
    historyFor(ranked(made.PHARMACY), PHARMACY_SCENARIOS, inspections, assigned);
    for (const institution of [...made.HOSPITAL, ...made.PHARMACY]) if (!assigned.has(institution.id)) backgroundHistory(institution, inspections);
  }
  const expertCount = options.experts ?? Math.min(400, Math.max(60, Math.round(options.institutions / 8)));
  return { institutions, fundUsages, inspections, experts: makeExperts(expertCount, institutions) };
}
