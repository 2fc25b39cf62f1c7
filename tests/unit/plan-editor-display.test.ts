import { describe, expect, it } from "vitest";
import { caseStateLabelKey } from "@/lib/domain/case/state-label";
import { publicationProblems, publicationSteps } from "@/lib/domain/plan/publication";
import { formatYearSpan } from "@/lib/i18n/format";

const empty = { level: "PROVINCIAL" as const, parties: 0, regions: 0, participating: 0, referenceYears: 2, teams: 0 };

describe("what the plan editor shows", () => {
  it("writes one year once: the plan summary never reads 2025–2025", () => {
    expect(formatYearSpan(2025, 2025)).toBe("2025");
    expect(formatYearSpan(2023, 2024)).toBe("2023–2024");
  });

  it("labels a designated target before its notice 指定检查, not 已抽取; a drawn one stays 已抽取", () => {
    expect(caseStateLabelKey({ state: "DRAWN", designated: true })).toBe("workflow.state.designated");
    expect(caseStateLabelKey({ state: "DRAWN", designated: false })).toBe("workflow.state.drawn");
    expect(caseStateLabelKey({ state: "NOTIFIED", designated: true })).toBe("workflow.state.notified");
  });

  it("lists what a draft still needs before publishing, in the order the service refuses it", () => {
    expect(publicationProblems(empty)).toEqual(["plans.publishProblems.parties", "plans.publishProblems.regions", "plans.publishProblems.participating"]);
    expect(publicationSteps(empty).map((s) => [s.step, s.done])).toEqual([["regions", false], ["participating", false], ["parties", false], ["referenceYears", true]]);
    expect(publicationProblems({ ...empty, parties: 2, regions: 1, participating: 1 })).toEqual([]);
    // A city plan needs no participating region (no cross-inspection).
    expect(publicationProblems({ ...empty, level: "CITY", parties: 2, regions: 1 })).toEqual([]);
    // A plan whose targets are named by hand needs its teams only.
    expect(publicationSteps({ ...empty, teams: 1 })).toEqual([{ step: "teams", done: true }]);
    expect(publicationProblems({ ...empty, teams: 1 })).toEqual([]);
  });
});
