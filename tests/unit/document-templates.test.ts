import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DOCUMENT_KINDS } from "@/lib/documents/kinds";
import { checkTemplate, placeholdersOf, renderTemplate, templateData } from "@/lib/documents/template";
import type { DocumentCaseData } from "@/lib/documents/content";
import { docxText, templateDocx } from "../support/docx-template";

const DATA: DocumentCaseData = {
  plan: { title: "2024年度吉林省医疗保障基金飞行检查工作方案", year: 2024, organizationName: "吉林省医疗保障局", periodStart: new Date("2022-01-01"), periodEnd: new Date("2023-12-31") },
  institution: { name: "长春市测试中心医院", nationalCode: "H22010100001" },
  region: "长春市",
  cityBureauName: "长春市医疗保障局",
  team: { name: "第三检查组", leader: "张组长", members: ["张组长", "李组员"] },
  notice: null,
  findings: [
    { type: "串换药品", keyArea: null, legalBasis: "条例第三十八条", description: "将目录外药品串换为目录内药品结算", amount: "12345.67" },
    { type: "重复收费", keyArea: "检验", legalBasis: "条例第三十八条", description: "重复收取检验费", amount: "100.00" },
  ],
  findingsTotal: "12445.67",
  feedbackSummary: null,
  handover: null,
  confirmation: null,
  refund: null,
  seizures: [],
  transfers: [],
};

describe("a bureau's .docx template", () => {
  it("is accepted with the placeholders of its kind, and lists those it uses", async () => {
    const bytes = await templateDocx(["{issuer}", "{number}", "{institutionName}：", "{#findings}{index}. {description} {amount}元{/findings}", "合计{findingsTotal}元", "核验码 {verificationCode}"]);
    expect(checkTemplate("PROBLEM_RECORD", bytes)).toEqual({ ok: true, placeholders: ["findings", "findingsTotal", "institutionName", "issuer", "number", "verificationCode"] });
  });

  it("is refused naming each unknown placeholder, a list's field as list.field, and one of another kind", async () => {
    const bytes = await templateDocx(["{number}{verificationCode}", "{机构负责人}", "{#findings}{amountX}{/findings}", "{refundAmount}"]);
    expect(checkTemplate("PROBLEM_RECORD", bytes)).toEqual({ ok: false, problem: "unknown", names: ["findings.amountX", "refundAmount", "机构负责人"] });
    // The refund amount is the refund notice's own.
    expect(checkTemplate("REFUND_NOTICE", await templateDocx(["{number}{verificationCode}{refundAmount}"]))).toMatchObject({ ok: true });
  });

  it("is refused without the number or the verification code, and when it is not a .docx or its tags are broken", async () => {
    expect(checkTemplate("ON_SITE_NOTICE", await templateDocx(["{number}", "{institutionName}"]))).toEqual({ ok: false, problem: "missing", names: ["verificationCode"] });
    expect(checkTemplate("ON_SITE_NOTICE", Buffer.from("PK not a zip"))).toEqual({ ok: false, problem: "unreadable" });
    expect(checkTemplate("ON_SITE_NOTICE", await templateDocx(["{number}{verificationCode}", "{institutionName"]))).toEqual({ ok: false, problem: "unreadable" });
  });

  it("is filled with the case's values, lists repeated, amounts in words", async () => {
    const bytes = await templateDocx(["{number}", "{institutionName}：", "{#findings}", "{index}. {description} {amount}元", "{/findings}", "合计{findingsTotal}元（{findingsTotalInWords}）", "核验码 {verificationCode}"]);
    const values = templateData("PROBLEM_RECORD", "吉林省医疗保障局", DATA, null, { number: "吉医保问题〔2024〕1号", date: "2024年9月27日", verificationCode: "K7QF-3MZP" });
    const text = await docxText(renderTemplate(bytes, values));
    expect(text).toBe(["吉医保问题〔2024〕1号", "长春市测试中心医院：", "1. 将目录外药品串换为目录内药品结算 12345.67元", "2. 重复收取检验费 100.00元", "合计12445.67元（壹万贰仟肆佰肆拾伍元陆角柒分）", "核验码 K7QF-3MZP"].join("\n"));
  });

  it("offers every kind the common placeholders, and each value the data fills", () => {
    const values = templateData("HANDOVER", "吉林省医疗保障局", DATA, null, { number: "n", date: "d", verificationCode: "c" });
    for (const kind of ["ON_SITE_NOTICE", "HANDOVER", "SERVICE_RECEIPT"] as const) {
      for (const p of placeholdersOf(kind)) expect(values, `${kind} ${p.name}`).toHaveProperty(p.name);
    }
    expect(placeholdersOf("ON_SITE_NOTICE").map((p) => p.name)).not.toContain("findings");
  });

  it("are all listed in docs/documents.md, kind by kind", () => {
    const docs = readFileSync("docs/documents.md", "utf8");
    for (const kind of DOCUMENT_KINDS) {
      const line = docs.split("\n").find((l) => l.includes(`(\`${kind}\`)`)) ?? "";
      expect(line, kind).not.toBe("");
      for (const p of placeholdersOf(kind)) expect(docs.includes(p.fields ? `\`{#${p.name}}\`` : `\`{${p.name}}\``), `${kind} {${p.name}}`).toBe(true);
      for (const p of placeholdersOf(kind).filter((p) => p.fields)) for (const f of p.fields!) expect(line, `${kind} {${f.name}}`).toContain(`{${f.name}}`);
    }
  });
});
