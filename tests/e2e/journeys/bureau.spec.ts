import { mkdirSync, readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { verifyBinder } from "@/lib/documents/binder-verify";
import { expect, loginAs, newUserPage, screenshot, test } from "../support/fixtures";
import { createCase } from "../support/scenario";
import { templateDocx, templateDocxOfSize } from "../../support/docx-template";

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

/** A new draft plan through the real form, opened; returns its address. */
async function createDraftPlan(page: Page, title: string, trigger = "年度计划"): Promise<string> {
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "检查计划" }).click();
  const planForm = page.getByRole("form", { name: "新建检查计划" });
  await planForm.getByLabel("计划名称").fill(title);
  await planForm.getByLabel("年度").fill("2024");
  await planForm.getByLabel("检查启动方式").selectOption({ label: trigger });
  await planForm.getByLabel("检查时段起").fill("2022-01-01");
  await planForm.getByLabel("检查时段止").fill("2023-12-31");
  await planForm.getByRole("button", { name: "新建计划" }).click();
  await expect(planForm.getByText("检查计划已新建。")).toBeVisible();
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByText("草稿 · 第 1 版")).toBeVisible();
  return new URL(page.url()).pathname;
}

const summary = (page: Page) => page.getByRole("region", { name: "基本信息" }).getByRole("definition");

test.describe("bureau clerk in the plan editor (issue 12)", () => {
  test("a plan's basic information saved unchanged is accepted, and a changed field saves again without a reload and shows in the summary", async ({ browser }) => {
    test.setTimeout(120_000);
    const page = await newUserPage(browser, "bureau");
    const href = await createDraftPlan(page, "2024年省级飞行检查（基本信息）");
    const settings = page.getByRole("form", { name: "基本信息" });
    await expect(settings).toBeVisible();
    await screenshot(page, "plan-editor-01-new-draft");

    // Before the fix: 提交的内容有误 on 印发文号, 基金用量排名年度 and 检查内容, whatever was typed.
    await settings.getByRole("button", { name: "保存基本信息" }).click();
    await expect(settings.getByRole("status").filter({ hasText: "基本信息已保存。" })).toBeVisible();
    await expect(settings.getByRole("alert")).toHaveCount(0);

    await settings.getByLabel("印发文号").fill("吉医保函〔2024〕37号");
    await settings.getByLabel("基金用量排名年度").fill("2022，2023");
    await settings.getByLabel("每组抽取医疗专家人数").fill("3");
    await settings.getByLabel("每组抽取第三方人员人数").fill("2");
    await settings.getByLabel("申诉期限（工作日）").fill("10");
    await settings.getByLabel("检查内容").fill("2022年1月1日至2023年12月31日定点医药机构医保基金使用情况，重点检查骨科、血液净化、康复等领域。");
    await settings.getByRole("button", { name: "保存基本信息" }).click();
    await expect(settings.getByRole("status").filter({ hasText: "基本信息已保存。" })).toBeVisible();
    await expect(summary(page).filter({ hasText: "吉医保函〔2024〕37号" })).toBeVisible();
    await expect(summary(page).filter({ hasText: "医疗专家 3 名，第三方人员 2 名" })).toBeVisible();
    await expect(summary(page).filter({ hasText: "移交后 10 个工作日内" })).toBeVisible();
    await expect(summary(page).filter({ hasText: "2022、2023" })).toBeVisible();

    // Pressed again straight away, nothing changed, no reload: saved again.
    await settings.getByRole("button", { name: "保存基本信息" }).click();
    await expect(settings.getByRole("status").filter({ hasText: "基本信息已保存。" })).toBeVisible();
    await expect(settings.getByRole("alert")).toHaveCount(0);
    await screenshot(page, "plan-editor-02-basic-information-saved");

    // Away and back: the page shows what was saved, and the form what is stored.
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "检查计划" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "检查计划" })).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(summary(page).filter({ hasText: "吉医保函〔2024〕37号" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("form", { name: "基本信息" })).toBeHidden();
    await page.getByRole("button", { name: "修改基本信息" }).click();
    await expect(page.getByRole("form", { name: "基本信息" }).getByLabel("印发文号")).toHaveValue("吉医保函〔2024〕37号");
    await expect(page.getByRole("form", { name: "基本信息" }).getByLabel("申诉期限（工作日）")).toHaveValue("10");
  });

  test("every plan-editor form saves when submitted twice in a row without a reload", async ({ browser }) => {
    test.setTimeout(120_000);
    const page = await newUserPage(browser, "bureau");
    await createDraftPlan(page, "2024年省级飞行检查（连续保存）");
    const phase = page.getByRole("form", { name: "添加阶段" });
    await phase.getByLabel("完成时限").fill("2024-06-30");
    await phase.getByRole("button", { name: "添加阶段" }).click();
    await expect(phase.getByText("工作阶段已添加。")).toBeVisible();
    await phase.getByLabel("阶段", { exact: true }).selectOption({ label: "现场检查" });
    await phase.getByLabel("开始日期").fill("2024-07-01");
    await phase.getByLabel("完成时限").fill("2024-09-30");
    await phase.getByRole("button", { name: "添加阶段" }).click();
    await expect(page.getByRole("region", { name: "工作阶段" }).getByRole("listitem")).toHaveCount(2);

    const region = page.getByRole("form", { name: "添加或修改被检统筹区的抽取规则" });
    for (let i = 0; i < 2; i++) {
      await region.getByLabel("被检统筹区").selectOption({ label: "吉林市（220200）" });
      await region.getByRole("button", { name: "保存抽取规则" }).click();
      await expect(region.getByText("抽取规则已保存。")).toBeVisible();
      await expect(region.getByLabel("被检统筹区")).toHaveValue("");
    }
    await expect(page.getByRole("table", { name: "被检统筹区及抽取规则" }).getByRole("row")).toHaveCount(2);

    const windows = page.getByRole("form", { name: "添加除外条件" });
    await windows.getByLabel("检查层级").selectOption({ label: "省级飞行检查" });
    await windows.getByLabel("起始年度").fill("2022");
    await windows.getByLabel("截止年度").fill("2022");
    await windows.getByRole("button", { name: "添加除外条件" }).click();
    await expect(windows.getByText("除外条件已添加。")).toBeVisible();
    // The same window twice is refused by name, not with a 500 or a silent second row.
    await windows.getByRole("button", { name: "添加除外条件" }).click();
    await expect(windows.getByText("该项已存在。")).toBeVisible();
    // One year is written once: "2022 年", never "2022–2022 年".
    const windowList = page.getByRole("region", { name: "除外原则" });
    await expect(windowList.getByText("2022 年接受过省级飞行检查")).toBeVisible();
    await expect(windowList.getByText("2023 年接受过省级飞行检查")).toBeVisible();
    await expect(windowList.getByText(/(\d{4})–\1 年/)).toHaveCount(0);

    const party = page.getByRole("form", { name: "添加见证方" });
    for (const [name, code] of [["省医疗保障局基金监管处", "BUREAU"], ["驻局纪检监察组", "DISCIPLINE"]]) {
      await party.getByLabel("见证方名称").fill(name!);
      await party.getByLabel("见证方代码").fill(code!);
      await party.getByRole("button", { name: "添加见证方" }).click();
      await expect(party.getByLabel("见证方名称")).toHaveValue("");
    }
    await expect(page.getByRole("region", { name: "抽取见证方" }).getByRole("listitem")).toHaveCount(2);
    await screenshot(page, "plan-editor-03-rules");
  });

  test("designation finds an institution by typing part of its Chinese name, and the designated target keeps its reason", async ({ browser }) => {
    test.setTimeout(120_000);
    const page = await newUserPage(browser, "bureau");
    const href = await createDraftPlan(page, "2024年省级飞行检查（指定检查）");
    const region = page.getByRole("form", { name: "添加或修改被检统筹区的抽取规则" });
    await region.getByLabel("被检统筹区").selectOption({ label: "吉林市（220200）" });
    await region.getByRole("button", { name: "保存抽取规则" }).click();
    await expect(region.getByText("抽取规则已保存。")).toBeVisible();

    const designate = page.getByRole("form", { name: "指定检查对象" });
    const box = designate.getByRole("combobox", { name: "指定机构" });
    await box.fill("不存在的医院名称");
    await expect(designate.getByText("未找到符合条件的定点医药机构。")).toBeVisible();
    await box.fill("人民医院");
    const options = designate.getByRole("listbox", { name: "指定机构" }).getByRole("option");
    await expect(options.first()).toBeVisible();
    const count = await options.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) await expect(options.nth(i)).toContainText("人民医院");
    await expect(options.first()).toContainText("吉林市");
    await screenshot(page, "plan-editor-04-designation-search");
    // Keyboard, as a clerk does: down, Enter chooses (and does not submit the form).
    await box.press("ArrowDown");
    await box.press("ArrowUp");
    await box.press("Enter");
    const chosen = (await box.inputValue()).replace(/（.*$/, "");
    expect(chosen).toContain("人民医院");
    await expect(designate.getByLabel("被检统筹区")).not.toHaveValue("");
    await designate.getByLabel("指定理由").fill("举报线索：疑似串换药品，涉及金额较大，需现场核实（长文本测试：重复描述以检验排版是否正常显示）");
    await designate.getByRole("button", { name: "确定为指定检查对象" }).click();
    await expect(designate.getByText("已确定为指定检查对象", { exact: false })).toBeVisible();
    await expect(box).toHaveValue("");
    const rules = page.getByRole("table", { name: "被检统筹区及抽取规则" });
    await expect(rules.getByRole("row").filter({ hasText: "吉林市" })).toContainText(chosen);
    await expect(rules.getByRole("row").filter({ hasText: "吉林市" })).toContainText("举报线索：疑似串换药品");

    // The same institution again: refused by name.
    await box.fill(chosen);
    await expect(designate.getByRole("listbox", { name: "指定机构" }).getByRole("option").first()).toBeVisible();
    await box.press("Enter");
    await designate.getByLabel("指定理由").fill("重复指定");
    await designate.getByRole("button", { name: "确定为指定检查对象" }).click();
    await expect(designate.getByText("该项已存在。")).toBeVisible();
    await screenshot(page, "plan-editor-05-designated");

    await page.goto("/bureau/plans");
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.getByRole("table", { name: "被检统筹区及抽取规则" }).getByRole("row").filter({ hasText: "吉林市" })).toContainText(chosen);
  });

  test("a draft plan is deleted after confirmation; cancelling keeps it, and the back button finds it gone", async ({ browser }) => {
    const page = await newUserPage(browser, "bureau");
    const title = "2024年省级飞行检查（误建草稿）";
    const href = await createDraftPlan(page, title);
    page.once("dialog", (dialog) => dialog.dismiss());
    await page.getByRole("button", { name: "删除草稿" }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    page.once("dialog", (dialog) => {
      expect(dialog.message()).toContain("不可恢复");
      void dialog.accept();
    });
    await page.getByRole("button", { name: "删除草稿" }).click();
    await expect(page).toHaveURL(/\/bureau\/plans$/);
    await expect(page.getByRole("link", { name: title })).toHaveCount(0);
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  });

  test("a target is named only under a published plan, is labelled 指定检查, and a withdrawn member re-added is refused with the recusal reason", async ({ browser }) => {
    test.setTimeout(120_000);
    const page = await newUserPage(browser, "bureau");
    page.on("dialog", (dialog) => void dialog.accept());
    await createDraftPlan(page, "2024年举报线索专项检查", "举报线索");
    const teamForm = page.getByRole("form", { name: "组建检查组" });
    await teamForm.getByLabel("检查组名称").fill("举报核查组");
    await teamForm.getByLabel("被检统筹区").selectOption({ label: "长春市" });
    await teamForm.getByRole("button", { name: "组建检查组" }).click();
    const team = page.getByRole("region", { name: "举报核查组" });
    const memberForm = page.getByRole("form", { name: "为举报核查组添加成员" });
    await memberForm.getByLabel("人员", { exact: true }).selectOption({ label: "王立新（JL-2024-0002）" });
    await memberForm.getByRole("button", { name: "添加成员" }).click();
    await expect(team).toContainText("王立新（组长，执法人员）");
    await expect(memberForm.getByText("成员已添加。")).toBeVisible();

    // Draft: no case can be made under it; the page says what comes first.
    await expect(page.getByRole("form", { name: "指定被检机构" })).toHaveCount(0);
    await expect(page.getByText("计划发布后方可指定被检机构。")).toBeVisible();

    // 回避 recorded by the bureau, then the same person added again: the reason, not a 500.
    const conflict = team.getByRole("form", { name: "举报核查组回避申请" });
    await conflict.getByLabel("申请回避人员").selectOption({ index: 1 });
    await conflict.getByLabel("回避理由").fill("本人配偶在长春市定点医院任职");
    await conflict.getByRole("button", { name: "申请回避" }).click();
    await expect(team.getByText(/已回避/)).toBeVisible();
    await memberForm.getByLabel("人员", { exact: true }).selectOption({ label: "王立新（JL-2024-0002）" });
    await memberForm.getByRole("button", { name: "添加成员" }).click();
    await expect(memberForm.getByText("需回避：该人员已就被检统筹区申报利益冲突，不得参加检查本地区的检查组。")).toBeVisible();
    await expect(page.getByText(/参考编号|reference/i)).toHaveCount(0);
    await memberForm.getByLabel("人员", { exact: true }).selectOption({ label: "张志强（JL-2024-0001）" });
    await memberForm.getByLabel("组内职务").selectOption({ label: "组长" });
    await memberForm.getByRole("button", { name: "添加成员" }).click();
    await expect(team).toContainText("张志强（组长，执法人员）");

    await page.getByRole("button", { name: "发布计划" }).click();
    await expect(page.getByText("已发布 · 第 1 版")).toBeVisible();
    const targetForm = page.getByRole("form", { name: "指定被检机构" });
    await targetForm.getByLabel("被检机构").selectOption({ label: "长春市示例第一人民医院（演示）（H22010100001）" });
    await targetForm.getByLabel("检查组").selectOption({ label: "举报核查组" });
    await targetForm.getByLabel("指定理由").fill("举报线索：疑似串换药品");
    await targetForm.getByRole("button", { name: "确定为被检机构" }).click();
    const row = page.getByRole("table", { name: "被检机构" }).getByRole("row").filter({ hasText: "长春市示例第一人民医院" });
    await expect(row).toContainText("指定检查");
    await expect(row).not.toContainText("已抽取");
    await expect(row).toContainText("举报线索：疑似串换药品");
    await screenshot(page, "plan-editor-06-published-designated");
  });

  test("the browser finds the application's icon at /favicon.ico", async ({ request }) => {
    const icon = await request.get("/favicon.ico");
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toMatch(/image\//);
  });
});

// Issue 13 §4: the administrator issues API tokens for other systems; each is shown once, and a revoked one is refused.
test.describe("API tokens for other systems", () => {
  test("the administrator issues two tokens in a row, each shown once, revokes one, and a call with it is refused 401", async ({ page }) => {
    test.setTimeout(120_000);
    await loginAs(page, "admin");
    await page.getByRole("navigation").getByRole("link", { name: "接口令牌" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "接口令牌" })).toBeVisible();
    const form = page.getByRole("form", { name: "签发接口令牌" });
    const secret = page.getByTestId("issued-token");
    const api = (token: string) => page.request.get("/api/v1/cases?limit=5", { headers: { authorization: `Bearer ${token}` } });

    async function issue(name: string): Promise<string> {
      await form.getByLabel("令牌名称").fill(name);
      await form.getByLabel("所属单位").selectOption({ index: 1 });
      await form.getByLabel("授予的权限").selectOption(["case.read", "event.read"]);
      await form.getByLabel("有效期至").fill("2027-06-30");
      await form.getByRole("button", { name: "签发接口令牌" }).click();
      await expect(page.getByRole("status", { name: "新令牌（只显示这一次）" })).toContainText(name);
      return (await secret.textContent())!.trim();
    }

    const first = await issue("国家平台数据交换");
    expect(first).toMatch(/^fj_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    // The form is empty again, ready for the next token; the same page issues a second one.
    await expect(form.getByLabel("令牌名称")).toHaveValue("");
    const second = await issue("卫健委数据共享");
    expect(second).not.toBe(first);
    await expect(secret).toHaveText(second);
    await expect(page.getByRole("table")).toContainText("国家平台数据交换");
    await expect(page.getByRole("table")).toContainText("卫健委数据共享");
    expect((await api(first)).status()).toBe(200);
    await screenshot(page, "api-tokens-issued");

    // Shown once: after a reload neither secret is anywhere on the page (only the prefix is listed).
    await page.reload();
    await expect(secret).toHaveCount(0);
    const html = await page.content();
    expect(html).not.toContain(first);
    expect(html).not.toContain(second);
    await expect(page.getByRole("table")).toContainText(first.slice(0, 11));

    page.once("dialog", (dialog) => void dialog.accept());
    const row = page.getByRole("row").filter({ hasText: "国家平台数据交换" });
    await row.getByRole("button", { name: "吊销 国家平台数据交换" }).click();
    await expect(row).toContainText("已吊销");
    const refused = await api(first);
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect((await api(second)).status()).toBe(200);
    await screenshot(page, "api-tokens-revoked");
  });
});

// Issue 12 §11 and §12: the bureau works from its home page; the plan editor's cards do not overlap.
test.describe("bureau home: plan and region columns, filters in the URL, what awaits me", () => {
  test("the same hospital under two plans is told apart, filters stay in the URL, and the back button returns to the whole list", async ({ browser }) => {
    test.setTimeout(120_000);
    const stamp = Date.now().toString(36);
    const first = createCase("DRAWN", { findings: 0, title: `2026年飞行检查（首页甲 ${stamp}）` });
    const second = createCase("DRAWN", { findings: 0, title: `2026年飞行检查（首页乙 ${stamp}）` });
    const page = await newUserPage(browser, "bureau");
    const list = page.getByRole("table", { name: "案件进度" });
    const rowOf = (title: string) => list.getByRole("row").filter({ hasText: title });
    await expect(rowOf(first.planTitle)).toContainText(first.institution);
    await expect(rowOf(second.planTitle)).toContainText(second.institution);
    await expect(rowOf(first.planTitle).getByRole("cell").nth(2)).not.toBeEmpty();

    const filters = page.getByRole("form", { name: "筛选案件" });
    await filters.getByLabel("检查方案").selectOption({ label: first.planTitle });
    await filters.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(new RegExp(`plan=${first.planId}`));
    await expect(page.getByTestId("case-count")).toHaveText("共 1 个案件");
    await expect(rowOf(second.planTitle)).toHaveCount(0);
    // The state filter on top, kept together in the URL; then only the overdue ones: none under this plan.
    await filters.getByLabel("状态").selectOption("DRAWN");
    await filters.getByLabel("仅显示逾期").check();
    await filters.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/overdue=1/);
    await expect(page.getByText("没有符合条件的案件")).toBeVisible();

    await page.goBack();
    await expect(page.getByTestId("case-count")).toHaveText("共 1 个案件");
    await expect(page.getByRole("form", { name: "筛选案件" }).getByLabel("检查方案")).toHaveValue(first.planId);
    await page.goBack();
    await expect(rowOf(second.planTitle)).toBeVisible();
  });

  test("a progress report awaiting the bureau is named in its to-do, on the home page and on the case; once accepted, no hint stays stale", async ({ browser }) => {
    test.setTimeout(120_000);
    const scenario = createCase("HANDED_OVER", { findings: 1 });
    const city = await newUserPage(browser, "city");
    await city.goto(`/city/cases/${scenario.caseId}`);
    const report = city.getByRole("form", { name: "报送处理整改进展" });
    await report.getByLabel("整改进展情况").fill("已约谈医院负责人，责令退回违规费用，正在核算。");
    await report.getByLabel("报告文件").setInputFiles({ name: "整改进展报告.pdf", mimeType: "application/pdf", buffer: Buffer.from(`%PDF-1.4\n% ${Date.now()}\n%%EOF\n`) });
    await report.getByRole("button", { name: "报送处理整改进展" }).click();
    await expect(city.getByTestId("report-status").first()).toHaveText(/待审核|已报送/);

    const bureau = await newUserPage(browser, "bureau");
    await expect(bureau.getByTestId("bureau-todo")).toContainText(/\d+ 份整改进展报告待您审核/);
    await bureau.goto(`/bureau/cases/${scenario.caseId}`);
    await expect(bureau.getByTestId("case-todo")).toContainText("整改进展报告待您审核");
    await bureau.getByRole("button", { name: "审核通过" }).click();
    await expect(bureau.getByTestId("case-todo")).toHaveCount(0);
    await expect(bureau.getByTestId("case-awaiting")).toHaveText("整改进展已报送，等待市（州）医保局下达违规金额确认通知。");
  });

  test("the plan editor at 1280 and 1024 pixels: the 重点领域 card does not overlap the cards below it", async ({ browser }) => {
    test.setTimeout(120_000);
    const page = await newUserPage(browser, "bureau");
    await createDraftPlan(page, `2024年省级飞行检查（版面 ${Date.now().toString(36)}）`);
    for (const width of [1280, 1024]) {
      await page.setViewportSize({ width, height: 900 });
      const keyAreas = await page.getByRole("region", { name: "重点领域" }).boundingBox();
      const below = await page.getByRole("region", { name: "重点领域" }).locator("xpath=following::section[1]").boundingBox();
      expect(keyAreas && below).toBeTruthy();
      expect(keyAreas!.y + keyAreas!.height).toBeLessThanOrEqual(below!.y);
      mkdirSync("test-results/screenshots", { recursive: true });
      await page.screenshot({ path: width === 1280 ? "test-results/screenshots/plan-editor.png" : `test-results/screenshots/plan-editor-${width}.png`, fullPage: true });
    }
  });

  test("the administrator sets the difference threshold; the page says what it is now", async ({ browser }) => {
    const page = await newUserPage(browser, "admin");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "处理差异标准" }).click();
    const form = page.getByRole("form", { name: "保存差异标准" });
    await form.getByLabel("差异比例超过（%）").fill("8");
    await form.getByLabel("差异金额超过（元）").fill("20000");
    await form.getByRole("button", { name: "保存差异标准" }).click();
    await expect(page.getByTestId("difference-threshold")).toContainText("超过 8.00% 或超过 20000.00 元");
    // Saved again from the same (now refreshed) page: accepted, not refused as stale.
    await form.getByLabel("差异比例超过（%）").fill("10");
    await form.getByLabel("差异金额超过（元）").fill("10000");
    await form.getByRole("button", { name: "保存差异标准" }).click();
    await expect(page.getByTestId("difference-threshold")).toContainText("超过 10.00% 或超过 10000.00 元");
  });
});

test.describe("the case binder (一案一卷, issue 15 §7)", () => {
  test("the bureau generates the notice, downloads the case binder, and the binder verifies", async ({ browser }) => {
    test.setTimeout(180_000);
    const scenario = createCase("FINDINGS_RECORDED", { findings: 1 });
    const bureau = await newUserPage(browser, "bureau");
    await bureau.goto(`/bureau/cases/${scenario.caseId}`);
    const section = bureau.getByTestId("case-documents");
    await section.getByRole("button", { name: "生成现场检查通知书" }).click();
    await expect(section.getByText(/^已生成现场检查通知书，文号.+〔\d{4}〕\d+号。$/)).toBeVisible();
    const [download] = await Promise.all([bureau.waitForEvent("download"), section.getByRole("link", { name: "下载一案一卷（ZIP）" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^一案一卷-.+\.zip$/);
    expect(await verifyBinder(readFileSync((await download.path())!))).toMatchObject({ ok: true });
    await screenshot(bureau, "documents-04-bureau-binder");
  });
});

test.describe("the bureau's dashboard (issue 17 §1)", () => {
  test("the plan's 汇总统计 downloads as Excel from the dashboard, with the plan's institution in it (issue 17 §3)", async ({ browser }) => {
    test.setTimeout(180_000);
    const handed = createCase("HANDED_OVER", { findings: 1, title: `2026年飞行检查（汇总统计 ${Date.now().toString(36)}）` });
    const page = await newUserPage(browser, "bureau");
    await page.goto("/bureau/dashboard?year=2026");
    const planRow = page.getByTestId("table-plans").getByRole("row", { name: new RegExp(handed.planTitle.replace(/[()（）·]/g, ".")) });
    const [download] = await Promise.all([page.waitForEvent("download"), planRow.getByRole("link", { name: "下载汇总统计表" }).click()]);
    expect(download.suggestedFilename()).toBe(`${handed.planTitle}-汇总统计表.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(["按机构", "按检查组", "按地区", "按违规类型", "按重点领域"]);
    const sheet = workbook.getWorksheet("按机构")!;
    expect(sheet.getRow(2).getCell(1).value).toBe(handed.institution);
    expect(sheet.getRow(3).getCell(1).value).toBe("合计");
  });

  test("from a figure to the cases behind it, and back to the dashboard", async ({ browser }) => {
    test.setTimeout(180_000);
    const stamp = Date.now().toString(36);
    const handed = createCase("HANDED_OVER", { findings: 1, title: `2026年飞行检查（看板·已移交 ${stamp}）` });
    const drawn = createCase("DRAWN", { findings: 0, title: `2026年飞行检查（看板·已抽取 ${stamp}）` });
    const page = await newUserPage(browser, "bureau");
    await page.getByTestId("open-dashboard").click();
    await expect(page).toHaveURL(/\/bureau\/dashboard$/);
    await expect(page.getByRole("heading", { name: "飞行检查统计看板" })).toBeVisible();
    await expect(page.getByTestId("dashboard-chart").first().locator("svg").first()).toBeVisible();
    mkdirSync("test-results/screenshots", { recursive: true });
    await page.screenshot({ path: "test-results/screenshots/dashboard-bureau.png", fullPage: true });

    // The plan's case count opens the home list filtered to that plan: its one case, nothing else.
    const planRow = page.getByTestId("table-plans").getByRole("row", { name: new RegExp(handed.planTitle.replace(/[()（）·]/g, ".")) });
    await expect(planRow.getByRole("link").first()).toHaveText("1");
    await planRow.getByRole("link").first().click();
    await expect(page).toHaveURL(new RegExp(`/bureau\\?year=2026&plan=${handed.planId}`));
    await expect(page.getByTestId("drill-down")).toBeVisible();
    await expect(page.getByTestId("case-count")).toHaveText("共 1 个案件");
    await expect(page.getByRole("table", { name: "案件进度" })).toContainText(handed.institution);

    // Back: the dashboard again, as it was.
    await page.goBack();
    await expect(page).toHaveURL(/\/bureau\/dashboard$/);
    await expect(page.getByRole("heading", { name: "飞行检查统计看板" })).toBeVisible();

    // The DRAWN count (a figure in the table behind the chart) lists DRAWN cases only, the new one among them.
    await page.getByTestId("table-states").locator("xpath=ancestor::details").locator("summary").click();
    const drawnCount = Number(await page.getByTestId("state-DRAWN").textContent());
    await page.getByTestId("state-DRAWN").click();
    await expect(page).toHaveURL(/state=DRAWN/);
    await expect(page.getByTestId("case-count")).toHaveText(`共 ${drawnCount} 个案件`);
    await expect(page.getByLabel("状态")).toHaveValue("DRAWN");
    // Narrowed further by plan in the home's own form, the dashboard's year is kept.
    await page.getByLabel("检查方案").selectOption(drawn.planId);
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/year=2026/);
    await expect(page.getByTestId("case-count")).toHaveText("共 1 个案件");
  });
});

// Issue 15 §6: the administrator uploads the bureau's own template of a kind; the upload is checked and versioned.
test.describe("the bureau's own document templates (issue 15 §6)", () => {
  const LINES = ["{issuer}", "{number}", "{transferOrgan}：", "我局在检查{institutionName}中发现问题线索，现移送你单位。", "核验码 {verificationCode}"];
  const MB = 1024 * 1024;

  test("the administrator uploads the largest allowed template and one just over, is told the unknown placeholder by name, and restores the default", async ({ browser }) => {
    test.setTimeout(120_000);
    const page = await newUserPage(browser, "admin");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "文书模板" }).click();
    await page.getByRole("navigation", { name: "文书种类" }).getByRole("link", { name: /问题线索移送函/ }).click();
    const current = page.getByTestId("current-template");
    await expect(current).toContainText("系统内置");
    const form = page.getByRole("form", { name: "上传问题线索移送函模板" });
    const file = form.getByLabel("模板文件（.docx）");
    const submit = form.getByRole("button", { name: "上传问题线索移送函模板" });

    // One byte over the limit: refused before it travels, with the limit named.
    await file.setInputFiles({ name: "移送函-超限.docx", mimeType: "application/octet-stream", buffer: await templateDocxOfSize(LINES, 5 * MB + 1) });
    await submit.click();
    await expect(form.getByText("模板文件不能超过 5 MB。").first()).toBeVisible();

    // An unknown placeholder: refused, named in the message.
    await file.setInputFiles({ name: "移送函-有误.docx", mimeType: "application/octet-stream", buffer: await templateDocx([...LINES, "联系人：{联系人姓名}"]) });
    await submit.click();
    await expect(form.getByText(/未定义的占位符：\{联系人姓名\}/).first()).toBeVisible();
    await expect(current).toContainText("系统内置");

    // The largest allowed file (exactly 5 MB): accepted as version 1.
    await file.setInputFiles({ name: "移送函模板.docx", mimeType: "application/octet-stream", buffer: await templateDocxOfSize(LINES, 5 * MB) });
    await submit.click();
    await expect(current).toContainText("第1版：移送函模板.docx");
    await expect(page.getByRole("list", { name: "历史版本" })).toContainText("第1版");
    await screenshot(page, "document-templates-uploaded");

    // Back to the built-in layout; the history keeps both.
    await page.getByRole("form", { name: "恢复内置模板" }).getByRole("button", { name: "恢复内置模板" }).click();
    await expect(current).toContainText("系统内置");
    await expect(page.getByRole("list", { name: "历史版本" })).toContainText("第2版：恢复为内置模板");
    await screenshot(page, "document-templates-restored");
  });
});

// Issue 15 §8: a document is previewed on the case page as HTML, from its content, not the .docx.
test.describe("document preview and served scans on the case page (issue 15 §8)", () => {
  test("the bureau generates the notice, previews it on the case page, closes the preview, and attaches the stamped scan", async ({ browser }) => {
    test.setTimeout(120_000);
    const scenario = createCase("FINDINGS_RECORDED", { findings: 1 });
    const bureau = await newUserPage(browser, "bureau");
    await bureau.goto(`/bureau/cases/${scenario.caseId}`);
    const section = bureau.getByTestId("case-documents");
    await section.getByRole("button", { name: /^(生成|重新生成)现场检查通知书$/ }).click();
    await expect(section.getByText(/现场检查通知书.*文号|当前文书/).first()).toBeVisible();
    await section.getByRole("button", { name: "预览：现场检查通知书" }).click();
    const preview = section.getByRole("article", { name: "文书预览：现场检查通知书" });
    await expect(preview).toContainText("特此通知。");
    await expect(preview).toContainText(/〔\d{4}〕\d+号/);
    await expect(preview).toContainText(/核验码 [0-9A-Z]{4}-[0-9A-Z]{4}/);
    await screenshot(bureau, "documents-05-bureau-preview");
    await section.getByRole("button", { name: "关闭预览：现场检查通知书" }).click();
    await expect(preview).toHaveCount(0);

    // The notice as served and stamped comes back as a scan, attached to it and listed with it.
    await section.locator("summary", { hasText: "上传送达签收扫描件：现场检查通知书" }).click();
    const form = section.getByRole("form", { name: "上传送达签收扫描件：现场检查通知书" });
    await form.getByLabel("扫描件").setInputFiles({ name: "现场检查通知书-签收.pdf", mimeType: "application/pdf", buffer: Buffer.from(`%PDF-1.4\n% ${Date.now()}\n%%EOF\n`) });
    await form.getByLabel("说明").fill("被检单位盖章签收");
    await form.getByRole("button", { name: "上传送达签收扫描件：现场检查通知书" }).click();
    const scans = section.getByRole("list", { name: "送达签收扫描件：现场检查通知书" });
    await expect(scans).toContainText("现场检查通知书-签收.pdf");
    await expect(scans).toContainText("被检单位盖章签收");
    await screenshot(bureau, "documents-06-bureau-scan");
  });
});
