import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "@/lib/server/errors";
import { commitImport, previewImport } from "@/lib/server/master-data/import/imports";
import { settleUpload } from "@/lib/server/files/storage";
import { IMPORT_FILE_SPEC } from "@/lib/server/master-data/import/read";
import { buildTemplate } from "@/lib/server/master-data/import/template";
import type { Actor } from "@/lib/server/policy/actor";
import { seedRegions } from "@/prisma/seed";
import { makeActor } from "../factories";
import { csvFile, EXPERT_HEADER, FUND_HEADER, INSPECTION_HEADER, INSTITUTION_HEADER, xlsxFile, type FixtureCell } from "../fixtures/master-data/workbook";
import { setupTestDatabase } from "./support/db";
import { setupTempStorage, storeKeys, uploaded } from "./support/storage";

const t = setupTestDatabase();
setupTempStorage();
let clerk: Actor;

beforeAll(async () => {
  await seedRegions(t.db);
  clerk = await makeActor(t.db, "BUREAU_STAFF");
});

/** The file as the import route receives it: streamed into the store and checked by content. */
const file = (bytes: Uint8Array, fileName = "机构.xlsx") => uploaded(fileName, bytes, IMPORT_FILE_SPEC);
const institutions = (rows: FixtureCell[][], options?: Parameters<typeof xlsxFile>[2]) => xlsxFile("定点机构", [INSTITUTION_HEADER, ...rows], options);
const problemsOf = async (kind: Parameters<typeof previewImport>[2], bytes: Uint8Array, name?: string) =>
  (await previewImport(t.db, clerk, kind, await file(bytes, name))).problems.map((p) => ({ row: p.row, column: p.column, key: p.key }));

async function counts() {
  return {
    institutions: await t.db.institution.count(),
    fundUsage: await t.db.fundUsage.count(),
    inspections: await t.db.inspectionHistory.count(),
    experts: await t.db.expert.count(),
    imports: await t.db.masterDataImport.count(),
    files: await t.db.fileObject.count(),
  };
}

const GOOD = [
  ["H22010199001", "长春市测试第一医院（演示）", "定点医疗机构", "三级", "12220100MB1234567G", "长春市", "人民大街1号", "启用"],
  ["P22010199001", "测试大药房（演示）", "定点零售药店", "", "91220100MA12345679", "220100", "", ""],
  ["A22999999001", "测试经办中心（演示）", "医保经办机构", "", "", "省直", "", "启用"],
];

describe("institution import: every row rule is reported by row and column", () => {
  it("lists missing code, unknown region, duplicate code, tier for a pharmacy, missing tier, bad credit code, bad choice and prefix", async () => {
    const bytes = await institutions([
      ["", "无编码医院", "定点医疗机构", "二级", "", "长春市", "", ""], // row 2: missing code
      ["H22010199002", "未知统筹区医院", "定点医疗机构", "二级", "", "火星市", "", ""], // row 3: unknown region
      ["H22010199003", "甲医院", "定点医疗机构", "一级及以下", "", "吉林市", "", ""], // row 4
      ["H22010199003", "甲医院重复", "定点医疗机构", "一级及以下", "", "吉林市", "", ""], // row 5: duplicate of row 4
      ["P22010199004", "有等级的药店", "定点零售药店", "三级", "", "四平市", "", ""], // row 6: tier for a pharmacy
      ["H22010199005", "无等级医院", "定点医疗机构", "", "", "四平市", "", ""], // row 7: hospital without tier
      ["H22010199006", "信用代码错", "定点医疗机构", "二级", "12220100MB1234567X", "四平市", "", ""], // row 8: check character
      ["H22010199007", "类别错", "医院", "二级", "", "四平市", "", ""], // row 9: not a listed kind
      ["P22010199008", "编码首字母错", "定点医疗机构", "二级", "", "四平市", "", ""], // row 10: P code for a hospital
    ]);
    expect(await problemsOf("institutions", bytes)).toEqual([
      { row: 2, column: "医保编码", key: "masterData.validation.nationalCodeFormat" },
      { row: 3, column: "统筹区", key: "masterData.import.errors.regionUnknown" },
      { row: 5, column: "医保编码", key: "masterData.import.errors.duplicate" },
      { row: 6, column: "医院等级", key: "masterData.validation.tierNotAllowed" },
      { row: 7, column: "医院等级", key: "masterData.validation.tierRequired" },
      { row: 8, column: "统一社会信用代码", key: "masterData.validation.creditCodeFormat" },
      { row: 9, column: "机构类别", key: "masterData.import.errors.choice" },
      { row: 10, column: "医保编码", key: "masterData.validation.nationalCodePrefix" },
    ]);
  });

  it("a file with errors writes nothing, even when committed directly, and the refusal is audited", async () => {
    const before = await counts();
    const auditBefore = await t.db.auditEvent.count({ where: { outcome: "FAILED" } });
    const bytes = await institutions([...GOOD, ["H22010199009", "负面", "定点医疗机构", "二级", "", "火星市", "", ""]]);
    await expect(commitImport(t.db, clerk, "institutions", await file(bytes))).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await counts()).toEqual(before);
    expect(await t.db.auditEvent.count({ where: { outcome: "FAILED" } })).toBe(auditBefore + 1);
  });

  it("commits a clean file in one go; the same file again changes nothing; a corrected file updates only what changed", async () => {
    const bytes = await institutions(GOOD);
    const preview = await previewImport(t.db, clerk, "institutions", await file(bytes));
    expect(preview).toMatchObject({ rowCount: 3, problems: [], added: 3, updated: 0, unchanged: 0 });
    const first = await commitImport(t.db, clerk, "institutions", await file(bytes), { expectedSha256: preview.sha256 });
    expect(first).toMatchObject({ added: 3, updated: 0, unchanged: 0, sha256: preview.sha256 });
    const hospital = await t.db.institution.findUniqueOrThrow({ where: { nationalCode: "H22010199001" }, include: { poolingRegion: true } });
    expect(hospital).toMatchObject({ kind: "HOSPITAL", hospitalTier: "TIER_3", unifiedSocialCreditCode: "12220100MB1234567G", active: true });
    expect(hospital.poolingRegion.name).toBe("长春市");
    expect((await t.db.institution.findUniqueOrThrow({ where: { nationalCode: "A22999999001" }, include: { poolingRegion: true } })).poolingRegion.name).toBe("省直");

    const again = await commitImport(t.db, clerk, "institutions", await file(bytes));
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 3 });

    const corrected = await institutions([GOOD[0]!, ["P22010199001", "测试大药房（改名）", "定点零售药店", "", "91220100MA12345679", "220100", "", "停用"], GOOD[2]!]);
    const third = await commitImport(t.db, clerk, "institutions", await file(corrected));
    expect(third).toMatchObject({ added: 0, updated: 1, unchanged: 2 });
    expect(await t.db.institution.findUniqueOrThrow({ where: { nationalCode: "P22010199001" } })).toMatchObject({ name: "测试大药房（改名）", active: false, version: 1 });

    const record = await t.db.masterDataImport.findUniqueOrThrow({ where: { id: first.id }, include: { file: true, importedBy: true } });
    expect(record).toMatchObject({ kind: "INSTITUTION", rowsAdded: 3, rowsUpdated: 0, rowsUnchanged: 0, importedById: clerk.userId });
    expect(record.file.sha256).toBe(preview.sha256);
    expect(await t.db.auditEvent.count({ where: { action: "masterData.import.commit" } })).toBe(3);
  });

  it("refuses to commit a file other than the one checked", async () => {
    const bytes = await institutions(GOOD);
    await expect(commitImport(t.db, clerk, "institutions", await file(bytes), { expectedSha256: "0".repeat(64) })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("the downloaded template, with its example row, imports as it is", async () => {
    const template = await buildTemplate(t.db, clerk, "institutions");
    const preview = await previewImport(t.db, clerk, "institutions", await file(new Uint8Array(template), "模板.xlsx"));
    expect(preview.problems).toEqual([]);
    expect(preview.rowCount).toBe(1);
  });
});

describe("bad files are refused with a clear reason and change nothing", () => {
  const refusal = async (bytes: Uint8Array, name: string) => {
    const before = await counts();
    const keys = await storeKeys();
    // As the route does: the file is settled (here: discarded) whatever the import decided.
    const error = await file(bytes, name)
      .then((received) => commitImport(t.db, clerk, "institutions", received).finally(() => settleUpload(t.db, received)))
      .catch((e: unknown) => e);
    expect(await storeKeys()).toEqual(keys);
    expect(await counts()).toEqual(before);
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).messageKey;
  };

  it("not a spreadsheet, an old .xls, an empty file, 21 MB of junk, a damaged zip", async () => {
    expect(await refusal(new Uint8Array(Buffer.from("这不是表格\n")), "说明.docx")).toBe("masterData.import.notSpreadsheet");
    expect(await refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), "旧.xls")).toBe("masterData.import.oldExcel");
    expect(await refusal(new Uint8Array(0), "空.xlsx")).toBe("masterData.import.fileEmpty");
    expect(await refusal(new Uint8Array(21 * 1024 * 1024).fill(0x41), "junk.csv")).toBe("masterData.import.fileTooLarge");
    // A zip that is not a workbook is not a spreadsheet by its content; a workbook cut short is damaged.
    const junkZip = new Uint8Array(4096).fill(7);
    junkZip.set([0x50, 0x4b, 0x03, 0x04]);
    expect(await refusal(junkZip, "坏.xlsx")).toBe("masterData.import.notSpreadsheet");
    const workbook = await institutions(GOOD);
    expect(await refusal(workbook.subarray(0, Math.floor(workbook.byteLength * 0.6)), "断.xlsx")).toBe("masterData.import.corrupt");
  });

  it("a workbook without the template's sheet, and one with only a header row", async () => {
    expect(await refusal(await xlsxFile("Sheet1", [INSTITUTION_HEADER, GOOD[0]!]), "a.xlsx")).toBe("masterData.import.wrongSheet");
    expect(await refusal(await institutions([]), "b.xlsx")).toBe("masterData.import.noRows");
  });

  it("formulas and merged header cells are named by row and column", async () => {
    const withFormula = await institutions([["H22010199010", { formula: "CONCATENATE(\"甲\",\"医院\")" }, "定点医疗机构", "二级", "", "长春市", "", ""]]);
    expect(await problemsOf("institutions", withFormula)).toEqual([{ row: 2, column: "机构名称", key: "masterData.import.errors.formula" }]);
    const merged = await xlsxFile("定点机构", [["医保编码", "机构名称", null, "医院等级", "统一社会信用代码", "统筹区", "地址", "状态"], GOOD[0]!], { merge: "B1:C1" });
    const problems = await problemsOf("institutions", merged);
    expect(problems).toContainEqual({ row: 1, column: "C", key: "masterData.import.errors.emptyHeader" });
    expect(problems).toContainEqual({ row: 1, column: "机构类别", key: "masterData.import.errors.missingColumn" });
  });
});

describe("CSV", () => {
  it("reads UTF-8 with a BOM and GBK alike", async () => {
    const rows = [INSTITUTION_HEADER, ["H22010199020", "CSV医院，含逗号", "定点医疗机构", "二级", "", "长春市", "", ""]];
    const utf8 = await previewImport(t.db, clerk, "institutions", await file(csvFile(rows, { bom: true }), "机构.csv"));
    expect(utf8).toMatchObject({ rowCount: 1, problems: [], added: 1 });
    // Saved by Excel as "CSV" on a Chinese Windows: GBK, no BOM.
    const gbk = new Uint8Array(readFileSync("tests/fixtures/master-data/institutions-gbk.csv"));
    const preview = await previewImport(t.db, clerk, "institutions", await file(gbk, "机构.csv"));
    expect(preview).toMatchObject({ rowCount: 1, problems: [], added: 1 });
  });
});

describe("fund usage, inspection history and experts", () => {
  beforeAll(async () => {
    await commitImport(t.db, clerk, "institutions", await file(await institutions(GOOD)));
  });

  it("fund usage: negative amount, bad year, too many decimals, unknown institution, duplicate institution and year", async () => {
    const bytes = await xlsxFile("基金用量", [
      FUND_HEADER,
      ["H22010199001", 2023, -5], // row 2
      ["H22010199001", "二〇二三", 100], // row 3
      ["H22010199001", 2099, 100], // row 4
      ["P22010199001", 2023, "12.345"], // row 5
      ["H99999999999", 2023, 100], // row 6
      ["P22010199001", 2022, "1,234.50"], // row 7: fine
      ["P22010199001", 2022, 99], // row 8: duplicate of row 7
    ]);
    expect(await problemsOf("fund-usage", bytes, "基金.xlsx")).toEqual([
      { row: 2, column: "基金用量（元）", key: "validation.moneyNegative" },
      { row: 3, column: "年度", key: "masterData.validation.yearRange" },
      { row: 4, column: "年度", key: "masterData.validation.yearRange" },
      { row: 5, column: "基金用量（元）", key: "validation.moneyTooPrecise" },
      { row: 6, column: "医保编码", key: "masterData.import.errors.institutionUnknown" },
      { row: 8, column: "医保编码", key: "masterData.import.errors.duplicate" },
    ]);
  });

  it("fund usage: amounts are stored exactly and re-imports compare by value", async () => {
    const bytes = await xlsxFile("基金用量", [FUND_HEADER, ["H22010199001", 2022, 123456789.12], ["H22010199001", 2023, "98765432.1"], ["P22010199001", 2023, 0.1]]);
    expect(await commitImport(t.db, clerk, "fund-usage", await file(bytes, "基金.xlsx"))).toMatchObject({ added: 3 });
    const rows = await t.db.fundUsage.findMany({ orderBy: [{ year: "asc" }, { amount: "asc" }] });
    expect(rows.map((r) => r.amount.toFixed(2))).toEqual(["123456789.12", "0.10", "98765432.10"]);
    expect(await commitImport(t.db, clerk, "fund-usage", await file(bytes, "基金.xlsx"))).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
  });

  it("inspection history: level from the list, upsert by institution, level and year", async () => {
    const bad = await xlsxFile("检查历史", [INSPECTION_HEADER, ["H22010199001", "部级", 2023, ""], ["H22010199001", "国家飞检", 1999, ""]]);
    expect(await problemsOf("inspection-history", bad, "h.xlsx")).toEqual([
      { row: 2, column: "检查级别", key: "masterData.import.errors.choice" },
      { row: 3, column: "年度", key: "masterData.validation.yearRange" },
    ]);
    const good = await xlsxFile("检查历史", [INSPECTION_HEADER, ["H22010199001", "国家飞检", 2023, ""], ["H22010199001", "省级飞检", 2022, "回头看"]]);
    expect(await commitImport(t.db, clerk, "inspection-history", await file(good, "h.xlsx"))).toMatchObject({ added: 2 });
    expect(await t.db.inspectionHistory.count({ where: { institution: { nationalCode: "H22010199001" } } })).toBe(2);
  });

  it("experts: employer and home region resolved; unknown ones named", async () => {
    const bytes = await xlsxFile("专家库", [
      EXPERT_HEADER,
      ["ZJ-9001", "王测试", "医疗专家", "重症医学", "H22010199001", "", "长春市", 2023, ""],
      ["DS-9001", "李测试", "第三方人员", "财务审计", "", "示例会计师事务所", "吉林市", "", "启用"],
      ["ZJ-9002", "赵测试", "医疗专家", "麻醉", "H00000000000", "", "火星市", "", ""],
    ]);
    expect(await problemsOf("experts", bytes, "e.xlsx")).toEqual([
      { row: 4, column: "工作单位医保编码", key: "masterData.import.errors.institutionUnknown" },
      { row: 4, column: "常住统筹区", key: "masterData.import.errors.regionUnknown" },
    ]);
    const good = await xlsxFile("专家库", [EXPERT_HEADER, ...[["ZJ-9001", "王测试", "医疗专家", "重症医学", "H22010199001", "", "长春市", 2023, ""], ["DS-9001", "李测试", "第三方人员", "财务审计", "", "示例会计师事务所", "吉林市", "", "启用"]]]);
    expect(await commitImport(t.db, clerk, "experts", await file(good, "e.xlsx"))).toMatchObject({ added: 2 });
    const expert = await t.db.expert.findUniqueOrThrow({ where: { staffNumber: "ZJ-9001" }, include: { employerInstitution: true, homeRegion: true } });
    expect(expert.employerInstitution?.nationalCode).toBe("H22010199001");
    expect(expert.homeRegion?.name).toBe("长春市");
    expect(expert.lastServedYear).toBe(2023);
  });
});

describe("permissions", () => {
  it("only bureau roles may check or import a file", async () => {
    const bytes = await institutions(GOOD);
    for (const role of ["CITY_STAFF", "INSTITUTION_STAFF", "INSPECTOR"] as const) {
      const actor = await makeActor(t.db, role);
      await expect(previewImport(t.db, actor, "institutions", await file(bytes))).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(commitImport(t.db, actor, "institutions", await file(bytes))).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
