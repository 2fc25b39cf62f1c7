import { readFileSync, writeFileSync } from "node:fs";
import { expect, screenshot, test } from "../support/fixtures";

const TARGETS = "tests/fixtures/draws/targets-2024-220200.json";
const TEAMS = "tests/fixtures/draws/teams-2024.json";
type Sample = {
  manifestHash: string;
  seed: string;
  resultHash: string;
  tickets: string[];
  candidates: { id: string }[];
  result: { regions: { hospitals: string[] }[] };
};
const sample = JSON.parse(readFileSync(TARGETS, "utf8")) as Sample;

/** A copy of the sample with one value changed, in this test's own output folder. */
function tamperedCopy(name: string, change: (record: typeof sample) => void): string {
  const record = structuredClone(sample);
  change(record);
  const path = test.info().outputPath(name);
  writeFileSync(path, JSON.stringify(record, null, 2));
  return path;
}

test("an anonymous visitor verifies the sample record in the browser, and is told where a tampered copy differs and that a non-JSON file is no record", async ({ page }) => {
  await page.goto("/");
  const card = page.getByRole("region", { name: "抽取结果核验" });
  await expect(card.getByRole("link", { name: "核验抽取记录文件" })).toBeVisible();
  await screenshot(page, "draw-verify-home");
  await card.getByRole("link", { name: "核验抽取记录文件" }).click();
  await expect(page).toHaveURL(/\/draws\/verify$/);
  await expect(page.getByRole("heading", { level: 1, name: "抽取记录核验" })).toBeVisible();
  await expect(page.getByText("所选文件不会上传至服务器")).toBeVisible();
  const status = page.getByRole("status");
  await expect(status).toContainText("尚未选择文件");

  // Nothing is sent while files are verified (a GET may still prefetch a page the header links to).
  const sent: string[] = [];
  page.on("request", (request) => {
    if (request.method() !== "GET") sent.push(`${request.method()} ${request.url()}`);
  });

  const file = page.getByLabel("抽取记录文件");
  await file.setInputFiles(TARGETS);
  await expect(status).toContainText("核验通过");
  await expect(status).toContainText("targets-2024-220200.json");
  await expect(status).toContainText("您未填写公布的哈希值");
  const summary = page.getByRole("region", { name: "核验结论" });
  await expect(summary).toContainText("JL-2024-PROVINCIAL");
  await expect(summary).toContainText("被检对象抽取");
  await expect(summary).toContainText("35 个");
  await expect(summary).toContainText("8 家");
  await expect(summary).toContainText(sample.manifestHash);
  await expect(summary).toContainText(sample.seed);
  await expect(summary).toContainText(sample.resultHash);
  await screenshot(page, "draw-verify-ok");

  await file.setInputFiles(tamperedCopy("tampered.json", (record) => (record.tickets[3] = "0.0001")));
  const alert = page.getByRole("alert").filter({ hasText: "核验未通过" });
  await expect(alert).toContainText("核验未通过：第一处不一致位于 tickets[3]。");
  await expect(alert).toContainText(sample.tickets[3]!);
  await expect(alert).toContainText('"0.0001"');
  await expect(alert).toContainText(`候选对象 ${sample.candidates[3]!.id} 的随机签号`);
  await expect(status).not.toContainText("核验通过");
  await screenshot(page, "draw-verify-tampered");

  // A result entry swapped for another hospital, everything before it left alone.
  await file.setInputFiles(tamperedCopy("tampered-result.json", (record) => (record.result.regions[0]!.hospitals[0] = "H220200001")));
  await expect(alert).toContainText("核验未通过：第一处不一致位于 result.regions[0].hospitals[0]。");
  await expect(alert).toContainText("抽取结果");

  const notJson = test.info().outputPath("notes.json");
  writeFileSync(notJson, "抽取会议纪要：这不是抽取记录。\n");
  await file.setInputFiles(notJson);
  await expect(page.getByRole("alert").filter({ hasText: "无法核验" })).toContainText("notes.json 不是有效的 JSON 文件");
  await expect(page.getByText("核验未通过")).toHaveCount(0);
  await screenshot(page, "draw-verify-not-json");

  expect(sent, "requests that sent something while verifying").toEqual([]);
});

test("the published hashes are compared when entered, and a result hash that was not announced fails", async ({ page }) => {
  await page.goto("/draws/verify");
  await page.getByLabel("会前公布的清单哈希值").fill(sample.manifestHash.toUpperCase().replace(/(.{16})/g, "$1 "));
  await page.getByLabel("现场宣读的结果哈希值").fill("1234");
  await expect(page.getByText("格式不正确：应为 64 位十六进制字符，当前为 4 位。")).toBeVisible();
  await page.getByLabel("抽取记录文件").setInputFiles(TARGETS);
  await expect(page.getByRole("status")).toContainText("请先更正上方填写的哈希值");

  await page.getByLabel("现场宣读的结果哈希值").fill(sample.resultHash);
  await expect(page.getByRole("status")).toContainText("核验通过");
  await expect(page.getByRole("status")).toContainText("清单哈希值与会前公布的数值一致。");
  await expect(page.getByRole("status")).toContainText("结果哈希值与现场宣读的数值一致。");

  const announced = "0".repeat(64);
  await page.getByLabel("现场宣读的结果哈希值").fill(announced);
  const alert = page.getByRole("alert").filter({ hasText: "核验未通过" });
  await expect(alert).toContainText("第一处不一致位于 resultHash");
  await expect(alert).toContainText("与现场宣读的结果哈希值不一致");
  await expect(alert.getByRole("definition").filter({ hasText: announced })).toBeVisible();
  await screenshot(page, "draw-verify-anchor");
});

test("a team draw record shows its teams and replacement; an id of a published draw that does not exist is said so", async ({ page }) => {
  await page.goto("/draws/verify?record=JL-2024-PROVINCIAL-TEAMS");
  await expect(page.getByRole("alert").filter({ hasText: "未找到编号为 JL-2024-PROVINCIAL-TEAMS 的公开抽取记录" })).toBeVisible();
  await page.getByLabel("抽取记录文件").setInputFiles(TEAMS);
  await expect(page.getByRole("status")).toContainText("核验通过");
  const summary = page.getByRole("region", { name: "核验结论" });
  await expect(summary).toContainText("检查组抽取");
  await expect(summary).toContainText("10 个");
  await expect(summary).toContainText("30 人");
  await expect(summary).toContainText("1 次");
});
