/**
 * Issue 12 §4: "the institution can freeze the on-site record" and "the team's unsigned draft findings are
 * visible live to the institution and the city". The team signs first; until then its findings and evidence are
 * its draft (case page, API read, download); the institution then signs the record the team signed.
 */
import { buffer } from "node:stream/consumers";
import { beforeEach, describe, expect, it } from "vitest";
import { addEvidence, deliverNotice, recordFinding, signRecordAsInstitution, signRecordAsTeam, startOnSite } from "../support/case-operations";
import { DomainError } from "@/lib/errors";
import { getCaseFile } from "@/lib/server/cases/get-case-file";
import { downloadCaseFile } from "@/lib/server/files/download";
import { settleUpload } from "@/lib/server/files/storage";
import { invokeOperation } from "@/lib/server/operations/boundary";
import type { Actor } from "@/lib/server/policy/actor";
import { makeCaseWorld } from "../factories/cases";
import { setupTestDatabase } from "./support/db";
import { setupTempStorage, uploaded } from "./support/storage";

const t = setupTestDatabase();
setupTempStorage();
const NOW = new Date("2024-09-27T02:00:00Z");

let w: Awaited<ReturnType<typeof makeCaseWorld>>;
let caseId: string;
let evidenceFileId: string;
const ref = (version: number) => ({ caseId, version });

beforeEach(async () => {
  w = await makeCaseWorld(t.db);
  caseId = w.inspectionCase.id;
  await deliverNotice(t.db, w.leader, { ...ref(0), number: "吉医保飞检〔2024〕9号", recipientName: "王某", recipientTitle: "院长", staffPresentIds: [w.leader.userId, w.member.userId] }, { now: NOW });
  await startOnSite(t.db, w.leader, ref(1), { now: NOW });
  const file = await uploaded("处方.pdf", "%PDF-1.4\n% 处方\n");
  await addEvidence(t.db, w.member, { ...ref(2), kind: "COPY" }, file, { now: NOW });
  await settleUpload(t.db, file);
  evidenceFileId = (await t.db.evidence.findFirstOrThrow({ where: { caseId } })).fileId;
  await recordFinding(t.db, w.member, { ...ref(3), violationTypeId: w.violationType.id, legalBasis: "条例第三十八条", description: "串换药品", amount: "2100.50" }, { now: NOW });
});

async function refusal(run: () => Promise<unknown>): Promise<DomainError> {
  const error = await run().then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

async function downloads(actor: Actor): Promise<boolean> {
  try {
    const file = await downloadCaseFile(t.db, actor, evidenceFileId);
    await buffer(file.stream);
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.code === "NOT_FOUND") return false;
    throw error;
  }
}

/** What one reader sees of the team's record: on the case page, through the API read, and as a download. */
async function seen(actor: Actor) {
  const page = await getCaseFile(t.db, actor, caseId, NOW);
  const api = (await invokeOperation(t.db, actor, "case.get", { caseId }, { now: NOW })) as Awaited<ReturnType<typeof getCaseFile>>;
  return {
    findings: page.case.findings.length,
    total: page.findingsTotal,
    evidence: page.case.evidence.length,
    apiFindings: api.case.findings.length,
    apiEvidence: api.case.evidence.length,
    apiCount: api.facts.findingsCount,
    download: await downloads(actor),
  };
}

const HIDDEN = { findings: 0, total: "0.00", evidence: 0, apiFindings: 0, apiEvidence: 0, apiCount: 0, download: false };
const SHOWN = { findings: 1, total: "2100.50", evidence: 1, apiFindings: 1, apiEvidence: 1, apiCount: 1, download: true };

describe("the team signs the problem record first (issue 12 §4)", () => {
  it("the institution signing while the team is still recording is refused with a clear message, and nothing is signed", async () => {
    const error = await refusal(() => signRecordAsInstitution(t.db, w.institutionStaff, ref(4), { now: NOW }));
    expect(error.code).toBe("TRANSITION_REFUSED");
    expect(error.messageKey).toBe("workflow.guard.needsTeamSignature");
    expect(await t.db.problemRecordSignature.count({ where: { record: { caseId } } })).toBe(0);
    // The team can still record: the institution froze nothing.
    await recordFinding(t.db, w.leader, { ...ref(4), violationTypeId: w.violationType.id, legalBasis: "条例第三十八条", description: "重复收费", amount: "10.00" }, { now: NOW });
  });

  it("after the team signs nothing can be added: no finding, no evidence", async () => {
    await signRecordAsTeam(t.db, w.leader, ref(4), { now: NOW });
    const finding = await refusal(() => recordFinding(t.db, w.member, { ...ref(5), violationTypeId: w.violationType.id, legalBasis: "条例", description: "再记一条", amount: "1.00" }, { now: NOW }));
    expect(finding.messageKey).toBe("workflow.guard.needsUnsignedRecord");
    const evidence = await refusal(async () => addEvidence(t.db, w.member, { ...ref(5), kind: "PHOTO" }, await uploaded("照片.pdf", "%PDF-1.4\n% 照片\n"), { now: NOW }));
    expect(evidence.messageKey).toBe("workflow.guard.needsUnsignedRecord");
  });

  it("the institution signs the record the team signed: the same content hash, at the same record version", async () => {
    await signRecordAsTeam(t.db, w.leader, ref(4), { now: NOW });
    const answer = await signRecordAsInstitution(t.db, w.institutionStaff, ref(5), { now: NOW });
    expect(answer.state).toBe("RECORD_SIGNED");
    const signatures = await t.db.problemRecordSignature.findMany({ where: { record: { caseId } }, orderBy: { side: "asc" } });
    expect(signatures.map((s) => s.side)).toEqual(["TEAM", "INSTITUTION"]);
    expect(signatures[0]!.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(signatures[1]!.contentSha256).toBe(signatures[0]!.contentSha256);
    expect(signatures[1]!.recordVersion).toBe(signatures[0]!.recordVersion);
  });

  it("a record changed after the team signed (behind the workflow's back) is not signed by the institution", async () => {
    await signRecordAsTeam(t.db, w.leader, ref(4), { now: NOW });
    await t.db.finding.updateMany({ where: { caseId }, data: { amount: "9999.00" } });
    const error = await refusal(() => signRecordAsInstitution(t.db, w.institutionStaff, ref(5), { now: NOW }));
    expect(error.messageKey).toBe("caseRecord.changedSinceTeamSigned");
    expect(await t.db.problemRecordSignature.count({ where: { side: "INSTITUTION", record: { caseId } } })).toBe(0);
  });
});

describe("the team's unsigned findings and evidence are its draft (issue 12 §4)", () => {
  it("before the team signs, the institution and the city see no findings, no evidence and no count, and cannot download the evidence", async () => {
    expect(await seen(w.institutionStaff)).toEqual(HIDDEN);
    expect(await seen(w.city)).toEqual(HIDDEN);
  });

  it("before the team signs, the team and the bureau see the draft", async () => {
    for (const actor of [w.leader, w.member, w.bureau]) expect(await seen(actor)).toEqual(SHOWN);
  });

  it("once the team signs, the institution and the city see the record as presented", async () => {
    await signRecordAsTeam(t.db, w.leader, ref(4), { now: NOW });
    for (const actor of [w.institutionStaff, w.city, w.leader, w.bureau]) expect(await seen(actor)).toEqual(SHOWN);
  });
});
