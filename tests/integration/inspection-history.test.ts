// Issue 12 item 8: an inspected institution never entered the inspection history, so next year's exclusions
// (Jilin plan §一(二)6) and look-back list (§一(二)4) did not know this year's inspections.
import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { cancelCase, deliverNotice } from "../support/case-operations";
import { drawTargets } from "@/lib/domain/draw/targets";
import { targetManifestFromDb } from "@/lib/server/draws/manifests";
import { createPrisma } from "@/lib/server/db/client";
import { readMigrations, withClient } from "@/lib/server/db/migrator";
import { applyMigrationsToSchema } from "@/lib/server/db/migrator/schema-executor";
import { createPlan } from "@/lib/server/plans/plans";
import type { Actor } from "@/lib/server/policy/actor";
import { ZCreatePlanInput } from "@/lib/validation/plans";
import { makeActor, makeRegion } from "../factories";
import { addTeamMember, makeCase, makeCaseWorld, makeInstitution, makePlan, makeTeam } from "../factories/cases";
import { setupTestDatabase } from "./support/db";

const t = setupTestDatabase();
type World = Awaited<ReturnType<typeof makeCaseWorld>>;

const NOTICE = { number: "吉医保飞检〔2024〕1号", recipientName: "王某", recipientTitle: "院长" };
const history = (institutionId: string) => t.db.inspectionHistory.findMany({ where: { institutionId }, select: { level: true, year: true, planId: true }, orderBy: [{ year: "asc" }, { level: "asc" }] });

/** A plan of `year` for the world's region (by the service, with the plan's default exclusion windows), and its region's target manifest. */
async function nextDraw(w: World, year: number) {
  const plan = await createPlan(t.db, w.bureau, ZCreatePlanInput.parse({ title: `${year}年省级医疗保障基金飞行检查`, year, level: "PROVINCIAL", trigger: "ANNUAL_PLAN", periodStart: `${year - 2}-01-01`, periodEnd: `${year - 1}-12-31` }));
  await t.db.ceremonyParty.createMany({ data: [{ planId: plan.id, code: "BUREAU", name: "省医保局", position: 1 }, { planId: plan.id, code: "NOTARY", name: "公证处", position: 2 }] });
  const planRegion = await t.db.planRegion.create({ data: { planId: plan.id, poolingRegionId: w.region.id, hospitalPoolValue: 10, hospitalsToDraw: 1, pharmaciesToDraw: 0, includeAgency: false, lookBackCount: 1 } });
  const manifest = await targetManifestFromDb(t.db, plan, planRegion.id);
  const draw = drawTargets(manifest, "a".repeat(64));
  const statusOf = (list: string) => draw.candidates.find((c) => c.id === w.institution.nationalCode && c.list === list)?.status ?? null;
  return { manifest, region: manifest.regions[0]!, statusOf };
}

/** A second case of the world's institution under another plan of the given level (2024), with its own team. */
async function secondCase(w: World, level: "PROVINCIAL" | "CITY" | "COUNTY", leader: Actor) {
  const plan = await makePlan(t.db, w.bureau);
  await t.db.plan.update({ where: { id: plan.id }, data: { level } });
  const team = await makeTeam(t.db, plan.id, w.region.id);
  await addTeamMember(t.db, team.id, leader.userId, { role: "LEADER" });
  // 条例 art. 29: the notice is delivered with two law-enforcement staff present.
  await addTeamMember(t.db, team.id, (leader.userId === w.leader.userId ? w.member : w.leader).userId);
  return makeCase(t.db, { planId: plan.id, teamId: team.id, institutionId: w.institution.id, inspectedRegionId: w.region.id });
}

describe("a delivered notice enters the inspection history", () => {
  it("records the provincial 2024 plan's inspection once the notice is delivered, audited with the case event", async () => {
    const w = await makeCaseWorld(t.db);
    expect(await history(w.institution.id)).toEqual([]);
    const outcome = await deliverNotice(t.db, w.leader, { caseId: w.inspectionCase.id, version: 0, ...NOTICE, staffPresentIds: [w.leader.userId, w.member.userId] });
    expect(await history(w.institution.id)).toEqual([{ level: "PROVINCIAL", year: 2024, planId: w.plan.id }]);
    expect(outcome.record.inspectionHistory).toEqual({ institutionId: w.institution.id, level: "PROVINCIAL", year: 2024, planId: w.plan.id, recorded: true });
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "case.deliverNotice", entityId: w.inspectionCase.id } });
    expect(audit.after).toMatchObject({ state: "NOTIFIED", record: { inspectionHistory: { level: "PROVINCIAL", year: 2024, recorded: true } } });
  });

  it("a city plan's inspection is recorded as CITY, a county plan's too", async () => {
    const w = await makeCaseWorld(t.db);
    await t.db.plan.update({ where: { id: w.plan.id }, data: { level: "CITY" } });
    await deliverNotice(t.db, w.leader, { caseId: w.inspectionCase.id, version: 0, ...NOTICE, staffPresentIds: [w.leader.userId, w.member.userId] });
    expect(await history(w.institution.id)).toEqual([{ level: "CITY", year: 2024, planId: w.plan.id }]);

    const county = await secondCase(w, "COUNTY", w.member);
    await deliverNotice(t.db, w.member, { caseId: county.id, version: 0, ...NOTICE, staffPresentIds: [w.leader.userId, w.member.userId] });
    // One row per institution, level and year: the county inspection of 2024 is the same CITY mark.
    expect(await history(w.institution.id)).toEqual([{ level: "CITY", year: 2024, planId: w.plan.id }]);
  });

  it("keeps one row per institution, level and year: a second provincial case that year, or a row imported before, stays as it was", async () => {
    const w = await makeCaseWorld(t.db);
    await t.db.inspectionHistory.create({ data: { institutionId: w.institution.id, level: "PROVINCIAL", year: 2024, note: "导入" } });
    const outcome = await deliverNotice(t.db, w.leader, { caseId: w.inspectionCase.id, version: 0, ...NOTICE, staffPresentIds: [w.leader.userId, w.member.userId] });
    expect(outcome.record.inspectionHistory.recorded).toBe(false);
    const other = await secondCase(w, "PROVINCIAL", w.member);
    await deliverNotice(t.db, w.member, { caseId: other.id, version: 0, ...NOTICE, staffPresentIds: [w.leader.userId, w.member.userId] });
    expect(await t.db.inspectionHistory.findMany({ where: { institutionId: w.institution.id }, select: { level: true, year: true, planId: true, note: true } })).toEqual([
      { level: "PROVINCIAL", year: 2024, planId: null, note: "导入" },
    ]);
  });

  it("a case cancelled before its notice records nothing: it was never an inspection", async () => {
    const w = await makeCaseWorld(t.db);
    await cancelCase(t.db, w.bureau, { caseId: w.inspectionCase.id, version: 0, reason: "机构已注销，不再检查" });
    expect(await history(w.institution.id)).toEqual([]);
    expect((await nextDraw(w, 2025)).region.exclusions).toEqual([]);
  });
});

describe("next year's draw knows this year's inspections", () => {
  it("the 2025 provincial draw excludes the institution inspected in 2024; the 2026 draw may pick it for look-back", async () => {
    const w = await makeCaseWorld(t.db);
    const before = await nextDraw(w, 2025);
    expect(before.statusOf("HOSPITAL")).toBe("ELIGIBLE");

    await deliverNotice(t.db, w.leader, { caseId: w.inspectionCase.id, version: 0, ...NOTICE, staffPresentIds: [w.leader.userId, w.member.userId] });

    // Jilin plan §一(二)6, read for 2025: a provincial inspection last year (2024) excludes, unless designated.
    const in2025 = await nextDraw(w, 2025);
    expect(in2025.region.exclusions).toContainEqual({ code: w.institution.nationalCode, inspections: [{ level: "PROVINCIAL", year: 2024 }] });
    expect(in2025.statusOf("HOSPITAL")).toBe("EXCLUDED");
    expect(in2025.statusOf("LOOK_BACK")).toBeNull();

    // §一(二)4, read for 2026: look-back from inspections of 2024 and before; 2024 is no longer "last year".
    const in2026 = await nextDraw(w, 2026);
    expect(in2026.region.exclusions).toEqual([]);
    expect(in2026.statusOf("LOOK_BACK")).toBe("ELIGIBLE");
  });

  it("a city inspection does not exclude the institution from the provincial draw", async () => {
    const w = await makeCaseWorld(t.db);
    await t.db.plan.update({ where: { id: w.plan.id }, data: { level: "CITY" } });
    await deliverNotice(t.db, w.leader, { caseId: w.inspectionCase.id, version: 0, ...NOTICE, staffPresentIds: [w.leader.userId, w.member.userId] });
    expect((await nextDraw(w, 2025)).statusOf("HOSPITAL")).toBe("ELIGIBLE");
  });
});

describe("cases delivered before this change", () => {
  it("enter the inspection history when the migration runs: each delivered case once, nothing for a case never notified", async () => {
    const url = inject("databaseUrl");
    const schema = `test_backfill_${randomBytes(4).toString("hex")}`;
    const migrations = await readMigrations();
    const mine = migrations.findIndex((m) => m.name.endsWith("_inspection_history_from_notices"));
    expect(mine).toBeGreaterThan(0);
    await applyMigrationsToSchema(url, schema, migrations.slice(0, mine));
    const db = createPrisma(url, { schema, max: 2 });
    try {
      // The tables this migration leaves alone, through the client; the cases by SQL (the client knows the new columns).
      const bureau = await makeActor(db, "BUREAU_STAFF");
      const region = await makeRegion(db);
      const [notified, imported, drawnOnly] = [await makeInstitution(db, region.id), await makeInstitution(db, region.id), await makeInstitution(db, region.id)];
      const provincial = await makePlan(db, bureau);
      const city = await makePlan(db, bureau);
      await db.plan.update({ where: { id: city.id }, data: { level: "CITY", year: 2025 } });
      await db.inspectionHistory.create({ data: { institutionId: imported.id, level: "PROVINCIAL", year: 2024, note: "导入" } });
      const cases: [string, string, Date | null][] = [[provincial.id, notified.id, new Date("2024-08-01T02:00:00Z")], [city.id, notified.id, new Date("2025-05-01T02:00:00Z")], [provincial.id, imported.id, new Date("2024-08-02T02:00:00Z")], [provincial.id, drawnOnly.id, null]];
      await withClient(url, async (c) => {
        for (const [planId, institutionId, deliveredAt] of cases) {
          await c.query(
            `INSERT INTO ${c.escapeIdentifier(schema)}."InspectionCase" ("id", "planId", "institutionId", "inspectedRegionId", "trigger", "state", "noticeDeliveredAt", "updatedAt") VALUES ($1, $2, $3, $4, 'ANNUAL_PLAN', $5, $6, now())`,
            [randomUUID(), planId, institutionId, region.id, deliveredAt ? "NOTIFIED" : "DRAWN", deliveredAt],
          );
        }
      });
      await applyMigrationsToSchema(url, schema, migrations);
      const rows = await db.inspectionHistory.findMany({ select: { institutionId: true, level: true, year: true, planId: true, note: true }, orderBy: [{ year: "asc" }, { level: "asc" }] });
      expect(rows.filter((r) => r.institutionId === notified.id)).toEqual([
        { institutionId: notified.id, level: "PROVINCIAL", year: 2024, planId: provincial.id, note: null },
        { institutionId: notified.id, level: "CITY", year: 2025, planId: city.id, note: null },
      ]);
      expect(rows.filter((r) => r.institutionId === imported.id)).toEqual([{ institutionId: imported.id, level: "PROVINCIAL", year: 2024, planId: null, note: "导入" }]);
      expect(rows.filter((r) => r.institutionId === drawnOnly.id)).toEqual([]);
    } finally {
      await db.$disconnect();
      await withClient(url, (c) => c.query(`DROP SCHEMA IF EXISTS ${c.escapeIdentifier(schema)} CASCADE`));
    }
  });
});
