// Facts the workflow guards read move the case version whenever they change (issue 13 §6): a page opened
// before a team member was withdrawn, added or signed their letter must not act on the facts it showed.
import { describe, expect, it } from "vitest";
import { declareConflict } from "@/lib/server/draws/conflicts";
import { addTeamMember, recordPaperCommitmentLetter, signCommitmentLetter } from "@/lib/server/plans/teams";
import { deliverNotice } from "../support/case-operations";
import { makeCaseWorld } from "../factories/cases";
import { setupTestDatabase } from "./support/db";

const t = setupTestDatabase();

const versionOf = async (caseId: string) => (await t.db.inspectionCase.findUniqueOrThrow({ where: { id: caseId } })).version;
const notice = (caseId: string, version: number, staffPresentIds: string[]) => ({ caseId, version, number: "吉医保飞检〔2024〕9号", recipientName: "王某", recipientTitle: "院长", staffPresentIds });

describe("facts the guards read move the case version", () => {
  it("a member withdrawn by a declared conflict: the version the page showed is refused as STALE_VERSION", async () => {
    const world = await makeCaseWorld(t.db);
    const caseId = world.inspectionCase.id;
    // A second law-enforcement officer, so that the notice can still be delivered by two once the member withdraws.
    const second = await addTeamMember(t.db, world.bureau, { teamId: world.team.id, userId: world.outsider.userId, role: "MEMBER", isLawEnforcement: true });
    await signCommitmentLetter(t.db, world.outsider, second.id);
    const seen = await versionOf(caseId);
    const member = await t.db.teamMember.findFirstOrThrow({ where: { teamId: world.team.id, userId: world.member.userId } });
    await declareConflict(t.db, world.member, { teamMemberId: member.id, reason: "本人配偶在该机构任职" });
    expect(await versionOf(caseId)).toBe(seen + 1);
    await expect(deliverNotice(t.db, world.leader, notice(caseId, seen, [world.leader.userId, world.outsider.userId]))).rejects.toMatchObject({ code: "STALE_VERSION" });
    // With the version the page shows after reloading, the step goes through.
    await expect(deliverNotice(t.db, world.leader, notice(caseId, seen + 1, [world.leader.userId, world.outsider.userId]))).resolves.toMatchObject({ state: "NOTIFIED" });
  });

  it("a member added, and their commitment letter signed, each move the version of the team's cases", async () => {
    const world = await makeCaseWorld(t.db);
    const caseId = world.inspectionCase.id;
    const before = await versionOf(caseId);
    const added = await addTeamMember(t.db, world.bureau, { teamId: world.team.id, userId: world.outsider.userId, role: "MEMBER", isLawEnforcement: false });
    expect(await versionOf(caseId)).toBe(before + 1);
    await signCommitmentLetter(t.db, world.outsider, added.id);
    expect(await versionOf(caseId)).toBe(before + 2);
    await expect(deliverNotice(t.db, world.leader, notice(caseId, before + 1, [world.leader.userId, world.member.userId]))).rejects.toMatchObject({ code: "STALE_VERSION" });
  });

  it("a paper letter recorded by the bureau for a member without an account moves the version too", async () => {
    const world = await makeCaseWorld(t.db);
    const caseId = world.inspectionCase.id;
    const expert = await t.db.expert.create({ data: { staffNumber: `E${caseId.slice(0, 8)}`, name: "专家甲", pool: "EXPERT", homeRegionId: world.region.id } });
    const paperMember = await t.db.teamMember.create({ data: { teamId: world.team.id, role: "EXPERT", expertId: expert.id } });
    const before = await versionOf(caseId);
    await recordPaperCommitmentLetter(t.db, world.bureau, paperMember.id);
    expect(await versionOf(caseId)).toBe(before + 1);
  });
});
