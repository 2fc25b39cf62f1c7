/**
 * Issue 12 §9: evidence can be withdrawn before the team signs, with a reason, kept in history: the file stays,
 * marked withdrawn, and is no longer part of the record the institution and the city read.
 */
import { buffer } from "node:stream/consumers";
import { beforeEach, describe, expect, it } from "vitest";
import { addEvidence, deliverNotice, recordFinding, signRecordAsTeam, startOnSite, withdrawEvidence } from "../support/case-operations";
import { DomainError } from "@/lib/errors";
import { getCaseFile } from "@/lib/server/cases/get-case-file";
import { downloadCaseFile } from "@/lib/server/files/download";
import { settleUpload } from "@/lib/server/files/storage";
import type { Actor } from "@/lib/server/policy/actor";
import { makeCaseWorld } from "../factories/cases";
import { setupTestDatabase } from "./support/db";
import { setupTempStorage, uploaded } from "./support/storage";

const t = setupTestDatabase();
setupTempStorage();
const NOW = new Date("2024-09-27T02:00:00Z");
const LATER = new Date("2024-09-27T03:00:00Z");

let w: Awaited<ReturnType<typeof makeCaseWorld>>;
let caseId: string;
let evidenceId: string;
let fileId: string;
const ref = (version: number) => ({ caseId, version });

beforeEach(async () => {
  w = await makeCaseWorld(t.db);
  caseId = w.inspectionCase.id;
  await deliverNotice(t.db, w.leader, { ...ref(0), number: "吉医保飞检〔2024〕9号", recipientName: "王某", recipientTitle: "院长", staffPresentIds: [w.leader.userId, w.member.userId] }, { now: NOW });
  await startOnSite(t.db, w.leader, ref(1), { now: NOW });
  const file = await uploaded("病历照片.pdf", `%PDF-1.4\n% ${caseId}\n`);
  await addEvidence(t.db, w.member, { ...ref(2), kind: "PHOTO" }, file, { now: NOW });
  await settleUpload(t.db, file);
  ({ id: evidenceId, fileId } = await t.db.evidence.findFirstOrThrow({ where: { caseId } }));
});

async function refusal(run: () => Promise<unknown>): Promise<DomainError> {
  const before = await t.db.evidenceWithdrawal.count();
  const error = await run().then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect(await t.db.evidenceWithdrawal.count()).toBe(before);
  return error as DomainError;
}

async function downloads(actor: Actor): Promise<boolean> {
  try {
    await buffer((await downloadCaseFile(t.db, actor, fileId)).stream);
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.code === "NOT_FOUND") return false;
    throw error;
  }
}

describe("withdrawing evidence before the team signs (issue 12 §9)", () => {
  it("the team withdraws a photo with a reason: nothing is deleted, the evidence is marked with who, when and why", async () => {
    const answer = await withdrawEvidence(t.db, w.member, { ...ref(3), evidenceId, reason: "拍摄的不是本院病历" }, { now: LATER });
    expect(answer).toMatchObject({ state: "ON_SITE", version: 4 });
    const evidence = await t.db.evidence.findUniqueOrThrow({ where: { id: evidenceId }, include: { withdrawal: true, file: true } });
    expect(evidence.withdrawal).toMatchObject({ reason: "拍摄的不是本院病历", withdrawnById: w.member.userId, withdrawnAt: LATER });
    expect(evidence.file.id).toBe(fileId);
    const file = await getCaseFile(t.db, w.leader, caseId, LATER);
    expect(file.case.evidence.map((e) => [e.id, e.withdrawal?.reason])).toEqual([[evidenceId, "拍摄的不是本院病历"]]);
    expect(await downloads(w.leader)).toBe(true);
  });

  it("a reason is required, and evidence is withdrawn once", async () => {
    expect((await refusal(() => withdrawEvidence(t.db, w.member, { ...ref(3), evidenceId, reason: "" }, { now: LATER }))).fieldErrors).toEqual({ reason: "validation.required" });
    await withdrawEvidence(t.db, w.member, { ...ref(3), evidenceId, reason: "重复" }, { now: LATER });
    expect((await refusal(() => withdrawEvidence(t.db, w.member, { ...ref(4), evidenceId, reason: "再撤" }, { now: LATER }))).fieldErrors).toEqual({ evidenceId: "caseRecord.evidenceWithdrawn" });
  });

  it("once the team has signed, evidence can no longer be withdrawn", async () => {
    await recordFinding(t.db, w.member, { ...ref(3), violationTypeId: w.violationType.id, legalBasis: "条例", description: "串换药品", amount: "10.00" }, { now: NOW });
    await signRecordAsTeam(t.db, w.leader, ref(4), { now: NOW });
    expect((await refusal(() => withdrawEvidence(t.db, w.member, { ...ref(5), evidenceId, reason: "撤" }, { now: LATER }))).messageKey).toBe("workflow.guard.needsUnsignedRecord");
  });

  it("withdrawn evidence is not part of the signed record: the institution and the city neither see nor download it", async () => {
    await withdrawEvidence(t.db, w.member, { ...ref(3), evidenceId, reason: "拍摄对象有误" }, { now: LATER });
    await recordFinding(t.db, w.member, { ...ref(4), violationTypeId: w.violationType.id, legalBasis: "条例", description: "串换药品", amount: "10.00" }, { now: NOW });
    await signRecordAsTeam(t.db, w.leader, ref(5), { now: NOW });
    for (const actor of [w.institutionStaff, w.city]) {
      expect((await getCaseFile(t.db, actor, caseId, LATER)).case.evidence).toEqual([]);
      expect(await downloads(actor)).toBe(false);
    }
    expect((await getCaseFile(t.db, w.bureau, caseId, LATER)).case.evidence).toHaveLength(1);
  });
});
