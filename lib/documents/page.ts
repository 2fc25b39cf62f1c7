/**
 * Builds one official document (.docx) on a GB/T 9704-2012 page with docx@9 (docs/documents.md, decision 024).
 * Two layouts share the page: `letter` (通知, 函, 报告: red mark, number, red line, title, body, signature and
 * date) and `form` (笔录, 送达回证, 清单: the organization and the title on top, the number at the right, then
 * labelled fields and tables, as in the administration's published model forms). Pure: data in, bytes out.
 */
import { AlignmentType, BorderStyle, Document, DocumentGridType, Footer, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TabStopType, TextRun, VerticalAlign, WidthType } from "docx";
import { EM_DASH, FONTS, FOOTER_DISTANCE, GRID, MARGIN, PAGE, PAGE_NUMBER_INDENT, RED, SIZE, TEXT_BLOCK, mm } from "./layout";

export type Block =
  | { type: "paragraph"; text: string; indent?: boolean }
  | { type: "heading1"; text: string }
  | { type: "heading2"; text: string }
  /** Label-and-value rows of a form, in a bordered two-column table. */
  | { type: "fields"; rows: readonly (readonly [string, string])[] }
  | { type: "table"; header: readonly string[]; rows: readonly (readonly string[])[]; widths: readonly number[] }
  /** Lines for handwritten signatures and dates, left to right. */
  | { type: "signatures"; lines: readonly string[] }
  | { type: "blank" };

export interface DocumentSpec {
  layout: "letter" | "form";
  /** 发文机关 (its full name: the mark, the form's head, the signature). */
  issuer: string;
  /** 发文字号, already formatted (`formatDocumentNumber`), or null for a form that carries none. */
  number: string | null;
  title: string;
  /** 主送机关 (letter) or null. */
  addressee: string | null;
  blocks: readonly Block[];
  /** 附件说明: the attachments' names, numbered. */
  attachments?: readonly string[];
  /** 成文日期, formatted (`formatDocumentDate`). */
  date: string;
  /** The short code printed on every page; `/documents/verify` answers it. */
  verificationCode: string;
}

const CHAR = 320; // one 3号 character, in twips: the unit of GB/T 9704's indents ("空二字")

function run(text: string, options: { font?: { name: string }; size?: number; bold?: boolean; color?: string } = {}) {
  const face = (options.font ?? FONTS.body).name;
  const size = options.size ?? SIZE.hao3;
  return new TextRun({
    text,
    size,
    bold: options.bold,
    color: options.color,
    characterSpacing: size === SIZE.hao3 ? GRID.bodyCharacterSpacing : undefined,
    font: { ascii: FONTS.latin.name, hAnsi: FONTS.latin.name, eastAsia: face, cs: FONTS.latin.name },
  });
}

/** Width of a line of text in 3号 characters: Arabic numerals and Latin letters are half-width (§5.2.3). */
function charWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\x20-\x7e]/.test(ch) ? 0.5 : 1;
  return width;
}

/** The mark at the largest size ≤ 小初 that fits the text block on one line. */
function markSize(text: string): number {
  const fits = Math.floor(((TEXT_BLOCK.width / 20) * 2) / Math.max(1, charWidth(text)));
  return Math.min(SIZE.xiaochu, fits - (fits % 2));
}

const center = (children: TextRun[], extra: { spacingAfter?: number; border?: boolean } = {}) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    children,
    spacing: extra.spacingAfter ? { after: extra.spacingAfter } : undefined,
    // §7.2.5: a red line as wide as the text block, 4 mm below the number.
    border: extra.border ? { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } } : undefined,
  });

const blank = () => new Paragraph({ children: [run("")] });

function cell(text: string, width: number, options: { bold?: boolean; size?: number } = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    children: text.split("\n").map((line) => new Paragraph({ children: [run(line, { size: options.size ?? SIZE.hao3, font: options.bold ? FONTS.heading1 : FONTS.body })] })),
  });
}

function renderBlock(block: Block): (Paragraph | Table)[] {
  switch (block.type) {
    case "paragraph":
      return [new Paragraph({ indent: block.indent === false ? undefined : { firstLine: 2 * CHAR }, alignment: AlignmentType.JUSTIFIED, children: [run(block.text)] })];
    case "heading1":
      return [new Paragraph({ indent: { firstLine: 2 * CHAR }, children: [run(block.text, { font: FONTS.heading1 })] })];
    case "heading2":
      return [new Paragraph({ indent: { firstLine: 2 * CHAR }, children: [run(block.text, { font: FONTS.heading2 })] })];
    case "blank":
      return [blank()];
    case "signatures":
      return block.lines.map((line) => new Paragraph({ spacing: { before: 120 }, children: [run(line)] }));
    case "fields": {
      // Seven 4号 characters and the cell's margins: "被检查单位", "受送达人签名（盖章）" over two lines at most.
      const labelWidth = 7 * 280 + 240;
      return [
        new Table({
          width: { size: TEXT_BLOCK.width, type: WidthType.DXA },
          columnWidths: [labelWidth, TEXT_BLOCK.width - labelWidth],
          rows: block.rows.map(([label, value]) => new TableRow({ children: [cell(label, labelWidth, { bold: true, size: SIZE.hao4 }), cell(value, TEXT_BLOCK.width - labelWidth, { size: SIZE.hao4 })] })),
        }),
      ];
    }
    case "table": {
      const total = block.widths.reduce((a, b) => a + b, 0);
      const widths = block.widths.map((w) => Math.floor((w / total) * TEXT_BLOCK.width));
      return [
        new Table({
          width: { size: TEXT_BLOCK.width, type: WidthType.DXA },
          columnWidths: widths,
          rows: [
            new TableRow({ tableHeader: true, children: block.header.map((text, i) => cell(text, widths[i] ?? 0, { bold: true, size: SIZE.xiao4 })) }),
            ...block.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, widths[i] ?? 0, { size: SIZE.xiao4 })) })),
          ],
        }),
      ];
    }
  }
}

/** §7.5 page number "— 1 —" at the outer corner, with the verification code on the inner side of the same line. */
function footer(side: "odd" | "even", code: string) {
  const number = [run(`${EM_DASH} `, { font: FONTS.pageNumber, size: SIZE.hao4 }), new TextRun({ children: [PageNumber.CURRENT], size: SIZE.hao4, font: { ascii: FONTS.pageNumber.name, hAnsi: FONTS.pageNumber.name, eastAsia: FONTS.pageNumber.name } }), run(` ${EM_DASH}`, { font: FONTS.pageNumber, size: SIZE.hao4 })];
  const codeRun = run(`核验码 ${code}`, { size: 18 });
  const tab = new TextRun({ children: ["\t"], size: SIZE.hao4 });
  return new Footer({
    children: [
      side === "odd"
        ? new Paragraph({ indent: { right: PAGE_NUMBER_INDENT }, tabStops: [{ type: TabStopType.RIGHT, position: TEXT_BLOCK.width - PAGE_NUMBER_INDENT }], children: [codeRun, tab, ...number] })
        : new Paragraph({ indent: { left: PAGE_NUMBER_INDENT }, tabStops: [{ type: TabStopType.RIGHT, position: TEXT_BLOCK.width - PAGE_NUMBER_INDENT }], children: [...number, tab, codeRun] }),
    ],
  });
}

function letterHead(spec: DocumentSpec): Paragraph[] {
  return [
    center([run(spec.issuer, { font: FONTS.title, size: markSize(spec.issuer), color: RED })]),
    blank(),
    center([run(spec.number ?? "")], { border: true }),
    blank(),
    blank(),
    center([run(spec.title, { font: FONTS.title, size: SIZE.hao2 })]),
    blank(),
    ...(spec.addressee ? [new Paragraph({ children: [run(`${spec.addressee}：`)] })] : []),
  ];
}

function formHead(spec: DocumentSpec): Paragraph[] {
  return [
    center([run(spec.issuer, { font: FONTS.title, size: SIZE.hao2 })]),
    center([run(spec.title, { font: FONTS.title, size: SIZE.hao2 })]),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(spec.number ?? "")] }),
    ...(spec.addressee ? [new Paragraph({ children: [run(`${spec.addressee}：`)] })] : []),
  ];
}

/** §8 附件说明 and §7.3.5: signature centred over the date, the date four characters from the right. */
function tail(spec: DocumentSpec): Paragraph[] {
  const out: Paragraph[] = [];
  if (spec.attachments?.length) {
    out.push(blank());
    spec.attachments.forEach((name, index) => {
      const label = spec.attachments!.length === 1 ? "附件：" : index === 0 ? "附件：1．" : `　　　${index + 1}．`;
      out.push(new Paragraph({ indent: { left: 2 * CHAR }, children: [run(spec.attachments!.length === 1 ? `${label}${name}` : `${label}${name}`)] }));
    });
  }
  const dateRight = 4 * CHAR;
  const signatureRight = Math.max(0, Math.round(dateRight + ((charWidth(spec.date) - charWidth(spec.issuer)) / 2) * CHAR));
  out.push(blank(), blank());
  out.push(new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: signatureRight }, children: [run(spec.issuer)] }));
  out.push(new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: dateRight }, children: [run(spec.date)] }));
  return out;
}

export function buildDocument(spec: DocumentSpec): Document {
  return new Document({
    creator: spec.issuer,
    title: spec.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { size: SIZE.hao3, font: { ascii: FONTS.latin.name, hAnsi: FONTS.latin.name, eastAsia: FONTS.body.name } } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: MARGIN.top, left: MARGIN.left, right: MARGIN.right, bottom: MARGIN.bottom, header: mm(15), footer: FOOTER_DISTANCE },
          },
          grid: { type: DocumentGridType.LINES, linePitch: GRID.linePitch },
        },
        footers: { default: footer("odd", spec.verificationCode), even: footer("even", spec.verificationCode) },
        children: [...(spec.layout === "letter" ? letterHead(spec) : formHead(spec)), ...spec.blocks.flatMap(renderBlock), ...tail(spec)],
      },
    ],
  });
}

/** The .docx bytes. */
export async function renderDocx(spec: DocumentSpec): Promise<Buffer> {
  return Packer.toBuffer(buildDocument(spec));
}
