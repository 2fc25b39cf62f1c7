import { beforeAll, describe, expect, it } from "vitest";
import { approvePublication, listPublishableCases, proposePublication, withdrawPublication } from "@/lib/server/publication/publications";
import { feedResults, getPublicResult, listPublicResults } from "@/lib/server/publication/public";
import { DomainError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/actor";
import { ZProposePublicationInput } from "@/lib/validation/publication";
import { makeActor } from "../factories";
import { makeCaseWorld } from "../factories/cases";
import { resultsJsonFeed, resultsRss } from "@/lib/server/publication/feeds";
import { listPublicDraws } from "@/lib/server/draws/public-list";
import { handleApiRequest } from "@/lib/server/operations/http";
import { getPublicationSettings, updatePublicationSettings } from "@/lib/server/publication/settings";
import { setupTestDatabase } from "./support/db";

const t = setupTestDatabase();
const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => (error instanceof DomainError ? error : Promise.reject(error)));

let second: Actor;

/** A case decided by the city: two findings, a confirmation notice; the leader's name and a patient's ID and phone in the text the bureau types. */
async function decidedCase() {
  const w = await makeCaseWorld(t.db);
  const leader = await t.db.user.findUniqueOrThrow({ where: { id: w.leader.userId } });
  for (const amount of ["1200.50", "800.00"]) {
    await t.db.finding.create({ data: { caseId: w.inspectionCase.id, violationTypeId: w.violationType.id, legalBasis: "条例第三十八条", description: `患者住院期间串换药品，检查组长${leader.displayName}`, amount, recordedById: w.leader.userId } });
  }
  await t.db.amountConfirmationNotice.create({ data: { caseId: w.inspectionCase.id, amount: "2000.50", findingsAmount: "2000.50", issuedById: w.city.userId, issuedAt: new Date("2026-03-02T02:00:00Z") } });
  await t.db.inspectionCase.update({ where: { id: w.inspectionCase.id }, data: { state: "AMOUNTS_CONFIRMED", noticeDeliveredAt: new Date("2026-02-01T02:00:00Z") } });
  const handling = `责令退回违规金额，由组长${leader.displayName}督促；举报人身份证号220102198001011234，电话13904312345。`;
  return { w, leader, handling };
}

beforeAll(async () => {
  second = await makeActor(t.db, "BUREAU_STAFF");
});

describe("publication of results (issue 17 §4)", () => {
  it("proposes a decided case's result redacted, approves it by a second person only, and publishes it within its period until its retention ends", async () => {
    const { w, leader, handling } = await decidedCase();
    expect((await listPublishableCases(t.db, w.bureau)).map((c) => c.id)).toContain(w.inspectionCase.id);
    const proposed = await proposePublication(t.db, w.bureau, ZProposePublicationInput.parse({ caseId: w.inspectionCase.id, kind: "RESULT", handling }));
    // The preview is what will be published: no name, ID number or phone; the institution, violations and amounts are there.
    expect(proposed.content).toMatchObject({ institution: { name: w.institution.name }, amounts: { found: "2000.50", confirmed: "2000.50", penalty: null }, violations: [{ type: w.violationType.name, count: 2, amount: "2000.50" }] });
    for (const leak of [leader.displayName, "220102198001011234", "13904312345"]) expect(JSON.stringify(proposed.content)).not.toContain(leak);
    // Decided on 2 March 2026 (China time): 7 working days later is 11 March.
    expect(proposed.publishBy).toBe("2026-03-11");

    // Not public while proposed: page, list, feed.
    expect(await getPublicResult(t.db, proposed.id)).toBeNull();
    expect(JSON.stringify(await listPublicResults(t.db, { pageSize: 100 }))).not.toContain(proposed.id);

    // Four eyes: the proposer cannot approve.
    expect(await refusal(approvePublication(t.db, w.bureau, { publicationId: proposed.id, version: proposed.version }))).toMatchObject({ code: "FORBIDDEN", messageKey: "publication.errors.fourEyes" });
    const now = new Date("2026-03-05T01:00:00Z");
    const approved = await approvePublication(t.db, second, { publicationId: proposed.id, version: proposed.version }, {}, now);
    expect(approved.takeDownAt.toISOString()).toBe("2031-03-05T01:00:00.000Z");
    expect(await getPublicResult(t.db, proposed.id, now)).toMatchObject({ status: "PUBLISHED", content: { institution: { name: w.institution.name } } });
    expect((await feedResults(t.db, now)).map((r) => r.id)).toContain(proposed.id);
    // Search, filters, paging.
    const found = await listPublicResults(t.db, { q: w.institution.name.slice(-6), year: 2026, region: w.region.name, kind: "RESULT" }, now);
    expect(found.items.map((r) => r.id)).toEqual([proposed.id]);
    expect((await listPublicResults(t.db, { year: 2025 }, now)).items.map((r) => r.id)).not.toContain(proposed.id);
    expect((await listPublicResults(t.db, { kind: "TYPICAL_CASE" }, now)).items.map((r) => r.id)).not.toContain(proposed.id);
    // After the retention period: gone from page and feed.
    const later = new Date("2031-03-05T01:00:01Z");
    expect(await getPublicResult(t.db, proposed.id, later)).toBeNull();
    expect((await feedResults(t.db, later)).map((r) => r.id)).not.toContain(proposed.id);
    // A case already proposed is not offered again.
    expect((await listPublishableCases(t.db, w.bureau)).map((c) => c.id)).not.toContain(w.inspectionCase.id);
  });

  it("withdraws a published result with a reason: listed as withdrawn, its content reachable by no page, list or feed", async () => {
    const { w, handling } = await decidedCase();
    const proposed = await proposePublication(t.db, w.bureau, ZProposePublicationInput.parse({ caseId: w.inspectionCase.id, kind: "TYPICAL_CASE", handling, narrative: "该院通过串换药品方式违规结算医保基金。" }));
    const approved = await approvePublication(t.db, second, { publicationId: proposed.id, version: proposed.version });
    await withdrawPublication(t.db, w.bureau, { publicationId: proposed.id, version: approved.version, reason: "复核后处理结果变更" });
    const page = await getPublicResult(t.db, proposed.id);
    expect(page).toMatchObject({ status: "WITHDRAWN", reason: "复核后处理结果变更" });
    const listed = (await listPublicResults(t.db, { pageSize: 100 })).items.filter((r) => r.id === proposed.id);
    expect(listed).toHaveLength(1);
    expect((await feedResults(t.db)).map((r) => r.id)).not.toContain(proposed.id);
    const everything = JSON.stringify([page, listed]);
    for (const leak of [w.institution.name, "串换药品方式", "2000.50"]) expect(everything).not.toContain(leak);
    expect((await listPublicResults(t.db, { q: "串换" })).items.map((r) => r.id)).not.toContain(proposed.id);
    expect(await refusal(withdrawPublication(t.db, w.bureau, { publicationId: proposed.id, version: approved.version + 1, reason: "再次撤回" }))).toMatchObject({ code: "CONFLICT" });
  });

  it("refuses a case not yet decided, a typical case without its narrative, and anyone but the bureau", async () => {
    const w = await makeCaseWorld(t.db);
    expect(await refusal(proposePublication(t.db, w.bureau, ZProposePublicationInput.parse({ caseId: w.inspectionCase.id, kind: "RESULT", handling: "责令退回" })))).toMatchObject({ code: "CONFLICT", messageKey: "publication.errors.notDecided" });
    expect(ZProposePublicationInput.safeParse({ caseId: w.inspectionCase.id, kind: "TYPICAL_CASE", handling: "责令退回" }).success).toBe(false);
    for (const actor of [w.city, w.leader, w.institutionStaff]) {
      expect(await refusal(proposePublication(t.db, actor, ZProposePublicationInput.parse({ caseId: w.inspectionCase.id, kind: "RESULT", handling: "责令退回" })))).toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("carries no personal data on any public door, and nothing proposed or withdrawn through the API: a sweep for names, ID numbers and phone numbers", async () => {
    const published = await decidedCase();
    const proposal = await proposePublication(t.db, published.w.bureau, ZProposePublicationInput.parse({ caseId: published.w.inspectionCase.id, kind: "TYPICAL_CASE", handling: published.handling, narrative: `患者刘某某（身份证号 22010219900202567X，手机 186-0431-9876）住院期间，医师${published.leader.displayName}开具串换药品处方。` }));
    const approved = await approvePublication(t.db, second, { publicationId: proposal.id, version: proposal.version });
    const pending = await decidedCase();
    const pendingProposal = await proposePublication(t.db, pending.w.bureau, ZProposePublicationInput.parse({ caseId: pending.w.inspectionCase.id, kind: "RESULT", handling: "责令退回" }));
    const withdrawn = await decidedCase();
    const w3 = await proposePublication(t.db, withdrawn.w.bureau, ZProposePublicationInput.parse({ caseId: withdrawn.w.inspectionCase.id, kind: "RESULT", handling: "责令退回" }));
    const w3ok = await approvePublication(t.db, second, { publicationId: w3.id, version: w3.version });
    await withdrawPublication(t.db, second, { publicationId: w3.id, version: w3ok.version, reason: `经办人${withdrawn.leader.displayName}录入有误，电话13512345678` });

    const api = async (path: string) => {
      const response = await handleApiRequest(new Request(`http://feijian.test/api/v1${path}`), path, { db: t.db, resolveCaller: async () => ({ actor: null, via: "session", locale: "zh-CN", context: {} }) });
      return { status: response.status, text: await response.text() };
    };
    const doors = [
      JSON.stringify(await listPublicResults(t.db, { pageSize: 100 })),
      JSON.stringify(await getPublicResult(t.db, proposal.id)),
      JSON.stringify(await getPublicResult(t.db, w3.id)),
      await resultsRss(t.db, "http://feijian.test"),
      JSON.stringify(await resultsJsonFeed(t.db, "http://feijian.test")),
      (await api("/public/results")).text,
      (await api(`/public/results/${proposal.id}`)).text,
      JSON.stringify(await listPublicDraws(t.db, { pageSize: 100 })),
    ].join("\n");
    expect(doors).toContain(approved.id);
    const people = [...(await t.db.user.findMany({ select: { displayName: true } })).map((u) => u.displayName), ...(await t.db.expert.findMany({ select: { name: true } })).map((e) => e.name)];
    for (const name of people) expect(doors, name).not.toContain(name);
    expect(doors).not.toMatch(/(?<!\d)\d{17}[\dXx](?![0-9A-Za-z])/);
    expect(doors).not.toMatch(/(?<!\d)1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)/);
    // What is not public answers exactly like an unknown id, through the API too.
    expect((await api(`/public/results/${pendingProposal.id}`)).status).toBe(404);
    expect(doors).not.toContain(pendingProposal.id);
    expect((await api(`/public/results/${w3.id}`)).text).not.toContain(withdrawn.w.institution.name);
    expect((await api(`/public/results?q=${encodeURIComponent(withdrawn.w.institution.name)}`)).text).not.toContain(w3.id);
  });

  it("takes its periods from the settings: the administrator changes them, a clerk cannot, and a stale page is refused", async () => {
    const admin = await makeActor(t.db, "BUREAU_ADMIN");
    expect(await getPublicationSettings(t.db)).toEqual({ publishWithinWorkingDays: 7, retentionYears: 5 });
    expect(await refusal(updatePublicationSettings(t.db, second, { version: 0, publishWithinWorkingDays: 5, retentionYears: 3 }))).toMatchObject({ code: "FORBIDDEN" });
    await updatePublicationSettings(t.db, admin, { version: 0, publishWithinWorkingDays: 5, retentionYears: 3 });
    expect(await refusal(updatePublicationSettings(t.db, admin, { version: 0, publishWithinWorkingDays: 6, retentionYears: 3 }))).toMatchObject({ code: "STALE_VERSION" });
    const { w, handling } = await decidedCase();
    const proposed = await proposePublication(t.db, w.bureau, ZProposePublicationInput.parse({ caseId: w.inspectionCase.id, kind: "RESULT", handling }));
    // Decided on Monday 2 March 2026: 5 working days later is Monday 9 March.
    expect(proposed.publishBy).toBe("2026-03-09");
    const now = new Date("2026-03-05T01:00:00Z");
    expect((await approvePublication(t.db, second, { publicationId: proposed.id, version: proposed.version }, {}, now)).takeDownAt.toISOString()).toBe("2029-03-05T01:00:00.000Z");
    await updatePublicationSettings(t.db, admin, { version: 1, publishWithinWorkingDays: 7, retentionYears: 5 });
  });
});
