import { DEMO, expect, login, screenshot, test, type DemoAccount } from "../support/fixtures";

const PORTALS = ["bureau", "team", "city", "institution"] as const;
const PORTAL_TITLE = { bureau: "省局工作台", team: "检查组工作台", city: "市州医保局工作台", institution: "被检机构工作台" } as const;

for (const account of Object.keys(DEMO) as DemoAccount[]) {
  test(`${account} signs in, sees their own portal, and is refused the others (403)`, async ({ page }) => {
    const own = DEMO[account].portal;
    await login(page, DEMO[account].username);
    await expect(page).toHaveURL(new RegExp(`/${own}$`));
    await expect(page.getByRole("heading", { level: 1, name: PORTAL_TITLE[own] })).toBeVisible();
    await screenshot(page, `portal-${account}`);
    for (const other of PORTALS.filter((p) => p !== own)) {
      const response = await page.goto(`/${other}`);
      expect(response?.status(), `${account} → /${other}`).toBe(403);
      await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
    }
  });
}

test("an anonymous visitor is sent to login and comes back to the page they asked for", async ({ page }) => {
  await page.goto("/bureau/audit?outcome=DENIED");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fbureau%2Faudit%3Foutcome%3DDENIED/);
  await page.getByLabel("用户名").fill("admin");
  await page.getByLabel("密码").fill("Feijian@2024");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/bureau\/audit\?outcome=DENIED$/);
  await expect(page.getByRole("heading", { level: 1, name: "审计日志" })).toBeVisible();
});

test("a wrong password is refused with a message, and bad input is named per field", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByText("此项为必填项。").first()).toBeVisible();
  await login(page, "bureau", "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: "用户名或密码错误。" })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("bureau staff may not open the administrator's pages", async ({ page }) => {
  await login(page, "bureau");
  await expect(page).toHaveURL(/\/bureau$/);
  await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "用户管理" })).toHaveCount(0);
  const response = await page.goto("/bureau/users");
  expect(response?.status()).toBe(403);
});

test("the public home page and health check answer without signing in, with security headers", async ({ page, request }) => {
  const response = await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "医疗保障基金飞行检查" })).toBeVisible();
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  await screenshot(page, "public-home");
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", database: { status: "ok" } });
});

test("signing out ends the session: the portal asks for login again", async ({ page }) => {
  await login(page, "inspector");
  await expect(page).toHaveURL(/\/team$/);
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/team");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fteam/);
});
