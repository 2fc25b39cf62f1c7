import { mkdirSync } from "node:fs";
import ExcelJS from "exceljs";
import { expect, loginAs, newUserPage, screenshot, test } from "../support/fixtures";

const WORK = "test-results/master-data";
const HEADER = ["医保编码", "机构名称", "机构类别", "医院等级", "统一社会信用代码", "统筹区", "地址", "状态"];

/** Fills the downloaded template's sheet with these rows in place of its example row, keeping everything else. */
async function fillTemplate(templatePath: string, rows: string[][], out: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(templatePath);
  const sheet = workbook.getWorksheet("定点机构")!;
  expect(sheet.getRow(1).values).toEqual([undefined, ...HEADER]);
  sheet.spliceRows(2, 1);
  rows.forEach((row, i) => (sheet.getRow(i + 2).values = row));
  await workbook.xlsx.writeFile(out);
}

test("a bureau clerk downloads the template, sees each error by row and column, fixes the file, imports it and finds the rows", async ({ page }) => {
  mkdirSync(WORK, { recursive: true });
  await loginAs(page, "bureau");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "基础数据" }).click();
  await page.getByRole("navigation", { name: "基础数据栏目" }).getByRole("link", { name: "批量导入" }).click();
  await expect(page.getByRole("heading", { name: "批量导入" })).toBeVisible();

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载导入模板" }).click();
  const template = `${WORK}/template.xlsx`;
  await (await downloading).saveAs(template);

  // Deliberate errors, one kind per row (rows 2–7 of the sheet).
  const wrong = `${WORK}/机构-有错误.xlsx`;
  await fillTemplate(template, [
    ["", "长春市E2E无编码医院（演示）", "定点医疗机构", "二级", "", "长春市", "", "启用"],
    ["H22010177001", "长春市E2E第一医院（演示）", "定点医疗机构", "三级", "", "火星市", "", "启用"],
    ["H22010177002", "长春市E2E第二医院（演示）", "定点医疗机构", "二级", "", "长春市", "", "启用"],
    ["H22010177002", "长春市E2E第二医院重复（演示）", "定点医疗机构", "二级", "", "长春市", "", "启用"],
    ["P22010177003", "E2E大药房（演示）", "定点零售药店", "三级", "", "长春市", "", "启用"],
    ["H22010177004", "长春市E2E第四医院（演示）", "定点医疗机构", "二级", "12220100MB1234567X", "吉林市", "", "启用"],
  ], wrong);
  await page.getByLabel("导入文件").setInputFiles(wrong);
  await page.getByRole("button", { name: "上传并检查" }).click();

  const problems = page.getByRole("table", { name: "问题清单" });
  await expect(problems).toBeVisible();
  await expect(page.getByText("发现 5 处问题，未导入任何数据")).toBeVisible();
  const expectProblem = async (row: number, column: string, text: string) =>
    expect(problems.getByRole("row").filter({ hasText: `第 ${row} 行` }).filter({ hasText: column })).toContainText(text);
  await expectProblem(2, "医保编码", "医保编码应为 1 位大写字母加 11 位数字");
  await expectProblem(3, "统筹区", "统筹区“火星市”不存在");
  await expectProblem(5, "医保编码", "与第 4 行重复");
  await expectProblem(6, "医院等级", "只有定点医疗机构填写医院等级");
  await expectProblem(7, "统一社会信用代码", "校验码");
  await expect(page.getByRole("button", { name: "确认导入" })).toHaveCount(0);
  await screenshot(page, "master-data-01-import-preview-errors");

  // Nothing was written: the first code is not in the list.
  await page.goto("/bureau/master-data/institutions?q=H22010177002");
  await expect(page.getByText("没有符合条件的记录。")).toBeVisible();

  // The corrected file.
  await page.goto("/bureau/master-data/import");
  const fixed = `${WORK}/机构-已修改.xlsx`;
  await fillTemplate(template, [
    ["H22010177001", "长春市E2E第一医院（演示）", "定点医疗机构", "三级", "", "长春市", "", "启用"],
    ["H22010177002", "长春市E2E第二医院（演示）", "定点医疗机构", "二级", "", "长春市", "", "启用"],
    ["P22010177003", "E2E大药房（演示）", "定点零售药店", "", "", "长春市", "", "启用"],
    ["H22010177004", "长春市E2E第四医院（演示）", "定点医疗机构", "二级", "12220100MB1234567G", "吉林市", "", "启用"],
  ], fixed);
  await page.getByLabel("导入文件").setInputFiles(fixed);
  await page.getByRole("button", { name: "上传并检查" }).click();
  await expect(page.getByText("未发现问题。导入后将新增 4 条、更新 0 条，0 条与现有数据相同。")).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "处理进度" })).toBeVisible();
  await screenshot(page, "master-data-02-import-preview-clean");
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByText("导入完成：新增 4 条，更新 0 条，未变 0 条。")).toBeVisible();
  const history = page.getByRole("table", { name: "导入记录" });
  await expect(history.getByRole("row").filter({ hasText: "机构-已修改.xlsx" })).toContainText("李明华");

  // The rows are in the list, found by the filters.
  await page.getByRole("navigation", { name: "基础数据栏目" }).getByRole("link", { name: "定点机构" }).click();
  await page.getByLabel("关键字", { exact: true }).fill("E2E");
  await page.getByLabel("统筹区", { exact: true }).selectOption({ label: "长春市" });
  await page.getByRole("button", { name: "查询" }).click();
  const list = page.getByRole("table", { name: "定点机构" });
  await expect(list.getByRole("row")).toHaveCount(4); // header + the three 长春 rows
  await expect(list.getByRole("row").filter({ hasText: "H22010177001" })).toContainText("三级");
  await expect(list.getByRole("row").filter({ hasText: "P22010177003" })).toContainText("定点零售药店");
  await expect(page.getByText("共 3 条")).toBeVisible();
  await screenshot(page, "master-data-03-institutions-list");
});

test("the institution list pages and sorts 1,200 demo institutions on the server, and a clerk edits and deactivates one", async ({ page }) => {
  await loginAs(page, "bureau");
  await page.goto("/bureau/master-data/institutions");
  await expect(page.getByText(/共 1,?2\d\d 条/)).toBeVisible();
  await page.getByRole("link", { name: "按机构名称排序" }).click();
  await expect(page).toHaveURL(/sort=name/);
  await page.getByRole("navigation", { name: "分页" }).getByRole("link", { name: "下一页" }).click();
  await expect(page.getByText(/第 2 页/)).toBeVisible();

  await page.goto("/bureau/master-data/institutions?q=H22010100001");
  await page.getByRole("link", { name: "编辑 长春市示例第一人民医院（演示）" }).click();
  await page.getByLabel("地址").fill("吉林省长春市人民大街100号");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("已保存。")).toBeVisible();

  await page.goto("/bureau/master-data/institutions?q=P22010100001");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: /^停用 .*P22010100001|^停用 / }).first().click();
  // Deactivated, it leaves the default (active) list and shows under "all".
  await expect(page.getByRole("row").filter({ hasText: "P22010100001" })).toHaveCount(0);
  await page.goto("/bureau/master-data/institutions?q=P22010100001&status=all");
  await expect(page.getByRole("row").filter({ hasText: "P22010100001" })).toContainText("已停用");
});

test("only bureau roles reach master data: a city clerk is refused the pages and the files", async ({ browser }) => {
  const city = await newUserPage(browser, "city");
  const response = await city.goto("/bureau/master-data/institutions");
  expect(response?.status()).toBe(403);
  const template = await city.request.get("/api/master-data/templates/institutions");
  expect(template.status()).toBe(403);
  const exported = await city.request.get("/api/master-data/export/institutions");
  expect(exported.status()).toBe(403);
  await city.context().close();
});
