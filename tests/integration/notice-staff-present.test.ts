/**
 * Issue 12 §6: "a whole case can run with one law-enforcement officer". 条例 art. 29: at least two
 * law-enforcement staff on site; the notice is delivered only with two named present, and names them.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { deliverNotice } from "../support/case-operations";
import { DomainError } from "@/lib/errors";
import { getCaseFile } from "@/lib/server/cases/get-case-file";
import { makeActor } from "../factories";
import { makeCaseWorld } from "../factories/cases";
import { setupTestDatabase } from "./support/db";

const t = setupTestDatabase();
const NOW = new Date("2024-09-27T02:00:00Z");
let w: Awaited<ReturnType<typeof makeCaseWorld>>;
const notice = (staffPresentIds: unknown) => ({ caseId: w.inspectionCase.id, version: 0, number: "吉医保飞检〔2024〕9号", recipientName: "王某", recipientTitle: "院长", staffPresentIds });

beforeEach(async () => {
  w = await makeCaseWorld(t.db);
});

async function refused(staffPresentIds: unknown): Promise<Record<string, string> | undefined> {
  const error = await deliverNotice(t.db, w.leader, notice(staffPresentIds), { now: NOW }).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe("VALIDATION");
  const row = await t.db.inspectionCase.findUniqueOrThrow({ where: { id: w.inspectionCase.id }, include: { notice: true } });
  expect(row).toMatchObject({ state: "DRAWN", version: 0, notice: null, noticeDeliveredAt: null });
  return (error as DomainError).fieldErrors;
}

describe("the notice is delivered with at least two law-enforcement staff present (条例 art. 29, issue 12 §6)", () => {
  it("one officer present, nobody named, or the same officer twice is refused with the rule named, and nothing is written", async () => {
    for (const ids of [[w.leader.userId], [], [w.leader.userId, w.leader.userId]]) {
      expect(await refused(ids)).toEqual({ staffPresentIds: "caseRecord.staffPresentRule" });
    }
    expect(Object.keys((await refused(undefined)) ?? {})).toEqual(["staffPresentIds"]);
  });

  it("someone off the team, or a team member without law-enforcement status, does not count", async () => {
    expect(await refused([w.leader.userId, w.outsider.userId])).toEqual({ staffPresentIds: "caseRecord.notLawEnforcementStaff" });
    const expert = await makeActor(t.db, "INSPECTOR");
    const member = await t.db.teamMember.create({ data: { teamId: w.team.id, userId: expert.userId, role: "EXPERT", isLawEnforcement: false } });
    await t.db.commitmentLetter.create({ data: { teamMemberId: member.id, textSha256: "0".repeat(64), signedAt: NOW } });
    expect(await refused([w.leader.userId, expert.userId])).toEqual({ staffPresentIds: "caseRecord.notLawEnforcementStaff" });
  });

  it("with two present the notice is delivered and names them on the case page", async () => {
    const answer = await deliverNotice(t.db, w.leader, notice([w.leader.userId, w.member.userId]), { now: NOW });
    expect(answer.state).toBe("NOTIFIED");
    const file = await getCaseFile(t.db, w.institutionStaff, w.inspectionCase.id, NOW);
    const names = await t.db.user.findMany({ where: { id: { in: [w.leader.userId, w.member.userId] } }, select: { displayName: true } });
    expect(file.case.notice!.staffPresent.map((s) => s.user.displayName).sort()).toEqual(names.map((n) => n.displayName).sort());
  });

  it("the leader's form offers the team's law-enforcement staff to tick", async () => {
    const file = await getCaseFile(t.db, w.leader, w.inspectionCase.id, NOW);
    expect(file.events).toContain("DELIVER_NOTICE");
    expect(file.lawEnforcementStaff.map((m) => m.id).sort()).toEqual([w.leader.userId, w.member.userId].sort());
  });
});
