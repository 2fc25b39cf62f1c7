import "server-only";
import type { z } from "zod";
import { translator } from "@/lib/i18n/translator";
import { EXPERT_POOLS, HOSPITAL_TIERS, INSPECTION_LEVELS, INSTITUTION_KINDS, ZExpertRow, ZFundUsageInput, ZInspectionInput, ZInstitutionRow, type TImportKind } from "@/lib/validation/master-data";

/**
 * The four import sheets: their columns in order, which are required, which take a value from a list, and the
 * example row of the template. Headers, sheet names and list labels are Chinese in every language: they are
 * the file format the bureau's spreadsheets follow (issue 5 §2), taken from the zh-CN catalog.
 */
export interface ImportColumn {
  /** The field of the row schema this column fills. */
  key: string;
  header: string;
  required: boolean;
  /** Values from a list: catalog group under `masterData.enums` and the codes it offers. */
  choices?: { group: string; values: readonly string[] };
  /** Kept as text in the template (codes that Excel would otherwise turn into numbers). */
  text?: boolean;
  example: string;
  width: number;
}

export interface ImportSheet {
  kind: TImportKind;
  sheetName: string;
  columns: ImportColumn[];
  schema: z.ZodType;
}

export const ZH = translator("zh-CN");
export const STATUS_VALUES = ["ACTIVE", "INACTIVE"] as const;
const status = { group: "status", values: STATUS_VALUES };

const col = (key: string, headerKey: string, required: boolean, example: string, extra: Partial<ImportColumn> = {}): ImportColumn => ({
  key,
  header: ZH(`masterData.columns.${headerKey}`),
  required,
  example,
  width: 16,
  ...extra,
});

export const SHEETS: Record<TImportKind, ImportSheet> = {
  institutions: {
    kind: "institutions",
    sheetName: ZH("masterData.sheets.institutions"),
    schema: ZInstitutionRow,
    columns: [
      col("nationalCode", "nationalCode", true, "H22010100001", { text: true }),
      col("name", "institutionName", true, "长春市示例第一人民医院（演示）", { width: 36 }),
      col("kind", "kind", true, ZH("masterData.enums.kind.HOSPITAL"), { choices: { group: "kind", values: INSTITUTION_KINDS } }),
      col("hospitalTier", "hospitalTier", false, ZH("masterData.enums.tier.TIER_3"), { choices: { group: "tier", values: HOSPITAL_TIERS } }),
      col("unifiedSocialCreditCode", "creditCode", false, "12220100MB1234567G", { text: true, width: 24 }),
      col("region", "region", true, "长春市"),
      col("address", "address", false, "吉林省长春市人民大街1号", { width: 32 }),
      col("active", "status", false, ZH("masterData.enums.status.ACTIVE"), { choices: status }),
    ],
  },
  "fund-usage": {
    kind: "fund-usage",
    sheetName: ZH("masterData.sheets.fund-usage"),
    schema: ZFundUsageInput,
    columns: [
      col("institutionCode", "nationalCode", true, "H22010100001", { text: true }),
      col("year", "year", true, "2023"),
      col("amount", "amount", true, "152345678.90", { width: 20 }),
    ],
  },
  "inspection-history": {
    kind: "inspection-history",
    sheetName: ZH("masterData.sheets.inspection-history"),
    schema: ZInspectionInput,
    columns: [
      col("institutionCode", "nationalCode", true, "H22010100001", { text: true }),
      col("level", "level", true, ZH("masterData.enums.level.PROVINCIAL"), { choices: { group: "level", values: INSPECTION_LEVELS } }),
      col("year", "year", true, "2022"),
      col("note", "note", false, "", { width: 30 }),
    ],
  },
  experts: {
    kind: "experts",
    sheetName: ZH("masterData.sheets.experts"),
    schema: ZExpertRow,
    columns: [
      col("staffNumber", "staffNumber", true, "ZJ-0001", { text: true }),
      col("name", "personName", true, "王建华"),
      col("pool", "pool", true, ZH("masterData.enums.pool.EXPERT"), { choices: { group: "pool", values: EXPERT_POOLS } }),
      col("specialty", "specialty", false, "重症医学"),
      col("employerCode", "employerCode", false, "H22010100001", { text: true }),
      col("employerName", "employerName", false, "", { width: 28 }),
      col("homeRegion", "homeRegion", false, "长春市"),
      col("lastServedYear", "lastServedYear", false, "2023"),
      col("active", "status", false, ZH("masterData.enums.status.ACTIVE"), { choices: status }),
    ],
  },
};

/** The Chinese label of a list value, as the template offers it. */
export const choiceLabel = (group: string, value: string) => ZH(`masterData.enums.${group}.${value}`);
