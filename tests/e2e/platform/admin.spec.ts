import { expect, login, loginAs, screenshot, test } from "../support/fixtures";

test("the administrator creates a user (bad input first), deactivates them, and finds both in the audit log", async ({ page }) => {
  page.on("dialog", (dialog) => dialog.accept());
  await loginAs(page, "admin");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "用户管理" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "用户管理" })).toBeVisible();

  const form = page.getByRole("form", { name: "新增用户" });
  await form.getByLabel("用户名").fill("a");
  await form.getByLabel("初始密码").fill("short");
  await form.getByRole("button", { name: "新增用户" }).click();
  await expect(form.getByText("用户名至少 3 位。")).toBeVisible();
  await expect(form.getByText("密码至少 10 位。")).toBeVisible();
  await expect(form.getByText("此项为必填项。").first()).toBeVisible();

  await form.getByLabel("用户名").fill("city.jilin");
  await form.getByLabel("姓名").fill("刘海涛");
  await form.getByLabel("角色").selectOption({ label: "市州医保局工作人员" });
  await form.getByLabel("所属单位").selectOption({ label: "长春市示例第一人民医院（演示）" });
  await form.getByLabel("初始密码").fill("Jilin2024city");
  await form.getByRole("button", { name: "新增用户" }).click();
  // The server refuses a city clerk in a hospital, in the user's language, on the field.
  await expect(form.getByLabel("角色")).toHaveAccessibleDescription("该角色不能属于此类单位。");
  await expect(form.getByRole("alert").filter({ hasText: "提交的内容有误" })).toBeVisible();

  await form.getByLabel("所属单位").selectOption({ label: "吉林市医疗保障局（演示）" });
  await form.getByRole("button", { name: "新增用户" }).click();
  await expect(form.getByText("用户已新增。")).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "city.jilin" });
  await expect(row).toContainText("刘海涛");
  await screenshot(page, "bureau-users");

  await row.getByRole("button", { name: "停用用户 city.jilin" }).click();
  await expect(row).toContainText("已停用");

  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "审计日志" }).click();
  await page.getByLabel("操作", { exact: true }).fill("user.");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByRole("row").filter({ hasText: "user.create" })).toHaveCount(1);
  await expect(page.getByRole("row").filter({ hasText: "user.deactivate" })).toHaveCount(1);
  await screenshot(page, "bureau-audit");

  // The deactivated account can no longer sign in.
  await page.context().clearCookies();
  await login(page, "city.jilin", "Jilin2024city");
  await expect(page.getByRole("alert").filter({ hasText: "用户名或密码错误。" })).toBeVisible();
});

test("the language switch is remembered per user, and English is complete", async ({ page, browser }) => {
  await loginAs(page, "city");
  await page.getByLabel("界面语言").selectOption("en");
  await expect(page.getByRole("heading", { level: 1, name: "City bureau dashboard" })).toBeVisible();
  await screenshot(page, "portal-city-en");

  const other = await (await browser.newContext()).newPage();
  await loginAs(other, "city");
  await expect(other.getByRole("heading", { level: 1, name: "City bureau dashboard" })).toBeVisible();
  await other.getByLabel("Language").selectOption("zh-CN");
  await expect(other.getByRole("heading", { level: 1, name: "市州医保局工作台" })).toBeVisible();
});

test("a user changes their password, signs in again with the new one, and the old one no longer works", async ({ page }) => {
  await loginAs(page, "hospital");
  await page.goto("/account");
  await page.getByLabel("当前密码").fill("wrong-password-1");
  await page.getByLabel("新密码", { exact: true }).fill("Hospital2025new");
  await page.getByLabel("确认新密码").fill("Hospital2025new");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("当前密码不正确。").first()).toBeVisible();

  await page.getByLabel("当前密码").fill("Feijian@2024");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page).toHaveURL(/\/login\?passwordChanged=1/);
  await expect(page.getByText("密码已修改，请使用新密码重新登录。")).toBeVisible();

  await login(page, "hospital", "Feijian@2024");
  await expect(page.getByRole("alert").filter({ hasText: "用户名或密码错误。" })).toBeVisible();
  await loginAs(page, "hospital", "Hospital2025new");

  // Put the demo password back for the other tests.
  await page.goto("/account");
  await page.getByLabel("当前密码").fill("Hospital2025new");
  await page.getByLabel("新密码", { exact: true }).fill("Feijian@2024");
  await page.getByLabel("确认新密码").fill("Feijian@2024");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page).toHaveURL(/\/login\?passwordChanged=1/);
});
