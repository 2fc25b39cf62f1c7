import { z } from "zod";
import { checkMoney, normalizeMoney, type MoneyErrorCode } from "@/lib/domain/money";
import { isValidCreditCode } from "./credit-code";
import { formInteger, optionalText, tooLongMax, ZBoolean, ZVersion } from "./primitives";

export const INSTITUTION_KINDS = ["HOSPITAL", "PHARMACY", "AGENCY"] as const;
export const HOSPITAL_TIERS = ["TIER_3", "TIER_2", "TIER_1_OR_BELOW"] as const;
export const INSPECTION_LEVELS = ["NATIONAL", "PROVINCIAL", "CITY"] as const;
export const EXPERT_POOLS = ["EXPERT", "THIRD_PARTY"] as const;
export type TInstitutionKind = (typeof INSTITUTION_KINDS)[number];

const V = "masterData.validation";
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

export const ZId = z.string().uuid({ error: "validation.invalidId" });
const text = (max: number) => z.string().trim().min(1, { error: "validation.required" }).max(max, tooLongMax(max));

/** 医保编码: one capital letter and 11 digits (H22010100001); the letter says hospital (H) or pharmacy (P). */
export const ZNationalCode = z.string().trim().toUpperCase().regex(/^[A-Z][0-9]{11}$/, { error: `${V}.nationalCodeFormat` });
export const ZCreditCode = z.string().trim().toUpperCase().refine(isValidCreditCode, { error: `${V}.creditCodeFormat` });
export const ZStaffNumber = z.string().trim().min(1, { error: "validation.required" }).max(32, tooLongMax(32)).regex(/^[A-Za-z0-9-]+$/, { error: "validation.staffNumberChars" });
export const ZCatalogueCode = z.string().trim().toUpperCase().regex(/^[A-Z0-9-]{1,16}$/, { error: `${V}.catalogueCodeFormat` });

/** A year of fund usage or of an inspection already held: 2000 up to the current year, never later. */
export const ZPastYear = formInteger(2000, 2100, `${V}.yearRange`)
  .refine((year) => year <= new Date().getFullYear(), { error: `${V}.yearRange` });

const MONEY_KEYS: Record<MoneyErrorCode, string> = {
  MONEY_NOT_A_STRING: "validation.moneyMalformed",
  MONEY_MALFORMED: "validation.moneyMalformed",
  MONEY_NEGATIVE: "validation.moneyNegative",
  MONEY_TOO_PRECISE: "validation.moneyTooPrecise",
  MONEY_TOO_LARGE: "validation.moneyTooLarge",
};

/** Yuan as a decimal string, checked and normalised without a float ("1234.5" → "1234.50"). */
export const ZAmount = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .transform((value, ctx) => {
    const checked = checkMoney(value.replace(/,/g, ""));
    if (!checked.ok) {
      ctx.addIssue({ code: "custom", message: MONEY_KEYS[checked.code] });
      return z.NEVER;
    }
    return normalizeMoney(value.replace(/,/g, ""));
  });

const tierRules = <T extends { kind: TInstitutionKind; hospitalTier?: string; nationalCode: string }>(value: T, ctx: z.RefinementCtx) => {
  if (value.kind === "HOSPITAL" && !value.hospitalTier) ctx.addIssue({ code: "custom", path: ["hospitalTier"], message: `${V}.tierRequired` });
  if (value.kind !== "HOSPITAL" && value.hospitalTier) ctx.addIssue({ code: "custom", path: ["hospitalTier"], message: `${V}.tierNotAllowed` });
  const prefix = { HOSPITAL: "H", PHARMACY: "P", AGENCY: null }[value.kind];
  if (prefix && /^[A-Z]/.test(value.nationalCode) && !value.nationalCode.startsWith(prefix)) ctx.addIssue({ code: "custom", path: ["nationalCode"], message: `${V}.nationalCodePrefix` });
};

const institutionFields = {
  kind: z.enum(INSTITUTION_KINDS, { error: "validation.invalidChoice" }),
  hospitalTier: optional(z.enum(HOSPITAL_TIERS, { error: "validation.invalidChoice" })),
  nationalCode: ZNationalCode,
  unifiedSocialCreditCode: optional(ZCreditCode),
  name: text(100),
  address: optional(z.string().trim().max(200, tooLongMax(200))),
};

export const ZInstitutionInput = z.object({ ...institutionFields, poolingRegionId: ZId }).superRefine(tierRules);
/** A row of the institution sheet: the region by name or code, and the status. */
export const ZInstitutionRow = z.object({ ...institutionFields, region: text(50), active: z.boolean() }).superRefine(tierRules);
export type TInstitutionRow = z.infer<typeof ZInstitutionRow>;
export type TInstitutionInput = z.infer<typeof ZInstitutionInput>;

export const ZFundUsageInput = z.object({ institutionCode: ZNationalCode, year: ZPastYear, amount: ZAmount });
export type TFundUsageInput = z.infer<typeof ZFundUsageInput>;

export const ZInspectionInput = z.object({
  institutionCode: ZNationalCode,
  level: z.enum(INSPECTION_LEVELS, { error: "validation.invalidChoice" }),
  year: ZPastYear,
  note: optional(z.string().trim().max(200, tooLongMax(200))),
});
export type TInspectionInput = z.infer<typeof ZInspectionInput>;

const expertFields = {
  staffNumber: ZStaffNumber,
  name: text(50),
  pool: z.enum(EXPERT_POOLS, { error: "validation.invalidChoice" }),
  specialty: optional(z.string().trim().max(50, tooLongMax(50))),
  employerCode: optional(ZNationalCode),
  employerName: optional(z.string().trim().max(100, tooLongMax(100))),
  lastServedYear: optional(ZPastYear),
};
export const ZExpertInput = z.object({ ...expertFields, homeRegionId: optional(ZId) });
export const ZExpertRow = z.object({ ...expertFields, homeRegion: optional(z.string().trim().max(50, tooLongMax(50))), active: z.boolean() });
export type TExpertRow = z.infer<typeof ZExpertRow>;
export type TExpertInput = z.infer<typeof ZExpertInput>;

export const ZCatalogueInput = z.object({
  code: ZCatalogueCode,
  name: text(100),
  description: optional(z.string().trim().max(500, tooLongMax(500))),
  legalBasis: optional(z.string().trim().max(200, tooLongMax(200))),
});
export type TCatalogueInput = z.infer<typeof ZCatalogueInput>;

export const ZRegionInput = z.object({
  code: z.string().trim().regex(/^[0-9A-Z]{6}$/, { error: `${V}.regionCodeFormat` }),
  name: text(50),
  mergedIntoId: optional(ZId),
});
export type TRegionInput = z.infer<typeof ZRegionInput>;

/** Creating a record: its values, as the form sends them. */
export const withValues = <T extends z.ZodType>(schema: T) => z.strictObject({ values: schema });
/** Editing a record: its id and the version the user saw (compare-and-set). */
export const withVersion = <T extends z.ZodType>(schema: T) => z.strictObject({ id: ZId, version: ZVersion, values: schema });

export const ZSetActiveInput = z.strictObject({ id: ZId, version: ZVersion, active: ZBoolean });
export type TSetActiveInput = z.infer<typeof ZSetActiveInput>;
export const ZDeleteInput = z.strictObject({ id: ZId, version: ZVersion });
export type TDeleteInput = z.infer<typeof ZDeleteInput>;

/** The two lists kept as catalogues: violation types and key areas, by their path segment. */
export const CATALOGUES = ["violation-types", "key-areas"] as const;
export type TCatalogue = (typeof CATALOGUES)[number];
export const ZCatalogueName = z.enum(CATALOGUES, { error: "validation.invalidChoice" });
export const ZCreateCatalogueEntryInput = z.strictObject({ catalogue: ZCatalogueName, values: ZCatalogueInput });
export const ZUpdateCatalogueEntryInput = z.strictObject({ catalogue: ZCatalogueName, id: ZId, version: ZVersion, values: ZCatalogueInput });
export const ZSetCatalogueEntryActiveInput = z.strictObject({ catalogue: ZCatalogueName, id: ZId, version: ZVersion, active: ZBoolean });

/** The imports (issue 5 §2). */
export const IMPORT_KINDS = ["institutions", "fund-usage", "inspection-history", "experts"] as const;
export type TImportKind = (typeof IMPORT_KINDS)[number];
export const ZImportKind = z.enum(IMPORT_KINDS, { error: "validation.invalidChoice" });

/** An import's file checked (nothing written), by kind; the file is the multipart body's `file` part. */
export const ZImportPreviewInput = z.strictObject({ kind: ZImportKind });
export type TImportPreviewInput = z.infer<typeof ZImportPreviewInput>;
/** An import committed: the same file, named by the SHA-256 its check reported (a changed file is refused). */
export const ZImportCommitInput = z.strictObject({ kind: ZImportKind, sha256: z.string({ error: "validation.required" }).regex(/^[0-9a-f]{64}$/, { error: "validation.invalid" }) });
export type TImportCommitInput = z.infer<typeof ZImportCommitInput>;

/** An import's template (.xlsx), by kind. */
export const ZImportTemplateInput = z.strictObject({ kind: ZImportKind });
export type TImportTemplateInput = z.infer<typeof ZImportTemplateInput>;

/** The lists that export to .xlsx, by their path segment. */
export const EXPORT_LISTS = ["institutions", "fund-usage", "inspection-history", "experts", "violation-types", "key-areas"] as const;
/**
 * A list's export: the list, and its page's own search parameters (search, filters, sort), which the list's
 * query schema reads on the server; each a short text, never anything else.
 */
export const ZExportInput = z.object({ list: z.enum(EXPORT_LISTS, { error: "validation.invalidChoice" }) }).catchall(optionalText(200));
export type TExportInput = z.infer<typeof ZExportInput>;

/** List pages: search, filters, sort and page travel in the URL and are checked here, on the server. */
export const PAGE_SIZES = [20, 50, 100] as const;
const ZListBase = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().max(64).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  size: z.coerce.number().pipe(z.union(PAGE_SIZES.map((s) => z.literal(s)) as [z.ZodLiteral<20>, z.ZodLiteral<50>, z.ZodLiteral<100>])).catch(20),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  status: z.enum(["active", "inactive", "all"]).catch("active"),
});
const enumFilter = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess(blankToUndefined, z.enum(values).optional()).catch(undefined);
const idFilter = z.preprocess(blankToUndefined, ZId.optional()).catch(undefined);
const yearFilter = z.preprocess(blankToUndefined, z.coerce.number().int().min(1900).max(2100).optional()).catch(undefined);

export const INSTITUTION_SORTS = ["nationalCode", "name", "kind", "region"] as const;
export const ZInstitutionListQuery = ZListBase.extend({
  sort: z.enum(INSTITUTION_SORTS).catch("nationalCode"),
  kind: enumFilter(INSTITUTION_KINDS),
  tier: enumFilter(HOSPITAL_TIERS),
  region: idFilter,
});
export type TInstitutionListQuery = z.infer<typeof ZInstitutionListQuery>;

export const FUND_USAGE_SORTS = ["nationalCode", "name", "year", "amount"] as const;
export const ZFundUsageListQuery = ZListBase.extend({ sort: z.enum(FUND_USAGE_SORTS).catch("amount"), year: yearFilter, region: idFilter, kind: enumFilter(INSTITUTION_KINDS) });
export type TFundUsageListQuery = z.infer<typeof ZFundUsageListQuery>;

export const INSPECTION_SORTS = ["nationalCode", "name", "year", "level"] as const;
export const ZInspectionListQuery = ZListBase.extend({ sort: z.enum(INSPECTION_SORTS).catch("year"), year: yearFilter, level: enumFilter(INSPECTION_LEVELS), region: idFilter });
export type TInspectionListQuery = z.infer<typeof ZInspectionListQuery>;

export const EXPERT_SORTS = ["staffNumber", "name", "specialty", "region"] as const;
export const ZExpertListQuery = ZListBase.extend({ sort: z.enum(EXPERT_SORTS).catch("staffNumber"), pool: enumFilter(EXPERT_POOLS), region: idFilter });
export type TExpertListQuery = z.infer<typeof ZExpertListQuery>;

export const CATALOGUE_SORTS = ["code", "name"] as const;
export const ZCatalogueListQuery = ZListBase.extend({ sort: z.enum(CATALOGUE_SORTS).catch("code") });
export type TCatalogueListQuery = z.infer<typeof ZCatalogueListQuery>;
