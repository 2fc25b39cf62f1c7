import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, newUserPage, test } from "../support/fixtures";
import { createCase } from "../support/scenario";

const SHOTS = "test-results/screenshots";

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** A small PDF of its own bytes (a voucher), written at test time. */
function pdfFile(dir: string, name: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, `%PDF-1.4\n% ${name} ${Date.now()} ${Math.random()}\n%%EOF\n`);
  return file;
}

test.describe("amounts and refunds (issue 12 §5)", () => {
  let dir: string;
  test.beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "feijian-e2e-city-"));
  });
  test.afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test("the city is refused ¥999,999 without a reason, issues the findings' total with its breakdown, withdraws it and reissues, history kept", async ({ browser }) => {
    test.setTimeout(120_000);
    // Two findings of ¥1,000.50 and ¥2,000.50 handed over; no appeal window, so the notice can go out at once.
    const scenario = createCase("HANDED_OVER", { findings: 2 });
    const city = await newUserPage(browser, "city");
    city.on("dialog", (dialog) => dialog.accept());
    await city.goto(`/city/cases/${scenario.caseId}`);
    const issue = city.getByRole("form", { name: "下达违规金额确认通知" });
    await expect(issue).toContainText("不填写则按问题清单合计 3001.00 元下达。");

    // Another amount without a reason: refused, the typed amount kept, the message names the findings' total.
    await issue.getByLabel("文书编号").fill("长医保稽确〔2026〕1号");
    await issue.getByLabel("确认违规金额（元）").fill("999999");
    await issue.getByRole("button", { name: "下达违规金额确认通知" }).click();
    await expect(issue.getByText("确认金额与问题清单合计 ¥3,001.00 不一致，须写明理由。")).toBeVisible();
    await expect(issue.getByLabel("确认违规金额（元）")).toHaveValue("999999");

    // The default instead: the findings' total, with the breakdown per finding.
    await issue.getByLabel("确认违规金额（元）").fill("");
    await issue.getByRole("button", { name: "下达违规金额确认通知" }).click();
    const notice = city.getByTestId("confirmation-notice");
    await expect(notice.getByTestId("confirmed-amount")).toHaveText("¥3,001.00");
    const breakdown = notice.getByRole("table", { name: "确认金额构成（按问题）" });
    await expect(breakdown.getByRole("row")).toHaveCount(4);
    await expect(breakdown).toContainText("将自费耗材串换为目录内耗材结算（第1项）");
    await expect(breakdown).toContainText("¥1,000.50");
    await expect(breakdown).toContainText("¥2,000.50");
    await expect(breakdown).toContainText("问题清单合计");
    await shot(city, "confirmation-notice-breakdown");

    // Withdrawn with a reason (without a reload), then reissued with another amount and its reason.
    const withdraw = city.getByRole("form", { name: "撤回违规金额确认通知" });
    await withdraw.getByLabel("撤回理由").fill("文号有误，撤回后重新下达");
    await withdraw.getByRole("button", { name: "撤回违规金额确认通知" }).click();
    await expect(city.getByTestId("superseded-notices")).toContainText("文号有误，撤回后重新下达");
    await expect(city.getByTestId("confirmation-notice")).toHaveCount(0);
    const again = city.getByRole("form", { name: "下达违规金额确认通知" });
    await again.getByLabel("文书编号").fill("长医保稽确〔2026〕2号");
    await again.getByLabel("确认违规金额（元）").fill("2500");
    await again.getByLabel("另定金额的理由").fill("第2项经核实已部分自查退回 501 元");
    await again.getByRole("button", { name: "下达违规金额确认通知" }).click();
    await expect(city.getByTestId("confirmed-amount")).toHaveText("¥2,500.00");
    await expect(city.getByTestId("notice-amount-reason")).toContainText("第2项经核实已部分自查退回 501 元");
    await expect(city.getByTestId("superseded-notices")).toContainText("长医保稽确〔2026〕1号");
  });

  test("a refund deadline in the past is refused; the notice's number is shown; a deduction from settlement needs its voucher", async ({ browser }) => {
    test.setTimeout(120_000);
    const scenario = createCase("AMOUNTS_CONFIRMED", { findings: 1 });
    const city = await newUserPage(browser, "city");
    await city.goto(`/city/cases/${scenario.caseId}`);
    const refundNotice = city.getByRole("form", { name: "下达清退通知" });
    await refundNotice.getByLabel("文书编号").fill("长医保清退〔2026〕7号");
    await refundNotice.getByLabel("清退账户（原医保基金账户）").fill("长春市医疗保障基金收入户");
    await refundNotice.getByLabel("清退期限").fill("2020-01-01");
    await refundNotice.getByRole("button", { name: "下达清退通知" }).click();
    await expect(refundNotice.getByText("日期不能早于今天。")).toBeVisible();
    await refundNotice.getByLabel("清退期限").fill("2099-12-31");
    await refundNotice.getByRole("button", { name: "下达清退通知" }).click();
    await expect(city.getByTestId("refund-notice-number")).toHaveText("清退通知文号：长医保清退〔2026〕7号");

    // The city deducts from settlement: without its voucher refused, with it recorded.
    const refund = city.getByRole("form", { name: "登记清退款项" });
    await refund.getByLabel("清退金额（元）").fill("1000.50");
    await refund.getByLabel("清退方式").selectOption({ label: "从结算款中扣减" });
    await refund.getByRole("button", { name: "登记清退款项" }).click();
    await expect(refund.getByRole("alert").first()).toBeVisible();
    await expect(city.getByRole("table", { name: "清退款项" })).toHaveCount(0);
    await refund.getByLabel("清退凭证").setInputFiles(pdfFile(dir, "结算扣减凭证.pdf"));
    await refund.getByRole("button", { name: "登记清退款项" }).click();
    await expect(city.getByRole("table", { name: "清退款项" })).toContainText("从结算款中扣减");
    await expect(city.getByRole("link", { name: "结算扣减凭证.pdf" })).toBeVisible();
  });

  test("ending the handling at ¥999,999 against ¥1,000.50 handed over asks for the written explanation, then shows the difference", async ({ browser }) => {
    test.setTimeout(120_000);
    const scenario = createCase("AMOUNTS_CONFIRMED", { findings: 1 });
    const city = await newUserPage(browser, "city");
    await city.goto(`/city/cases/${scenario.caseId}`);
    const refundNotice = city.getByRole("form", { name: "下达清退通知" });
    await refundNotice.getByLabel("清退账户（原医保基金账户）").fill("长春市医疗保障基金收入户");
    await refundNotice.getByRole("button", { name: "下达清退通知" }).click();
    const refund = city.getByRole("form", { name: "登记清退款项" });
    await refund.getByLabel("清退金额（元）").fill("1000.50");
    await refund.getByLabel("清退方式").selectOption({ label: "从结算款中扣减" });
    await refund.getByLabel("清退凭证").setInputFiles(pdfFile(dir, "扣减凭证.pdf"));
    await refund.getByRole("button", { name: "登记清退款项" }).click();
    await city.getByRole("form", { name: "确认清退完毕" }).getByRole("button", { name: "确认清退完毕" }).click();

    const end = city.getByRole("form", { name: "处理完结" });
    await end.getByLabel("处理金额（元）").fill("999999");
    await end.getByRole("button", { name: "处理完结" }).click();
    await expect(end.getByText(/处理金额与移交金额 ¥1,000\.50 相差 ¥998,998\.50，超过省医保局设定的标准/)).toBeVisible();
    await expect(end.getByLabel("处理金额（元）")).toHaveValue("999999");
    await end.getByLabel("差异说明").fill("另查实该院串换耗材 998,998.50 元，经市局集体审议一并处理。");
    await end.getByRole("button", { name: "处理完结" }).click();
    await expect(city.getByTestId("handling-difference")).toHaveText("与移交金额相差 ¥998,998.50");
    await expect(city.getByText("另查实该院串换耗材 998,998.50 元")).toBeVisible();
  });

  test("the city's home lists handed-over cases under 移交案件 and cases still on site apart", async ({ browser }) => {
    const onSite = createCase("ON_SITE", { findings: 0, title: "2026年飞行检查（城市首页·在查）" });
    const handed = createCase("HANDED_OVER", { findings: 1, title: "2026年飞行检查（城市首页·已移交）" });
    const city = await newUserPage(browser, "city");
    const handedList = city.getByRole("table", { name: "移交案件" });
    const onSiteList = city.getByRole("table", { name: "本地区正在检查的机构" });
    await expect(handedList).toContainText(handed.planTitle);
    await expect(handedList).not.toContainText(onSite.planTitle);
    await expect(onSiteList).toContainText(onSite.planTitle);
    await expect(onSiteList).not.toContainText(handed.planTitle);
  });
});

test.describe("the city's dashboard (issue 17 §2)", () => {
  test("the city sees its region's notified cases only, and drills down from a figure to them and back", async ({ browser }) => {
    test.setTimeout(180_000);
    const stamp = Date.now().toString(36);
    const handed = createCase("HANDED_OVER", { findings: 1, title: `2026年飞行检查（市看板·已移交 ${stamp}）` });
    const drawn = createCase("DRAWN", { findings: 0, title: `2026年飞行检查（市看板·未通知 ${stamp}）` });
    const city = await newUserPage(browser, "city");
    await city.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "统计看板" }).click();
    await expect(city).toHaveURL(/\/city\/dashboard$/);
    await expect(city.getByRole("heading", { name: "本地区统计看板" })).toBeVisible();
    // Nothing before a notice: the drawn case's plan is not named, and no case is counted as 已抽取.
    await expect(city.getByTestId("table-plans")).toContainText(handed.planTitle);
    await expect(city.getByTestId("dashboard")).not.toContainText(drawn.planTitle);
    await city.getByTestId("table-states").locator("xpath=ancestor::details").locator("summary").click();
    await expect(city.getByTestId("state-DRAWN")).toHaveText("0");
    // Its own region only: one row in the region table.
    await expect(city.getByTestId("table-regions").locator("tbody tr")).toHaveCount(1);
    await expect(city.getByTestId("dashboard-chart").first().locator("svg").first()).toBeVisible();
    mkdirSync("test-results/screenshots", { recursive: true });
    await city.screenshot({ path: "test-results/screenshots/dashboard-city.png", fullPage: true });

    const planRow = city.getByTestId("table-plans").getByRole("row", { name: new RegExp(handed.planTitle.replace(/[()（）·]/g, ".")) });
    await planRow.getByRole("link").first().click();
    await expect(city).toHaveURL(new RegExp(`/city\\?year=2026&plan=${handed.planId}`));
    await expect(city.getByTestId("case-count")).toHaveText("共 1 个案件");
    await expect(city.getByRole("table", { name: "统计看板中的案件" })).toContainText(handed.institution);
    await city.goBack();
    await expect(city).toHaveURL(/\/city\/dashboard$/);
    await expect(city.getByRole("heading", { name: "本地区统计看板" })).toBeVisible();
  });
});
