/**
 * Issue 17 §1–§2: the dashboard's aggregates (SQL groupBy / aggregate within the user's scope) equal the sums
 * of the rows behind them, over random cases in several states and regions with money; each figure's
 * drill-down lists exactly the cases it counts; a city counts only its region and nothing before a notice.
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { addMoney, moneyFromCents } from "@/lib/domain/money";
import { beforeEach, describe, expect, it } from "vitest";
import { CASE_STATES, HANDLING_STATES } from "@/lib/domain/case/transitions";
import { listCases } from "@/lib/server/cases/read";
import ExcelJS from "exceljs";
import { invokeOperation } from "@/lib/server/operations/boundary";
import { planReport } from "@/lib/server/statistics/plan-report";
import { dashboardFigures, MONEY_FIGURES, type DashboardFigures } from "@/lib/server/statistics/dashboard";
import type { Actor } from "@/lib/server/policy/actor";
import { makeActor, makeOrganization, makeRegion } from "../factories";
import { makeCaseWorld, makeInstitution, makeTeam } from "../factories/cases";
import { setupTestDatabase } from "./support/db";

const t = setupTestDatabase();
const NOW = new Date("2024-11-01T02:00:00Z");
/** Each test's plan gets a year of its own: the database is shared by the tests of this file. */
let YEAR = 2100;

let w: Awaited<ReturnType<typeof makeCaseWorld>>;
let otherRegion: { id: string };
let otherTeam: { id: string };
let voucherId: string;
beforeEach(async () => {
  w = await makeCaseWorld(t.db);
  YEAR += 1;
  await t.db.plan.update({ where: { id: w.plan.id }, data: { year: YEAR } });
  otherRegion = await makeRegion(t.db);
  otherTeam = await makeTeam(t.db, w.plan.id, otherRegion.id);
  const voucher = await t.db.fileObject.create({
    data: { storageKey: `voucher-${randomUUID()}`, sha256: "a".repeat(64), sizeBytes: 1, mediaType: "application/pdf", fileName: "凭证.pdf", uploadedById: w.city.userId, uploadedAt: NOW },
  });
  voucherId = voucher.id;
});

const cents = fc.integer({ min: 1, max: 10_000_000 }).map((n) => moneyFromCents(BigInt(n)));
const caseArb = fc.record({
  state: fc.constantFrom(...CASE_STATES),
  otherRegion: fc.boolean(),
  findings: fc.array(fc.record({ amount: cents, withdrawn: fc.boolean() }), { maxLength: 3 }),
  confirmed: fc.option(cents, { nil: undefined }),
  refunds: fc.array(cents, { maxLength: 2 }),
  fines: fc.array(fc.option(cents, { nil: undefined }), { maxLength: 2 }),
  progressDue: fc.option(fc.constantFrom("2024-10-21", "2024-12-20"), { nil: undefined }),
  writtenDue: fc.option(fc.constantFrom("2024-10-25", "2024-12-27"), { nil: undefined }),
  progressSubmitted: fc.boolean(),
});
type CaseSpec = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

async function createCase(spec: CaseSpec) {
  const regionId = spec.otherRegion ? otherRegion.id : w.region.id;
  const institution = await makeInstitution(t.db, regionId);
  const notified = spec.state !== "DRAWN";
  const created = await t.db.inspectionCase.create({
    data: {
      planId: w.plan.id,
      teamId: spec.otherRegion ? otherTeam.id : w.team.id,
      institutionId: institution.id,
      inspectedRegionId: regionId,
      trigger: "ANNUAL_PLAN",
      state: spec.state,
      noticeDeliveredAt: notified ? NOW : null,
      handoverReceivedAt: CASE_STATES.indexOf(spec.state) >= CASE_STATES.indexOf("HANDED_OVER") ? NOW : null,
      progressReportDueOn: spec.progressDue ? new Date(spec.progressDue) : null,
      writtenReportDueOn: spec.writtenDue ? new Date(spec.writtenDue) : null,
      findings: {
        create: spec.findings.map((f) => ({ violationTypeId: w.violationType.id, legalBasis: "条例第三十八条", description: "串换药品", amount: f.amount, status: f.withdrawn ? "WITHDRAWN" as const : "RECORDED" as const, recordedById: w.leader.userId })),
      },
      penalties: { create: spec.fines.map((amount) => ({ amount: amount ?? null, suspensionMonths: amount ? null : 6, legalBasis: "条例第三十八条", decidedById: w.bureau.userId, decidedAt: NOW })) },
    },
  });
  if (spec.confirmed) {
    await t.db.amountConfirmationNotice.create({ data: { caseId: created.id, amount: spec.confirmed, findingsAmount: spec.confirmed, issuedById: w.city.userId, issuedAt: NOW } });
  }
  if (spec.refunds.length > 0) {
    await t.db.refundNotice.create({
      data: {
        caseId: created.id, amount: "1.00", fundAccount: "医保基金专户", issuedById: w.city.userId, issuedAt: NOW,
        refunds: { create: spec.refunds.map((amount) => ({ amount, method: "TRANSFER" as const, paidOn: NOW, voucherFileId: voucherId, recordedById: w.city.userId, recordedAt: NOW })) },
      },
    });
  }
  if (spec.progressSubmitted) {
    await t.db.rectification.create({
      data: { caseId: created.id, reports: { create: { kind: "PROGRESS", summary: "进展", submittedById: w.city.userId, submittedAt: NOW } } },
    });
  }
}

/** The same figures, summed in JavaScript over every row, with the scope rule applied by hand. */
async function expectedFigures(sees: (row: { inspectedRegionId: string; noticeDeliveredAt: Date | null }) => boolean) {
  const rows = (
    await t.db.inspectionCase.findMany({
      where: { plan: { year: YEAR } },
      include: { findings: true, amountConfirmationNotice: true, refundNotice: { include: { refunds: true } }, penalties: true, rectification: { include: { reports: true } } },
    })
  ).filter(sees);
  // Summed in integer cents (lib/domain/money), independently of the database's numeric sum.
  const sum = (values: ({ toFixed(digits: number): string } | null)[]) => addMoney("0.00", ...values.filter((v) => v !== null).map((v) => v.toFixed(2)));
  const today = "2024-11-01";
  const due = (row: (typeof rows)[number]) => {
    const progressSent = row.rectification?.reports.some((r) => r.kind === "PROGRESS" && r.status !== "RETURNED") ?? false;
    if (HANDLING_STATES.includes(row.state) && row.progressReportDueOn && !progressSent) return row.progressReportDueOn.toISOString().slice(0, 10);
    if (row.state === "RECTIFYING" && row.writtenReportDueOn) return row.writtenReportDueOn.toISOString().slice(0, 10);
    return null;
  };
  const regionIds = [...new Set(rows.map((row) => row.inspectedRegionId))];
  return {
    ids: new Set(rows.map((row) => row.id)),
    byState: CASE_STATES.map((state) => ({ state, cases: rows.filter((row) => row.state === state).length })),
    money: {
      found: { amount: sum(rows.flatMap((row) => row.findings.filter((f) => f.status !== "WITHDRAWN").map((f) => f.amount))), cases: rows.filter((row) => row.findings.some((f) => f.status !== "WITHDRAWN")).length },
      confirmed: { amount: sum(rows.map((row) => row.amountConfirmationNotice?.amount ?? null)), cases: rows.filter((row) => row.amountConfirmationNotice).length },
      refunded: { amount: sum(rows.flatMap((row) => row.refundNotice?.refunds.map((r) => r.amount) ?? [])), cases: rows.filter((row) => (row.refundNotice?.refunds.length ?? 0) > 0).length },
      fined: { amount: sum(rows.flatMap((row) => row.penalties.map((p) => p.amount))), cases: rows.filter((row) => row.penalties.some((p) => p.amount !== null)).length },
    },
    regions: Object.fromEntries(
      regionIds.map((id) => {
        const mine = rows.filter((row) => row.inspectedRegionId === id);
        return [id, { cases: mine.length, due: mine.filter((row) => due(row) !== null).length, overdue: mine.filter((row) => (due(row) ?? "9999") < today).length }];
      }),
    ),
  };
}

function actual(figures: DashboardFigures) {
  return {
    byState: figures.byState,
    money: figures.money,
    regions: Object.fromEntries(figures.regions.map((r) => [r.id, { cases: r.cases, due: r.due, overdue: r.overdue }])),
  };
}

async function drillDownIds(actor: Actor, filter: Parameters<typeof listCases>[2]) {
  const list = await listCases(t.db, actor, { year: YEAR, ...filter }, NOW);
  return list.rows.map((row) => row.id).sort();
}

describe("the dashboard's figures are the sums of the rows behind them", () => {
  it("for the bureau and for a city, over random cases in every state, two regions, with money", async () => {
    await t.db.inspectionCase.deleteMany({ where: { id: w.inspectionCase.id } });
    await fc.assert(
      fc.asyncProperty(fc.array(caseArb, { minLength: 1, maxLength: 6 }), async (specs) => {
        for (const spec of specs) await createCase(spec);
        const bureau = await expectedFigures(() => true);
        const bureauFigures = await dashboardFigures(t.db, w.bureau, { year: YEAR }, NOW);
        expect(actual(bureauFigures)).toEqual({ byState: bureau.byState, money: bureau.money, regions: bureau.regions });
        expect(bureauFigures.totalCases).toBe(bureau.ids.size);

        // The city: its region only, nothing before a notice.
        const city = await expectedFigures((row) => row.inspectedRegionId === w.region.id && row.noticeDeliveredAt !== null);
        const cityFigures = await dashboardFigures(t.db, w.city, { year: YEAR }, NOW);
        expect(actual(cityFigures)).toEqual({ byState: city.byState, money: city.money, regions: city.regions });
        expect(cityFigures.regions.map((r) => r.id).every((id) => id === w.region.id)).toBe(true);
        expect(cityFigures.byState.find((row) => row.state === "DRAWN")?.cases).toBe(0);
        expect(cityFigures.teams.map((team) => team.id)).not.toContain(otherTeam.id);
        expect(cityFigures.totalCases).toBe(city.ids.size);
      }),
      { numRuns: 12, seed: 20261129 },
    );
  }, 120_000);

  it("each figure's drill-down lists exactly the cases it counts", async () => {
    const specs: CaseSpec[] = [
      { state: "HANDED_OVER", otherRegion: false, findings: [{ amount: "100.00", withdrawn: false }], confirmed: undefined, refunds: [], fines: [], progressDue: "2024-10-21", writtenDue: undefined, progressSubmitted: false },
      { state: "REFUNDED", otherRegion: true, findings: [{ amount: "50.50", withdrawn: true }], confirmed: "40.00", refunds: ["40.00"], fines: ["80.00"], progressDue: "2024-12-20", writtenDue: undefined, progressSubmitted: false },
      { state: "RECTIFYING", otherRegion: false, findings: [], confirmed: "10.00", refunds: [], fines: [undefined], progressDue: undefined, writtenDue: "2024-10-25", progressSubmitted: true },
      { state: "DRAWN", otherRegion: false, findings: [{ amount: "7.00", withdrawn: false }], confirmed: undefined, refunds: [], fines: [], progressDue: undefined, writtenDue: undefined, progressSubmitted: false },
    ];
    for (const spec of specs) await createCase(spec);
    for (const actor of [w.bureau, w.city]) {
      const figures = await dashboardFigures(t.db, actor, { year: YEAR }, NOW);
      for (const figure of MONEY_FIGURES) expect((await drillDownIds(actor, { figure })).length, figure).toBe(figures.money[figure].cases);
      for (const row of figures.byState) expect((await drillDownIds(actor, { state: row.state })).length, row.state).toBe(row.cases);
      for (const region of figures.regions) {
        expect((await drillDownIds(actor, { region: region.id })).length).toBe(region.cases);
        expect((await drillDownIds(actor, { region: region.id, figure: "due" })).length).toBe(region.due);
        expect((await drillDownIds(actor, { region: region.id, overdue: true })).length).toBe(region.overdue);
      }
      for (const team of figures.teams) {
        expect((await drillDownIds(actor, { team: team.id })).length).toBe(team.cases);
        expect((await drillDownIds(actor, { team: team.id, handedOver: true })).length).toBe(team.handedOver);
        expect((await drillDownIds(actor, { team: team.id, state: "CLOSED" })).length).toBe(team.closed);
      }
      for (const plan of figures.plans) {
        expect((await drillDownIds(actor, { plan: plan.id })).length).toBe(plan.cases);
        for (const region of plan.regions) expect((await drillDownIds(actor, { plan: plan.id, region: region.id })).length).toBe(region.cases);
      }
    }
    // The bureau: 5 cases (w's own drawn case too); the city: its region's notified cases only (2).
    expect((await dashboardFigures(t.db, w.bureau, { year: YEAR }, NOW)).totalCases).toBe(5);
    const city = await dashboardFigures(t.db, w.city, { year: YEAR }, NOW);
    expect(city.totalCases).toBe(2);
    expect(city.money.found).toEqual({ amount: "100.00", cases: 1 });
    expect(city.money.refunded).toEqual({ amount: "0.00", cases: 0 });
    expect(city.regions).toEqual([{ id: w.region.id, name: w.region.name, cases: 2, due: 2, overdue: 2 }]);
  });

  it("another region's city and an institution see none of it", async () => {
    const spec: CaseSpec = { state: "HANDED_OVER", otherRegion: false, findings: [{ amount: "100.00", withdrawn: false }], confirmed: undefined, refunds: [], fines: [], progressDue: undefined, writtenDue: undefined, progressSubmitted: false };
    await createCase(spec);
    const stranger = await makeActor(t.db, "CITY_STAFF", { organizationId: (await makeOrganization(t.db, "CITY_BUREAU", { poolingRegionId: otherRegion.id })).id });
    const figures = await dashboardFigures(t.db, stranger, { year: YEAR }, NOW);
    expect(figures.totalCases).toBe(0);
    expect(figures.money.found.amount).toBe("0.00");
    expect((await dashboardFigures(t.db, w.otherCity, { year: YEAR }, NOW)).totalCases).toBe(0);
  });
});


describe("the plan's 汇总统计 (issue 17 §3)", () => {
  it("per institution, team and region, by violation type and key area: the sums of the rows, and the workbook holds them", async () => {
    const keyArea = await t.db.keyArea.create({ data: { code: `K${randomUUID().slice(0, 6)}`, name: "重症医学" } });
    await t.db.inspectionCase.deleteMany({ where: { id: w.inspectionCase.id } });
    await fc.assert(
      fc.asyncProperty(fc.array(caseArb, { minLength: 1, maxLength: 4 }), async (specs) => {
        for (const spec of specs) await createCase(spec);
        // Some findings under a key area, so both groups of that breakdown occur.
        const some = await t.db.finding.findMany({ where: { case: { planId: w.plan.id }, keyAreaId: null }, take: 2 });
        await t.db.finding.updateMany({ where: { id: { in: some.map((f) => f.id) } }, data: { keyAreaId: keyArea.id } });

        const report = await planReport(t.db, w.bureau, w.plan.id);
        const figures = await dashboardFigures(t.db, w.bureau, { year: YEAR }, NOW);
        // The plan is the year's only plan: its totals are the dashboard's.
        for (const figure of MONEY_FIGURES) expect(report.total[figure]).toBe(figures.money[figure].amount);
        expect(report.total.cases).toBe(figures.totalCases);
        const findings = await t.db.finding.findMany({ where: { case: { planId: w.plan.id }, status: { not: "WITHDRAWN" } } });
        expect(report.total.findings).toBe(findings.length);
        // Each breakdown adds up to the total, and each group to its own rows.
        const sumOf = (rows: { found: string }[]) => addMoney("0.00", ...rows.map((row) => row.found));
        expect(sumOf(report.teams)).toBe(report.total.found);
        expect(sumOf(report.regions)).toBe(report.total.found);
        expect(addMoney("0.00", ...report.violationTypes.map((row) => row.amount))).toBe(report.total.found);
        const inArea = findings.filter((f) => f.keyAreaId === keyArea.id);
        const areaRow = report.keyAreas.find((row) => row.code === keyArea.code);
        if (inArea.length > 0) expect(areaRow).toEqual({ code: keyArea.code, name: "重症医学", findings: inArea.length, amount: addMoney("0.00", ...inArea.map((f) => f.amount.toFixed(2))) });
        else expect(areaRow).toBeUndefined();
      }),
      { numRuns: 6, seed: 20261130 },
    );

    // Through the registry, as GET /api/v1/plans/{planId}/statistics answers it: an .xlsx with the five sheets.
    const answer = { data: (await invokeOperation(t.db, w.bureau, "statistics.planReport", { planId: w.plan.id })) as { kind: "file"; body: Uint8Array; fileName: string } };
    expect(answer.data.kind).toBe("file");
    expect(answer.data.fileName).toBe(`${w.plan.title}-汇总统计表.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(answer.data.body) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(["按机构", "按检查组", "按地区", "按违规类型", "按重点领域"]);
    const byInstitution = workbook.getWorksheet("按机构")!;
    const report = await planReport(t.db, w.bureau, w.plan.id);
    const last = byInstitution.getRow(byInstitution.rowCount);
    expect(last.getCell(1).value).toBe("合计");
    expect(last.getCell(7).value).toBe(report.total.found);
    expect(byInstitution.rowCount).toBe(report.institutions.length + 2);
  }, 120_000);

  it("the city may not take the plan's report; an unknown plan is not found", async () => {
    await expect(planReport(t.db, w.city, w.plan.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(planReport(t.db, w.bureau, randomUUID())).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
