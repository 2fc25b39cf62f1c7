import "server-only";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { PrismaClient } from "@/lib/server/db/client";
import { recordAudit } from "@/lib/server/audit/record";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { EXPORT_LISTS, ZCatalogueListQuery, ZExpertListQuery, ZFundUsageListQuery, ZInspectionListQuery, ZInstitutionListQuery } from "@/lib/validation/master-data";
import { catalogueWhere, type Catalogue } from "./catalogue";
import { requireRead } from "./common";
import { expertOrder, expertWhere } from "./experts";
import { fundUsageOrder, fundUsageWhere } from "./fund-usage";
import { choiceLabel, SHEETS, ZH } from "./import/sheets";
import { inspectionOrder, inspectionWhere } from "./inspection-history";
import { institutionOrder, institutionWhere } from "./institutions";

export const EXPORTS = EXPORT_LISTS;
export type ExportList = (typeof EXPORTS)[number];

const CHUNK = 5000;
const status = (active: boolean) => choiceLabel("status", active ? "ACTIVE" : "INACTIVE");
const headers = (list: Exclude<ExportList, Catalogue>, extra: string[]) => [...SHEETS[list].columns.map((c) => c.header), ...extra];
const zhColumn = (key: string) => ZH(`masterData.fields.${key}`);

interface Source {
  sheetName: string;
  header: string[];
  /** One chunk of rows, in the list's order, as cell values. */
  read(skip: number): Promise<(string | number | null)[][]>;
}

/**
 * What each list exports: the import sheet's name and columns first (an exported file can be imported back
 * unchanged), then columns for reading only. Amounts are written as their exact decimal text.
 */
function sourceOf(db: PrismaClient, list: ExportList, params: Record<string, string | undefined>): Source {
  switch (list) {
    case "institutions": {
      const query = ZInstitutionListQuery.parse(params);
      return {
        sheetName: SHEETS[list].sheetName,
        header: headers(list, []),
        read: async (skip) =>
          (await db.institution.findMany({ where: institutionWhere(query), orderBy: institutionOrder(query), skip, take: CHUNK, include: { poolingRegion: { select: { name: true } } } })).map((r) => [
            r.nationalCode, r.name, choiceLabel("kind", r.kind), r.hospitalTier ? choiceLabel("tier", r.hospitalTier) : null, r.unifiedSocialCreditCode, r.poolingRegion.name, r.address, status(r.active),
          ]),
      };
    }
    case "fund-usage": {
      const query = ZFundUsageListQuery.parse({ dir: "desc", ...params });
      return {
        sheetName: SHEETS[list].sheetName,
        header: headers(list, [zhColumn("institutionName"), zhColumn("region")]),
        read: async (skip) =>
          (await db.fundUsage.findMany({ where: fundUsageWhere(query), orderBy: fundUsageOrder(query), skip, take: CHUNK, include: { institution: { select: { nationalCode: true, name: true, poolingRegion: { select: { name: true } } } } } })).map((r) => [
            r.institution.nationalCode, r.year, r.amount.toFixed(2), r.institution.name, r.institution.poolingRegion.name,
          ]),
      };
    }
    case "inspection-history": {
      const query = ZInspectionListQuery.parse({ dir: "desc", ...params });
      return {
        sheetName: SHEETS[list].sheetName,
        header: headers(list, [zhColumn("institutionName"), zhColumn("plan")]),
        read: async (skip) =>
          (await db.inspectionHistory.findMany({ where: inspectionWhere(query), orderBy: inspectionOrder(query), skip, take: CHUNK, include: { institution: { select: { nationalCode: true, name: true } }, plan: { select: { title: true } } } })).map((r) => [
            r.institution.nationalCode, choiceLabel("level", r.level), r.year, r.note, r.institution.name, r.plan?.title ?? null,
          ]),
      };
    }
    case "experts": {
      const query = ZExpertListQuery.parse(params);
      return {
        sheetName: SHEETS[list].sheetName,
        header: headers(list, []),
        read: async (skip) =>
          (await db.expert.findMany({ where: expertWhere(query), orderBy: expertOrder(query), skip, take: CHUNK, include: { employerInstitution: { select: { nationalCode: true } }, homeRegion: { select: { name: true } } } })).map((r) => [
            r.staffNumber, r.name, choiceLabel("pool", r.pool), r.specialty, r.employerInstitution?.nationalCode ?? null, r.employerName, r.homeRegion?.name ?? null, r.lastServedYear, status(r.active),
          ]),
      };
    }
    case "violation-types":
    case "key-areas": {
      const query = ZCatalogueListQuery.parse(params);
      const table = list === "violation-types" ? db.violationType : (db.keyArea as unknown as PrismaClient["violationType"]);
      return {
        sheetName: ZH(list === "violation-types" ? "masterData.catalogue.violationTypes" : "masterData.catalogue.keyAreas"),
        header: [zhColumn("code"), zhColumn("name"), zhColumn("legalBasis"), zhColumn("description"), ZH("masterData.columns.status")],
        read: async (skip) => (await table.findMany({ where: catalogueWhere(query), orderBy: [{ [query.sort]: query.dir }, { code: "asc" }], skip, take: CHUNK })).map((r) => [r.code, r.name, r.legalBasis, r.description, status(r.active)]),
      };
    }
  }
}

/**
 * The list as filtered, as an .xlsx stream written row by row (ExcelJS's streaming writer), so an export of
 * the whole province never sits in memory. The export is audited with its filters.
 */
export async function exportList(db: PrismaClient, actor: Actor, list: ExportList, params: Record<string, string | undefined>, context: RequestContext = {}): Promise<{ stream: Readable; fileName: string }> {
  requireRead(actor);
  const source = sourceOf(db, list, params);
  await db.$transaction((tx) => recordAudit(tx, { actor, action: "masterData.export", entity: "MasterData", after: { list, params }, context }));
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(source.sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = source.header.map((header) => ({ header, width: Math.max(12, header.length * 2 + 4) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  void (async () => {
    try {
      for (let skip = 0; ; skip += CHUNK) {
        const rows = await source.read(skip);
        for (const row of rows) sheet.addRow(row).commit();
        if (rows.length < CHUNK) break;
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  const date = new Date().toISOString().slice(0, 10);
  return { stream: out, fileName: `${source.sheetName}-${date}.xlsx` };
}
