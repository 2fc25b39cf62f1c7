import { readFileSync, writeFileSync } from "node:fs";
import { expect, screenshot, test } from "../support/fixtures";

const PUBLISHED = "tests/fixtures/draws/targets-2024-220200.json";
const FULL = "tests/fixtures/draws/targets-2024-220200.full.json";

test.describe("the public draw record and the reviewer's full record (issue 12 §14, ADR 013)", () => {
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
