/**
 * The numbers of GB/T 9704-2012 《党政机关公文格式》 that a generated document carries, in the units of the .docx
 * file (docs/documents.md lists them with their clause). Pure data: the builder and the tests read the same table.
 */

/** 1 mm in twips (1/1440 inch): 1440 / 25.4. */
export const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (millimetres: number) => Math.round(millimetres * TWIPS_PER_MM);

/** GB/T 9704 §5.2.1: A4, 210 × 297 mm. Word's own A4 is 11906 × 16838 twips. */
export const PAGE = { widthMm: 210, heightMm: 297, width: 11906, height: 16838 } as const;

/**
 * GB/T 9704 §5.2.2 (版面): top margin (天头) 37 mm, binding (left) margin (订口) 28 mm, text block (版心)
 * 156 × 225 mm; so the right margin is 210 − 28 − 156 = 26 mm and the bottom 297 − 37 − 225 = 35 mm.
 */
export const MARGIN_MM = { top: 37, left: 28, right: 26, bottom: 35 } as const;
export const TEXT_BLOCK_MM = { width: 156, height: 225 } as const;
export const MARGIN = { top: mm(37), left: mm(28), right: mm(26), bottom: mm(35) } as const;
export const TEXT_BLOCK = { width: mm(156), height: mm(225) } as const;

/**
 * §5.2.4 / §7.2: 22 lines of 28 characters in 3号 (16 pt = 320 twips). Lines: a line grid of pitch
 * 225 mm / 22 = 579 twips. Characters: 156 mm = 8844 twips holds 27 characters of 320 twips, so each 3号 run is
 * condensed by 5 twips (0.25 pt): 28 × 315 = 8820 fits, 29 do not. (A character grid, `linesAndChars` with
 * charSpace −849, gives the same in Word but LibreOffice spreads it to ~17 characters a line: not used.)
 */
export const GRID = { linesPerPage: 22, charsPerLine: 28, linePitch: 579, bodyCharacterSpacing: -5 } as const;

/** Chinese type sizes (字号) in half-points, as .docx stores them: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小初 36 pt. */
export const SIZE = { xiaochu: 72, hao2: 44, hao3: 32, hao4: 28, xiao4: 24 } as const;

/**
 * The faces GB/T 9704 names (§5.2.3 body 3号仿宋; §7.3.2 title 2号小标宋; §7.3.3 first-level headings 黑体,
 * second-level 楷体), the name written into the file first, then the fallbacks an installation maps it to
 * (deploy/fontconfig/feijian-fonts.conf: a machine without the Founder/GB2312 faces prints with these).
 */
export const FONTS = {
  title: { name: "方正小标宋简体", fallbacks: ["方正小标宋_GBK", "华文中宋", "Noto Serif CJK SC", "SimSun"] },
  body: { name: "仿宋_GB2312", fallbacks: ["仿宋", "FangSong", "Noto Serif CJK SC"] },
  heading1: { name: "黑体", fallbacks: ["SimHei", "Noto Sans CJK SC"] },
  heading2: { name: "楷体_GB2312", fallbacks: ["楷体", "KaiTi", "Noto Serif CJK SC"] },
  /** Latin letters and Arabic numerals (§5.2.3 "阿拉伯数字……用半角"): Times New Roman. */
  latin: { name: "Times New Roman", fallbacks: ["Liberation Serif", "DejaVu Serif"] },
  /** §7.5: page numbers in 4号 半角宋体 Arabic numerals. */
  pageNumber: { name: "宋体", fallbacks: ["SimSun", "Noto Serif CJK SC"] },
} as const;

/** §7.2.1: the issuing organization's mark (发文机关标志) and the separator line below the number are red. */
export const RED = "FF0000";

/**
 * §7.5: the footer sits 7 mm below the text block. The footer distance in the file is measured from the page's
 * bottom edge to the footer's baseline area: 35 mm (bottom margin) − 7 mm − ~5 mm for a 4号 line = 23 mm.
 */
export const FOOTER_DISTANCE = mm(23);
/** §7.5: "— 1 —", single pages at the right, double pages at the left, one character (4号, 14 pt) from the edge. */
export const PAGE_NUMBER_INDENT = 280;
export const EM_DASH = "\u2014";

/** §7.2.4: 发文字号 is 机关代字 + 〔year〕 + sequence, the sequence without leading zeros and without 第. */
export function formatDocumentNumber(prefix: string, year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError("The sequence starts at 1");
  return `${prefix}〔${year}〕${sequence}号`;
}

/** §7.3.5.1: 成文日期 in Arabic numerals, year in full, month and day without a leading zero (the China calendar day). */
export function formatDocumentDate(date: Date): string {
  const china = new Date(date.getTime() + 8 * 3600_000);
  return `${china.getUTCFullYear()}年${china.getUTCMonth() + 1}月${china.getUTCDate()}日`;
}
