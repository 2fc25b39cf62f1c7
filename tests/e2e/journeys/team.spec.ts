import { DEMO_PASSWORD, expect, login, screenshot, test } from "../support/fixtures";

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
