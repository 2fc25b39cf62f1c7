import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../lib/server/db/client";
import { recordAudit } from "../lib/server/audit/record";
import { hashPassword } from "../lib/server/auth/password";
import { KEY_AREAS, VIOLATION_TYPES } from "./seed/catalogue";
import { seedDrawDemo } from "./seed/draw-demo";
import { seedProvince } from "./seed/master-data";
import { regionId } from "./seed/province";
import { JILIN_POOLING_REGIONS } from "./seed/regions";

export interface SeedOptions {
  production: boolean;
  /** Administrator password for the production seed; generated and printed once when absent. */
  adminPassword?: string;
  log?: (line: string) => void;
}

/** The demo accounts, documented in the README. Every one uses DEMO_PASSWORD. */
export const DEMO_PASSWORD = "Feijian@2024";
export const DEMO_ACCOUNTS = [
  { username: "admin", displayName: "王建国", role: "BUREAU_ADMIN", organization: "bureau" },
  { username: "bureau", displayName: "李明华", role: "BUREAU_STAFF", organization: "bureau" },
  { username: "inspector", displayName: "张志强", role: "INSPECTOR", organization: "bureau", staffNumber: "JL-2024-0001" },
  { username: "city", displayName: "赵丽娟", role: "CITY_STAFF", organization: "city" },
  { username: "hospital", displayName: "陈晓燕", role: "INSTITUTION_STAFF", organization: "hospital" },
] as const;

/** Institutions in the demo province: about a twelfth of Jilin's, enough for every draw rule in every region. */
export const DEMO_INSTITUTIONS = 1200;

export async function isDatabaseEmpty(db: PrismaClient): Promise<boolean> {
  return (await db.user.count()) === 0;
}

/** The Jilin pooling regions with their merges; ids follow the division code (`regionId`). */
export async function seedRegions(db: PrismaClient): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const region of JILIN_POOLING_REGIONS) {
    const row = await db.poolingRegion.upsert({ where: { code: region.code }, create: { id: regionId(region.code), code: region.code, name: region.name }, update: {} });
    ids.set(region.code, row.id);
  }
  for (const region of JILIN_POOLING_REGIONS) {
    if ("mergedInto" in region) await db.poolingRegion.update({ where: { code: region.code }, data: { mergedIntoId: ids.get(region.mergedInto) } });
  }
  return ids;
}

/** Reference data both seeds start from: the violation catalogue and the key areas. */
export async function seedCatalogue(db: PrismaClient) {
  for (const type of VIOLATION_TYPES) await db.violationType.upsert({ where: { code: type.code }, create: { ...type }, update: {} });
  for (const area of KEY_AREAS) await db.keyArea.upsert({ where: { code: area.code }, create: { ...area }, update: {} });
}

async function seedDemo(db: PrismaClient, log: (line: string) => void) {
  const regions = await seedRegions(db);
  await seedCatalogue(db);
  // Names carry （演示） so a screenshot of demo data is never taken for a real case.
  const bureau = await db.organization.create({ data: { name: "吉林省医疗保障局（演示）", kind: "PROVINCIAL_BUREAU" } });
  const city = await db.organization.create({ data: { name: "长春市医疗保障局（演示）", kind: "CITY_BUREAU", poolingRegionId: regions.get("220100")! } });
  const hospital = await db.organization.create({ data: { name: "长春市示例第一人民医院（演示）", kind: "INSTITUTION", poolingRegionId: regions.get("220100")! } });
  for (const code of ["220200", "220300", "220400", "220500", "220600", "220700", "220800", "222400", "220581"]) {
    const region = JILIN_POOLING_REGIONS.find((r) => r.code === code)!;
    await db.organization.create({ data: { name: `${region.name}医疗保障局（演示）`, kind: "CITY_BUREAU", poolingRegionId: regions.get(code)! } });
  }
  // The province's master data; the first 长春 hospital, H22010100001, is the one whose staff sign in as `hospital`.
  const province = await seedProvince(db, { institutions: DEMO_INSTITUTIONS, regionIds: regions, links: { H22010100001: { organizationId: hospital.id, name: hospital.name } } });
  const organizations = { bureau, city, hospital };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    await db.user.create({
      data: {
        username: account.username,
        displayName: account.displayName,
        role: account.role,
        organizationId: organizations[account.organization].id,
        staffNumber: "staffNumber" in account ? account.staffNumber : null,
        passwordHash,
      },
    });
  }
  await seedDrawDemo(db, { organizationId: bureau.id, passwordHash });
  await db.$transaction((tx) => recordAudit(tx, { actor: null, actorLabel: "system", action: "system.seed", entity: "Database", after: { kind: "demo", accounts: DEMO_ACCOUNTS.length, institutions: province.institutions.length } }));
  log(`[feijian] Demo data seeded: ${DEMO_ACCOUNTS.map((a) => a.username).join(", ")} (password ${DEMO_PASSWORD}); ${province.institutions.length} institutions, ${province.experts.length} experts.`);
}

async function seedProduction(db: PrismaClient, adminPassword: string | undefined, log: (line: string) => void) {
  await seedRegions(db);
  await seedCatalogue(db);
  const password = adminPassword ?? randomBytes(12).toString("base64url") + "7a";
  const bureau = await db.organization.create({ data: { name: "省医疗保障局", kind: "PROVINCIAL_BUREAU" } });
  await db.user.create({ data: { username: "admin", displayName: "系统管理员", role: "BUREAU_ADMIN", organizationId: bureau.id, passwordHash: await hashPassword(password) } });
  await db.$transaction((tx) => recordAudit(tx, { actor: null, actorLabel: "system", action: "system.seed", entity: "Database", after: { kind: "production" } }));
  if (adminPassword) log("[feijian] Administrator 'admin' created with the password from FEIJIAN_ADMIN_PASSWORD.");
  // Printed once and never stored in clear: whoever runs the seed must keep it.
  else log(`[feijian] Administrator 'admin' created. Generated password (shown once, change it after signing in): ${password}`);
}

/** Seeds an empty database: demo data, or for production only the administrator (and the pooling regions). */
export async function seed(db: PrismaClient, options: SeedOptions): Promise<void> {
  const log = options.log ?? ((line: string) => console.log(line));
  if (!(await isDatabaseEmpty(db))) {
    log("[feijian] The database already has users; nothing seeded.");
    return;
  }
  if (options.production) await seedProduction(db, options.adminPassword, log);
  else await seedDemo(db, log);
}
