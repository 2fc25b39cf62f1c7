/** Issue 12 §12: what a clerk is told about a field must say what is wrong and what is allowed. */
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { translator } from "@/lib/i18n/translator";
import { ZCreateUserInput } from "@/lib/validation/admin";
import { ZCreatePlanInput } from "@/lib/validation/plans";
import { translateMessageRef, ZIsoDate } from "@/lib/validation/primitives";

const t = translator("zh-CN");

function messageOf(schema: z.ZodType, value: unknown, field: string): string {
  const parsed = schema.safeParse(value);
  expect(parsed.success).toBe(false);
  const issue = parsed.error!.issues.find((i) => i.path.join(".") === field);
  expect(issue, `no issue on ${field}`).toBeDefined();
  return translateMessageRef(t, issue!.message);
}

const plan = { title: "2024年医保基金飞行检查", year: 2024, level: "PROVINCIAL", trigger: "ANNUAL_PLAN", periodStart: "2022-01-01", periodEnd: "2023-12-31" };

describe("messages that name what is wrong", () => {
  it("“内容过长” named no limit: a long plan title or user name now says how many characters are allowed", () => {
    expect(messageOf(ZCreatePlanInput, { ...plan, title: "检".repeat(201) }, "title")).toMatch(/^内容过长，最多 \d+ 个字。$/);
    expect(messageOf(ZCreateUserInput, { username: "a".repeat(65), displayName: "张三", password: "Feijian@2024x", role: "CITY_STAFF", organizationId: "00000000-0000-4000-8000-000000000001" }, "username")).toBe("内容过长，最多 64 个字。");
  });

  it("an empty required date said the format was wrong: it now says the date is required", () => {
    expect(messageOf(ZCreatePlanInput, { ...plan, periodStart: "" }, "periodStart")).toBe(t("validation.required"));
    expect(messageOf(ZIsoDate, "", "")).toBe(t("validation.required"));
    // A date typed wrongly still says so.
    expect(messageOf(ZCreatePlanInput, { ...plan, periodStart: "2022/01/01" }, "periodStart")).toBe(t("validation.invalidDate"));
    expect(messageOf(ZIsoDate, "2022-13-01", "")).toBe(t("validation.invalidDate"));
  });
});
