import type { Locator, Page } from "@playwright/test";
import { expect, loginAs, screenshot, test } from "../support/fixtures";

// Issue 12 item 7: the administrator enters next year's holiday arrangement from the State Council notice. The
// dates are the made-up 2027 arrangement of tests/factories/calendar.ts (249 working days).
test.describe("working-day calendar: entering next year's holiday arrangement", () => {
  const ARRANGEMENT: [name: string, first: string, last: string, makeUp: string[]][] = [
    ["元旦", "2027-01-01", "2027-01-03", []],
    ["春节", "2027-02-05", "2027-02-13", ["2027-01-31", "2027-02-20"]],
    ["清明节", "2027-04-03", "2027-04-05", []],
    ["劳动节", "2027-05-01", "2027-05-05", ["2027-04-25", "2027-05-08"]],
    ["端午节", "2027-06-09", "2027-06-09", []],
    ["中秋节", "2027-09-15", "2027-09-15", []],
    ["国庆节", "2027-10-01", "2027-10-07", ["2027-09-26", "2027-10-09"]],
  ];
  const holiday = (form: Locator, name: string) => form.getByRole("group", { name });

  async function fillHolidays(form: Locator, only: string[], withMakeUpDays: boolean) {
    for (const [name, first, last, makeUp] of ARRANGEMENT.filter(([n]) => only.includes(n))) {
      const group = holiday(form, name);
      await group.getByLabel("放假起始日").fill(first);
      await group.getByLabel("放假截止日").fill(last);
      const days = withMakeUpDays ? makeUp : [];
      await group.getByLabel("调休上班日（一）").fill(days[0] ?? "");
      await group.getByLabel("调休上班日（二）").fill(days[1] ?? "");
    }
  }

  const todo = (page: Page) => page.getByTestId("calendar-tasks");

  test("the administrator is told which holidays are missing, confirms 2027 once complete, and the to-do disappears", async ({ page }) => {
    test.setTimeout(120_000);
    await loginAs(page, "admin");
    // From October the next year's arrangement is due: the home page says so, with the cases waiting for it.
    await expect(todo(page)).toContainText("录入 2027 年节假日安排");
    await screenshot(page, "calendar-todo-on-home");
    await todo(page).getByRole("link", { name: "前往工作日历" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "工作日历" })).toBeVisible();
    await expect(todo(page)).toContainText("2027");

    const form = page.getByRole("form", { name: "录入年度节假日安排" });
    await expect(form.getByLabel("年度")).toHaveValue("2027");
    await form.getByLabel("通知文号及标题").fill("国办发明电〔2026〕12号 国务院办公厅关于2027年部分节假日安排的通知（测试数据，仅用于系统验收，请勿据此安排工作）");
    // Dragon Boat and Mid-Autumn left out; the clerk presses the button twice without waiting.
    await fillHolidays(form, ["元旦", "春节", "清明节", "劳动节", "国庆节"], true);
    await form.getByRole("button", { name: "确认该年度节假日安排" }).click();
    await form.getByRole("button", { name: "确认该年度节假日安排" }).click();
    await expect(form.getByRole("alert").filter({ hasText: "以下节日尚未填写完整：端午节、中秋节" })).toBeVisible();
    await expect(holiday(form, "端午节").getByLabel("放假起始日")).toHaveAccessibleDescription("请填写该节日的放假起止日期。");
    await expect(holiday(form, "春节").getByLabel("放假起始日")).not.toHaveAttribute("aria-invalid", "true");
    await expect(form.getByTestId("working-day-preview")).toHaveText("七个节日填写完整后，此处显示全年工作日天数。");
    await screenshot(page, "calendar-year-incomplete");

    // Complete, but the make-up working days forgotten: 243 working days, which must be confirmed explicitly.
    await fillHolidays(form, ["端午节", "中秋节"], true);
    await fillHolidays(form, ["春节", "劳动节", "国庆节"], false);
    await expect(form.getByRole("alert").filter({ hasText: "尚未填写完整" })).toHaveCount(0);
    await expect(form.getByTestId("working-day-preview")).toHaveText("按所填安排，2027 年全年共有 243 个工作日。");
    await expect(form.getByText("全年工作日天数通常在 244—254 天之间")).toBeVisible();
    await form.getByRole("button", { name: "确认该年度节假日安排" }).click();
    await expect(form.getByLabel("我已对照通知逐项核对，全年工作日天数无误")).toHaveAccessibleDescription(/全年工作日天数与往年差别较大/);
    await screenshot(page, "calendar-year-unusual-count");

    // The clerk checks the notice, enters the make-up days: 249, nothing to confirm, and the year is confirmed.
    await fillHolidays(form, ["春节", "劳动节", "国庆节"], true);
    await expect(form.getByTestId("working-day-preview")).toHaveText("按所填安排，2027 年全年共有 249 个工作日。");
    await expect(form.getByText("全年工作日天数通常在")).toHaveCount(0);
    await form.getByRole("button", { name: "确认该年度节假日安排" }).click();
    await expect(form.getByRole("status").filter({ hasText: "年度节假日安排已确认" })).toBeVisible();
    const confirmed = page.getByRole("table", { name: "已确认的年度" }).getByRole("row").filter({ hasText: "2027" });
    await expect(confirmed).toContainText("春节");
    await expect(confirmed).toContainText("国办发明电〔2026〕12号");
    await expect(todo(page)).toHaveCount(0);
    await screenshot(page, "calendar-year-confirmed");

    // The to-do is gone from the home page too, after a reload and by the back button alike.
    await page.reload();
    await expect(todo(page)).toHaveCount(0);
    await page.goBack();
    await page.reload();
    await expect(page).toHaveURL(/\/bureau$/);
    await expect(todo(page)).toHaveCount(0);
  });
});
