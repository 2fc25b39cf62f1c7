import { beforeAll, describe, expect, it } from "vitest";
import { setActive } from "@/lib/server/master-data/common";
import { createFundUsage, deleteFundUsage, listFundUsage } from "@/lib/server/master-data/fund-usage";
import { createInstitution, listInstitutions, updateInstitution } from "@/lib/server/master-data/institutions";
import { createRegion, updateRegion } from "@/lib/server/master-data/regions";
import type { Actor } from "@/lib/server/policy/actor";
import { ZFundUsageListQuery, ZInstitutionInput, ZInstitutionListQuery } from "@/lib/validation/master-data";
import { seedRegions } from "@/prisma/seed";
import { seedProvince } from "@/prisma/seed/master-data";
import { regionId } from "@/prisma/seed/province";
import { makeActor } from "../factories";
import { setupTestDatabase } from "./support/db";

const t = setupTestDatabase();
let clerk: Actor;

beforeAll(async () => {
  await seedRegions(t.db);
  await seedProvince(t.db, { institutions: 300, experts: 20 });
  clerk = await makeActor(t.db, "BUREAU_STAFF");
});

const changchun = regionId("220100");

describe("institution list: filtered, sorted and paged on the server", () => {
  it("filters by kind, tier and region, sorts by name, pages, and counts the whole match", async () => {
    const query = ZInstitutionListQuery.parse({ kind: "HOSPITAL", region: changchun, sort: "name", dir: "desc", size: "20", page: "2" });
    const page = await listInstitutions(t.db, clerk, query);
    const all = await t.db.institution.findMany({ where: { kind: "HOSPITAL", poolingRegionId: changchun, active: true }, select: { name: true } });
    expect(page.total).toBe(all.length);
    expect(page.rows).toHaveLength(Math.min(20, all.length - 20));
    expect(page.rows.every((r) => r.kind === "HOSPITAL" && r.poolingRegion.id === changchun)).toBe(true);
    const names = page.rows.map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
    const tier3 = await listInstitutions(t.db, clerk, ZInstitutionListQuery.parse({ tier: "TIER_3" }));
    expect(tier3.rows.every((r) => r.hospitalTier === "TIER_3")).toBe(true);
    const search = await listInstitutions(t.db, clerk, ZInstitutionListQuery.parse({ q: "h22010100001" }));
    expect(search.rows.map((r) => r.nationalCode)).toEqual(["H22010100001"]);
  });

  it("unknown search parameters fall back to defaults instead of failing", () => {
    expect(ZInstitutionListQuery.parse({ sort: "password", dir: "sideways", size: "100000", page: "-3", kind: "BANK" })).toMatchObject({ sort: "nationalCode", dir: "asc", size: 20, page: 1, kind: undefined });
  });
});

describe("institution writes: validated, unique, compare-and-set, audited", () => {
  it("refuses a tier for a pharmacy and a missing tier for a hospital before any write", () => {
    const base = { nationalCode: "P22010188001", name: "药房", poolingRegionId: changchun };
    expect(ZInstitutionInput.safeParse({ ...base, kind: "PHARMACY", hospitalTier: "TIER_2" }).error?.issues[0]?.message).toBe("masterData.validation.tierNotAllowed");
    expect(ZInstitutionInput.safeParse({ ...base, nationalCode: "H22010188001", kind: "HOSPITAL" }).error?.issues[0]?.message).toBe("masterData.validation.tierRequired");
  });

  it("creates with an audit row, refuses a taken code, updates only the version it saw, and deactivates", async () => {
    const input = ZInstitutionInput.parse({ kind: "HOSPITAL", hospitalTier: "TIER_2", nationalCode: "H22010188002", name: "测试医院（演示）", poolingRegionId: changchun });
    const { id } = await createInstitution(t.db, clerk, input);
    expect(await t.db.auditEvent.count({ where: { action: "masterData.institution.create", entityId: id } })).toBe(1);
    await expect(createInstitution(t.db, clerk, input)).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { nationalCode: "masterData.validation.codeTaken" } });

    await updateInstitution(t.db, clerk, { id, version: 0, values: { ...input, name: "测试医院（改名）" } });
    await expect(updateInstitution(t.db, clerk, { id, version: 0, values: { ...input, name: "过期的修改" } })).rejects.toMatchObject({ code: "STALE_VERSION" });
    expect(await t.db.institution.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "测试医院（改名）", version: 1 });

    await setActive(t.db, clerk, "institution", { id, version: 1, active: false });
    const active = await listInstitutions(t.db, clerk, ZInstitutionListQuery.parse({ q: "H22010188002" }));
    expect(active.total).toBe(0);
    const all = await listInstitutions(t.db, clerk, ZInstitutionListQuery.parse({ q: "H22010188002", status: "all" }));
    expect(all.rows[0]).toMatchObject({ active: false });
    expect(await t.db.auditEvent.count({ where: { action: "masterData.Institution.deactivate", entityId: id } })).toBe(1);
  });
});

describe("fund usage", () => {
  it("keeps amounts exact, sorts by amount, refuses a second figure for the same year, and deletes with an audit row", async () => {
    const { id } = await createFundUsage(t.db, clerk, { institutionCode: "H22010188002", year: 2021, amount: "9999999999999999.99" });
    await expect(createFundUsage(t.db, clerk, { institutionCode: "H22010188002", year: 2021, amount: "1.00" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(createFundUsage(t.db, clerk, { institutionCode: "H99999999999", year: 2021, amount: "1.00" })).rejects.toMatchObject({ code: "NOT_FOUND", fieldErrors: { institutionCode: "masterData.validation.institutionUnknown" } });
    const top = await listFundUsage(t.db, clerk, ZFundUsageListQuery.parse({ sort: "amount", dir: "desc", status: "all" }));
    expect(top.rows[0]).toMatchObject({ id, amount: "9999999999999999.99" });
    await deleteFundUsage(t.db, clerk, { id, version: 0 });
    expect(await t.db.fundUsage.count({ where: { id } })).toBe(0);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "masterData.fundUsage.delete", entityId: id } });
    expect(audit.before).toMatchObject({ amount: "9999999999999999.99", year: 2021 });
  });
});

describe("pooling regions", () => {
  it("merges one level deep only (省直 into 长春, never into a merged region)", async () => {
    const shengzhi = await t.db.poolingRegion.findUniqueOrThrow({ where: { code: "229900" } });
    expect(shengzhi.mergedIntoId).toBe(changchun);
    await expect(createRegion(t.db, clerk, { code: "229902", name: "测试区", mergedIntoId: shengzhi.id })).rejects.toMatchObject({ fieldErrors: { mergedIntoId: "masterData.validation.mergeTarget" } });
    const changchunRow = await t.db.poolingRegion.findUniqueOrThrow({ where: { code: "220100" } });
    const jilin = await t.db.poolingRegion.findUniqueOrThrow({ where: { code: "220200" } });
    await expect(updateRegion(t.db, clerk, { id: changchun, version: changchunRow.version, values: { code: "220100", name: "长春市", mergedIntoId: jilin.id } })).rejects.toMatchObject({ fieldErrors: { mergedIntoId: "masterData.validation.mergeTarget" } });
  });
});
