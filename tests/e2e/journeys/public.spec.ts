import { DEMO_PASSWORD, expect, login, loginAs, newUserPage, screenshot, test } from "../support/fixtures";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createCase } from "../support/scenario";

// Issue 12, items 13 and 16, as a visitor meets them: the login page's return address, and signing out.
test.describe("signing in and out", () => {
  const ODD_CALLBACKS = ["/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "/\u3000", "/bureau\u3000x", "/\\evil.example", "/\\/evil.example", "//evil.example", "https://evil.example", "/.//evil.example", "/%2F%2Fevil.example"];

  test("an odd return address on the login page never shows an error and never leads to another site", async ({ page, baseURL }) => {
    test.setTimeout(150_000); // two dozen page loads
    const ours = new URL(baseURL!).origin;
    for (const value of ODD_CALLBACKS) {
      const response = await page.goto(`/login?callbackUrl=${encodeURIComponent(value)}`);
      expect(response?.status(), JSON.stringify(value)).toBe(200);
      await expect(page.getByRole("button", { name: "登录" })).toBeVisible();
    }
    // The probe's address: a tab between the slashes.
    await page.goto("/login?callbackUrl=%2F%09%2Fevil.example");
    await page.getByLabel("用户名").fill("bureau");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(/\/bureau$/);
    expect(new URL(page.url()).origin).toBe(ours);
    await screenshot(page, "public-login-odd-callback-landing");
    // Signed in, the login page sends the user on at once: still on our site, never a server error.
    for (const value of ODD_CALLBACKS) {
      const response = await page.goto(`/login?callbackUrl=${encodeURIComponent(value)}`);
      // A path that does not exist is a 404 page on our site, which is fine; never a 500, never elsewhere.
      expect(response?.status(), JSON.stringify(value)).toBeLessThan(500);
      expect(new URL(page.url()).origin, JSON.stringify(value)).toBe(ours);
    }
  });

  test("after signing out, a copied session cookie no longer opens the portal, and the other computer stays signed in", async ({ page, browser }) => {
    const otherComputer = await browser.newContext();
    const other = await otherComputer.newPage();
    await login(other, "inspector");
    await expect(other).toHaveURL(/\/team$/);

    await login(page, "inspector");
    await expect(page).toHaveURL(/\/team$/);
    const copied = await page.context().cookies();
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/login/);

    const thief = await browser.newContext();
    await thief.addCookies(copied);
    const replay = await thief.newPage();
    await replay.goto("/team");
    await expect(replay).toHaveURL(/\/login\?callbackUrl=%2Fteam/);
    await screenshot(replay, "public-signed-out-cookie-replayed");

    await other.reload();
    await expect(other.getByRole("heading", { level: 1, name: "检查组工作台" })).toBeVisible();
    await thief.close();
    await otherComputer.close();
  });
});

const PUBLISHED = "tests/fixtures/draws/targets-2024-220200.json";
const FULL = "tests/fixtures/draws/targets-2024-220200.full.json";

test.describe("the public draw record and the reviewer's full record (issue 12 §14, ADR 019)", () => {
  test("the published record shows no tip-off or fund figures and still verifies; a reviewer's full record verifies with every commitment opened, and an altered reason is caught", async ({ page }) => {
    const published = readFileSync(PUBLISHED, "utf8");
    expect(published).not.toContain("举报线索");
    expect(published).not.toContain('"fundUsage"');

    await page.goto("/draws/verify");
    const file = page.getByLabel("抽取记录文件");
    const status = page.getByRole("status");
    await file.setInputFiles(PUBLISHED);
    await expect(status).toContainText("核验通过");
    await expect(status).toContainText("这是公开版记录");
    const summary = page.getByRole("region", { name: "核验结论" });
    await expect(summary).toContainText("公开版（承诺值代替内部信息）");

    await file.setInputFiles(FULL);
    await expect(status).toContainText("核验通过");
    await expect(status).toContainText("已逐项核对 46 个承诺值");
    await expect(summary).toContainText("完整记录（已核对 46 个承诺值）");
    // Same draw: the hashes of the full record are the published ones.
    const sample = JSON.parse(published) as { manifestHash: string; resultHash: string };
    await expect(summary).toContainText(sample.manifestHash);
    await expect(summary).toContainText(sample.resultHash);
    await screenshot(page, "draw-verify-full-record");

    const full = JSON.parse(readFileSync(FULL, "utf8")) as { manifest: { regions: { designated: { reason: string }[] }[] } };
    full.manifest.regions[0]!.designated[0]!.reason = "数据筛查（改动）";
    const altered = test.info().outputPath("altered-full.json");
    writeFileSync(altered, JSON.stringify(full, null, 2));
    await file.setInputFiles(altered);
    const alert = page.getByRole("alert").filter({ hasText: "核验未通过" });
    await expect(alert).toContainText("manifest.regions[0].designated[0].commitment");
    await expect(alert).toContainText("原文可能已被改动");
  });
});

// Issue 13 §4: the API reference renders offline, from the app alone (a bureau's network reaches no CDN).
test.describe("the API reference, offline", () => {
  test("renders the generated document with no request to any other host and no CSP violation", async ({ page, baseURL }) => {
    const ownHost = new URL(baseURL!).host;
    const foreign: string[] = [];
    await page.context().route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.host !== ownHost) {
        foreign.push(url.href);
        return route.abort();
      }
      return route.continue();
    });
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));

    await page.goto("/api-docs");
    await expect(page.getByRole("heading", { level: 1, name: "接口文档" })).toBeVisible();
    await expect(page.locator(".swagger-ui .info .title")).toContainText("Feijian");
    const deliver = page.locator('[data-path="/cases/{caseId}/events/deliver-notice"]');
    await expect(deliver).toBeVisible();
    await deliver.click();
    await expect(page.locator(".opblock.is-open")).toContainText("If-Match");
    await expect(page.locator('[data-path="/events"]')).toBeVisible();
    await page.waitForLoadState("networkidle");
    // Swagger UI warns in a red box when it cannot render the document faithfully (an unknown JSON Schema dialect).
    await expect(page.locator(".swagger-ui .errors-wrapper, .swagger-ui .version-pragma")).toHaveCount(0);
    await page.screenshot({ path: "tests/artifacts/screenshots/api-docs-top.png" });
    await screenshot(page, "api-docs-offline");
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
    const document = await page.request.get("/api/v1/openapi.json");
    expect(document.status()).toBe(200);
    expect((await document.json()) as { openapi: string }).toMatchObject({ openapi: expect.stringMatching(/^3\.1\./) });
  });
});

// Issue 17 §4: a result goes from one clerk's proposal, through a second person's approval, to the public list
// and the feeds; then it is withdrawn and stays listed as withdrawn, without its content.
test.describe("publication of results (issue 17 §4)", () => {
  test("one clerk proposes with personal data removed, cannot approve it herself, another approves; the public list and feeds show it; a withdrawal removes its content", async ({ page, browser }) => {
    test.setTimeout(180_000);
    const scenario = createCase("AMOUNTS_CONFIRMED", { title: "2026年查处结果公开测试计划" });
    page.on("dialog", (dialog) => void dialog.accept());

    await loginAs(page, "bureau");
    await page.goto("/bureau/publications");
    await page.getByLabel("案件").selectOption({ label: `${scenario.institution}（${scenario.planTitle}）` });
    await page.getByLabel("处理情况").fill("责令该机构退回违规使用的医保基金，由检查组长张志强督促落实；联系电话 13904312345，身份证号 220102198001011234。");
    await page.getByRole("button", { name: "拟稿公开" }).click();
    const card = page.getByTestId("publication").filter({ hasText: scenario.institution });
    await expect(card).toContainText("待审核");
    // The preview is what will be published: the name masked, phone and ID number gone.
    await expect(card).toContainText("张某");
    await expect(card).toContainText("[电话号码已隐去]");
    await expect(card).not.toContainText("张志强");
    await expect(card).not.toContainText("13904312345");
    await expect(card).toContainText("本人拟稿，须由另一名工作人员审核。");
    await expect(card.getByRole("button", { name: "审核并公开" })).toHaveCount(0);
    await screenshot(page, "bureau-publication-preview");

    // Not public yet.
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto("/results");
    await expect(visitor.getByRole("heading", { level: 1, name: "查处结果公开" })).toBeVisible();
    await expect(visitor.getByText(scenario.institution)).toHaveCount(0);

    const approver = await newUserPage(browser, "admin");
    approver.on("dialog", (dialog) => void dialog.accept());
    await approver.goto("/bureau/publications");
    const approverCard = approver.getByTestId("publication").filter({ hasText: scenario.institution });
    await approverCard.getByRole("button", { name: "审核并公开" }).click();
    await expect(approverCard).toContainText("已公开");

    await visitor.goto("/results");
    const listed = visitor.getByTestId("public-result").filter({ hasText: scenario.institution });
    await expect(listed).toContainText("张某");
    await visitor.getByLabel("搜索").fill(scenario.institution);
    await visitor.getByRole("button", { name: "查询" }).click();
    await expect(visitor).toHaveURL(/q=/);
    await expect(visitor.getByTestId("public-result")).toHaveCount(1);
    mkdirSync("test-results/screenshots", { recursive: true });
    await visitor.screenshot({ path: "test-results/screenshots/public-results.png", fullPage: true });
    await screenshot(visitor, "public-results");
    const html = await visitor.content();
    for (const leak of ["张志强", "13904312345", "220102198001011234"]) expect(html).not.toContain(leak);

    const rss = await (await visitor.request.get("/results/feed.xml")).text();
    expect(rss).toContain(scenario.institution);
    const feed = (await (await visitor.request.get("/results/feed.json")).json()) as { items: { title: string; url: string }[] };
    const item = feed.items.find((i) => i.title.includes(scenario.institution));
    expect(item).toBeDefined();

    // The public home shows the latest results instead of an empty card.
    await visitor.goto("/");
    await expect(visitor.getByRole("link", { name: `${scenario.institution}查处结果` })).toBeVisible();
    await screenshot(visitor, "public-home");

    // Withdrawn with a reason: the public page keeps a line, without the institution; the feeds drop it.
    await page.reload();
    await card.getByLabel("撤回理由").fill("复核后处理结果变更，待重新审核");
    await card.getByRole("button", { name: "撤回" }).click();
    await expect(card).toContainText("已撤回");
    await visitor.goto("/results");
    await expect(visitor.getByText("撤回理由：复核后处理结果变更，待重新审核")).toBeVisible();
    await expect(visitor.getByText(scenario.institution)).toHaveCount(0);
    await visitor.goto(new URL(item!.url).pathname);
    await expect(visitor.getByText("该条公开内容已于")).toBeVisible();
    await expect(visitor.getByText(scenario.institution)).toHaveCount(0);
    expect(await (await visitor.request.get("/results/feed.xml")).text()).not.toContain(scenario.institution);

    await visitor.goto("/");
    await visitor.getByRole("link", { name: /全部抽取公示/ }).click();
    await expect(visitor.getByRole("heading", { level: 1, name: "抽取公示" })).toBeVisible();
    await screenshot(visitor, "public-draws");
  });
});
