import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEMO_PASSWORD, expect, login, newUserPage, screenshot, test } from "../support/fixtures";
import { createCase } from "../support/scenario";

const MB = 1024 * 1024;
const JPEG_HEAD = Buffer.from("ffd8ffe000104a46494600010101004800480000", "hex");

/** A file that is a JPEG by its first bytes, of `size` bytes, written to `dir` (generated at test time, never committed). */
function jpegFile(dir: string, name: string, size: number): string {
  const file = path.join(dir, name);
  const body = Buffer.alloc(size, 0x20);
  JPEG_HEAD.copy(body);
  randomBytes(Math.min(4096, size - JPEG_HEAD.byteLength)).copy(body, JPEG_HEAD.byteLength);
  writeFileSync(file, body);
  return file;
}

test.describe("team: evidence uploads on site (issue 12 §3, §9)", () => {
  let dir: string;
  test.beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "feijian-e2e-uploads-"));
  });
  test.afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test("the leader uploads two photos in a row, is told the same photo is already evidence, and gets a 49 MB file in but not a 51 MB one", async ({ browser }) => {
    test.setTimeout(180_000);
    // A case of the demo hospital with the team on site (the plan, team, notice and start made through the operations).
    const scenario = createCase("ON_SITE", { findings: 0 });
    const leader = await newUserPage(browser, "inspector");
    leader.on("dialog", (dialog) => dialog.accept());
    await leader.goto(`/team/cases/${scenario.caseId}`);
    await expect(leader.getByTestId("case-state")).toHaveText("现场检查中");

    const upload = leader.getByRole("form", { name: "上传证据材料" });
    const send = async (file: string, kind = "拍照") => {
      await upload.getByLabel("证据类型").selectOption({ label: kind });
      await upload.getByLabel("证据文件").setInputFiles(file);
      await upload.getByRole("button", { name: "上传证据材料" }).click();
    };

    // Two different photos, one after the other, without reloading the page.
    const first = jpegFile(dir, "病历首页.jpg", 300 * 1024);
    await send(first);
    await expect(leader.getByRole("link", { name: "病历首页.jpg" })).toBeVisible();
    await send(jpegFile(dir, "收费清单.jpg", 200 * 1024), "复印件");
    await expect(leader.getByRole("link", { name: "收费清单.jpg" })).toBeVisible();
    await screenshot(leader, "team-uploads-01-two-photos");

    // The same photo again (the button pressed twice): refused, saying when it was uploaded.
    await send(first);
    await expect(upload.getByText(/^该文件已作为本案证据上传（病历首页\.jpg，上传时间 .+），无需重复上传。$/).first()).toBeVisible();
    await expect(leader.getByRole("link", { name: "病历首页.jpg" })).toHaveCount(1);
    await screenshot(leader, "team-uploads-02-duplicate-refused");

    // The largest allowed size, then one just over it.
    const large = jpegFile(dir, "监控录像截图-49MB.jpg", 49 * MB);
    await send(large);
    await expect(leader.getByRole("link", { name: "监控录像截图-49MB.jpg" })).toBeVisible({ timeout: 60_000 });
    await send(jpegFile(dir, "监控录像截图-51MB.jpg", 51 * MB));
    await expect(upload.getByText("文件不能超过 50 MB，请压缩或拆分后再上传。").first()).toBeVisible({ timeout: 60_000 });
    await expect(leader.getByRole("link", { name: "监控录像截图-51MB.jpg" })).toHaveCount(0);
    await screenshot(leader, "team-uploads-03-over-limit-refused");

    // What was stored is what was sent: the download streams the 49 MB file back whole, with the hash the page shows.
    const href = await leader.getByRole("link", { name: "监控录像截图-49MB.jpg" }).getAttribute("href");
    const response = await leader.request.get(href!);
    expect(response.status()).toBe(200);
    const body = await response.body();
    const sha256 = createHash("sha256").update(body).digest("hex");
    expect(sha256).toBe(createHash("sha256").update(readFileSync(large)).digest("hex"));
    await expect(leader.getByRole("listitem").filter({ hasText: "监控录像截图-49MB.jpg" })).toContainText(`SHA-256 ${sha256}`);
  });
});

// Issue 12, item 18: a signed-in session could guess the current password on the password-change form without limit.
test.describe("changing the password", () => {
  test("after 5 wrong current passwords the form asks to wait, even when the right one is typed", async ({ page }) => {
    await login(page, "inspector2");
    await expect(page).toHaveURL(/\/team$/);
    await page.goto("/account");
    const submit = async (current: string) => {
      await page.getByLabel("当前密码").fill(current);
      await page.getByLabel("新密码", { exact: true }).fill("Another-pass-2025");
      await page.getByLabel("确认新密码").fill("Another-pass-2025");
      await page.getByRole("button", { name: "修改密码" }).click();
    };
    for (let i = 0; i < 4; i += 1) {
      await submit(`wrong-guess-${i}`);
      await expect(page.getByRole("alert").filter({ hasText: "当前密码不正确。" }).first()).toBeVisible();
    }
    await submit("wrong-guess-5");
    await expect(page.getByRole("alert").filter({ hasText: "当前密码输错次数过多，请 15 分钟后再试。" }).first()).toBeVisible();
    await submit(DEMO_PASSWORD);
    await expect(page.getByRole("alert").filter({ hasText: "当前密码输错次数过多，请 15 分钟后再试。" }).first()).toBeVisible();
    await expect(page).toHaveURL(/\/account$/);
    await screenshot(page, "team-password-change-throttled");
  });
});

// Issue 12 §2: a second finding was refused as stale, and a finding could not be corrected or withdrawn.
test.describe("team: correcting the draft findings before signing (issue 12 §2)", () => {
  test("the leader records two findings in a row, corrects the first and withdraws the second with a reason, without reloading", async ({ browser }) => {
    test.setTimeout(120_000);
    const scenario = createCase("ON_SITE", { findings: 0 });
    const leader = await newUserPage(browser, "inspector");
    leader.on("dialog", (dialog) => dialog.accept());
    await leader.goto(`/team/cases/${scenario.caseId}`);

    const record = leader.getByRole("form", { name: "记录问题" });
    const recordFinding = async (description: string, amount: string) => {
      await record.getByLabel("违规类型").selectOption({ index: 1 });
      await record.getByLabel("违规金额（元）").fill(amount);
      await record.getByLabel("问题描述").fill(description);
      await record.getByRole("button", { name: "记录问题" }).click();
      await expect(leader.getByTestId("finding-row").filter({ hasText: description })).toBeVisible();
    };
    await recordFinding("将自费耗材串换为目录内耗材结算，涉及住院患者23人次", "12000.00");
    // The second, different finding at once: no "该记录已被他人修改", and the form is empty again.
    await recordFinding("超标准收取护理费", "3000.00");
    await expect(record.getByLabel("问题描述")).toHaveValue("");
    await expect(leader.getByTestId("findings-total")).toHaveText(/15,000\.00/);

    // Correct the first: choosing it fills the form with its values; the amount changes, with a reason.
    const edit = leader.getByRole("form", { name: "修改问题" });
    const choose = async (form: typeof edit, text: string) => {
      const select = form.getByLabel("问题", { exact: true });
      await select.selectOption((await select.locator("option", { hasText: text }).getAttribute("value"))!);
    };
    await choose(edit, "将自费耗材串换");
    await expect(edit.getByLabel("违规金额（元）")).toHaveValue("12000.00");
    await edit.getByLabel("违规金额（元）").fill("11500.00");
    await edit.getByLabel("修改理由").fill("复核收费清单后，核减重复计算的500元");
    await edit.getByRole("button", { name: "修改问题" }).click();
    const first = leader.getByTestId("finding-row").filter({ hasText: "将自费耗材串换" });
    await expect(first.getByTestId("finding-revision")).toContainText("修改");
    await expect(first.getByTestId("finding-revision")).toContainText("理由：复核收费清单后，核减重复计算的500元");
    await expect(first.getByTestId("finding-revision")).toContainText("12,000.00");
    await expect(leader.getByTestId("findings-total")).toHaveText(/14,500\.00/);

    // Withdraw the second, with its reason: it stays, struck and marked, and leaves the total.
    const withdraw = leader.getByRole("form", { name: "撤回问题" });
    await choose(withdraw, "超标准收取护理费");
    await withdraw.getByLabel("撤回理由").fill("护理费标准已于检查期间调整，不予认定");
    await withdraw.getByRole("button", { name: "撤回问题" }).click();
    const second = leader.getByTestId("finding-row").filter({ hasText: "超标准收取护理费" });
    await expect(second).toHaveAttribute("data-status", "WITHDRAWN");
    await expect(second).toContainText("已撤销");
    await expect(second.getByTestId("finding-revision")).toContainText("理由：护理费标准已于检查期间调整，不予认定");
    await expect(leader.getByTestId("findings-total")).toHaveText(/11,500\.00/);
    // Only the form just used says it is done: the earlier forms' notices are stale once the case moved on.
    await expect(withdraw.getByText("已办理。")).toBeVisible();
    await expect(leader.getByText("已办理。")).toHaveCount(1);
    await leader.screenshot({ path: "test-results/screenshots/case-after-two-findings.png", fullPage: true });
  });
});

// Issue 12 §6: a notice could be delivered with one law-enforcement officer (条例 art. 29 requires two, named).
test.describe("team: the notice is delivered with two law-enforcement staff present (issue 12 §6)", () => {
  test("one officer ticked is refused naming the rule; with both ticked the notice names them", async ({ browser }) => {
    test.setTimeout(120_000);
    const scenario = createCase("DRAWN");
    const leader = await newUserPage(browser, "inspector");
    await leader.goto(`/team/cases/${scenario.caseId}`);
    const form = leader.getByRole("form", { name: "送达检查通知书" });
    await form.getByLabel("通知书文号").fill("吉医保飞检〔2026〕88号");
    await form.getByLabel("签收人姓名").fill("刘院长");
    await form.getByLabel("签收人职务").fill("院长");
    await form.getByLabel(/张志强/).check();
    await form.getByRole("button", { name: "送达检查通知书" }).click();
    await expect(form.getByText("依据《医疗保障基金使用监督管理条例》第二十九条，送达现场检查通知书时须有两名以上执法人员在场，请至少勾选两人。")).toBeVisible();
    await expect(leader.getByTestId("notice-staff-present")).toHaveCount(0);
    await form.getByLabel(/王立新/).check();
    await form.getByRole("button", { name: "送达检查通知书" }).click();
    await expect(leader.getByTestId("notice-staff-present")).toHaveText("张志强（JL-2024-0001）、王立新（JL-2024-0002）");
  });
});

// Issue 12 §9 (last part): evidence uploaded by mistake could not be taken back.
test.describe("team: withdrawing evidence before signing (issue 12 §9)", () => {
  test("a photo uploaded by mistake is withdrawn with a reason: it stays, marked, with who and why", async ({ browser }) => {
    test.setTimeout(120_000);
    const dir = mkdtempSync(path.join(tmpdir(), "feijian-e2e-withdraw-"));
    try {
      const scenario = createCase("ON_SITE", { findings: 0 });
      const leader = await newUserPage(browser, "inspector");
      leader.on("dialog", (dialog) => dialog.accept());
      await leader.goto(`/team/cases/${scenario.caseId}`);
      const upload = leader.getByRole("form", { name: "上传证据材料" });
      await upload.getByLabel("证据类型").selectOption({ label: "拍照" });
      await upload.getByLabel("证据文件").setInputFiles(jpegFile(dir, "错拍的病历.jpg", 50 * 1024));
      await upload.getByRole("button", { name: "上传证据材料" }).click();
      await expect(leader.getByRole("link", { name: "错拍的病历.jpg" })).toBeVisible();

      const withdraw = leader.getByRole("form", { name: "撤回证据" });
      await withdraw.getByLabel("证据材料").selectOption({ index: 1 });
      await withdraw.getByLabel("撤回理由").fill("拍摄的是其他科室的病历，与本案无关");
      await withdraw.getByRole("button", { name: "撤回证据" }).click();
      const item = leader.getByTestId("evidence-item").filter({ hasText: "错拍的病历.jpg" });
      await expect(item).toHaveAttribute("data-withdrawn", "true");
      await expect(item).toContainText("已由 张志强");
      await expect(item).toContainText("理由：拍摄的是其他科室的病历，与本案无关");
      await expect(leader.getByRole("form", { name: "撤回证据" })).toHaveCount(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Issue 12 §12: 问题描述 was a one-line input, and "内容过长" named no limit.
test.describe("team: a long description pasted into 问题描述 (issue 12 §12)", () => {
  test("several paragraphs of Chinese text are kept as typed; one character over 4000 is refused naming the limit", async ({ browser }) => {
    test.setTimeout(120_000);
    const scenario = createCase("ON_SITE", { findings: 0 });
    const leader = await newUserPage(browser, "inspector");
    await leader.goto(`/team/cases/${scenario.caseId}`);
    const record = leader.getByRole("form", { name: "记录问题" });
    const description = record.getByLabel("问题描述");
    expect(await description.evaluate((element) => element.tagName)).toBe("TEXTAREA");
    await expect(record.getByText("可分段填写，也可从其他文档粘贴，最多 4000 字。")).toBeVisible();

    const paragraph = "经核查住院病历及收费明细，该院将自费耗材串换为目录内耗材进行医保结算。";
    const long = [1, 2, 3].map((n) => `${n}. ${paragraph.repeat(20)}`).join("\n");
    await record.getByLabel("违规类型").selectOption({ index: 1 });
    await record.getByLabel("违规金额（元）").fill("8800.00");
    await description.fill("串".repeat(4001));
    await record.getByRole("button", { name: "记录问题" }).click();
    await expect(record.getByText("内容过长，最多 4000 个字。")).toBeVisible();

    await description.fill(long);
    await record.getByRole("button", { name: "记录问题" }).click();
    const row = leader.getByTestId("finding-row");
    await expect(row).toHaveCount(1);
    expect(await row.locator("span.whitespace-pre-line").first().innerText()).toBe(long);
  });
});

test.describe("official documents on the case page (issue 15)", () => {
  test("the leader generates the problem record twice in a row, downloads it, and a stranger checks its printed code on the public page", async ({ browser }) => {
    test.setTimeout(180_000);
    const scenario = createCase("FINDINGS_RECORDED", { findings: 2 });
    const leader = await newUserPage(browser, "inspector");
    await leader.goto(`/team/cases/${scenario.caseId}`);
    const section = leader.getByTestId("case-documents");
    await expect(section).toBeVisible();

    // Twice in a row without reloading: one document, the second click says the case has not changed.
    await section.getByRole("button", { name: "生成现场检查问题记录" }).click();
    await expect(section.getByText(/^已生成现场检查问题记录，文号.+医保问题〔\d{4}〕\d+号。$/)).toBeVisible();
    await section.getByRole("button", { name: "重新生成现场检查问题记录" }).click();
    await expect(section.getByText(/^案卷内容未变化，沿用现有文书（.+）。$/)).toBeVisible();
    await expect(section.getByRole("listitem")).toHaveCount(1);
    await screenshot(leader, "documents-01-problem-record-generated");

    // The .docx downloads as a Word file under its number.
    const [download] = await Promise.all([leader.waitForEvent("download"), section.getByRole("link", { name: "下载 Word 文档：现场检查问题记录" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^现场检查问题记录（.+〔\d{4}〕\d+号）\.docx$/);

    // Anyone, signed out, checks the code printed in the footer; a made-up code gets the one refusal.
    const code = (await section.locator(".font-mono").first().textContent())!.trim();
    const stranger = await (await browser.newContext()).newPage();
    await stranger.goto("/documents/verify");
    await stranger.getByLabel("核验码").fill(code.toLowerCase());
    await stranger.getByRole("button", { name: "核验" }).click();
    const answer = stranger.getByTestId("document-verification");
    await expect(answer).toContainText("现场检查问题记录");
    await expect(answer).toContainText(/医保问题〔\d{4}〕\d+号/);
    await expect(stranger.getByText("该文书为现行版本。")).toBeVisible();
    await screenshot(stranger, "documents-02-verify-real-code");
    await stranger.getByLabel("核验码").fill("ZZZZ-ZZZZ");
    await stranger.getByRole("button", { name: "核验" }).click();
    await expect(stranger.getByText("未查询到与该核验码对应的文书。请核对核验码，或向发文机关核实。")).toBeVisible();
    await expect(stranger.getByTestId("document-verification")).toHaveCount(0);
    await screenshot(stranger, "documents-03-verify-made-up-code");
  });
});
