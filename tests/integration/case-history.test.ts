/**
 * Issue 17 §2: the institution's page of its cases and their history. Readers without the audit trail (the
 * institution, the city) see what happened to the case and when, from the notice on, without the team's
 * draft or the reports they do not read, and without who did it (the log with names is the bureau's).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { caseHistory } from "@/lib/server/audit/change-feed";
import { getCaseFile } from "@/lib/server/cases/get-case-file";
import { makeCaseWorld } from "../factories/cases";
import { deliverNotice, handOver, recordFinding, signRecordAsInstitution, signRecordAsTeam, startOnSite, writeFeedbackReport } from "../support/case-operations";
import { setupTestDatabase } from "./support/db";

const t = setupTestDatabase();
const NOW = new Date("2024-09-02T02:00:00Z");

let w: Awaited<ReturnType<typeof makeCaseWorld>>;
beforeEach(async () => {
  w = await makeCaseWorld(t.db);
});

async function handedOver() {
  const caseId = w.inspectionCase.id;
  const o = { now: NOW };
  const ref = async () => ({ caseId, version: (await t.db.inspectionCase.findUniqueOrThrow({ where: { id: caseId } })).version });
  await deliverNotice(t.db, w.leader, { ...(await ref()), number: "吉医保飞检〔2024〕17号", recipientName: "李某", recipientTitle: "院长", staffPresentIds: [w.leader.userId, w.member.userId] }, o);
  await startOnSite(t.db, w.leader, await ref(), o);
  await recordFinding(t.db, w.leader, { ...(await ref()), violationTypeId: w.violationType.id, legalBasis: "条例第三十八条", description: "串换药品", amount: "100.00" }, o);
  await signRecordAsTeam(t.db, w.leader, await ref(), o);
  await signRecordAsInstitution(t.db, w.institutionStaff, await ref(), o);
  await writeFeedbackReport(t.db, w.leader, { ...(await ref()), summary: "反馈" }, o);
  await handOver(t.db, w.leader, await ref(), o);
  return caseId;
}

describe("a case's history for the institution and the city", () => {
  it("the institution sees the steps and their times, not the team's draft, the feedback report or who acted", async () => {
    const caseId = await handedOver();
    const ref = await t.db.inspectionCase.findUniqueOrThrow({ where: { id: caseId } });
    const mine = await caseHistory(t.db, w.institutionStaff, ref);
    expect(mine.map((e) => e.action)).toEqual(["case.deliverNotice", "case.startOnSite", "case.signRecordTeam", "case.signRecordInstitution", "case.handOver"]);
    // Who acted is not part of it.
    expect(mine.every((e) => Object.keys(e).sort().join() === "action,at,outcome,seq")).toBe(true);
    // The city reads the feedback report, not the team's draft.
    const city = await caseHistory(t.db, w.city, ref);
    expect(city.map((e) => e.action)).toContain("case.writeFeedbackReport");
    expect(city.map((e) => e.action)).not.toContain("case.recordFinding");
    // The bureau keeps the whole trail, with names.
    const bureau = await getCaseFile(t.db, w.bureau, caseId, NOW);
    expect(bureau.timeline.map((e) => e.action)).toContain("case.recordFinding");
    expect(bureau.timeline[0]!.actorName).not.toBeNull();
  });

  it("before the notice there is no history for the institution; another institution's case is not found", async () => {
    const drawn = await t.db.inspectionCase.findUniqueOrThrow({ where: { id: w.inspectionCase.id } });
    expect(await caseHistory(t.db, w.institutionStaff, drawn)).toEqual([]);
    const caseId = await handedOver();
    await expect(getCaseFile(t.db, w.otherInstitutionStaff, caseId, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
