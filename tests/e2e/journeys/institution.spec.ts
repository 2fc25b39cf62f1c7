import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, newUserPage, test } from "../support/fixtures";
import { createCase } from "../support/scenario";

// Issue 12 §4: the institution could sign the on-site record while the team was still recording, freezing it, and
// saw the team's unsigned draft findings live. The team signs first; the institution then signs what it was shown.
test.describe("institution: the on-site record is signed by the team first (issue 12 §4)", () => {
  test("the hospital sees no draft findings and cannot sign until the team signs; then it sees the record and signs it", async ({ browser }) => {
    test.setTimeout(120_000);
    const scenario = createCase("FINDINGS_RECORDED", { findings: 2 });
    const hospital = await newUserPage(browser, "hospital");
    hospital.on("dialog", (dialog) => dialog.accept());
    await hospital.goto(`/institution/cases/${scenario.caseId}`);
    await expect(hospital.getByText("检查组签字确认前，现场问题记录及证据不向被检机构和属地医保部门公开。").first()).toBeVisible();
    await expect(hospital.getByText("将自费耗材串换为目录内耗材结算")).toHaveCount(0);
    await expect(hospital.getByRole("form", { name: "被检机构签字确认现场问题记录" })).toHaveCount(0);

    // The leader, in another browser, signs for the team.
    const leader = await newUserPage(browser, "inspector");
    leader.on("dialog", (dialog) => dialog.accept());
    await leader.goto(`/team/cases/${scenario.caseId}`);
    await leader.getByRole("form", { name: "检查组签字确认现场问题记录" }).getByRole("button", { name: "检查组签字确认现场问题记录" }).click();
    await expect(leader.getByText(/检查组：张志强/)).toBeVisible();
    // Nothing can be added once the team has signed.
    await expect(leader.getByRole("form", { name: "记录问题" })).toHaveCount(0);
    await expect(leader.getByRole("form", { name: "上传证据材料" })).toHaveCount(0);

    await hospital.reload();
    await expect(hospital.getByTestId("finding-row")).toHaveCount(2);
    await expect(hospital.getByTestId("findings-total")).toHaveText(/3,001\.00/);
    await hospital.getByRole("form", { name: "被检机构签字确认现场问题记录" }).getByRole("button", { name: "被检机构签字确认现场问题记录" }).click();
    await expect(hospital.getByTestId("case-state")).toHaveText(/现场问题记录已签字|已签字/);
    await expect(hospital.getByText(/被检机构：陈晓燕/)).toBeVisible();
  });
});

/** A small PDF of its own bytes (a voucher), written at test time. */
function pdfFile(dir: string, name: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, `%PDF-1.4\n% ${name} ${Date.now()} ${Math.random()}\n%%EOF\n`);
  return file;
}

test.describe("amounts and refunds", () => {
  let dir: string;
  test.beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "feijian-e2e-institution-"));
  });
  test.afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test("the hospital disputes the city's notice with its reasons; the city sees them and issues a corrected one, which the hospital confirms", async ({ browser }) => {
    test.setTimeout(120_000);
    const scenario = createCase("HANDED_OVER", { findings: 2 });
    const city = await newUserPage(browser, "city");
    const hospital = await newUserPage(browser, "hospital");
    hospital.on("dialog", (dialog) => dialog.accept());
    await city.goto(`/city/cases/${scenario.caseId}`);
    const issue = city.getByRole("form", { name: "下达违规金额确认通知" });
    await issue.getByRole("button", { name: "下达违规金额确认通知" }).click();
    await expect(city.getByTestId("confirmed-amount")).toHaveText("¥3,001.00");

    // The hospital reads the notice with its breakdown and disputes it, instead of only being able to confirm.
    await hospital.goto(`/institution/cases/${scenario.caseId}`);
    await expect(hospital.getByRole("table", { name: "确认金额构成（按问题）" })).toContainText("¥2,000.50");
    const dispute = hospital.getByRole("form", { name: "对确认通知提出异议" });
    await dispute.getByLabel("异议理由").fill("第2项费用已于2025年12月自查退回，附退款凭证编号 TK-2025-118。");
    await dispute.getByRole("button", { name: "对确认通知提出异议" }).click();
    await expect(hospital.getByTestId("superseded-notices")).toContainText("TK-2025-118");
    await expect(hospital.getByRole("form", { name: "回复确认函" })).toHaveCount(0);

    // The city, on the page it had open: the old page is stale, a reload shows the dispute and the form again.
    await city.reload();
    await expect(city.getByTestId("superseded-notices")).toContainText("提出异议");
    await expect(city.getByTestId("superseded-notices")).toContainText("TK-2025-118");
    const again = city.getByRole("form", { name: "下达违规金额确认通知" });
    await again.getByLabel("确认违规金额（元）").fill("1000.50");
    await again.getByLabel("另定金额的理由").fill("采纳异议：第2项已自查退回，核减 2,000.50 元");
    await again.getByRole("button", { name: "下达违规金额确认通知" }).click();
    await expect(city.getByTestId("confirmed-amount")).toHaveText("¥1,000.50");

    await hospital.reload();
    const confirm = hospital.getByRole("form", { name: "回复确认函" });
    await confirm.getByRole("button", { name: "回复确认函" }).click();
    await expect(hospital.getByTestId("case-state")).toHaveText("违规金额已确认");
  });

  test("the hospital cannot record a deduction from settlement for itself, and records its transfer with the voucher", async ({ browser }) => {
    test.setTimeout(120_000);
    const scenario = createCase("AMOUNTS_CONFIRMED", { findings: 1 });
    const city = await newUserPage(browser, "city");
    await city.goto(`/city/cases/${scenario.caseId}`);
    const refundNotice = city.getByRole("form", { name: "下达清退通知" });
    await refundNotice.getByLabel("清退账户（原医保基金账户）").fill("长春市医疗保障基金收入户");
    await refundNotice.getByRole("button", { name: "下达清退通知" }).click();
    await expect(city.getByTestId("refund-outstanding").or(city.getByText("违规金额清退通知"))).toBeVisible();

    const hospital = await newUserPage(browser, "hospital");
    await hospital.goto(`/institution/cases/${scenario.caseId}`);
    const refund = hospital.getByRole("form", { name: "登记清退款项" });
    await refund.getByLabel("清退金额（元）").fill("999499");
    await refund.getByLabel("清退方式").selectOption({ label: "从结算款中扣减" });
    await refund.getByLabel("清退凭证").setInputFiles(pdfFile(dir, "自称扣减.pdf"));
    await refund.getByRole("button", { name: "登记清退款项" }).click();
    await expect(refund.getByText("从结算款中扣减由市（州）医保局登记，被检机构不能自行登记。")).toBeVisible();

    await refund.getByLabel("清退金额（元）").fill("1000.50");
    await refund.getByLabel("清退方式").selectOption({ label: "转账退回基金账户" });
    await refund.getByLabel("清退凭证").setInputFiles(pdfFile(dir, "转账回单.pdf"));
    await refund.getByRole("button", { name: "登记清退款项" }).click();
    await expect(hospital.getByRole("table", { name: "清退款项" })).toContainText("转账退回基金账户");
    await expect(hospital.getByTestId("refund-outstanding")).toContainText("尚待清退 0.00 元");
  });
});

test.describe("the institution's cases and their history (issue 17 §2)", () => {
  test("the hospital reads each of its cases' steps with their times, not the team's draft, and opens the case from there", async ({ browser }) => {
    test.setTimeout(120_000);
    const scenario = createCase("HANDED_OVER", { findings: 1, title: `2026年飞行检查（办理记录 ${Date.now().toString(36)}）` });
    const hospital = await newUserPage(browser, "hospital");
    await hospital.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "案件记录" }).click();
    await expect(hospital).toHaveURL(/\/institution\/history$/);
    const history = hospital.getByRole("list", { name: `${scenario.planTitle}的办理记录` });
    await expect(history).toContainText("移交");
    await expect(history.locator("li")).not.toHaveCount(0);
    await expect(history).not.toContainText("记录问题");
    mkdirSync("test-results/screenshots", { recursive: true });
    await hospital.screenshot({ path: "test-results/screenshots/institution-history.png", fullPage: true });
    await history.locator("xpath=ancestor::section").getByRole("link", { name: "查看案件" }).click();
    await expect(hospital).toHaveURL(new RegExp(`/institution/cases/${scenario.caseId}$`));
    await hospital.goBack();
    await expect(hospital).toHaveURL(/\/institution\/history$/);
  });
});
