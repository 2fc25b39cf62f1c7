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
import { makeActor, makeOrganization, makeUser } from "../factories";
import { ARRANGEMENT_2027, yearInput } from "../factories/calendar";
import { makeCaseWorld, makePlan, makeTeam } from "../factories/cases";
import { IMPORT_FILE_SPEC } from "@/lib/server/master-data/import/read";
import { uploaded } from "../integration/support/storage";
import { settleUpload } from "@/lib/server/files/storage";
import { generateDocument } from "@/lib/server/documents/generate";
import { pdfQueueIdle } from "@/lib/server/documents/pdf";
import { TEMPLATE_FILE_SPEC } from "@/lib/server/files/upload";
import { templateDocx } from "./docx-template";
import { addEvidence, deliverNotice, startOnSite } from "./case-operations";

export type World = Awaited<ReturnType<typeof makeCaseWorld>> & { admin: Actor; caseId: string; tokenId: string; fileId: string; documentId: string; spare: SpareRecords };

/** Records the administration operations act on, outside the case's story (deactivating them harms no other scenario). */
export interface SpareRecords {
  organizationId: string;
  userId: string;
  region: { id: string; code: string };
  institution: { id: string; nationalCode: string };
  fundUsageIds: [string, string];
  inspectionIds: [string, string];
  expert: { id: string; staffNumber: string };
  violationType: { id: string; code: string };
  keyAreaId: string;
  plans: { draftId: string; deletableId: string; publishableId: string; publishedId: string; keyAreaId: string };
  team: { id: string; inspectorMemberId: string; expertMemberId: string };
}

/** Ids nothing in the world holds: the service answers NOT_FOUND, which the matrix reads as "let through". */
const UNKNOWN = { draw: "00000000-0000-4000-8000-0000000000d1", party: "00000000-0000-4000-8000-0000000000d2", item: "00000000-0000-4000-8000-0000000000d3" };

/** Codes that differ on every call (a second create with the same code is refused as taken, not as forbidden). */
const hex = (length: number) => randomUUID().replace(/-/g, "").slice(0, length).toUpperCase();
const digits = (length: number) => Array.from({ length }, () => Math.floor(Math.random() * 10)).join("");

export interface Scenario {
  /** A valid input (ids of records in the world; the case's current version read at call time). */
  input: (world: World, version: number) => Record<string, unknown>;
  /** A file received into the store for this call (a fresh one each time: the same bytes twice are a duplicate). */
  upload?: () => Promise<UploadedFile>;
  /** The operation acts on a record the caller's scope decides (a case): out-of-scope callers must get 404. */
  scoped: boolean;
  /** The status the contract test expects of a read whose scenario names a record the world does not hold (default 200). */
  readStatus?: 404;
  /**
   * Roles that, in scope, still do not see the record by a rule of the record itself, not of scope: the
   * matrix expects NOT_FOUND of them (e.g. the team's draft evidence before it signs, issue 12 §4).
   */
  hiddenFrom?: readonly Actor["role"][];
}

/** An import file with one row too few columns: checked, never written (a fresh one each call). */
const CSV = () => `医保编码,机构名称\nH${digits(11)},测试医院\n`;
const PDF = () => uploaded("材料.pdf", `%PDF-1.4\n% ${randomUUID()}\n`);

/** A valid notice template (a fresh one each call). */
const TEMPLATE = async () => uploaded("通知书模板.docx", await templateDocx(["{issuer}", "{number}", `{institutionName}：${randomUUID()}`, "核验码 {verificationCode}"]), TEMPLATE_FILE_SPEC);

const onCase = (extra: (world: World) => Record<string, unknown> = () => ({})): Scenario => ({
  input: (world, version) => ({ caseId: world.caseId, version, ...extra(world) }),
  scoped: true,
});

export const SCENARIOS = {
  "case.deliverNotice": onCase((w) => ({ number: "吉医保飞检〔2024〕9号", recipientName: "王某", recipientTitle: "院长", staffPresentIds: [w.leader.userId, w.member.userId] })),
  "case.cancel": onCase(() => ({ reason: "该机构已停业" })),
  "case.startOnSite": onCase(),
  "case.addEvidence": { ...onCase(() => ({ kind: "COPY", description: "处方复印件" })), upload: PDF },
  "case.recordFinding": onCase((w) => ({ violationTypeId: w.violationType.id, legalBasis: "条例第三十八条", description: "串换药品", amount: "100.00" })),
  "case.closeWithoutFindings": onCase(() => ({ reason: "抽查病历未发现问题" })),
  "case.editFinding": onCase((w) => ({ findingId: "00000000-0000-4000-8000-000000000001", violationTypeId: w.violationType.id, legalBasis: "条例第三十八条", description: "串换药品", amount: "120.00", reason: "金额核对有误" })),
  "case.withdrawFinding": onCase(() => ({ findingId: "00000000-0000-4000-8000-000000000001", reason: "证据不足" })),
  "case.withdrawEvidence": onCase(() => ({ evidenceId: "00000000-0000-4000-8000-000000000001", reason: "拍摄对象有误" })),
  "case.signRecordTeam": onCase(),
  "case.signRecordInstitution": onCase(),
  "case.writeFeedbackReport": onCase(() => ({ summary: "反馈意见" })),
  "case.handOver": onCase(() => ({ note: "移交" })),
  "case.fileAppeal": onCase(() => ({ grounds: "DUPLICATE_DEDUCTION", statement: "该笔费用已被市局扣减" })),
  "case.decideAppeal": onCase(() => ({ appealId: "00000000-0000-4000-8000-000000000001", decision: "APPEAL_REJECTED", reasoning: "维持原认定" })),
  "case.issueConfirmationNotice": onCase(() => ({ number: "长医保稽确〔2024〕1号" })),
  "case.confirmAmounts": onCase(),
  "case.withdrawConfirmationNotice": onCase(() => ({ reason: "文号有误，撤回重发" })),
  "case.disputeConfirmationNotice": onCase(() => ({ reason: "第2项已于2023年清退" })),
  "case.issueRefundNotice": onCase(() => ({ fundAccount: "长春市医疗保障基金收入户", dueOn: "2099-12-31" })),
  "case.recordRefund": { ...onCase(() => ({ refundAmount: "100.00", method: "TRANSFER", paidOn: "2024-10-08" })), upload: PDF },
  "case.completeRefund": onCase(),
  "case.submitProgressReport": { ...onCase(() => ({ summary: "整改进行中" })), upload: PDF },
  "case.submitRectificationMaterial": { ...onCase(() => ({ description: "整改材料" })), upload: PDF },
  "case.endHandling": onCase(() => ({ handledAmount: "100.00" })),
  "case.submitRectificationReport": { ...onCase(() => ({ summary: "整改完成" })), upload: PDF },
  "case.acceptRectification": onCase(() => ({ note: "同意" })),
  "case.returnRectification": onCase(() => ({ note: "请补充材料" })),
  "case.close": onCase(),
  "case.list": { input: () => ({ limit: "10" }), scoped: false },
  "case.findings": { input: (w) => ({ caseId: w.caseId }), scoped: true },
  "case.files": { input: (w) => ({ caseId: w.caseId }), scoped: true },
  // The world's file is evidence of a record the team has not signed: its draft, unseen by the city and the institution.
  "file.download": { input: (w) => ({ fileId: w.fileId }), scoped: true, hiddenFrom: ["CITY_STAFF", "INSTITUTION_STAFF"] },
  "event.feed": { input: () => ({ after: "0", limit: "20" }), scoped: false },
  "case.get": { input: (w) => ({ caseId: w.caseId }), scoped: true },
  "case.reviewProgressReport": { input: () => ({ reportId: "00000000-0000-4000-8000-000000000002", version: 0, decision: "ACCEPT" }), scoped: false },
  "apiToken.list": { input: () => ({}), scoped: false },
  "apiToken.issue": { input: (w) => ({ name: "国家平台数据交换", organizationId: w.cityBureau.id, permissions: ["case.read"], expiresOn: "2099-01-01" }), scoped: false },
  "apiToken.revoke": { input: (w) => ({ tokenId: w.tokenId, version: 0 }), scoped: false },
  // Account, calendar, organizations, users (not scoped by a case: refused by role only).
  "account.changePassword": { input: () => ({ currentPassword: "not-the-password", newPassword: "Changed-pass-2026", confirmPassword: "Changed-pass-2026" }), scoped: false },
  "account.setLocale": { input: () => ({ locale: "zh-CN" }), scoped: false },
  "calendar.override": { input: () => ({ date: "2027-03-01", working: "OFF", note: "临时调整" }), scoped: false },
  "calendar.confirmYear": { input: () => yearInput(2027, ARRANGEMENT_2027), scoped: false },
  "organization.create": { input: (w) => ({ name: "测试卫生院", kind: "INSTITUTION", poolingRegionId: w.region.id }), scoped: false },
  "organization.deactivate": { input: (w) => ({ id: w.spare.organizationId, version: 0 }), scoped: false },
  "user.create": { input: (w) => ({ username: `u-${randomUUID().slice(0, 8)}`, displayName: "新用户", role: "CITY_STAFF", organizationId: w.cityBureau.id, password: "Initial-pass-2026" }), scoped: false },
  "user.deactivate": { input: (w) => ({ id: w.spare.userId, version: 0 }), scoped: false },
  // Plans, teams and draws: the bureau's, not scoped by a case (a draft plan for the editor, others to publish, delete, revise).
  "plan.create": { input: () => ({ title: "2027年度医保基金飞行检查方案", year: 2027, level: "PROVINCIAL", trigger: "ANNUAL_PLAN", periodStart: "2025-01-01", periodEnd: "2025-12-31" }), scoped: false },
  "plan.update": {
    input: (w) => ({
      planId: w.spare.plans.draftId, title: "2024年度飞行检查方案（修订）", documentNumber: "", scope: "", year: 2024, level: "PROVINCIAL", trigger: "ANNUAL_PLAN",
      periodStart: "2022-01-01", periodEnd: "2023-12-31", referenceYears: "2022, 2023", lookBackUpToYear: 2023, expertsPerTeam: 1, thirdPartyPerTeam: 0, appealWindowWorkingDays: "",
    }),
    scoped: false,
  },
  "plan.addPhase": { input: (w) => ({ planId: w.spare.plans.draftId, kind: "PREPARATION", title: "", startsOn: "", endsOn: "2024-03-01" }), scoped: false },
  "plan.saveRegion": {
    input: (w) => ({ planId: w.spare.plans.draftId, poolingRegionId: w.region.id, hospitalPoolRule: "TOP_K", hospitalPoolValue: 10, hospitalsToDraw: 2, pharmaciesTopN: 10, pharmaciesToDraw: 2, includeAgency: true, lookBackCount: 0 }),
    scoped: false,
  },
  "plan.addKeyArea": { input: (w) => ({ planId: w.spare.plans.draftId, keyAreaId: w.spare.plans.keyAreaId }), scoped: false },
  "plan.addParticipatingRegion": { input: (w) => ({ planId: w.spare.plans.draftId, poolingRegionId: w.region.id }), scoped: false },
  "plan.addExclusionWindow": { input: (w) => ({ planId: w.spare.plans.draftId, level: "NATIONAL", fromYear: 2022, toYear: 2023 }), scoped: false },
  "plan.addCeremonyParty": { input: (w) => ({ planId: w.spare.plans.draftId, code: `P${hex(6)}`, name: "长春市公证处" }), scoped: false },
  "plan.designateTarget": { input: (w) => ({ planId: w.spare.plans.draftId, planRegionId: UNKNOWN.item, institutionId: w.institution.id, kind: "HOSPITAL", trigger: "TIP_OFF", reason: "群众举报" }), scoped: false },
  "plan.searchDesignatable": { input: (w) => ({ planId: w.spare.plans.draftId, q: "医院" }), scoped: false },
  "plan.removeItem": { input: (w) => ({ planId: w.spare.plans.draftId, kind: "phase", itemId: UNKNOWN.item }), scoped: false },
  "plan.publish": { input: (w) => ({ planId: w.spare.plans.publishableId }), scoped: false },
  "plan.delete": { input: (w) => ({ planId: w.spare.plans.deletableId }), scoped: false },
  "plan.revise": { input: (w) => ({ planId: w.spare.plans.publishedId }), scoped: false },
  "plan.addTarget": { input: (w) => ({ planId: w.spare.plans.publishedId, institutionId: w.institution.id, teamId: w.spare.team.id, reason: "群众举报" }), scoped: false },
  "team.create": { input: (w) => ({ planId: w.spare.plans.publishedId, inspectedRegionId: w.region.id, name: "第二检查组" }), scoped: false },
  "team.addMember": { input: (w) => ({ teamId: w.spare.team.id, userId: w.outsider.userId, role: "MEMBER", isLawEnforcement: false }), scoped: false },
  "team.recordPaperLetter": { input: (w) => ({ teamMemberId: w.spare.team.expertMemberId }), scoped: false },
  "team.signCommitmentLetter": { input: (w) => ({ teamMemberId: w.spare.team.inspectorMemberId }), scoped: false },
  "team.declareConflict": { input: (w) => ({ teamMemberId: w.spare.team.inspectorMemberId, reason: "本人亲属在该机构任职" }), scoped: false },
  "draw.fixTeamDraw": { input: (w) => ({ planId: w.spare.plans.publishedId }), scoped: false },
  "draw.fixTargetDraw": { input: (w) => ({ planId: w.spare.plans.publishedId, planRegionId: UNKNOWN.item }), scoped: false },
  "draw.commit": { input: () => ({ drawId: UNKNOWN.draw, partyId: UNKNOWN.party, commitment: "a".repeat(64) }), scoped: false },
  "draw.enterEntropy": { input: () => ({ drawId: UNKNOWN.draw, publicEntropy: "20261129" }), scoped: false },
  "draw.reveal": { input: () => ({ drawId: UNKNOWN.draw, partyId: UNKNOWN.party, salt: "salt-of-the-notary-0001" }), scoped: false },
  "draw.stop": { input: () => ({ drawId: UNKNOWN.draw }), scoped: false },
  "draw.redraw": { input: () => ({ drawId: UNKNOWN.draw, reason: "摇号设备故障" }), scoped: false },
  "draw.record": { input: () => ({ drawId: UNKNOWN.draw }), scoped: false, readStatus: 404 },
  "draw.fullRecord": { input: () => ({ drawId: UNKNOWN.draw }), scoped: false, readStatus: 404 },
  "draw.manifest": { input: () => ({ drawId: UNKNOWN.draw }), scoped: false, readStatus: 404 },
  "draw.get": { input: () => ({ drawId: UNKNOWN.draw }), scoped: false, readStatus: 404 },
  "draw.list": { input: () => ({ page: "1" }), scoped: false },
  "plan.list": { input: () => ({}), scoped: false },
  "plan.get": { input: (w) => ({ planId: w.plan.id }), scoped: false },
  // Master data: the bureau's lists, not scoped by a case.
  "masterData.region.create": { input: () => ({ values: { code: hex(6), name: "测试新统筹区" } }), scoped: false },
  "masterData.region.update": { input: (w) => ({ id: w.spare.region.id, version: 0, values: { code: w.spare.region.code, name: "测试统筹区（更名）" } }), scoped: false },
  "masterData.region.setActive": { input: (w) => ({ id: w.spare.region.id, version: 0, active: false }), scoped: false },
  "masterData.institution.create": { input: (w) => ({ values: { kind: "PHARMACY", nationalCode: `P${digits(11)}`, name: "测试大药房", poolingRegionId: w.region.id } }), scoped: false },
  "masterData.institution.update": {
    input: (w) => ({ id: w.spare.institution.id, version: 0, values: { kind: "HOSPITAL", hospitalTier: "TIER_2", nationalCode: w.spare.institution.nationalCode, name: "测试医院（更名）", poolingRegionId: w.region.id } }),
    scoped: false,
  },
  "masterData.institution.setActive": { input: (w) => ({ id: w.spare.institution.id, version: 0, active: false }), scoped: false },
  "masterData.fundUsage.create": { input: (w) => ({ values: { institutionCode: w.spare.institution.nationalCode, year: 2023, amount: "1000.00" } }), scoped: false },
  "masterData.fundUsage.update": { input: (w) => ({ id: w.spare.fundUsageIds[0], version: 0, values: { institutionCode: w.spare.institution.nationalCode, year: 2021, amount: "2000.00" } }), scoped: false },
  "masterData.fundUsage.delete": { input: (w) => ({ id: w.spare.fundUsageIds[1], version: 0 }), scoped: false },
  "masterData.inspection.create": { input: (w) => ({ values: { institutionCode: w.spare.institution.nationalCode, level: "CITY", year: 2023 } }), scoped: false },
  "masterData.inspection.update": { input: (w) => ({ id: w.spare.inspectionIds[0], version: 0, values: { institutionCode: w.spare.institution.nationalCode, level: "PROVINCIAL", year: 2021, note: "省级检查" } }), scoped: false },
  "masterData.inspection.delete": { input: (w) => ({ id: w.spare.inspectionIds[1], version: 0 }), scoped: false },
  "masterData.expert.create": { input: () => ({ values: { staffNumber: `E${hex(8)}`, name: "专家乙", pool: "EXPERT" } }), scoped: false },
  "masterData.expert.update": { input: (w) => ({ id: w.spare.expert.id, version: 0, values: { staffNumber: w.spare.expert.staffNumber, name: "专家甲（更名）", pool: "EXPERT" } }), scoped: false },
  "masterData.expert.setActive": { input: (w) => ({ id: w.spare.expert.id, version: 0, active: false }), scoped: false },
  "masterData.catalogue.create": { input: () => ({ catalogue: "violation-types", values: { code: `V${hex(8)}`, name: "虚构医疗服务" } }), scoped: false },
  "masterData.catalogue.update": { input: (w) => ({ catalogue: "violation-types", id: w.spare.violationType.id, version: 0, values: { code: w.spare.violationType.code, name: "串换项目（更名）" } }), scoped: false },
  "masterData.import.preview": { input: () => ({ kind: "institutions" }), upload: () => uploaded("机构.csv", CSV(), IMPORT_FILE_SPEC), scoped: false },
  "masterData.import.commit": { input: () => ({ kind: "institutions", sha256: "0".repeat(64) }), upload: () => uploaded("机构.csv", CSV(), IMPORT_FILE_SPEC), scoped: false },
  "masterData.importTemplate": { input: () => ({ kind: "institutions" }), scoped: false },
  "masterData.export": { input: () => ({ list: "institutions", q: "医院", sort: "name" }), scoped: false },
  "masterData.catalogue.setActive": { input: (w) => ({ catalogue: "key-areas", id: w.spare.keyAreaId, version: 0, active: false }), scoped: false },
  "settings.getHandling": { input: () => ({}), scoped: false },
  "settings.updateHandling": { input: () => ({ version: 0, differenceThresholdPercent: "10", differenceThresholdAmount: "10000" }), scoped: false },
  "document.generate": { input: (w) => ({ caseId: w.caseId, kind: "ON_SITE_NOTICE" }), scoped: true },
  "document.list": { input: (w) => ({ caseId: w.caseId }), scoped: true },
  // The world's notice (a document every party of the case reads, as the served notice is).
  "document.download": { input: (w) => ({ documentId: w.documentId, format: "docx" }), scoped: true },
  "document.binder": { input: (w) => ({ caseId: w.caseId }), scoped: true },
  "document.preview": { input: (w) => ({ caseId: w.caseId, documentId: w.documentId }), scoped: true },
  "document.attachScan": { input: (w) => ({ caseId: w.caseId, documentId: w.documentId }), upload: PDF, scoped: true },
  "documentTemplate.list": { input: () => ({}), scoped: false },
  "documentTemplate.upload": { input: () => ({ kind: "ON_SITE_NOTICE" }), upload: () => TEMPLATE(), scoped: false },
  "documentTemplate.restoreDefault": { input: () => ({ kind: "ON_SITE_NOTICE" }), scoped: false },
  "document.verify": { input: () => ({ code: "K7QF-3MZP" }), scoped: false },
  "publication.list": { input: () => ({}), scoped: false },
  // The world's case is not decided: the bureau's proposal is refused as CONFLICT, past the permission check.
  "publication.propose": { input: (w) => ({ caseId: w.caseId, kind: "RESULT", handling: "责令退回违规使用的医保基金。" }), scoped: false },
  "publication.approve": { input: () => ({ publicationId: UNKNOWN.item, version: 0 }), scoped: false },
  "publication.withdraw": { input: () => ({ publicationId: UNKNOWN.item, version: 0, reason: "处理结果变更" }), scoped: false },
  "publication.getSettings": { input: () => ({}), scoped: false },
  "publication.updateSettings": { input: () => ({ version: 0, publishWithinWorkingDays: 7, retentionYears: 5 }), scoped: false },
  "publication.publicList": { input: () => ({ year: "2026" }), scoped: false },
  "publication.publicGet": { input: () => ({ publicationId: UNKNOWN.item }), scoped: false, readStatus: 404 },
  "statistics.planReport": { input: (w) => ({ planId: w.plan.id }), scoped: false },
} satisfies Record<OperationName, Scenario>;

/**
 * A case every party can see and act on: the notice delivered and the team on site, so the city and the
 * institution are in scope, with one piece of evidence to list and download and the notice generated; plus an administrator and an API
 * token to revoke.
 */
export async function makeScenarioWorld(db: PrismaClient): Promise<World> {
  const world = await makeCaseWorld(db);
  const caseId = world.inspectionCase.id;
  await deliverNotice(db, world.leader, { caseId, version: 0, number: "吉医保飞检〔2024〕8号", recipientName: "王某", recipientTitle: "院长", staffPresentIds: [world.leader.userId, world.member.userId] });
  await startOnSite(db, world.leader, { caseId, version: 1 });
  const evidence = await PDF();
  await addEvidence(db, world.leader, { caseId, version: 2, kind: "COPY", description: "处方复印件" }, evidence);
  await settleUpload(db, evidence);
  const { fileId } = await db.evidence.findFirstOrThrow({ where: { caseId }, select: { fileId: true } });
  const { id: documentId } = await generateDocument(db, world.bureau, { caseId, kind: "ON_SITE_NOTICE" });
  // Its PDF (where LibreOffice is installed) is made before the sweeps count what each call writes.
  await pdfQueueIdle();
  const admin = await makeActor(db, "BUREAU_ADMIN");
  const system = await db.user.create({ data: { username: `system-${caseId.slice(0, 8)}`, displayName: "接口", role: "CITY_STAFF", organizationId: world.cityBureau.id, passwordHash: "!", isSystemAccount: true } });
  const token = await db.apiToken.create({ data: { name: "接口", userId: system.id, permissions: ["case.read"], prefix: `fj_${caseId.slice(0, 8)}`, secretSha256: caseId.replace(/-/g, "").padEnd(64, "0"), expiresAt: new Date("2099-01-01"), createdById: admin.userId } });
  const spareOrganization = await makeOrganization(db, "INSTITUTION", { poolingRegionId: world.region.id });
  const spareUser = await makeUser(db, "CITY_STAFF", { organizationId: world.cityBureau.id });
  return { ...world, admin, caseId, tokenId: token.id, fileId, documentId, spare: { organizationId: spareOrganization.id, userId: spareUser.id, ...(await makeSpareMasterData(db, world)) } };
}

/** One record of each master-data list for the edit, deactivate and delete operations, outside the case's story. */
async function makeSpareMasterData(db: PrismaClient, world: Awaited<ReturnType<typeof makeCaseWorld>>): Promise<Omit<SpareRecords, "organizationId" | "userId">> {
  const region = await db.poolingRegion.create({ data: { code: hex(6), name: `备用统筹区${hex(4)}` } });
  const institution = await db.institution.create({ data: { kind: "HOSPITAL", hospitalTier: "TIER_2", nationalCode: `H${digits(11)}`, name: `备用医院${hex(4)}`, poolingRegionId: region.id } });
  const fundUsage = (year: number) => db.fundUsage.create({ data: { institutionId: institution.id, year, amount: "100.00" } });
  const inspection = (year: number) => db.inspectionHistory.create({ data: { institutionId: institution.id, level: "CITY", year } });
  const expert = await db.expert.create({ data: { staffNumber: `E${hex(8)}`, name: "备用专家", pool: "EXPERT", homeRegionId: region.id } });
  const violationType = await db.violationType.create({ data: { code: `V${hex(8)}`, name: `备用违规类型${hex(4)}`, legalBasis: "条例第三十八条" } });
  const keyArea = await db.keyArea.create({ data: { code: `K${hex(8)}`, name: `备用重点领域${hex(4)}` } });
  return {
    region: { id: region.id, code: region.code },
    institution: { id: institution.id, nationalCode: institution.nationalCode },
    fundUsageIds: [(await fundUsage(2021)).id, (await fundUsage(2022)).id],
    inspectionIds: [(await inspection(2021)).id, (await inspection(2022)).id],
    expert: { id: expert.id, staffNumber: expert.staffNumber },
    violationType: { id: violationType.id, code: violationType.code },
    keyAreaId: keyArea.id,
    ...(await makeSparePlans(db, world)),
  };
}

/** Plans for the editor's operations (drafts), and a published one with a team of an inspector and an expert. */
async function makeSparePlans(db: PrismaClient, world: Awaited<ReturnType<typeof makeCaseWorld>>): Promise<Pick<SpareRecords, "plans" | "team">> {
  const draft = () => makePlan(db, world.bureau);
  const published = await makePlan(db, world.bureau, { published: true });
  const keyArea = await db.keyArea.create({ data: { code: `K${hex(8)}`, name: `方案重点领域${hex(4)}` } });
  const team = await makeTeam(db, published.id, world.region.id);
  const inspector = await makeUser(db, "INSPECTOR");
  const inspectorMember = await db.teamMember.create({ data: { teamId: team.id, userId: inspector.id, role: "MEMBER" } });
  const expert = await db.expert.create({ data: { staffNumber: `E${hex(8)}`, name: "纸质承诺书专家", pool: "EXPERT", homeRegionId: world.region.id } });
  const expertMember = await db.teamMember.create({ data: { teamId: team.id, expertId: expert.id, role: "EXPERT" } });
  return {
    plans: { draftId: (await draft()).id, deletableId: (await draft()).id, publishableId: (await draft()).id, publishedId: published.id, keyAreaId: keyArea.id },
    team: { id: team.id, inspectorMemberId: inspectorMember.id, expertMemberId: expertMember.id },
  };
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
