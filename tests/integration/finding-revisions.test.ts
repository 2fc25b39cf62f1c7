/**
 * Issue 12 §2: findings can be corrected and withdrawn by the team until the team signs the problem record, each
 * change kept as a revision (who, when, what changed with old and new values, why).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { deliverNotice, editFinding, recordFinding, signRecordAsTeam, startOnSite, withdrawFinding } from "../support/case-operations";
import { DomainError } from "@/lib/errors";
import { getCaseFile } from "@/lib/server/cases/get-case-file";
import { makeCaseWorld, makeKeyArea } from "../factories/cases";
import { setupTestDatabase } from "./support/db";

const t = setupTestDatabase();
const NOW = new Date("2024-09-27T02:00:00Z");
const LATER = new Date("2024-09-27T03:00:00Z");

let w: Awaited<ReturnType<typeof makeCaseWorld>>;
let caseId: string;
let first: string;
let second: string;
const ref = (version: number) => ({ caseId, version });
const values = (extra: Record<string, unknown> = {}) => ({ violationTypeId: w.violationType.id, legalBasis: "条例第三十八条", description: "串换药品", amount: "1000.00", ...extra });

beforeEach(async () => {
  w = await makeCaseWorld(t.db);
  caseId = w.inspectionCase.id;
  await deliverNotice(t.db, w.leader, { ...ref(0), number: "吉医保飞检〔2024〕9号", recipientName: "王某", recipientTitle: "院长", staffPresentIds: [w.leader.userId, w.member.userId] }, { now: NOW });
  await startOnSite(t.db, w.leader, ref(1), { now: NOW });
  first = (await recordFinding(t.db, w.member, { ...ref(2), ...values() }, { now: NOW })).record.id;
  second = (await recordFinding(t.db, w.leader, { ...ref(3), ...values({ description: "重复收费", amount: "200.00" }) }, { now: NOW })).record.id;
});

async function refusal(run: () => Promise<unknown>): Promise<DomainError> {
  const revisionsBefore = await t.db.findingRevision.count();
  const error = await run().then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect(await t.db.findingRevision.count()).toBe(revisionsBefore);
  return error as DomainError;
}

describe("correcting a finding before the team signs (issue 12 §2)", () => {
  it("a member corrects the amount, key area and description: the finding takes them, and a revision keeps who, when, old and new values, and why", async () => {
    const keyArea = await makeKeyArea(t.db);
    const answer = await editFinding(t.db, w.member, { ...ref(4), findingId: first, ...values({ amount: "1200.50", keyAreaId: keyArea.id, description: "串换药品（复核病历后）" }), reason: "复核病历后金额有误" }, { now: LATER });
    expect(answer).toMatchObject({ state: "FINDINGS_RECORDED", version: 5 });
    const finding = await t.db.finding.findUniqueOrThrow({ where: { id: first }, include: { revisions: true } });
    expect(finding.amount.toFixed(2)).toBe("1200.50");
    expect(finding.keyAreaId).toBe(keyArea.id);
    expect(finding.revisions).toHaveLength(1);
    expect(finding.revisions[0]).toMatchObject({ kind: "EDITED", reason: "复核病历后金额有误", revisedById: w.member.userId, revisedAt: LATER });
    expect(finding.revisions[0]!.changes).toEqual([
      { field: "keyArea", from: null, to: keyArea.name },
      { field: "description", from: "串换药品", to: "串换药品（复核病历后）" },
      { field: "amount", from: "1000.00", to: "1200.50" },
    ]);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: caseId, action: "case.editFinding" } });
    expect(audit.outcome).toBe("OK");
  });

  it("a correction needs a reason, and saving the finding unchanged is refused without a revision", async () => {
    const noReason = await refusal(() => editFinding(t.db, w.member, { ...ref(4), findingId: first, ...values({ amount: "1.00" }), reason: " " }, { now: LATER }));
    expect(noReason.fieldErrors).toEqual({ reason: "validation.required" });
    const unchanged = await refusal(() => editFinding(t.db, w.member, { ...ref(4), findingId: first, ...values(), reason: "再存一次" }, { now: LATER }));
    expect(unchanged.messageKey).toBe("caseRecord.findingUnchanged");
    // The amount as typed ("1000") is the same figure.
    await refusal(() => editFinding(t.db, w.member, { ...ref(4), findingId: first, ...values({ amount: "1000" }), reason: "再存一次" }, { now: LATER }));
  });

  it("a finding of another case, or an unknown one, is refused as an invalid choice", async () => {
    const other = await makeCaseWorld(t.db);
    await deliverNotice(t.db, other.leader, { caseId: other.inspectionCase.id, version: 0, number: "9", recipientName: "李某", recipientTitle: "院长", staffPresentIds: [other.leader.userId, other.member.userId] }, { now: NOW });
    await startOnSite(t.db, other.leader, { caseId: other.inspectionCase.id, version: 1 }, { now: NOW });
    const elsewhere = (await recordFinding(t.db, other.member, { caseId: other.inspectionCase.id, version: 2, ...values() }, { now: NOW })).record.id;
    for (const findingId of [elsewhere, "00000000-0000-4000-8000-000000000000"]) {
      const error = await refusal(() => withdrawFinding(t.db, w.member, { ...ref(4), findingId, reason: "撤回" }, { now: LATER }));
      expect(error.fieldErrors).toEqual({ findingId: "validation.invalidId" });
    }
  });
});

describe("withdrawing a finding before the team signs (issue 12 §2)", () => {
  it("a withdrawn finding stays in the file, marked with its reason, and no longer counts in the total or the signed record", async () => {
    await withdrawFinding(t.db, w.member, { ...ref(4), findingId: second, reason: "证据不足，不予认定" }, { now: LATER });
    const file = await getCaseFile(t.db, w.leader, caseId, LATER);
    expect(file.case.findings.map((f) => [f.id, f.status])).toEqual([[first, "RECORDED"], [second, "WITHDRAWN"]]);
    expect(file.case.findings[1]!.revisions[0]).toMatchObject({ kind: "WITHDRAWN", reason: "证据不足，不予认定", revisedBy: { displayName: expect.any(String), organization: { name: expect.any(String) } } });
    expect(file.findingsTotal).toBe("1000.00");
    expect(file.facts.findingsCount).toBe(1);
    const again = await refusal(() => withdrawFinding(t.db, w.member, { ...ref(5), findingId: second, reason: "再撤回" }, { now: LATER }));
    expect(again.fieldErrors).toEqual({ findingId: "caseRecord.findingWithdrawn" });
    const edit = await refusal(() => editFinding(t.db, w.member, { ...ref(5), findingId: second, ...values({ amount: "1.00" }), reason: "改" }, { now: LATER }));
    expect(edit.fieldErrors).toEqual({ findingId: "caseRecord.findingWithdrawn" });
  });

  it("a reason is required to withdraw", async () => {
    const error = await refusal(() => withdrawFinding(t.db, w.member, { ...ref(4), findingId: second, reason: "" }, { now: LATER }));
    expect(error.fieldErrors).toEqual({ reason: "validation.required" });
  });
});

describe("after the team signs (issue 12 §2)", () => {
  it("findings can no longer be corrected or withdrawn, by the team or anyone else", async () => {
    await signRecordAsTeam(t.db, w.leader, ref(4), { now: LATER });
    const edit = await refusal(() => editFinding(t.db, w.leader, { ...ref(5), findingId: first, ...values({ amount: "1.00" }), reason: "改" }, { now: LATER }));
    expect(edit.messageKey).toBe("workflow.guard.needsUnsignedRecord");
    const withdraw = await refusal(() => withdrawFinding(t.db, w.member, { ...ref(5), findingId: first, reason: "撤" }, { now: LATER }));
    expect(withdraw.messageKey).toBe("workflow.guard.needsUnsignedRecord");
    for (const actor of [w.institutionStaff, w.city, w.bureau]) expect((await refusal(() => withdrawFinding(t.db, actor, { ...ref(5), findingId: first, reason: "撤" }, { now: LATER }))).code).toBe("FORBIDDEN");
  });
});
