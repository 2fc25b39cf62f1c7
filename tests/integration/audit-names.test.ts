/**
 * Issue 12 §10: "people and cases are named by login and UUID in the case history and the audit log". Both now
 * show people's names and units and the case's institution and plan.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { deliverNotice, startOnSite } from "../support/case-operations";
import { listAuditEvents } from "@/lib/server/audit/events";
import { getCaseFile } from "@/lib/server/cases/get-case-file";
import type { Actor } from "@/lib/server/policy/actor";
import { ZAuditFilter } from "@/lib/validation/admin";
import { makeActor } from "../factories";
import { makeCaseWorld } from "../factories/cases";
import { setupTestDatabase } from "./support/db";

const t = setupTestDatabase();
const NOW = new Date("2024-09-27T02:00:00Z");
let w: Awaited<ReturnType<typeof makeCaseWorld>>;
let admin: Actor;
let leader: { displayName: string; username: string; organization: { name: string } };
let caseTitle: string;

beforeAll(async () => {
  w = await makeCaseWorld(t.db);
  admin = await makeActor(t.db, "BUREAU_ADMIN");
  const caseId = w.inspectionCase.id;
  await deliverNotice(t.db, w.leader, { caseId, version: 0, number: "吉医保飞检〔2024〕9号", recipientName: "王某", recipientTitle: "院长", staffPresentIds: [w.leader.userId, w.member.userId] }, { now: NOW });
  await startOnSite(t.db, w.leader, { caseId, version: 1 }, { now: NOW });
  leader = await t.db.user.findUniqueOrThrow({ where: { id: w.leader.userId }, select: { displayName: true, username: true, organization: { select: { name: true } } } });
  caseTitle = `${w.institution.name}（${w.plan.title}）`;
});

describe("names in the case history and the audit log (issue 12 §10)", () => {
  it("the case history names who acted by name and unit, not by login", async () => {
    const file = await getCaseFile(t.db, w.bureau, w.inspectionCase.id, NOW);
    expect(file.timeline.map((e) => [e.action, e.actorName])).toEqual([
      ["case.deliverNotice", { name: leader.displayName, unit: leader.organization.name }],
      ["case.startOnSite", { name: leader.displayName, unit: leader.organization.name }],
    ]);
    expect(leader.displayName).not.toBe(leader.username);
  });

  it("the audit log names the person and the case (its institution and plan), and finds a person by name", async () => {
    const page = await listAuditEvents(t.db, admin, ZAuditFilter.parse({ actor: leader.displayName }));
    const rows = page.rows.filter((row) => row.entityId === w.inspectionCase.id);
    expect(rows.map((row) => row.action).sort()).toEqual(["case.deliverNotice", "case.startOnSite"]);
    for (const row of rows) {
      expect(row.actorName).toEqual({ name: leader.displayName, unit: leader.organization.name });
      expect(row.entityName).toBe(caseTitle);
    }
  });
});
