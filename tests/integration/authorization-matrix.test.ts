import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/server/db/generated/enums";
import { listAuditEvents } from "@/lib/server/audit/events";
import { DomainError } from "@/lib/server/errors";
import { createOrganization, deactivateOrganization, listOrganizations, listPoolingRegions } from "@/lib/server/organizations/organizations";
import type { Actor } from "@/lib/server/policy/actor";
import { can } from "@/lib/server/policy/policy";
import { createUser, deactivateUser, listUsers } from "@/lib/server/users/users";
import { ZAuditFilter } from "@/lib/validation/admin";
import { setCalendarOverride } from "@/lib/server/calendar-admin";
import { createPlan, listPlans } from "@/lib/server/plans/plans";
import { createTeam, listMyTeamMemberships } from "@/lib/server/plans/teams";
import { addCeremonyParty, publishPlan } from "@/lib/server/plans/editor";
import { fixTeamDraw } from "@/lib/server/draws/ceremony";
import { getDrawOrThrow } from "@/lib/server/draws/read";
import { setActive } from "@/lib/server/master-data/common";
import { createCatalogueEntry, listCatalogue } from "@/lib/server/master-data/catalogue";
import { createExpert, listExperts } from "@/lib/server/master-data/experts";
import { exportList } from "@/lib/server/master-data/export";
import { createFundUsage, listFundUsage } from "@/lib/server/master-data/fund-usage";
import { commitImport, previewImport } from "@/lib/server/master-data/import/imports";
import { buildTemplate } from "@/lib/server/master-data/import/template";
import { createInspection, listInspectionHistory } from "@/lib/server/master-data/inspection-history";
import { createInstitution, listInstitutions } from "@/lib/server/master-data/institutions";
import { createRegion, listRegions } from "@/lib/server/master-data/regions";
import { ZCatalogueListQuery, ZExpertListQuery, ZFundUsageListQuery, ZInspectionListQuery, ZInstitutionListQuery } from "@/lib/validation/master-data";
import { ALL_ROLES, makeActor, makeOrganization, makeRegion, makeUser } from "../factories";
import { makePlan } from "../factories/cases";
import { setupTestDatabase } from "./support/db";
import { IMPORT_FILE_SPEC } from "@/lib/server/master-data/import/read";
import { setupTempStorage, uploaded } from "./support/storage";

const t = setupTestDatabase();
setupTempStorage();

/**
 * The expected matrix, written out by hand (not derived from the policy table), so a change to the table
 * that opens or closes a door fails here until someone agrees with it.
 */
const MASTER_DATA_ACTIONS = [
  "masterData.read",
  "masterData.manage",
  "listInstitutions",
  "createInstitution",
  "deactivateInstitution",
  "listFundUsage",
  "createFundUsage",
  "listInspectionHistory",
  "createInspection",
  "listExperts",
  "createExpert",
  "listCatalogue",
  "createCatalogueEntry",
  "listRegions",
  "createRegion",
  "previewImport",
  "commitImport",
  "buildTemplate",
  "exportList",
] as const;

const EXPECTED: Record<string, Role[]> = {
  "portal.bureau": ["BUREAU_ADMIN", "BUREAU_STAFF"],
  "portal.team": ["INSPECTOR"],
  "portal.city": ["CITY_STAFF"],
  "portal.institution": ["INSTITUTION_STAFF"],
  listUsers: ["BUREAU_ADMIN"],
  createUser: ["BUREAU_ADMIN"],
  deactivateUser: ["BUREAU_ADMIN"],
  listOrganizations: ["BUREAU_ADMIN", "BUREAU_STAFF"],
  listPoolingRegions: ["BUREAU_ADMIN", "BUREAU_STAFF"],
  createOrganization: ["BUREAU_ADMIN"],
  deactivateOrganization: ["BUREAU_ADMIN"],
  listAuditEvents: ["BUREAU_ADMIN"],
  listPlans: ["BUREAU_ADMIN", "BUREAU_STAFF"],
  createPlan: ["BUREAU_ADMIN", "BUREAU_STAFF"],
  createTeam: ["BUREAU_ADMIN", "BUREAU_STAFF"],
  listMyTeamMemberships: ["INSPECTOR"],
  setCalendarOverride: ["BUREAU_ADMIN"],
  addCeremonyParty: ["BUREAU_ADMIN", "BUREAU_STAFF"],
  publishPlan: ["BUREAU_ADMIN", "BUREAU_STAFF"],
  fixTeamDraw: ["BUREAU_ADMIN", "BUREAU_STAFF"],
  getDrawOrThrow: ["BUREAU_ADMIN", "BUREAU_STAFF"],
  // Master data (issue 5): bureau roles only, every read and write.
  ...Object.fromEntries(MASTER_DATA_ACTIONS.map((action) => [action, ["BUREAU_ADMIN", "BUREAU_STAFF"] as Role[]])),
};

/** A draft plan that could be published: two parties, an inspected and a participating region. */
async function publishablePlan() {
  const plan = await makePlan(t.db, actors.BUREAU_STAFF);
  const other = await makeRegion(t.db);
  await t.db.planRegion.create({ data: { planId: plan.id, poolingRegionId: regionId, hospitalPoolValue: 10, hospitalsToDraw: 2 } });
  await t.db.planParticipatingRegion.create({ data: { planId: plan.id, poolingRegionId: other.id } });
  await t.db.ceremonyParty.createMany({ data: [{ planId: plan.id, code: "A", name: "甲", position: 1 }, { planId: plan.id, code: "B", name: "乙", position: 2 }] });
  return plan;
}
const publishedPlan = async () => {
  const plan = await publishablePlan();
  return t.db.plan.update({ where: { id: plan.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
};

let actors: Record<Role, Actor>;
let cityOrgId: string;
let regionId: string;

beforeAll(async () => {
  const entries = await Promise.all(ALL_ROLES.map(async (role) => [role, await makeActor(t.db, role)] as const));
  actors = Object.fromEntries(entries) as Record<Role, Actor>;
  regionId = (await makeRegion(t.db)).id;
  cityOrgId = (await makeOrganization(t.db, "CITY_BUREAU", { poolingRegionId: regionId })).id;
});

type Attempt = (actor: Actor, n: number) => Promise<unknown>;

const ATTEMPTS: Record<string, Attempt> = {
  listUsers: (a) => listUsers(t.db, a),
  createUser: (a, n) => createUser(t.db, a, { username: `matrix-${a.role.toLowerCase()}-${n}`, displayName: "矩阵", role: "CITY_STAFF", organizationId: cityOrgId, staffNumber: undefined, password: "Matrix-pass-1" }),
  deactivateUser: async (a) => {
    const victim = await makeUser(t.db, "CITY_STAFF", { organizationId: cityOrgId });
    return deactivateUser(t.db, a, { id: victim.id, version: victim.version });
  },
  listOrganizations: (a) => listOrganizations(t.db, a),
  listPoolingRegions: (a) => listPoolingRegions(t.db, a),
  createOrganization: (a, n) => createOrganization(t.db, a, { name: `矩阵单位${a.role}${n}`, kind: "INSTITUTION", poolingRegionId: regionId }),
  deactivateOrganization: async (a) => {
    const org = await makeOrganization(t.db, "INSTITUTION", { poolingRegionId: regionId });
    return deactivateOrganization(t.db, a, { id: org.id, version: org.version });
  },
  listAuditEvents: (a) => listAuditEvents(t.db, a, ZAuditFilter.parse({})),
  listPlans: (a) => listPlans(t.db, a),
  createPlan: (a, n) => createPlan(t.db, a, { title: `矩阵测试计划${n}`, year: 2024, level: "PROVINCIAL", trigger: "ANNUAL_PLAN", periodStart: "2022-01-01", periodEnd: "2023-12-31" }),
  createTeam: async (a, n) => {
    const plan = await makePlan(t.db, actors.BUREAU_STAFF);
    return createTeam(t.db, a, { planId: plan.id, inspectedRegionId: regionId, name: `矩阵检查组${n}` });
  },
  listMyTeamMemberships: (a) => listMyTeamMemberships(t.db, a),
  listInstitutions: (a) => listInstitutions(t.db, a, ZInstitutionListQuery.parse({})),
  createInstitution: (a, n) => createInstitution(t.db, a, { kind: "PHARMACY", nationalCode: matrixCode("P", n), name: `矩阵药房${n}`, poolingRegionId: regionId }),
  deactivateInstitution: async (a, n) => {
    const institution = await makeInstitution(n);
    return setActive(t.db, a, "institution", { id: institution.id, version: institution.version, active: false });
  },
  listFundUsage: (a) => listFundUsage(t.db, a, ZFundUsageListQuery.parse({})),
  createFundUsage: async (a, n) => createFundUsage(t.db, a, { institutionCode: (await makeInstitution(n)).nationalCode, year: 2023, amount: "100.00" }),
  listInspectionHistory: (a) => listInspectionHistory(t.db, a, ZInspectionListQuery.parse({})),
  createInspection: async (a, n) => createInspection(t.db, a, { institutionCode: (await makeInstitution(n)).nationalCode, level: "CITY", year: 2022 }),
  listExperts: (a) => listExperts(t.db, a, ZExpertListQuery.parse({})),
  createExpert: (a, n) => createExpert(t.db, a, { staffNumber: `MX-${n}`, name: "矩阵专家", pool: "EXPERT" }),
  listCatalogue: (a) => listCatalogue(t.db, a, "violation-types", ZCatalogueListQuery.parse({})),
  createCatalogueEntry: (a, n) => createCatalogueEntry(t.db, a, "key-areas", { code: `MX${n}`, name: `矩阵领域${n}` }),
  listRegions: (a) => listRegions(t.db, a),
  createRegion: (a, n) => createRegion(t.db, a, { code: `M${String(n).padStart(5, "0")}`, name: `矩阵统筹区${n}` }),
  previewImport: async (a) => previewImport(t.db, a, "experts", await matrixCsv()),
  commitImport: async (a, n) => commitImport(t.db, a, "experts", await matrixCsv(`MC-${n}`)),
  buildTemplate: (a) => buildTemplate(t.db, a, "fund-usage"),
  exportList: async (a) => (await exportList(t.db, a, "institutions", {})).stream.destroy(),
  setCalendarOverride: (a, n) => setCalendarOverride(t.db, a, { date: `2031-01-${String((n % 28) + 1).padStart(2, "0")}`, working: false, note: "矩阵测试" }),
  addCeremonyParty: async (a) => addCeremonyParty(t.db, a, { planId: (await makePlan(t.db, actors.BUREAU_STAFF)).id, code: "OBSERVER", name: "特邀监督员" }),
  publishPlan: async (a) => publishPlan(t.db, a, { planId: (await publishablePlan()).id }),
  fixTeamDraw: async (a) => fixTeamDraw(t.db, a, { planId: (await publishedPlan()).id }),
  getDrawOrThrow: async (a) => {
    const plan = await publishedPlan();
    const draw = await t.db.draw.create({ data: { planId: plan.id, kind: "TEAMS", manifest: {}, manifestHash: randomUUID().replaceAll("-", "").padEnd(64, "0"), createdById: actors.BUREAU_STAFF.userId } });
    return getDrawOrThrow(t.db, a, draw.id);
  },
};

const matrixCode = (letter: string, n: number) => `${letter}${String(22_019_900_000 + n)}`;
const makeInstitution = (n: number) => t.db.institution.create({ data: { kind: "HOSPITAL", hospitalTier: "TIER_2", nationalCode: matrixCode("H", n), name: `矩阵医院${n}`, poolingRegionId: regionId } });
const matrixCsv = (staffNumber = "MC-0") => uploaded("专家.csv", `工号,姓名,人员类别\n${staffNumber},矩阵专家,医疗专家\n`, IMPORT_FILE_SPEC);

describe("authorization matrix: every role × every portal and admin action, on real PostgreSQL", () => {
  for (const permission of ["masterData.read", "masterData.manage"] as const) {
    for (const role of ALL_ROLES) {
      const allowed = EXPECTED[permission]!.includes(role);
      it(`${role} ${allowed ? "holds" : "does not hold"} ${permission}`, () => {
        expect(can(actors[role], permission)).toBe(allowed);
      });
    }
  }

  for (const [permission, allowed] of Object.entries(EXPECTED).filter(([k]) => k.startsWith("portal."))) {
    for (const role of ALL_ROLES) {
      it(`${role} ${allowed.includes(role) ? "may" : "may not"} enter ${permission}`, () => {
        expect(can(actors[role], permission as "portal.bureau")).toBe(allowed.includes(role));
      });
    }
  }

  let n = 0;
  it("every master-data action of the matrix is attempted", () => {
    expect(MASTER_DATA_ACTIONS.filter((action) => !action.startsWith("masterData.") && !(action in ATTEMPTS))).toEqual([]);
  });

  for (const [action, attempt] of Object.entries(ATTEMPTS)) {
    for (const role of ALL_ROLES) {
      const allowed = EXPECTED[action]!.includes(role);
      it(`${role} ${allowed ? "may" : "is refused"} ${action}`, async () => {
        n += 1;
        const before = { users: await t.db.user.count(), orgs: await t.db.organization.count({ where: { active: true } }), audit: await t.db.auditEvent.count() };
        const outcome = attempt(actors[role], n);
        if (allowed) {
          await outcome;
        } else {
          await expect(outcome).rejects.toMatchObject({ code: "FORBIDDEN" });
          await outcome.catch((e: unknown) => expect(e).toBeInstanceOf(DomainError));
          // A refusal changes nothing: no user, no organization deactivated, no audit row of a change.
          const after = { users: await t.db.user.count(), orgs: await t.db.organization.count({ where: { active: true } }), audit: await t.db.auditEvent.count() };
          const madeByFixture = action === "deactivateUser" ? { users: 1, orgs: 0 } : action === "deactivateOrganization" ? { users: 0, orgs: 1 } : { users: 0, orgs: 0 };
          expect(after).toEqual({ users: before.users + madeByFixture.users, orgs: before.orgs + madeByFixture.orgs, audit: before.audit });
        }
      });
    }
  }
});

describe("scope", () => {
  it("an unknown id and an id outside the actor's scope get the same NOT_FOUND", async () => {
    const admin = actors.BUREAU_ADMIN;
    const unknown = deactivateUser(t.db, admin, { id: "00000000-0000-4000-8000-000000000000", version: 0 });
    await expect(unknown).rejects.toMatchObject({ code: "NOT_FOUND" });
    const unknownOrg = createUser(t.db, admin, { username: "scope-x", displayName: "x", role: "CITY_STAFF", organizationId: "00000000-0000-4000-8000-000000000001", staffNumber: undefined, password: "Scope-pass-12" });
    await expect(unknownOrg).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a city clerk's organization scope holds their own organization and no other", async () => {
    const { scope } = await import("@/lib/server/policy/scope");
    const city = actors.CITY_STAFF;
    const visible = await t.db.organization.findMany({ where: scope.organization(city), select: { id: true } });
    expect(visible.map((o) => o.id)).toEqual([city.organizationId]);
    const users = await t.db.user.findMany({ where: scope.user(city), select: { id: true } });
    expect(users.map((u) => u.id)).toEqual([city.userId]);
    expect(await t.db.auditEvent.count({ where: scope.auditEvent(city) })).toBe(0);
  });

  it("an administrator cannot deactivate themself", async () => {
    const admin = await makeActor(t.db, "BUREAU_ADMIN");
    const self = await t.db.user.findUniqueOrThrow({ where: { id: admin.userId } });
    await expect(deactivateUser(t.db, admin, { id: self.id, version: self.version })).rejects.toMatchObject({ code: "CANNOT_DEACTIVATE_SELF" });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: admin.userId } })).active).toBe(true);
  });
});
