/**
 * One scenario per operation of the registry, for the tests the registry generates (the authorization matrix
 * and the bad-input sweep): a valid input on a case (or record) the world holds, and any file it needs. The
 * mapped type makes a new operation without its scenario a type error, so every operation is tested the day
 * it is added.
 */
import { randomUUID } from "node:crypto";
import type { OperationName } from "@/lib/operations";
import type { Actor } from "@/lib/policy/actor";
import type { PrismaClient } from "@/lib/server/db/client";
import type { UploadedFile } from "@/lib/server/files/storage";
import { makeActor } from "../factories";
import { makeCaseWorld } from "../factories/cases";
import { uploaded } from "../integration/support/storage";
import { deliverNotice, startOnSite } from "./case-operations";

export type World = Awaited<ReturnType<typeof makeCaseWorld>> & { admin: Actor; caseId: string; tokenId: string };

export interface Scenario {
  /** A valid input (ids of records in the world; the case's current version read at call time). */
  input: (world: World, version: number) => Record<string, unknown>;
  /** A file received into the store for this call (a fresh one each time: the same bytes twice are a duplicate). */
  upload?: () => Promise<UploadedFile>;
  /** The operation acts on a record the caller's scope decides (a case): out-of-scope callers must get 404. */
  scoped: boolean;
}

const PDF = () => uploaded("材料.pdf", `%PDF-1.4\n% ${randomUUID()}\n`);

const onCase = (extra: (world: World) => Record<string, unknown> = () => ({})): Scenario => ({
  input: (world, version) => ({ caseId: world.caseId, version, ...extra(world) }),
  scoped: true,
});

export const SCENARIOS = {
  "case.deliverNotice": onCase(() => ({ number: "吉医保飞检〔2024〕9号", recipientName: "王某", recipientTitle: "院长" })),
  "case.cancel": onCase(() => ({ reason: "该机构已停业" })),
  "case.startOnSite": onCase(),
  "case.addEvidence": { ...onCase(() => ({ kind: "COPY", description: "处方复印件" })), upload: PDF },
  "case.recordFinding": onCase((w) => ({ violationTypeId: w.violationType.id, legalBasis: "条例第三十八条", description: "串换药品", amount: "100.00" })),
  "case.closeWithoutFindings": onCase(() => ({ reason: "抽查病历未发现问题" })),
  "case.signRecordTeam": onCase(),
  "case.signRecordInstitution": onCase(),
  "case.writeFeedbackReport": onCase(() => ({ summary: "反馈意见" })),
  "case.handOver": onCase(() => ({ note: "移交" })),
  "case.fileAppeal": onCase(() => ({ grounds: "DUPLICATE_DEDUCTION", statement: "该笔费用已被市局扣减" })),
  "case.decideAppeal": onCase(() => ({ appealId: "00000000-0000-4000-8000-000000000001", decision: "APPEAL_REJECTED", reasoning: "维持原认定" })),
  "case.issueConfirmationNotice": onCase(() => ({ number: "长医保稽确〔2024〕1号" })),
  "case.confirmAmounts": onCase(),
  "case.issueRefundNotice": onCase(() => ({ fundAccount: "长春市医疗保障基金收入户", dueOn: "2024-12-31" })),
  "case.recordRefund": { ...onCase(() => ({ refundAmount: "100.00", method: "TRANSFER", paidOn: "2024-10-08" })), upload: PDF },
  "case.completeRefund": onCase(),
  "case.submitProgressReport": { ...onCase(() => ({ summary: "整改进行中" })), upload: PDF },
  "case.submitRectificationMaterial": { ...onCase(() => ({ description: "整改材料" })), upload: PDF },
  "case.endHandling": onCase(() => ({ handledAmount: "100.00" })),
  "case.submitRectificationReport": { ...onCase(() => ({ summary: "整改完成" })), upload: PDF },
  "case.acceptRectification": onCase(() => ({ note: "同意" })),
  "case.returnRectification": onCase(() => ({ note: "请补充材料" })),
  "case.close": onCase(),
  "case.list": { input: () => ({ page: "1" }), scoped: false },
  "case.get": { input: (w) => ({ caseId: w.caseId }), scoped: true },
  "case.reviewProgressReport": { input: () => ({ reportId: "00000000-0000-4000-8000-000000000002", version: 0, decision: "ACCEPT" }), scoped: false },
  "apiToken.list": { input: () => ({}), scoped: false },
  "apiToken.issue": { input: (w) => ({ name: "国家平台数据交换", organizationId: w.cityBureau.id, permissions: ["case.read"], expiresOn: "2099-01-01" }), scoped: false },
  "apiToken.revoke": { input: (w) => ({ tokenId: w.tokenId, version: 0 }), scoped: false },
  "document.generate": { input: (w) => ({ caseId: w.caseId, kind: "ON_SITE_NOTICE" }), scoped: true },
  "document.list": { input: (w) => ({ caseId: w.caseId }), scoped: true },
  "document.verify": { input: () => ({ code: "K7QF-3MZP" }), scoped: false },
} satisfies Record<OperationName, Scenario>;

/**
 * A case every party can see and act on: the notice delivered and the team on site, so the city and the
 * institution are in scope; plus an administrator and an API token to revoke.
 */
export async function makeScenarioWorld(db: PrismaClient): Promise<World> {
  const world = await makeCaseWorld(db);
  const caseId = world.inspectionCase.id;
  await deliverNotice(db, world.leader, { caseId, version: 0, number: "吉医保飞检〔2024〕8号", recipientName: "王某", recipientTitle: "院长" });
  await startOnSite(db, world.leader, { caseId, version: 1 });
  const admin = await makeActor(db, "BUREAU_ADMIN");
  const system = await db.user.create({ data: { username: `system-${caseId.slice(0, 8)}`, displayName: "接口", role: "CITY_STAFF", organizationId: world.cityBureau.id, passwordHash: "!", isSystemAccount: true } });
  const token = await db.apiToken.create({ data: { name: "接口", userId: system.id, permissions: ["case.read"], prefix: `fj_${caseId.slice(0, 8)}`, secretSha256: caseId.replace(/-/g, "").padEnd(64, "0"), expiresAt: new Date("2099-01-01"), createdById: admin.userId } });
  return { ...world, admin, caseId, tokenId: token.id };
}

/** The roles, each with a user in scope of the world's case and, where scope can exclude, one outside it. */
export function partiesOf(world: World): { role: Actor["role"]; inScope: Actor; outOfScope: Actor | null }[] {
  return [
    { role: "BUREAU_ADMIN", inScope: world.admin, outOfScope: null },
    { role: "BUREAU_STAFF", inScope: world.bureau, outOfScope: null },
    { role: "CITY_STAFF", inScope: world.city, outOfScope: world.otherCity },
    { role: "INSTITUTION_STAFF", inScope: world.institutionStaff, outOfScope: world.otherInstitutionStaff },
    { role: "INSPECTOR", inScope: world.leader, outOfScope: world.outsider },
  ];
}
