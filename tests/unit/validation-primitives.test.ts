import { describe, expect, it } from "vitest";
import { fieldErrorKeys } from "@/lib/validation/field-errors";
import { optionalText, parseMessageRef, requiredText, translateMessageRef, ZBoolean, ZDateTime, ZIsoDate, ZVersion } from "@/lib/validation/primitives";
import { translator } from "@/lib/i18n/translator";
import { ZDeliverNoticeInput } from "@/lib/validation/cases";

const firstKey = (result: { success: boolean; error?: import("zod").ZodError }) => (result.success ? null : Object.values(fieldErrorKeys(result.error!))[0]);

describe("strict input primitives (issue 12 §19)", () => {
  it("never coerces: true is not a date, \"false\" is not true, null is not 0", () => {
    expect(ZDateTime.safeParse(true).success).toBe(false);
    expect(ZDateTime.safeParse(0).success).toBe(false);
    expect(ZBoolean.safeParse("false").success).toBe(false);
    expect(ZBoolean.safeParse(0).success).toBe(false);
    expect(ZVersion.safeParse(null).success).toBe(false);
    expect(ZVersion.safeParse("3").success).toBe(false);
    expect(ZVersion.safeParse(3).success).toBe(true);
  });

  it("refuses impossible and out-of-range dates with a field message, never a throw", () => {
    for (const value of ["0000-01-01", "2024-02-30", "2024-13-01", "99999-01-01", "2101-01-01", "1999-12-31"]) expect(ZIsoDate.safeParse(value).success, value).toBe(false);
    expect(firstKey(ZIsoDate.safeParse("0000-01-01"))).toBe("validation.dateOutOfRange?from=2000&to=2100");
    for (const value of ["0000-01-01T00:00:00Z", "2024-02-30T10:00:00+08:00", "not a date", "2024-09-26"]) expect(ZDateTime.safeParse(value).success, value).toBe(false);
    expect(ZDateTime.parse("2026-11-29T09:30")).toEqual(new Date("2026-11-29T01:30:00Z"));
    expect(ZDateTime.parse("2026-11-29T09:30:00Z")).toEqual(new Date("2026-11-29T09:30:00Z"));
  });

  it("refuses NUL and other control characters in text, and names the length limit", () => {
    expect(firstKey(requiredText(10).safeParse("院长\u0000"))).toBe("validation.controlCharacters");
    expect(requiredText(10).safeParse("第一行\n第二行\t").success).toBe(true);
    const tooLong = firstKey(requiredText(5).safeParse("一二三四五六"));
    expect(tooLong).toBe("validation.tooLongMax?max=5");
    expect(translateMessageRef(translator("zh-CN"), tooLong!)).toBe("内容过长，最多 5 个字。");
    expect(parseMessageRef(tooLong!)).toEqual({ key: "validation.tooLongMax", values: { max: 5 } });
  });

  it("treats an empty or blank optional text as absent", () => {
    expect(optionalText(10).parse("  ")).toBeUndefined();
    expect(optionalText(10).parse("")).toBeUndefined();
    expect(optionalText(10).parse(null)).toBeUndefined();
    expect(optionalText(10).parse(" 说明 ")).toBe("说明");
  });

  it("accepts what a form sends and what the server parses, the same way (one parse, issue 12 §1)", () => {
    const raw = { caseId: "00000000-0000-4000-8000-000000000000", version: 0, number: "吉医保飞检〔2024〕3号", recipientName: "王某", recipientTitle: "院长", deliveredAt: "", staffPresentIds: ["00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"] };
    const parsed = ZDeliverNoticeInput.parse(raw);
    expect(parsed.deliveredAt).toBeUndefined();
    expect(ZDeliverNoticeInput.safeParse({ ...raw, deliveredAt: true }).success).toBe(false);
  });
});

describe("form-driven inputs (plans, teams, calendar, master data) take no loose coercion (issue 12 §19)", () => {
  it("a team member sent with isLawEnforcement \"false\" is not a law-enforcement officer; an absent box is the default", async () => {
    const { ZAddTeamMemberInput, ZPlanRegionInput } = await import("@/lib/validation/plans");
    const member = { teamId: "00000000-0000-4000-8000-000000000001", userId: "00000000-0000-4000-8000-000000000002", role: "MEMBER" };
    expect(ZAddTeamMemberInput.parse({ ...member, isLawEnforcement: "false" }).isLawEnforcement).toBe(false);
    expect(ZAddTeamMemberInput.parse({ ...member, isLawEnforcement: "on" }).isLawEnforcement).toBe(true);
    expect(ZAddTeamMemberInput.parse(member).isLawEnforcement).toBe(false);
    expect(ZAddTeamMemberInput.safeParse({ ...member, isLawEnforcement: "yes" }).success).toBe(false);
    expect(ZAddTeamMemberInput.safeParse({ ...member, isLawEnforcement: 1 }).success).toBe(false);
    const region = { planId: member.teamId, poolingRegionId: member.userId, hospitalPoolRule: "TOP_K", hospitalPoolValue: "30", hospitalsToDraw: 3, pharmaciesTopN: 10, pharmaciesToDraw: 2, lookBackCount: 1 };
    expect(ZPlanRegionInput.parse(region).includeAgency).toBe(true);
    expect(ZPlanRegionInput.parse({ ...region, includeAgency: false }).includeAgency).toBe(false);
    expect(ZPlanRegionInput.parse(region).hospitalPoolValue).toBe(30);
    expect(ZPlanRegionInput.safeParse({ ...region, hospitalsToDraw: "" }).success).toBe(false);
    expect(ZPlanRegionInput.safeParse({ ...region, hospitalsToDraw: true }).success).toBe(false);
    expect(ZPlanRegionInput.safeParse({ ...region, hospitalsToDraw: null }).success).toBe(false);
    expect(ZPlanRegionInput.safeParse({ ...region, hospitalsToDraw: "1e1" }).success).toBe(false);
  });

  it("a deactivation with version null is refused, not read as version 0", async () => {
    const { ZDeactivateInput } = await import("@/lib/validation/admin");
    const id = "00000000-0000-4000-8000-000000000001";
    expect(ZDeactivateInput.safeParse({ id, version: null }).success).toBe(false);
    expect(ZDeactivateInput.safeParse({ id, version: "0" }).success).toBe(false);
    expect(ZDeactivateInput.parse({ id, version: 0 }).version).toBe(0);
  });
});
