import { describe, expect, it } from "vitest";
import { generateProvince, HOSPITAL_SCENARIOS, regionId } from "@/prisma/seed/province";
import { JILIN_POOLING_REGIONS } from "@/prisma/seed/regions";
import { isValidCreditCode } from "@/lib/validation/credit-code";

const demo = generateProvince({ institutions: 1200 });

describe("the province-shaped demo data", () => {
  it("is the same on every run, and a smaller province is a prefix of a larger one", () => {
    expect(generateProvince({ institutions: 1200 })).toEqual(demo);
    const larger = generateProvince({ institutions: 3000 });
    const codes = new Set(larger.institutions.map((i) => i.nationalCode));
    const byCode = new Map(larger.institutions.map((i) => [i.nationalCode, i]));
    for (const institution of demo.institutions) {
      expect(codes.has(institution.nationalCode)).toBe(true);
      expect(byCode.get(institution.nationalCode)!.unifiedSocialCreditCode).toBe(institution.unifiedSocialCreditCode);
    }
  });

  it("has unique national codes and valid unified social credit codes", () => {
    expect(new Set(demo.institutions.map((i) => i.nationalCode)).size).toBe(demo.institutions.length);
    expect(demo.institutions.every((i) => /^[HPA]\d{11}$/.test(i.nationalCode))).toBe(true);
    expect(demo.institutions.filter((i) => !isValidCreditCode(i.unifiedSocialCreditCode))).toEqual([]);
  });

  it("gives every pooling region its agency, tier-3 hospitals and at least 12 pharmacies; the demo hospital is 长春's first", () => {
    for (const region of JILIN_POOLING_REGIONS) {
      const mine = demo.institutions.filter((i) => i.regionCode === region.code);
      expect(mine.filter((i) => i.kind === "AGENCY")).toHaveLength(1);
      expect(mine.filter((i) => i.hospitalTier === "TIER_3").length).toBeGreaterThanOrEqual(2);
      expect(mine.filter((i) => i.kind === "PHARMACY").length).toBeGreaterThanOrEqual(12);
      expect(mine.filter((i) => i.kind !== "HOSPITAL").every((i) => i.hospitalTier === null)).toBe(true);
    }
    expect(demo.institutions.find((i) => i.nationalCode === "H22010100001")).toMatchObject({ kind: "HOSPITAL", hospitalTier: "TIER_3", regionCode: "220100" });
    expect(regionId("220100")).toBe("00000000-0000-4000-8000-000000220100");
  });

  it("has fund usage for 2022 and 2023 as two-decimal strings with a long tail", () => {
    expect(demo.fundUsages.every((u) => /^\d+\.\d{2}$/.test(u.amount) && (u.year === 2022 || u.year === 2023))).toBe(true);
    const amounts = demo.fundUsages.map((u) => Number(u.amount)).sort((a, b) => b - a);
    const top = amounts.slice(0, Math.ceil(amounts.length / 20)).reduce((s, a) => s + a, 0);
    const all = amounts.reduce((s, a) => s + a, 0);
    expect(top / all).toBeGreaterThan(0.5); // the top 5% take most of the fund
  });

  it("exercises every exclusion and look-back rule in every region", () => {
    const byInstitution = new Map<string, string[]>();
    for (const h of demo.inspections) byInstitution.set(h.institutionId, [...(byInstitution.get(h.institutionId) ?? []), `${h.level}:${h.year}`]);
    for (const region of JILIN_POOLING_REGIONS) {
      const ids = new Set(demo.institutions.filter((i) => i.regionCode === region.code && i.kind === "HOSPITAL").map((i) => i.id));
      const marks = [...byInstitution.entries()].filter(([id]) => ids.has(id)).map(([, m]) => m.sort().join(","));
      for (const scenario of HOSPITAL_SCENARIOS) expect(marks, region.name).toContain(scenario.marks.map(([l, y]) => `${l}:${y}`).sort().join(","));
    }
  });

  it("has an expert pool with staff numbers, specialties, home regions and both pools", () => {
    expect(new Set(demo.experts.map((e) => e.staffNumber)).size).toBe(demo.experts.length);
    expect(demo.experts.some((e) => e.pool === "THIRD_PARTY" && e.employerName)).toBe(true);
    expect(demo.experts.some((e) => !e.active)).toBe(true);
    const institutionIds = new Set(demo.institutions.map((i) => i.id));
    expect(demo.experts.filter((e) => e.employerInstitutionId && !institutionIds.has(e.employerInstitutionId))).toEqual([]);
  });
});
