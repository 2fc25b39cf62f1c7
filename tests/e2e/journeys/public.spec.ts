import { DEMO_PASSWORD, expect, login, screenshot, test } from "../support/fixtures";

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
