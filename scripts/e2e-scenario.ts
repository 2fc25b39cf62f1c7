// Puts a case of the demo data into a given state for a browser journey, through the same operations the
// portals use (lib/server/operations), so a journey can start where its portal's work starts without clicking
// through every earlier step. Reads the database of the running e2e server from test-results/e2e-server.json
// (written by scripts/e2e-server.ts) and prints one line of JSON: the case, its plan and its version.
//
//   npx tsx --conditions=react-server scripts/e2e-scenario.ts --state HANDED_OVER [--institution H22010100001] [--findings 2]
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { CASE_STATES, type CaseState } from "@/lib/domain/case/workflow";
import { loadActor } from "@/lib/server/auth/actor";
import { startSession } from "@/lib/server/auth/sessions";
import { createPrisma, type PrismaClient } from "@/lib/server/db/client";
import type { OperationName } from "@/lib/operations";
import { invokeOperation } from "@/lib/server/operations/boundary";

const { values } = parseArgs({
  options: {
    state: { type: "string", default: "ON_SITE" },
    institution: { type: "string", default: "H22010100001" },
    findings: { type: "string", default: "1" },
    "appeal-days": { type: "string" },
    title: { type: "string" },
  },
});

const server = JSON.parse(readFileSync("test-results/e2e-server.json", "utf8")) as { databaseUrl: string; storageDir: string };
process.env.FEIJIAN_STORAGE_DIR = server.storageDir;

async function actorOf(db: PrismaClient, username: string) {
  const user = await db.user.findUniqueOrThrow({ where: { username } });
  // The scenario acts as these users do after signing in: a session of its own, ended when it is done.
  const sessionId = await db.$transaction((tx) => startSession(tx, user.id));
  const actor = await loadActor(db, { userId: user.id, sessionVersion: user.sessionVersion, sessionId });
  if (!actor) throw new Error(`no actor for ${username}`);
  return actor;
}

async function main() {
  const target = values.state as CaseState;
  if (!CASE_STATES.includes(target)) throw new Error(`unknown state ${target}`);
  const db = createPrisma(server.databaseUrl, { max: 2 });
  const bureau = await actorOf(db, "bureau");
  const leader = await actorOf(db, "inspector");
  const member = await actorOf(db, "inspector2");
  const city = await actorOf(db, "city");
  const hospital = await actorOf(db, "hospital");
  const institution = await db.institution.findUniqueOrThrow({ where: { nationalCode: values.institution } });
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

  // A published plan of its own for each scenario, so journeys never share a case.
  const plan = await db.plan.create({
    data: {
      year: 2026, level: "PROVINCIAL", trigger: "ANNUAL_PLAN", status: "PUBLISHED", publishedAt: new Date(),
      title: values.title ?? `2026年医保基金飞行检查（测试批次 ${stamp}）`, documentNumber: `吉医保函〔2026〕${stamp}号`,
      organizationId: bureau.organizationId, periodStart: new Date("2024-01-01"), periodEnd: new Date("2025-12-31"),
      referenceYears: [2024, 2025], createdById: bureau.userId,
      appealWindowWorkingDays: values["appeal-days"] ? Number(values["appeal-days"]) : null,
    },
  });
  const team = await db.team.create({ data: { planId: plan.id, inspectedRegionId: institution.poolingRegionId, name: `检查组 ${stamp}` } });
  for (const [actor, role] of [[leader, "LEADER"], [member, "MEMBER"]] as const) {
    const row = await db.teamMember.create({ data: { teamId: team.id, userId: actor.userId, role, isLawEnforcement: true } });
    await db.commitmentLetter.create({ data: { teamMemberId: row.id, textSha256: "0".repeat(64), signedAt: new Date() } });
  }
  const created = await db.inspectionCase.create({
    data: { planId: plan.id, teamId: team.id, institutionId: institution.id, inspectedRegionId: institution.poolingRegionId, trigger: "TIP_OFF", designated: true, designationReason: "举报线索：疑似串换药品" },
  });
  const caseId = created.id;
  let version = 0;
  const violation = await db.violationType.findFirstOrThrow({ where: { active: true }, orderBy: { code: "asc" } });
  const run = async (actor: typeof leader, name: OperationName, input: Record<string, unknown>) => {
    const answer = (await invokeOperation(db, actor, name, { caseId, version, ...input })) as { version: number };
    version = answer.version;
  };
  const steps: [CaseState, () => Promise<void>][] = [
    ["NOTIFIED", () => run(leader, "case.deliverNotice", { number: `吉医保飞检〔2026〕${stamp}号`, recipientName: "刘院长", recipientTitle: "院长", staffPresentIds: [leader.userId, member.userId] })],
    ["ON_SITE", () => run(leader, "case.startOnSite", {})],
    ["FINDINGS_RECORDED", async () => {
      for (let i = 1; i <= Number(values.findings); i++) await run(member, "case.recordFinding", { violationTypeId: violation.id, legalBasis: violation.legalBasis ?? "《医疗保障基金使用监督管理条例》第三十八条", description: `将自费耗材串换为目录内耗材结算（第${i}项）`, amount: `${1000 * i}.50` });
    }],
    ["RECORD_SIGNED", async () => {
      await run(leader, "case.signRecordTeam", {});
      await run(hospital, "case.signRecordInstitution", {});
    }],
    ["HANDED_OVER", async () => {
      await run(leader, "case.writeFeedbackReport", { summary: "检查发现串换耗材问题，移交属地处理。" });
      await run(leader, "case.handOver", {});
    }],
    ["AMOUNTS_CONFIRMED", async () => {
      await run(city, "case.issueConfirmationNotice", { number: `长医保稽确〔2026〕${stamp}号` });
      await run(hospital, "case.confirmAmounts", {});
    }],
  ];
  for (const [state, step] of steps) {
    if (CASE_STATES.indexOf(target) < CASE_STATES.indexOf(state)) break;
    await step();
  }
  const final = await db.inspectionCase.findUniqueOrThrow({ where: { id: caseId }, select: { state: true, version: true } });
  console.log(JSON.stringify({ caseId, planId: plan.id, planTitle: plan.title, teamId: team.id, institution: institution.name, state: final.state, version: final.version }));
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
