import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEMO_PASSWORD, expect, login, newUserPage, screenshot, test } from "../support/fixtures";

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
    test.setTimeout(300_000);
    const title = `上传证据测试计划${Date.now() % 100000}`;
    const bureau = await newUserPage(browser, "bureau");
    await bureau.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "检查计划" }).click();
    const planForm = bureau.getByRole("form", { name: "新建检查计划" });
    await planForm.getByLabel("计划名称").fill(title);
    await planForm.getByLabel("年度").fill("2024");
    await planForm.getByLabel("检查启动方式").selectOption({ label: "举报线索" });
    await planForm.getByLabel("检查时段起").fill("2022-01-01");
    await planForm.getByLabel("检查时段止").fill("2023-12-31");
    await planForm.getByRole("button", { name: "新建计划" }).click();
    await expect(planForm.getByText("检查计划已新建。")).toBeVisible();
    await bureau.getByRole("link", { name: title }).click();

    const teamForm = bureau.getByRole("form", { name: "组建检查组" });
    await teamForm.getByLabel("检查组名称").fill("证据上传检查组");
    await teamForm.getByLabel("被检统筹区").selectOption({ label: "长春市" });
    await teamForm.getByRole("button", { name: "组建检查组" }).click();
    const memberForm = bureau.getByRole("form", { name: "为证据上传检查组添加成员" });
    await memberForm.getByLabel("人员", { exact: true }).selectOption({ label: "张志强（JL-2024-0001）" });
    await memberForm.getByLabel("组内职务").selectOption({ label: "组长" });
    await memberForm.getByRole("button", { name: "添加成员" }).click();
    await expect(bureau.getByRole("region", { name: "证据上传检查组" })).toContainText("张志强（组长，执法人员）");
    const targetForm = bureau.getByRole("form", { name: "指定被检机构" });
    const target = targetForm.getByLabel("被检机构");
    const hospital = (await target.locator("option", { hasText: "H22010200001" }).textContent())!;
    await target.selectOption({ label: hospital });
    await targetForm.getByLabel("检查组").selectOption({ label: "证据上传检查组" });
    await targetForm.getByLabel("指定理由").fill("举报线索：疑似虚构诊疗项目");
    await targetForm.getByRole("button", { name: "确定为被检机构" }).click();
    const name = hospital.replace(/（H\d+）$/, "");
    await expect(bureau.getByRole("row").filter({ hasText: name })).toContainText("已抽取");

    // The leader signs the letter for this team, delivers the notice and starts the on-site check.
    const leader = await newUserPage(browser, "inspector");
    leader.on("dialog", (dialog) => dialog.accept());
    const sign = leader.getByRole("button", { name: "本人已阅读并签署承诺书" });
    if (await sign.count()) await sign.first().click();
    await leader.getByRole("link", { name }).click();
    const notice = leader.getByRole("form", { name: "送达检查通知书" });
    await notice.getByLabel("通知书文号").fill("吉医保飞检〔2024〕21号");
    await notice.getByLabel("签收人姓名").fill("赵院长");
    await notice.getByLabel("签收人职务").fill("院长");
    await notice.getByRole("button", { name: "送达检查通知书" }).click();
    await expect(leader.getByTestId("case-state")).toHaveText("已送达通知书");
    await leader.getByRole("button", { name: "开始现场检查" }).click();
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
