import { test as base, expect, type Browser, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";

export const DEMO_PASSWORD = "Feijian@2024";
export const ARTIFACTS = "tests/artifacts/screenshots";

export const DEMO = {
  admin: { username: "admin", portal: "bureau" },
  bureau: { username: "bureau", portal: "bureau" },
  inspector: { username: "inspector", portal: "team" },
  city: { username: "city", portal: "city" },
  hospital: { username: "hospital", portal: "institution" },
} as const;
export type DemoAccount = keyof typeof DEMO;

/** Signs in through the real form, finding the controls by their labels (in Chinese, the default). */
export async function login(page: Page, username: string, password = DEMO_PASSWORD, path = "/login") {
  await page.goto(path);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

/** Signs in a demo account and waits until its own portal has loaded. */
export async function loginAs(page: Page, account: DemoAccount, password = DEMO_PASSWORD) {
  await login(page, DEMO[account].username, password);
  await expect(page).toHaveURL(new RegExp(`/${DEMO[account].portal}$`));
}

export async function newUserPage(browser: Browser, account: DemoAccount): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, DEMO[account].username);
  await expect(page).toHaveURL(new RegExp(`/${DEMO[account].portal}$`));
  return page;
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
}

export const test = base;
export { expect };
