import "server-only";
import ExcelJS from "exceljs";
import { addMoney } from "@/lib/domain/money";
import { DomainError } from "@/lib/server/errors";
import type { PrismaClient } from "@/lib/server/db/client";
import { recordAudit } from "@/lib/server/audit/record";
import { requirePermission } from "@/lib/server/policy/policy";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { scope } from "@/lib/server/policy/scope";
import { translator } from "@/lib/i18n/translator";

const ZH = translator("zh-CN");

/** Per case, per team, per region: what the report sums (decimal strings, two places). */
export interface ReportTotals {
  cases: number;
  findings: number;
  found: string;
  confirmed: string;
  refunded: string;
  fined: string;
}

export interface PlanReport {
  plan: { id: string; title: string; year: number };
  institutions: (ReportTotals & { institution: string; region: string; team: string; state: string })[];
  teams: (ReportTotals & { team: string })[];
  regions: (ReportTotals & { region: string })[];
  violationTypes: { code: string; name: string; findings: number; amount: string }[];
  keyAreas: { code: string; name: string; findings: number; amount: string }[];
  total: ReportTotals;
}

const zero = (): ReportTotals => ({ cases: 0, findings: 0, found: "0.00", confirmed: "0.00", refunded: "0.00", fined: "0.00" });
const plus = (a: ReportTotals, b: ReportTotals): ReportTotals => ({
  cases: a.cases + b.cases,
  findings: a.findings + b.findings,
  found: addMoney(a.found, b.found),
  confirmed: addMoney(a.confirmed, b.confirmed),
  refunded: addMoney(a.refunded, b.refunded),
  fined: addMoney(a.fined, b.fined),
});
const money = (value: { toFixed(digits: number): string } | null | undefined) => (value ? value.toFixed(2) : "0.00");

/**
 * 汇总统计 of one plan (issue 17 §3): per institution (case), team and region, findings and amounts; findings by
 * violation type and by key area. Sums are SQL aggregates (groupBy per case, per violation type, per key area)
 * over the cases the actor may see; teams and regions add the per-case sums in integer cents. Withdrawn
 * findings do not count. (Interviews and drugs verified are not recorded as counts yet: not in the report.)
 */
export async function planReport(db: PrismaClient, actor: Actor, planId: string): Promise<PlanReport> {
  requirePermission(actor, "plan.read");
  const plan = await db.plan.findUnique({ where: { id: planId }, select: { id: true, title: true, year: true } });
  if (!plan) throw new DomainError("NOT_FOUND");
  const visible = { AND: [scope.inspectionCase(actor), { planId }] };
  const standing = { status: { not: "WITHDRAWN" as const }, case: visible };
  const [cases, findingsByCase, confirmedByCase, refundNotices, finedByCase, byType, byArea] = await Promise.all([
    db.inspectionCase.findMany({
      where: visible,
      select: { id: true, state: true, institution: { select: { name: true } }, inspectedRegion: { select: { name: true } }, team: { select: { name: true } } },
      orderBy: [{ inspectedRegion: { name: "asc" } }, { institution: { name: "asc" } }, { id: "asc" }],
    }),
    db.finding.groupBy({ by: ["caseId"], where: standing, _sum: { amount: true }, _count: { _all: true } }),
    db.amountConfirmationNotice.groupBy({ by: ["caseId"], where: { case: visible }, _sum: { amount: true } }),
    db.refundNotice.findMany({ where: { case: visible }, select: { id: true, caseId: true } }),
    db.penalty.groupBy({ by: ["caseId"], where: { case: visible }, _sum: { amount: true } }),
    db.finding.groupBy({ by: ["violationTypeId"], where: standing, _sum: { amount: true }, _count: { _all: true } }),
    db.finding.groupBy({ by: ["keyAreaId"], where: standing, _sum: { amount: true }, _count: { _all: true } }),
  ]);
  const refunds = await db.refund.groupBy({ by: ["refundNoticeId"], where: { refundNoticeId: { in: refundNotices.map((n) => n.id) } }, _sum: { amount: true } });
  const [types, areas] = await Promise.all([
    db.violationType.findMany({ where: { id: { in: byType.map((row) => row.violationTypeId) } }, select: { id: true, code: true, name: true } }),
    db.keyArea.findMany({ where: { id: { in: byArea.map((row) => row.keyAreaId).filter((id): id is string => id !== null) } }, select: { id: true, code: true, name: true } }),
  ]);

  const state = (value: string) => ZH(`workflow.state.${value.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())}`);
  const institutions = cases.map((c) => {
    const f = findingsByCase.find((row) => row.caseId === c.id);
    const notice = refundNotices.find((n) => n.caseId === c.id);
    const totals: ReportTotals = {
      cases: 1,
      findings: f?._count._all ?? 0,
      found: money(f?._sum.amount),
      confirmed: money(confirmedByCase.find((row) => row.caseId === c.id)?._sum.amount),
      refunded: money(notice ? refunds.find((row) => row.refundNoticeId === notice.id)?._sum.amount : null),
      fined: money(finedByCase.find((row) => row.caseId === c.id)?._sum.amount),
    };
    return { ...totals, institution: c.institution.name, region: c.inspectedRegion.name, team: c.team?.name ?? "", state: state(c.state) };
  });
  const rollUp = <K extends string>(key: (row: (typeof institutions)[number]) => string, name: K) => {
    const groups = new Map<string, ReportTotals>();
    for (const row of institutions) groups.set(key(row), plus(groups.get(key(row)) ?? zero(), row));
    return [...groups.entries()].map(([label, totals]) => ({ ...totals, [name]: label }) as ReportTotals & Record<K, string>);
  };
  return {
    plan,
    institutions,
    teams: rollUp((row) => row.team, "team"),
    regions: rollUp((row) => row.region, "region"),
    violationTypes: byType
      .map((row) => {
        const type = types.find((t) => t.id === row.violationTypeId);
        return { code: type?.code ?? "", name: type?.name ?? "", findings: row._count._all, amount: money(row._sum.amount) };
      })
      .sort((a, b) => a.code.localeCompare(b.code)),
    keyAreas: byArea
      .map((row) => {
        const area = row.keyAreaId ? areas.find((a) => a.id === row.keyAreaId) : null;
        return { code: area?.code ?? "", name: area?.name ?? ZH("statistics.report.noKeyArea"), findings: row._count._all, amount: money(row._sum.amount) };
      })
      .sort((a, b) => a.code.localeCompare(b.code)),
    total: institutions.reduce<ReportTotals>((sum, row) => plus(sum, row), zero()),
  };
}

/** The report as an .xlsx workbook (exceljs, as the master-data exports): one sheet per breakdown; the export is audited. */
export async function planReportWorkbook(db: PrismaClient, actor: Actor, planId: string, context: RequestContext = {}): Promise<{ bytes: Uint8Array; fileName: string }> {
  const report = await planReport(db, actor, planId);
  await db.$transaction((tx) => recordAudit(tx, { actor, action: "statistics.planReport", entity: "Plan", entityId: planId, context }));
  const workbook = new ExcelJS.Workbook();
  const h = (key: string) => ZH(`statistics.report.${key}`);
  const amountColumns = [h("cases"), h("findings"), h("found"), h("confirmed"), h("refunded"), h("fined")];
  const amounts = (row: ReportTotals) => [row.cases, row.findings, row.found, row.confirmed, row.refunded, row.fined];
  const sheet = (name: string, header: string[], rows: (string | number)[][], moneyFrom: number) => {
    const ws = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = header.map((title, index) => ({ header: title, width: index < moneyFrom ? 24 : 16, style: index >= moneyFrom ? { alignment: { horizontal: "right" as const } } : {} }));
    ws.getRow(1).font = { bold: true };
    for (const row of rows) ws.addRow(row);
  };
  // Amounts are written as their exact decimal text (as the master-data exports), never through a float.
  sheet(h("byInstitution"), [h("institution"), h("region"), h("team"), h("state"), ...amountColumns], [
    ...report.institutions.map((row) => [row.institution, row.region, row.team, row.state, ...amounts(row)]),
    [h("total"), "", "", "", ...amounts(report.total)],
  ], 6);
  sheet(h("byTeam"), [h("team"), ...amountColumns], report.teams.map((row) => [row.team, ...amounts(row)]), 3);
  sheet(h("byRegion"), [h("region"), ...amountColumns], report.regions.map((row) => [row.region, ...amounts(row)]), 3);
  sheet(h("byViolationType"), [h("code"), h("violationType"), h("findings"), h("amount")], report.violationTypes.map((row) => [row.code, row.name, row.findings, row.amount]), 3);
  sheet(h("byKeyArea"), [h("code"), h("keyArea"), h("findings"), h("amount")], report.keyAreas.map((row) => [row.code, row.name, row.findings, row.amount]), 3);
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return { bytes, fileName: `${report.plan.title}-${h("fileSuffix")}.xlsx` };
}
