import { describe, expect, it } from "vitest";
import { formatDocumentDate, formatDocumentNumber, MARGIN_MM, TEXT_BLOCK_MM } from "@/lib/documents/layout";
import { renderDocx, type DocumentSpec } from "@/lib/documents/page";
import { find, findAll, must, readDocx } from "../support/docx-read";

const SPEC: DocumentSpec = {
  layout: "letter",
  issuer: "吉林省医疗保障局",
  number: formatDocumentNumber("吉医保飞检", 2024, 3),
  title: "现场检查通知书",
  addressee: "长春市测试医院",
  blocks: [{ type: "paragraph", text: "根据《医疗保障基金飞行检查管理暂行办法》，我局决定对你单位开展飞行检查。" }, { type: "heading1", text: "一、检查内容" }],
  date: formatDocumentDate(new Date("2024-03-04T16:30:00Z")),
  verificationCode: "K7QF-3MZP",
};

const twips = (mm: number) => mm * (1440 / 25.4);

describe("GB/T 9704 page, read back from the .docx", () => {
  it("is A4 with margins 37/28 mm and a 156 × 225 mm text block, 22 lines × 28 characters", async () => {
    const file = await readDocx(await renderDocx(SPEC));
    const size = find(file.document, "w:pgSz").attrs;
    expect([Number(size["w:w"]), Number(size["w:h"])]).toEqual([11906, 16838]);
    const margin = find(file.document, "w:pgMar").attrs;
    expect(Math.abs(Number(margin["w:top"]) - twips(37))).toBeLessThan(1);
    expect(Math.abs(Number(margin["w:left"]) - twips(28))).toBeLessThan(1);
    const width = 11906 - Number(margin["w:left"]) - Number(margin["w:right"]);
    const height = 16838 - Number(margin["w:top"]) - Number(margin["w:bottom"]);
    // A4 in twips is itself rounded (210 mm = 11905.5): the text block within one twip of 156 × 225 mm.
    expect(Math.abs(width - twips(TEXT_BLOCK_MM.width))).toBeLessThan(1.5);
    expect(Math.abs(height - twips(TEXT_BLOCK_MM.height))).toBeLessThan(1.5);
    expect(MARGIN_MM).toEqual({ top: 37, left: 28, right: 26, bottom: 35 });
    const grid = find(file.document, "w:docGrid").attrs;
    expect(grid["w:type"]).toBe("lines");
    expect(Math.floor(height / Number(grid["w:linePitch"]))).toBe(22);
    // A body character is its size (half-points × 10 twips) plus the run's spacing: 28 fill the line, 29 do not.
    const body = must(file.paragraphs.find((p) => p.text.startsWith("根据")), "paragraph").node;
    const pitch = Number(find(body, "w:sz").attrs["w:val"]) * 10 + Number(find(find(body, "w:rPr"), "w:spacing").attrs["w:val"]);
    expect(Math.floor(width / pitch)).toBe(28);
  });

  it("prints the mark in red 小标宋, the number with 〔 〕, the title in 2号 小标宋, the body in 3号 仿宋", async () => {
    const file = await readDocx(await renderDocx(SPEC));
    const mark = must(file.paragraphs.find((p) => p.text === "吉林省医疗保障局"), "mark");
    expect(mark.runs[0]).toMatchObject({ color: "FF0000", eastAsia: "方正小标宋简体" });
    expect(must(mark.runs[0], "run").size).toBeLessThanOrEqual(72);
    const number = must(file.paragraphs.find((p) => p.text === "吉医保飞检〔2024〕3号"), "paragraph");
    expect(number.alignment).toBe("center");
    expect(find(number.node, "w:bottom").attrs["w:color"]).toBe("FF0000");
    const title = must(file.paragraphs.find((p) => p.text === "现场检查通知书"), "paragraph");
    expect(title.runs[0]).toMatchObject({ size: 44, eastAsia: "方正小标宋简体" });
    const body = must(file.paragraphs.find((p) => p.text.startsWith("根据")), "paragraph");
    expect(body.runs[0]).toMatchObject({ size: 32, eastAsia: "仿宋_GB2312", ascii: "Times New Roman" });
    expect(find(body.node, "w:ind").attrs["w:firstLine"]).toBe("640");
    expect(must(file.paragraphs.find((p) => p.text === "一、检查内容"), "paragraph").runs[0]?.eastAsia).toBe("黑体");
    expect(file.paragraphs.find((p) => p.text === "长春市测试医院：")).toBeDefined();
  });

  it("dates in Arabic numerals four characters from the right, the signature centred over it", async () => {
    const file = await readDocx(await renderDocx(SPEC));
    const date = must(file.paragraphs.find((p) => p.text === "2024年3月5日"), "paragraph");
    expect(date.alignment).toBe("right");
    expect(find(date.node, "w:ind").attrs["w:right"]).toBe("1280");
    const signature = must(file.paragraphs[file.paragraphs.indexOf(date) - 1], "signature");
    expect(signature.text).toBe("吉林省医疗保障局");
    // 8 characters over a date 6 characters wide (2024, 3 and 5 are half-width): one character less indent.
    expect(Number(find(signature.node, "w:ind").attrs["w:right"])).toBe(1280 - 320);
  });

  it("numbers pages in 4号 as — n — at the outer corner (odd right, even left), with the verification code on every page", async () => {
    const file = await readDocx(await renderDocx(SPEC));
    expect(find(file.settings, "w:evenAndOddHeaders")).toBeDefined();
    const refs = findAll(file.document, "w:footerReference").map((r) => r.attrs["w:type"]).sort();
    expect(refs).toEqual(["default", "even"]);
    expect(file.footers).toHaveLength(2);
    for (const footer of file.footers) {
      const runs = findAll(footer, "w:r");
      const text = runs.map((r) => findAll(r, "w:t").map((t) => t.text).join("")).join("");
      expect(text).toContain("核验码 K7QF-3MZP");
      expect(text).toMatch(/— \s*—|—  —/);
      expect(findAll(footer, "w:instrText").map((t) => t.text.trim())).toContain("PAGE");
      for (const size of findAll(footer, "w:sz").filter((_, i, all) => all.length > 0)) expect(["28", "18"]).toContain(size.attrs["w:val"]);
    }
    const alignments = file.footers.map((footer) => ({ text: findAll(footer, "w:t").map((t) => t.text).join(""), ind: find(footer, "w:ind").attrs }));
    const odd = must(alignments.find((a) => a.text.startsWith("核验码")), "odd footer");
    const even = must(alignments.find((a) => a.text.startsWith("—")), "even footer");
    expect(odd.ind["w:right"]).toBe("280");
    expect(even.ind["w:left"]).toBe("280");
  });

  it("formats numbers and dates as §7.2.4 and §7.3.5 say", () => {
    expect(formatDocumentNumber("吉医保飞检", 2024, 12)).toBe("吉医保飞检〔2024〕12号");
    expect(() => formatDocumentNumber("吉医保飞检", 2024, 0)).toThrow();
    // 2024-12-31T17:00Z is already 2025-01-01 in China.
    expect(formatDocumentDate(new Date("2024-12-31T17:00:00Z"))).toBe("2025年1月1日");
  });
});
