// The schema's conventions, checked against what the migrations really built (pg_catalog of this file's schema),
// and one case file walked through every table. docs/decisions/009-case-file-schema.md states the rules.
import { createHash, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { CASE_STATES, TEAM_ROLES, USER_ROLES } from "@/lib/domain/case/workflow";
import { CaseState, Role, TeamRole } from "@/lib/server/db/generated/enums";
import { withClient } from "@/lib/server/db/migrator";
import { makeOrganization, makeRegion, makeUser } from "../factories";
import { setupTestDatabase } from "./support/db";

const t = setupTestDatabase();

/**
 * Rows that change after they are written: each has `version` (compare-and-set) and `updatedAt`.
 * A new table must be added here or to NEVER_UPDATED, or the partition test fails.
 */
const MUTABLE = [
  "PoolingRegion", "Organization", "User", "UserSession", "LoginThrottle",
  "Institution", "FundUsage", "InspectionHistory", "ViolationType", "KeyArea", "Expert", "ConflictDeclaration",
  "CalendarOverride", "CalendarYear", "CalendarHoliday",
  "Plan", "PlanPhase", "PlanRegion", "DesignatedTarget", "CeremonyParty",
  "Draw", "DrawCommitment",
  "Team", "TeamMember",
  "InspectionCase", "Finding", "Seizure", "OnSiteProblemRecord", "InspectionStatistics", "FeedbackReport",
  "Appeal", "Transfer",
  "Rectification", "RectificationReport", "DifferenceExplanation",
  "Publication",
  "ApiToken", "IdempotencyRecord",
  "HandlingSettings",
  "CaseDocument",
  "PublicationSettings",
];

/**
 * Rows never updated: records of an act (a signature, a delivery, a decision, a payment, an upload, an audit
 * event), corrected by a new row; and a draft plan's link rows, replaced by delete and insert.
 */
const NEVER_UPDATED = [
  "AuditEvent", "AuditCheckpoint", "FileObject",
  "PlanKeyArea", "PlanExclusionWindow", "PlanParticipatingRegion",
  "CommitmentLetter", "OnSiteNotice", "Evidence", "ProblemRecordSignature", "Handover",
  "Statement", "Review", "AmountConfirmationNotice", "ConfirmationLetter", "RefundNotice", "Refund", "Penalty",
  "RectificationMaterial", "MasterDataImport",
  "FindingRevision", "OnSiteNoticeStaff", "EvidenceWithdrawal", "SupersededConfirmationNotice",
  "DocumentTemplate", "DocumentScan",
];

/** Counters changed only by one atomic increment (no read, so no compare-and-set): an API token's requests per minute. */
const COUNTERS = ["ApiTokenUsage", "DocumentNumberCounter"];

/** Numeric columns that are not money, with their type. Every other numeric column must be numeric(18,2). */
const NON_MONEY_NUMERIC: Record<string, [precision: number, scale: number]> = { "Penalty.multiple": [4, 2], "HandlingSettings.differenceThresholdPercent": [5, 2] };

/** The hand-written CHECK constraints of the case_file migration (Prisma's diff neither writes nor keeps track of them). */
const HAND_WRITTEN_CHECKS = [
  "FundUsage_amount_check", "InspectionCase_amounts_check", "Finding_amount_check", "InspectionStatistics_counts_check",
  "Review_revisedAmount_check", "AmountConfirmationNotice_amount_check", "RefundNotice_amount_check", "Refund_amount_check",
  "Penalty_amounts_check", "Institution_hospitalTier_check", "Plan_period_check", "PlanPhase_dates_check",
  "PlanExclusionWindow_years_check", "PlanRegion_rules_check", "Draw_planRegion_check", "TeamMember_person_check",
  "ConflictDeclaration_parties_check", "InspectionCase_designation_check", "InspectionCase_lookBack_check",
  "Refund_voucher_check", "Publication_subject_check", "FileObject_content_check", "MasterDataImport_rows_check",
  "InspectionCase_dueAwaits_check", "CalendarHoliday_days_check",
  "HandlingSettings_single_row", "HandlingSettings_thresholds_check", "SupersededConfirmationNotice_reason_check", "Refund_voucher_required",
  "PublicationSettings_single_row", "PublicationSettings_periods", "Publication_four_eyes", "Publication_published_complete", "Publication_withdrawn_reason",
];

/** The hand-written triggers that make the audit log append-only (migration audit_anchor_sessions_throttle). */
const HAND_WRITTEN_TRIGGERS = ["AuditEvent_append_only", "AuditEvent_no_truncate", "AuditCheckpoint_append_only", "AuditCheckpoint_no_truncate"];

/** Tables of the platform that a case file never writes: sign-in sessions, throttling, the audit log and its anchors. */
const NOT_IN_A_CASE_FILE = ["AuditEvent", "AuditCheckpoint", "UserSession", "LoginThrottle"];

type Column = { table: string; column: string; dataType: string; precision: number | null; scale: number | null; datetimePrecision: number | null; nullable: boolean; defaultValue: string | null };
type ForeignKey = { name: string; table: string; tableOid: number; columns: number[]; columnNames: string[] };
type Index = { tableOid: number; name: string; columns: number[] };

let tables: string[];
let columns: Column[];
let foreignKeys: ForeignKey[];
let indexes: Index[];
let checks: string[];

const query = <R,>(sql: string) =>
  withClient(t.url, async (c) => (await c.query(sql, [t.schema])).rows as R[]);

beforeAll(async () => {
  tables = (
    await query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind = 'r' AND c.relname <> '_prisma_migrations' ORDER BY 1`,
    )
  ).map((row) => row.name);
  columns = await query<Column>(
    `SELECT table_name AS "table", column_name AS "column", data_type AS "dataType", numeric_precision AS precision,
            numeric_scale AS scale, datetime_precision AS "datetimePrecision", is_nullable = 'YES' AS nullable,
            column_default AS "defaultValue"
       FROM information_schema.columns WHERE table_schema = $1 AND table_name <> '_prisma_migrations'`,
  );
  foreignKeys = await query<ForeignKey>(
    `SELECT con.conname AS name, cl.relname AS "table", con.conrelid::int AS "tableOid", con.conkey::int[] AS columns,
            ARRAY(SELECT a.attname::text FROM unnest(con.conkey) AS k(attnum)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS "columnNames"
       FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
      WHERE n.nspname = $1 AND con.contype = 'f'`,
  );
  // Partial indexes cover only some rows, so they do not count.
  indexes = await query<Index>(
    `SELECT i.indrelid::int AS "tableOid", ic.relname AS name, string_to_array(i.indkey::text, ' ')::int[] AS columns
       FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace
      WHERE n.nspname = $1 AND i.indpred IS NULL`,
  );
  checks = (
    await query<{ name: string }>(
      `SELECT con.conname AS name FROM pg_constraint con JOIN pg_namespace n ON n.oid = con.connamespace
        WHERE n.nspname = $1 AND con.contype = 'c'`,
    )
  ).map((row) => row.name);
});

const key = (c: Pick<Column, "table" | "column">) => `${c.table}.${c.column}`;
const sameSet = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x) => b.includes(x));

describe("schema conventions", () => {
  it("covers every foreign key with an index whose leading columns are the key's columns", () => {
    expect(foreignKeys.length).toBeGreaterThan(100);
    const uncovered = foreignKeys
      .filter((fk) => !indexes.some((ix) => ix.tableOid === fk.tableOid && sameSet(ix.columns.slice(0, fk.columns.length), fk.columns)))
      .map((fk) => `${fk.table}(${fk.columnNames.join(", ")})`);
    expect(uncovered).toEqual([]);
  });

  it("keys every table by uuid: id columns and foreign-key columns are uuid", () => {
    const byKey = new Map(columns.map((c) => [key(c), c]));
    const notUuid = [
      ...columns.filter((c) => c.column === "id"),
      ...foreignKeys.flatMap((fk) => fk.columnNames.map((column) => byKey.get(`${fk.table}.${column}`)!)),
    ]
      .filter((c) => c.dataType !== "uuid")
      .map(key);
    expect(notUuid).toEqual([]);
  });

  it("stores money as numeric(18,2): every numeric column but the listed non-money ones, and every amount or total", () => {
    const wrong = columns
      .filter((c) => c.dataType === "numeric" || /amount|total/i.test(c.column))
      .filter((c) => {
        const [precision, scale] = NON_MONEY_NUMERIC[key(c)] ?? [18, 2];
        return c.dataType !== "numeric" || c.precision !== precision || c.scale !== scale;
      })
      .map((c) => `${key(c)} ${c.dataType}(${c.precision},${c.scale})`);
    expect(wrong).toEqual([]);
    expect(columns.filter((c) => ["real", "double precision", "money"].includes(c.dataType)).map(key)).toEqual([]);
    expect(columns.filter((c) => c.dataType === "numeric").length).toBeGreaterThan(10);
  });

  it("classifies every table as mutable, never updated or a counter, each exactly once", () => {
    const classified = [...MUTABLE, ...NEVER_UPDATED, ...COUNTERS];
    expect(new Set(classified).size).toBe(classified.length);
    expect(classified.sort()).toEqual([...tables].sort());
  });

  it("gives every mutable table version integer NOT NULL DEFAULT 0 and updatedAt, and never-updated tables neither", () => {
    const column = (table: string, name: string) => columns.find((c) => c.table === table && c.column === name);
    const badMutable = MUTABLE.filter((table) => {
      const version = column(table, "version");
      return !version || version.dataType !== "integer" || version.nullable || version.defaultValue !== "0" || !column(table, "updatedAt");
    });
    expect(badMutable).toEqual([]);
    expect(NEVER_UPDATED.filter((table) => column(table, "version") || column(table, "updatedAt"))).toEqual([]);
  });

  it("stores instants as timestamptz(3) named …At, and calendar days as date", () => {
    const timestamps = columns.filter((c) => c.dataType.startsWith("timestamp"));
    expect(timestamps.filter((c) => c.dataType !== "timestamp with time zone" || c.datetimePrecision !== 3).map(key)).toEqual([]);
    expect(columns.filter((c) => /At$/.test(c.column) && c.dataType !== "timestamp with time zone").map(key)).toEqual([]);
    expect(columns.filter((c) => /On$/.test(c.column) && c.dataType !== "date").map(key)).toEqual([]);
    expect(columns.filter((c) => c.dataType === "date").map(key).sort()).toEqual(
      [
        "CalendarHoliday.firstDayOff", "CalendarHoliday.lastDayOff",
        "CalendarOverride.date", "InspectionCase.progressReportDueOn", "InspectionCase.writtenReportDueOn",
        "Plan.periodEnd", "Plan.periodStart", "PlanPhase.endsOn", "PlanPhase.startsOn", "Refund.paidOn", "RefundNotice.dueOn",
        "CaseDocument.issuedOn", "Publication.publishDueOn",
      ].sort(),
    );
  });

  it("gives InspectionCase.state exactly the workflow's CASE_STATES, in order", async () => {
    const labels = await query<{ label: string }>(
      `SELECT e.enumlabel AS label FROM pg_attribute a
         JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_enum e ON e.enumtypid = a.atttypid
        WHERE n.nspname = $1 AND c.relname = 'InspectionCase' AND a.attname = 'state' ORDER BY e.enumsortorder`,
    );
    expect(labels.map((row) => row.label)).toEqual([...CASE_STATES]);
    expect(Object.values(CaseState)).toEqual([...CASE_STATES]);
  });

  it("keeps the enums lib/domain repeats equal to the schema's (team roles, user roles)", () => {
    expect(Object.values(TeamRole)).toEqual([...TEAM_ROLES]);
    expect(Object.values(Role)).toEqual([...USER_ROLES]);
  });

  it("keeps the hand-written CHECK constraints", () => {
    expect(HAND_WRITTEN_CHECKS.filter((name) => !checks.includes(name))).toEqual([]);
  });

  it("keeps the triggers that make the audit log append-only", async () => {
    const triggers = await query<{ name: string }>(
      `SELECT tg.tgname AS name FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND NOT tg.tgisinternal AND tg.tgenabled = 'O'`,
    );
    expect(HAND_WRITTEN_TRIGGERS.filter((name) => !triggers.some((t) => t.name === name))).toEqual([]);
  });
});

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const code = () => randomUUID().slice(0, 8).toUpperCase();

/** A hospital with its login organization, in `regionId`. */
async function makeHospital(regionId: string) {
  const organization = await makeOrganization(t.db, "INSTITUTION", { poolingRegionId: regionId });
  const institution = await t.db.institution.create({
    data: { kind: "HOSPITAL", hospitalTier: "TIER_3", nationalCode: `H${code()}`, name: "测试第一医院", poolingRegionId: regionId, organizationId: organization.id },
  });
  return { organization, institution };
}

describe("one case file, from the plan to the publication", () => {
  it("fits the schema, with a row in every table", async () => {
    const db = t.db;
    const at = new Date("2024-09-02T01:30:00.000Z");
    const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

    const inspected = await makeRegion(db);
    const inspecting = await makeRegion(db);
    const bureau = await makeOrganization(db, "PROVINCIAL_BUREAU");
    const cityBureau = await makeOrganization(db, "CITY_BUREAU", { poolingRegionId: inspected.id });
    const admin = await makeUser(db, "BUREAU_ADMIN", { organizationId: bureau.id });
    const leader = await makeUser(db, "INSPECTOR", { organizationId: bureau.id });
    const expertUser = await makeUser(db, "INSPECTOR", { organizationId: bureau.id });
    const cityStaff = await makeUser(db, "CITY_STAFF", { organizationId: cityBureau.id });
    const { organization: hospitalOrg, institution } = await makeHospital(inspected.id);
    const hospitalStaff = await makeUser(db, "INSTITUTION_STAFF", { organizationId: hospitalOrg.id });
    const upload = (name: string) =>
      db.fileObject.create({
        data: { storageKey: `test/${randomUUID()}`, sha256: sha256(name), sizeBytes: name.length, mediaType: "application/pdf", fileName: name, uploadedById: admin.id, uploadedAt: at },
      });

    // Master data.
    await db.fundUsage.create({ data: { institutionId: institution.id, year: 2023, amount: "123456789.01" } });
    await db.inspectionHistory.create({ data: { institutionId: institution.id, level: "NATIONAL", year: 2021 } });
    const violationType = await db.violationType.create({ data: { code: `V${code()}`, name: "重复收费", legalBasis: "条例第三十八条" } });
    const keyArea = await db.keyArea.create({ data: { code: `K${code()}`, name: "重症医学" } });
    const expert = await db.expert.create({
      data: { staffNumber: `E${code()}`, name: "测试专家", pool: "EXPERT", specialty: "重症医学", homeRegionId: inspecting.id, userId: expertUser.id, lastServedYear: 2022 },
    });
    await db.masterDataImport.create({ data: { kind: "INSTITUTION", fileId: (await upload("institutions.xlsx")).id, rowsAdded: 1, rowsUpdated: 0, rowsUnchanged: 0, importedById: admin.id, importedAt: at } });
    await db.calendarYear.create({ data: { year: 2099, complete: false, sourceNotice: "测试", confirmedById: admin.id, confirmedAt: at } });
    await db.calendarOverride.create({ data: { date: day("2099-01-02"), working: false, note: "测试", createdById: admin.id } });
    await db.calendarHoliday.create({ data: { year: 2099, holiday: "NEW_YEAR", firstDayOff: day("2099-01-01"), lastDayOff: day("2099-01-02"), makeUpWorkingDays: [day("2099-01-03")] } });

    // The plan, with its rules, and the two draws.
    const plan = await db.plan.create({
      data: {
        year: 2024, level: "PROVINCIAL", trigger: "ANNUAL_PLAN", title: "2024 年省级飞行检查", organizationId: bureau.id,
        periodStart: day("2022-01-01"), periodEnd: day("2023-12-31"), referenceYears: [2022, 2023], appealWindowWorkingDays: 10, createdById: admin.id,
        phases: { create: [{ kind: "PREPARATION", endsOn: day("2024-07-10") }, { kind: "ON_SITE", startsOn: day("2024-07-11"), endsOn: day("2024-09-30") }] },
        keyAreas: { create: [{ keyAreaId: keyArea.id }] },
        exclusionWindows: { create: [{ level: "NATIONAL", fromYear: 2023, toYear: 2024 }, { level: "PROVINCIAL", fromYear: 2023, toYear: 2023 }] },
        participatingRegions: { create: [{ poolingRegionId: inspecting.id }] },
        inspectedRegions: { create: [{ poolingRegionId: inspected.id, hospitalPoolValue: 20, hospitalsToDraw: 2 }] },
        ceremonyParties: { create: [{ code: "bureau", name: "基金监管处", position: 0 }, { code: "discipline", name: "驻局纪检监察组", position: 1 }] },
      },
      include: { inspectedRegions: true, ceremonyParties: true },
    });
    const planRegion = plan.inspectedRegions[0]!;
    await db.designatedTarget.create({ data: { planRegionId: planRegion.id, institutionId: institution.id, kind: "HOSPITAL", trigger: "TIP_OFF", reason: "举报线索", designatedById: admin.id } });
    const teamDraw = await db.draw.create({
      data: {
        planId: plan.id, kind: "TEAMS", manifest: { kind: "TEAMS" }, manifestHash: sha256(`teams ${randomUUID()}`), createdById: admin.id,
        commitments: { create: plan.ceremonyParties.map((party) => ({ partyId: party.id, commitment: sha256(party.code), committedAt: at })) },
      },
    });
    const targetDraw = await db.draw.create({ data: { planId: plan.id, kind: "TARGETS", planRegionId: planRegion.id, manifest: { kind: "TARGETS" }, manifestHash: sha256(`targets ${randomUUID()}`), createdById: admin.id } });

    // The team, its members, their letters.
    const team = await db.team.create({ data: { planId: plan.id, drawId: teamDraw.id, inspectedRegionId: inspected.id, inspectingRegionId: inspecting.id, name: "第一组" } });
    const leaderMember = await db.teamMember.create({ data: { teamId: team.id, userId: leader.id, role: "LEADER", isLawEnforcement: true } });
    const expertMember = await db.teamMember.create({ data: { teamId: team.id, userId: expertUser.id, expertId: expert.id, role: "EXPERT", source: "DRAWN", drawId: teamDraw.id } });
    for (const member of [leaderMember, expertMember]) {
      await db.commitmentLetter.create({ data: { teamMemberId: member.id, textSha256: sha256("检查承诺书"), signedAt: at } });
    }
    await db.conflictDeclaration.create({ data: { userId: expertUser.id, expertId: expert.id, poolingRegionId: inspected.id, planId: plan.id, reason: "配偶在被检地工作", declaredAt: at, recordedById: admin.id } });

    // The case, on site.
    const inspectionCase = await db.inspectionCase.create({
      data: { planId: plan.id, teamId: team.id, institutionId: institution.id, inspectedRegionId: inspected.id, drawId: targetDraw.id, trigger: "ANNUAL_PLAN", designated: true, designationReason: "举报线索" },
    });
    const caseId = inspectionCase.id;
    const notice = await db.onSiteNotice.create({ data: { caseId, number: "吉医保飞检〔2024〕1号", deliveredAt: at, recipientName: "陈晓燕", recipientTitle: "院长", deliveredById: leader.id } });
    await db.onSiteNoticeStaff.create({ data: { noticeId: notice.id, userId: leader.id } });
    const finding = await db.finding.create({
      data: { caseId, violationTypeId: violationType.id, keyAreaId: keyArea.id, legalBasis: "条例第三十八条", description: "重复收取护理费", amount: "1234.50", recordedById: leader.id },
    });
    await db.findingRevision.create({ data: { findingId: finding.id, kind: "EDITED", changes: [{ field: "amount", from: "1000.00", to: "1234.50" }], reason: "复核", revisedById: leader.id, revisedAt: at } });
    const evidence = await db.evidence.create({ data: { caseId, findingId: finding.id, kind: "PHOTO", fileId: (await upload("photo.jpg")).id } });
    await db.evidenceWithdrawal.create({ data: { evidenceId: evidence.id, reason: "拍摄对象有误", withdrawnById: leader.id, withdrawnAt: at } });
    await db.seizure.create({ data: { caseId, itemList: "2023 年住院病历 12 册", place: "病案室", sealedAt: at, sealedById: leader.id, listFileId: (await upload("list.pdf")).id } });
    await db.onSiteProblemRecord.create({
      data: {
        caseId, contentSha256: sha256("record"),
        signatures: { create: [
          { side: "TEAM", signedById: leader.id, signedAt: at, contentSha256: sha256("record") },
          { side: "INSTITUTION", signedById: hospitalStaff.id, signedAt: at, contentSha256: sha256("record") },
        ] },
      },
    });
    await db.inspectionStatistics.create({ data: { caseId, recordsChecked: 300, interviews: 12, drugsVerified: 40, violations: 1, amount: "1234.50" } });
    await db.feedbackReport.create({ data: { caseId, summary: "反馈报告", writtenById: leader.id, fileId: (await upload("feedback.pdf")).id } });
    await db.handover.create({ data: { caseId, handedOverById: leader.id, receivingOrganizationId: cityBureau.id, receivedAt: at } });

    // Handling after the handover.
    await db.statement.create({ data: { caseId, findingId: finding.id, content: "陈述申辩", submittedById: hospitalStaff.id, submittedAt: at } });
    const appeal = await db.appeal.create({ data: { caseId, findingId: finding.id, grounds: "DUPLICATE_DEDUCTION", statement: "已于 2023 年清退", filedById: hospitalStaff.id, filedAt: at } });
    await db.review.create({ data: { appealId: appeal.id, decision: "FINDING_AMENDED", revisedAmount: "1000.00", reasoning: "部分重复", expertMeeting: true, decidedById: cityStaff.id, decidedAt: at } });
    await db.supersededConfirmationNotice.create({ data: { caseId, amount: "1200.00", findingsAmount: "1000.00", deviationReason: "含另查实部分", breakdown: [], issuedById: cityStaff.id, issuedAt: at, outcome: "DISPUTED", reason: "另查实部分未经告知", closedById: hospitalStaff.id, closedAt: at } });
    await db.handlingSettings.create({ data: { differenceThresholdPercent: "10", differenceThresholdAmount: "10000.00", updatedById: admin.id } });
    await db.publicationSettings.create({ data: { publishWithinWorkingDays: 7, retentionYears: 5 } });
    const confirmation = await db.amountConfirmationNotice.create({ data: { caseId, amount: "1000.00", findingsAmount: "1000.00", issuedById: cityStaff.id, issuedAt: at } });
    await db.confirmationLetter.create({ data: { noticeId: confirmation.id, signedById: hospitalStaff.id, receivedAt: at } });
    const refundNotice = await db.refundNotice.create({ data: { caseId, amount: "1000.00", fundAccount: "医保基金专户", issuedById: cityStaff.id, issuedAt: at } });
    await db.refund.create({ data: { refundNoticeId: refundNotice.id, amount: "1000.00", paidOn: day("2024-10-08"), voucherFileId: (await upload("voucher.pdf")).id, recordedById: hospitalStaff.id, recordedAt: at } });
    await db.penalty.create({ data: { caseId, multiple: "1.50", amount: "1500.00", legalBasis: "条例第三十八条", decidedById: cityStaff.id, decidedAt: at } });
    await db.transfer.create({ data: { caseId, findingId: finding.id, organ: "HEALTH", sentAt: at, sentById: cityStaff.id } });
    await db.rectification.create({
      data: {
        caseId,
        reports: { create: [{ kind: "PROGRESS", summary: "整改进度", submittedById: cityStaff.id, submittedAt: at }] },
        materials: { create: [{ fileId: (await upload("material.pdf")).id }] },
      },
    });
    await db.differenceExplanation.create({ data: { caseId, explanation: "复核后调减", writtenById: cityStaff.id, submittedAt: at } });
    await db.publication.create({ data: { caseId, planId: plan.id, title: "查处结果", content: { amount: "1000.00" }, publishedAt: at, publishedById: admin.id } });
    await db.documentNumberCounter.create({ data: { organizationId: bureau.id, kind: "ON_SITE_NOTICE", year: 2024, lastSequence: 1 } });
    await db.caseDocument.create({
      data: {
        caseId, kind: "ON_SITE_NOTICE", seriesKey: "ON_SITE_NOTICE", revision: 1, issuerOrganizationId: bureau.id, year: 2024, sequence: 1, number: "吉医保飞检〔2024〕1号",
        issuedOn: day("2024-07-11"), verificationCode: "K7QF-3MZP", contentSha256: sha256("notice"), fileId: (await upload("notice.docx")).id, sha256: sha256("notice.docx"),
        caseVersion: 0, auditHeadHash: "0".repeat(64), pdfStatus: "UNAVAILABLE", generatedById: admin.id,
      },
    });
    await db.documentTemplate.create({ data: { kind: "ON_SITE_NOTICE", revision: 1, fileId: (await upload("template.docx")).id, placeholders: ["number", "verificationCode"], createdById: admin.id } });
    await db.documentScan.create({ data: { documentId: (await db.caseDocument.findFirstOrThrow({ where: { caseId } })).id, fileId: (await upload("receipt-scan.pdf")).id, uploadedById: admin.id } });
    const system = await db.user.create({ data: { username: `system-${randomUUID().slice(0, 8)}`, displayName: "国家平台接口", role: "BUREAU_STAFF", organizationId: admin.organizationId, passwordHash: "!", isSystemAccount: true } });
    const token = await db.apiToken.create({ data: { name: "国家平台数据交换", userId: system.id, permissions: ["case.read"], prefix: "fj_abcd1234", secretSha256: "0".repeat(64), expiresAt: at, createdById: admin.id } });
    await db.apiTokenUsage.create({ data: { tokenId: token.id, windowStart: at, count: 1 } });
    await db.idempotencyRecord.create({ data: { principal: `user:${admin.id}`, key: "retry-1", operation: "case.recordFinding", requestHash: "0".repeat(64), status: 200, response: { version: 3 } } });
    await db.inspectionCase.update({
      where: { id: caseId },
      data: { state: "RECTIFYING", noticeDeliveredAt: at, handoverReceivedAt: at, progressReportDueOn: day("2024-10-21"), handedOverAmount: "1234.50", handledAmount: "1000.00", version: { increment: 1 } },
    });

    const stored = await db.inspectionCase.findUniqueOrThrow({ where: { id: caseId }, include: { findings: true, problemRecord: { include: { signatures: true } } } });
    expect(stored.handedOverAmount?.toFixed(2)).toBe("1234.50");
    expect(stored.progressReportDueOn?.toISOString().slice(0, 10)).toBe("2024-10-21");
    expect(stored.problemRecord?.signatures.map((s) => s.side).sort()).toEqual(["INSTITUTION", "TEAM"]);

    const counted = tables.filter((table) => !NOT_IN_A_CASE_FILE.includes(table));
    const counts = await withClient(t.url, async (c) => {
      const from = (table: string) => `${c.escapeIdentifier(t.schema)}.${c.escapeIdentifier(table)}`;
      const sql = counted.map((table) => `SELECT ${c.escapeLiteral(table)} AS "table", count(*)::int AS rows FROM ${from(table)}`).join(" UNION ALL ");
      return (await c.query<{ table: string; rows: number }>(sql)).rows;
    });
    expect(counts.filter((row) => row.rows === 0).map((row) => row.table)).toEqual([]);
  });
});

describe("constraints the database enforces", () => {
  let regionId: string;
  let institutionId: string;
  let userId: string;
  beforeAll(async () => {
    regionId = (await makeRegion(t.db)).id;
    institutionId = (await makeHospital(regionId)).institution.id;
    userId = (await makeUser(t.db, "BUREAU_ADMIN")).id;
  });

  it("refuses a negative amount", async () => {
    await expect(t.db.fundUsage.create({ data: { institutionId, year: 2020, amount: "-0.01" } })).rejects.toThrow(/FundUsage_amount_check/);
  });

  it("refuses a second fund-usage row for the same institution and year", async () => {
    await t.db.fundUsage.create({ data: { institutionId, year: 2021, amount: "1.00" } });
    await expect(t.db.fundUsage.create({ data: { institutionId, year: 2021, amount: "2.00" } })).rejects.toThrow(/Unique constraint/);
  });

  it("refuses a hospital tier on a pharmacy", async () => {
    await expect(
      t.db.institution.create({ data: { kind: "PHARMACY", hospitalTier: "TIER_2", nationalCode: `P${code()}`, name: "测试药店", poolingRegionId: regionId } }),
    ).rejects.toThrow(/Institution_hospitalTier_check/);
  });

  it("refuses a team member who is neither a user nor a pool member", async () => {
    const plan = await t.db.plan.create({
      data: { year: 2024, level: "CITY", trigger: "TIP_OFF", title: "专项", organizationId: (await makeOrganization(t.db, "CITY_BUREAU", { poolingRegionId: regionId })).id, periodStart: new Date("2023-01-01"), periodEnd: new Date("2023-12-31"), createdById: userId },
    });
    const team = await t.db.team.create({ data: { planId: plan.id, inspectedRegionId: regionId, name: "组" } });
    await expect(t.db.teamMember.create({ data: { teamId: team.id, role: "MEMBER" } })).rejects.toThrow(/TeamMember_person_check/);
  });

  it("refuses a refund without its voucher, a deduction from settlement too", async () => {
    const plan = await t.db.plan.create({
      data: { year: 2024, level: "PROVINCIAL", trigger: "ANNUAL_PLAN", title: "方案", organizationId: (await makeOrganization(t.db, "PROVINCIAL_BUREAU")).id, periodStart: new Date("2023-01-01"), periodEnd: new Date("2023-12-31"), createdById: userId },
    });
    const inspectionCase = await t.db.inspectionCase.create({ data: { planId: plan.id, institutionId, inspectedRegionId: regionId, trigger: "ANNUAL_PLAN" } });
    const notice = await t.db.refundNotice.create({ data: { caseId: inspectionCase.id, amount: "10.00", fundAccount: "专户", issuedById: userId, issuedAt: new Date() } });
    await expect(
      t.db.refund.create({ data: { refundNoticeId: notice.id, amount: "10.00", paidOn: new Date("2024-10-08"), recordedById: userId, recordedAt: new Date() } }),
    ).rejects.toThrow(/Refund_voucher_check|Refund_voucher_required/);
    // Issue 12 §5: a deduction from settlement is recorded with the city's voucher too.
    await expect(
      t.db.refund.create({ data: { refundNoticeId: notice.id, amount: "10.00", method: "SETTLEMENT_DEDUCTION", paidOn: new Date("2024-10-08"), recordedById: userId, recordedAt: new Date() } }),
    ).rejects.toThrow(/Refund_voucher_required/);
  });

  it("refuses a second signature by the same side of the problem record", async () => {
    const plan = await t.db.plan.create({
      data: { year: 2024, level: "PROVINCIAL", trigger: "ANNUAL_PLAN", title: "方案", organizationId: (await makeOrganization(t.db, "PROVINCIAL_BUREAU")).id, periodStart: new Date("2023-01-01"), periodEnd: new Date("2023-12-31"), createdById: userId },
    });
    const inspectionCase = await t.db.inspectionCase.create({ data: { planId: plan.id, institutionId, inspectedRegionId: regionId, trigger: "ANNUAL_PLAN" } });
    const record = await t.db.onSiteProblemRecord.create({ data: { caseId: inspectionCase.id, contentSha256: sha256("r") } });
    const sign = () => t.db.problemRecordSignature.create({ data: { recordId: record.id, side: "TEAM", signedById: userId, signedAt: new Date(), contentSha256: sha256("r") } });
    await sign();
    await expect(sign()).rejects.toThrow(/Unique constraint/);
  });
});
