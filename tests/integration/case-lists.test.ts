/**
 * Issue 12 §11 (the bureau works from its home page) and §12 (the city's handed-over list): the case lists'
 * columns, filters and to-do counts, in SQL within the user's scope.
 */
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { countTodo } from "@/lib/server/cases/counts";
import { getCaseFile } from "@/lib/server/cases/get-case-file";
import { listCases } from "@/lib/server/cases/read";
import { invokeOperation } from "@/lib/server/operations/boundary";
import { makeActor, makeRegion } from "../factories";
import { makeCase, makeCaseWorld, makePlan, makeTeam } from "../factories/cases";
import { deliverNotice, handOver, recordFinding, signRecordAsInstitution, signRecordAsTeam, startOnSite, submitProgressReport, writeFeedbackReport } from "../support/case-operations";
import { setupTestDatabase } from "./support/db";
import { setupTempStorage, uploaded } from "./support/storage";

const t = setupTestDatabase();
setupTempStorage();

// Handover on 2024-09-02: the progress report is due 30 working days later (2024-10-21), overdue on 11-01.
const HANDOVER_DAY = new Date("2024-09-02T02:00:00Z");
const LATER = new Date("2024-11-01T02:00:00Z");

let w: Awaited<ReturnType<typeof makeCaseWorld>>;
beforeEach(async () => {
  w = await makeCaseWorld(t.db);
});

async function toHandedOver(caseId: string) {
  const o = { now: HANDOVER_DAY };
  const ref = async () => ({ caseId, version: (await t.db.inspectionCase.findUniqueOrThrow({ where: { id: caseId } })).version });
  await deliverNotice(t.db, w.leader, { ...(await ref()), number: `吉医保飞检〔2024〕${randomUUID().slice(0, 4)}号`, recipientName: "李某", recipientTitle: "院长", staffPresentIds: [w.leader.userId, w.member.userId] }, o);
  await startOnSite(t.db, w.leader, await ref(), o);
  await recordFinding(t.db, w.leader, { ...(await ref()), violationTypeId: w.violationType.id, legalBasis: "条例第三十八条", description: "串换药品", amount: "100.00" }, o);
  await signRecordAsTeam(t.db, w.leader, await ref(), o);
  await signRecordAsInstitution(t.db, w.institutionStaff, await ref(), o);
  await writeFeedbackReport(t.db, w.leader, { ...(await ref()), summary: "反馈" }, o);
  await handOver(t.db, w.leader, await ref(), o);
  return ref;
}

/** The same hospital under a second plan, the case handed over too. */
async function secondPlanCase() {
  const plan = await makePlan(t.db, w.bureau, { published: true });
  await t.db.plan.update({ where: { id: plan.id }, data: { title: "2024年专项飞行检查（第二批）" } });
  const team = await makeTeam(t.db, plan.id, w.region.id);
  await t.db.teamMember.createMany({ data: [{ teamId: team.id, userId: w.leader.userId, role: "LEADER", isLawEnforcement: true }, { teamId: team.id, userId: w.member.userId, role: "MEMBER", isLawEnforcement: true }] });
  for (const m of await t.db.teamMember.findMany({ where: { teamId: team.id } })) await t.db.commitmentLetter.create({ data: { teamMemberId: m.id, textSha256: "0".repeat(64), signedAt: new Date() } });
  const second = await makeCase(t.db, { planId: plan.id, teamId: team.id, institutionId: w.institution.id, inspectedRegionId: w.region.id });
  return { plan, second };
}

describe("the bureau's home: plan and region columns, filters, what awaits this user", () => {
  it("the same hospital appeared twice, indistinguishable: each row now names its plan and region", async () => {
    const { plan } = await secondPlanCase();
    const { rows } = await listCases(t.db, w.bureau, {});
    const mine = rows.filter((row) => row.institution.id === w.institution.id);
    expect(mine).toHaveLength(2);
    expect(new Set(mine.map((row) => row.plan.title))).toEqual(new Set([w.plan.title, "2024年专项飞行检查（第二批）"]));
    expect(new Set(mine.map((row) => row.plan.id))).toEqual(new Set([w.plan.id, plan.id]));
    expect(mine.every((row) => row.region.name === w.region.name)).toBe(true);
  });

  it("filters by plan, region, state and overdue, in the query and within scope", async () => {
    const { plan, second } = await secondPlanCase();
    await toHandedOver(w.inspectionCase.id);
    const other = await makeRegion(t.db);
    const byPlan = await listCases(t.db, w.bureau, { plan: plan.id });
    expect(byPlan.rows.map((r) => r.id)).toEqual([second.id]);
    expect(byPlan.total).toBe(1);
    expect((await listCases(t.db, w.bureau, { region: other.id })).total).toBe(0);
    expect((await listCases(t.db, w.bureau, { region: w.region.id })).total).toBe(2);
    expect((await listCases(t.db, w.bureau, { state: "HANDED_OVER" })).rows.map((r) => r.id)).toEqual([w.inspectionCase.id]);
    // Not overdue on the handover day; overdue once the 30 working days have passed without a progress report.
    expect((await listCases(t.db, w.bureau, { overdue: true }, HANDOVER_DAY)).total).toBe(0);
    const overdue = await listCases(t.db, w.bureau, { overdue: true }, LATER);
    expect(overdue.rows.map((r) => [r.id, r.overdue])).toEqual([[w.inspectionCase.id, true]]);
    // Another region's city sees none of it, filters or not.
    expect((await listCases(t.db, w.otherCity, { overdue: true }, LATER)).total).toBe(0);
    // Through the registry, as the API and the home page's URL give them.
    const answer = (await invokeOperation(t.db, w.bureau, "case.list", { plan: plan.id, overdue: "1" })) as { items: unknown[] };
    expect(answer.items).toEqual([]);
    const byRegion = (await invokeOperation(t.db, w.bureau, "case.list", { region: w.region.id, state: "HANDED_OVER" })) as { items: { id: string }[] };
    expect(byRegion.items.map((r) => r.id)).toEqual([w.inspectionCase.id]);
  });

  it("the to-do panel said there was nothing to do while a progress report awaited the bureau: it now names the report", async () => {
    const ref = await toHandedOver(w.inspectionCase.id);
    expect(await countTodo(t.db, w.bureau)).toEqual({ progressReports: 0, writtenReports: 0, toClose: 0 });
    await submitProgressReport(t.db, w.city, { ...(await ref()), summary: "已追回部分基金" }, await uploaded("进展.pdf", `%PDF-1.4\n% ${randomUUID()}\n`), { now: HANDOVER_DAY });
    expect(await countTodo(t.db, w.bureau)).toEqual({ progressReports: 1, writtenReports: 0, toClose: 0 });
    // The case page's panel names it for the bureau, and for nobody else.
    expect((await getCaseFile(t.db, w.bureau, w.inspectionCase.id, HANDOVER_DAY)).todo).toBe("cases.todoReviewProgress");
    expect((await getCaseFile(t.db, w.city, w.inspectionCase.id, HANDOVER_DAY)).todo).toBeNull();
    // The city reviews nothing; an administrator of another scope counts like anyone else in it.
    expect(await countTodo(t.db, w.city)).toEqual({ progressReports: 0, writtenReports: 0, toClose: 0 });
    const admin = await makeActor(t.db, "BUREAU_ADMIN");
    expect((await countTodo(t.db, admin)).progressReports).toBe(1);
  });
});

describe("the city's home", () => {
  it("titled 移交案件, it listed cases not yet handed over: handed-over and on-site cases are now separate lists", async () => {
    const onSite = await makeCase(t.db, { planId: w.plan.id, teamId: w.team.id, institutionId: (await t.db.institution.findFirstOrThrow({ where: { poolingRegionId: w.region.id, NOT: { id: w.institution.id } } })).id, inspectedRegionId: w.region.id, noticeDelivered: true });
    await toHandedOver(w.inspectionCase.id);
    const handed = await listCases(t.db, w.city, { handedOver: true });
    const notYet = await listCases(t.db, w.city, { handedOver: false });
    expect(handed.rows.map((r) => r.id)).toEqual([w.inspectionCase.id]);
    expect(notYet.rows.map((r) => r.id)).toEqual([onSite.id]);
  });
});
