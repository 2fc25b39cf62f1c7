import { describe, expect, it } from "vitest";
import { CASE_ACTOR_KINDS } from "@/lib/domain/case/actors";
import { FILE_VISIBILITY } from "@/lib/domain/case/file-visibility";
import { canGenerateDocument, DOCUMENT_KINDS, DOCUMENT_RULES, issuerAbbreviation, type DocumentFacts } from "@/lib/documents/kinds";

const NOTHING: DocumentFacts = { onSiteStarted: false, standingFindings: 0, seizures: 0, feedbackReportWritten: false, confirmationNoticeIssued: false, refundNoticeIssued: false, transfers: 0 };
const EVERYTHING: DocumentFacts = { onSiteStarted: true, standingFindings: 1, seizures: 1, feedbackReportWritten: true, confirmationNoticeIssued: true, refundNoticeIssued: true, transfers: 1 };

describe("who generates and reads which document (decision 024)", () => {
  it("is the table the decision record states: generators, readers and the step each waits for", async () => {
    const lines = DOCUMENT_KINDS.map((kind) => {
      const rule = DOCUMENT_RULES[kind];
      const generators = CASE_ACTOR_KINDS.filter((part) => canGenerateDocument(kind, part, EVERYTHING));
      const readers = CASE_ACTOR_KINDS.filter((part) => FILE_VISIBILITY[rule.readAs][part]);
      const atStart = canGenerateDocument(kind, generators[0] ?? null, NOTHING) ? "from the start" : "after its step";
      return `${kind.padEnd(20)} ${rule.layout.padEnd(6)} ${rule.issuer.padEnd(4)} generate: ${generators.join(",").padEnd(38)} read: ${readers.join(",").padEnd(48)} ${atStart}`;
    });
    await expect(`${lines.join("\n")}\n`).toMatchFileSnapshot("../fixtures/document-permissions.txt");
  });

  it("never lets the institution generate, nor read what goes between the team, the city and the province", () => {
    for (const kind of DOCUMENT_KINDS) expect(canGenerateDocument(kind, "INSTITUTION", EVERYTHING)).toBe(false);
    for (const kind of ["FEEDBACK_REPORT", "HANDOVER", "TRANSFER_LETTER"] as const) expect(FILE_VISIBILITY[DOCUMENT_RULES[kind].readAs].INSTITUTION).toBe(false);
  });

  it("abbreviates the issuing organization as its 机关代字", () => {
    expect(issuerAbbreviation("吉林省医疗保障局")).toBe("吉医保");
    expect(issuerAbbreviation("长春市医疗保障局")).toBe("长医保");
  });
});
