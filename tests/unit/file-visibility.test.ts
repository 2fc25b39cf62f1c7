import { describe, expect, it } from "vitest";
import { CASE_ACTOR_KINDS } from "@/lib/domain/case/actors";
import { canReadFileKind, FILE_KINDS, FILE_VISIBILITY } from "@/lib/domain/case/file-visibility";

describe("file visibility table (issue 12 §15)", () => {
  it("answers for every file kind and every part in a case, and nobody without a part reads anything", () => {
    for (const kind of FILE_KINDS) {
      expect(Object.keys(FILE_VISIBILITY[kind]).sort()).toEqual([...CASE_ACTOR_KINDS].sort());
      expect(canReadFileKind(kind, null, true)).toBe(false);
      expect(canReadFileKind(kind, "BUREAU", true)).toBe(true);
    }
  });

  it("the institution does not read the city's reports to the province, the team's feedback report or a transfer of leads", () => {
    for (const kind of ["PROGRESS_REPORT", "WRITTEN_REPORT", "DIFFERENCE_EXPLANATION", "FEEDBACK_REPORT", "TRANSFER"] as const) expect(canReadFileKind(kind, "INSTITUTION", true)).toBe(false);
    for (const kind of ["EVIDENCE", "NOTICE_RECEIPT", "REFUND_VOUCHER", "RECTIFICATION_MATERIAL", "APPEAL"] as const) expect(canReadFileKind(kind, "INSTITUTION", true)).toBe(true);
  });

  it("refund vouchers and rectification material are read by the bureau, the city and the institution", () => {
    for (const kind of ["REFUND_VOUCHER", "RECTIFICATION_MATERIAL"] as const) for (const part of ["BUREAU", "CITY", "INSTITUTION"] as const) expect(canReadFileKind(kind, part, true)).toBe(true);
  });

  it("import files are the bureau's alone", () => {
    expect(CASE_ACTOR_KINDS.filter((part) => canReadFileKind("MASTER_DATA_IMPORT", part, true))).toEqual(["BUREAU"]);
  });

  it("the team's evidence is hidden from the institution and the city until the team signs the problem record (issue 12 §4)", () => {
    expect(CASE_ACTOR_KINDS.filter((part) => canReadFileKind("EVIDENCE", part, false)).sort()).toEqual(["BUREAU", "TEAM_LEADER", "TEAM_MEMBER"]);
    expect(CASE_ACTOR_KINDS.filter((part) => canReadFileKind("EVIDENCE", part, true)).sort()).toEqual([...CASE_ACTOR_KINDS].sort());
    expect(canReadFileKind("NOTICE_RECEIPT", "INSTITUTION", false)).toBe(true);
  });
});
