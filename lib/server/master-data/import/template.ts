import "server-only";
import ExcelJS from "exceljs";
import type { PrismaClient } from "@/lib/server/db/client";
import type { Actor } from "@/lib/server/policy/actor";
import type { TImportKind } from "@/lib/validation/master-data";
import { requireRead } from "../common";
import { choiceLabel, SHEETS, ZH } from "./sheets";

/** Rows of the template that carry the drop-down lists. */
const VALIDATED_ROWS = 5000;
const column = (index: number) => String.fromCharCode(65 + index);

/**
 * The template of an import (issue 5 §2): the sheet with Chinese headers, one example row, drop-down lists
 * (data validation) for every column that takes a value from a list, regions included, codes kept as text;
 * and a sheet of instructions.
 */
export async function buildTemplate(db: PrismaClient, actor: Actor, kind: TImportKind): Promise<Buffer> {
  requireRead(actor);
  const sheet = SHEETS[kind];
  const regions = await db.poolingRegion.findMany({ where: { active: true }, orderBy: { code: "asc" }, select: { name: true } });
  const workbook = new ExcelJS.Workbook();
  workbook.creator = ZH("app.name");
  const ws = workbook.addWorksheet(sheet.sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = sheet.columns.map((c) => ({ header: c.header, key: c.key, width: c.width, style: c.text ? { numFmt: "@" } : {} }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F1" } };
  ws.addRow(sheet.columns.map((c) => c.example));
  const validations = (ws as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations;
  sheet.columns.forEach((c, i) => {
    const list = c.choices ? c.choices.values.map((v) => choiceLabel(c.choices!.group, v)) : c.key === "region" || c.key === "homeRegion" ? regions.map((r) => r.name) : null;
    if (!list) return;
    validations.add(`${column(i)}2:${column(i)}${VALIDATED_ROWS}`, {
      type: "list",
      allowBlank: !c.required,
      formulae: [`"${list.join(",")}"`],
      showErrorMessage: true,
      errorTitle: ZH("masterData.template.invalidTitle"),
      error: ZH("masterData.template.invalidChoice"),
    });
  });
  const help = workbook.addWorksheet(ZH("masterData.template.helpSheet"));
  help.columns = [{ width: 20 }, { width: 10 }, { width: 80 }];
  help.addRow([ZH("masterData.template.helpColumn"), ZH("masterData.template.helpRequired"), ZH("masterData.template.helpRule")]).font = { bold: true };
  for (const c of sheet.columns) {
    const rule = c.choices ? c.choices.values.map((v) => choiceLabel(c.choices!.group, v)).join("、") : ZH(`masterData.template.rules.${c.key}`);
    help.addRow([c.header, c.required ? ZH("masterData.template.yes") : ZH("masterData.template.no"), rule]);
  }
  help.addRow([]);
  help.addRow([ZH("masterData.template.note", { sheet: sheet.sheetName })]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
