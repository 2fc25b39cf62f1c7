import { expect, newUserPage, screenshot, test } from "../support/fixtures";

const HOSPITAL = "长春市示例第一人民医院（演示）";

test("a case from plan to a signed commitment letter; the institution and its city learn nothing before the notice", async ({ browser }) => {
  const bureau = await newUserPage(browser, "bureau");
  await bureau.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "检查计划" }).click();
  const planForm = bureau.getByRole("form", { name: "新建检查计划" });
  await planForm.getByLabel("计划名称").fill("2024年省级医疗保障基金飞行检查（演示）");
  await planForm.getByLabel("年度").fill("2024");
  await planForm.getByLabel("检查启动方式").selectOption({ label: "举报线索" });
  await planForm.getByLabel("检查时段起").fill("2022-01-01");
  await planForm.getByLabel("检查时段止").fill("2023-12-31");
  await planForm.getByRole("button", { name: "新建计划" }).click();
  await expect(planForm.getByText("检查计划已新建。")).toBeVisible();
  await bureau.getByRole("link", { name: "2024年省级医疗保障基金飞行检查（演示）" }).click();
  await expect(bureau.getByRole("heading", { level: 1, name: "2024年省级医疗保障基金飞行检查（演示）" })).toBeVisible();

  const teamForm = bureau.getByRole("form", { name: "组建检查组" });
  await teamForm.getByLabel("检查组名称").fill("第一检查组");
  await teamForm.getByLabel("被检统筹区").selectOption({ label: "长春市" });
  await teamForm.getByRole("button", { name: "组建检查组" }).click();
  const memberForm = bureau.getByRole("form", { name: "为第一检查组添加成员" });
  await memberForm.getByLabel("人员", { exact: true }).selectOption({ label: "张志强（JL-2024-0001）" });
  await memberForm.getByLabel("组内职务").selectOption({ label: "组长" });
  await memberForm.getByRole("button", { name: "添加成员" }).click();
  await expect(bureau.getByRole("region", { name: "第一检查组" })).toContainText("张志强（组长，执法人员）");

  const targetForm = bureau.getByRole("form", { name: "指定被检机构" });
  await targetForm.getByLabel("被检机构").selectOption({ label: `${HOSPITAL}（H22010100001）` });
  await targetForm.getByLabel("检查组").selectOption({ label: "第一检查组" });
  await targetForm.getByLabel("指定理由").fill("举报线索：疑似串换药品");
  await targetForm.getByRole("button", { name: "确定为被检机构" }).click();
  await expect(bureau.getByRole("row").filter({ hasText: HOSPITAL })).toContainText("已抽取");
  await screenshot(bureau, "skeleton-01-bureau-plan");

  // Before the notice: the hospital and the city bureau see nothing of it.
  for (const account of ["hospital", "city"] as const) {
    const page = await newUserPage(browser, account);
    await expect(page.getByRole("main").getByText(HOSPITAL)).toHaveCount(0);
    await expect(page.getByRole("table")).toHaveCount(0);
  }

  const leader = await newUserPage(browser, "inspector");
  await expect(leader.getByText("请先阅读并签署检查承诺书")).toBeVisible();
  await expect(leader.getByRole("row").filter({ hasText: HOSPITAL })).toHaveCount(0);
  await leader.getByRole("button", { name: "本人已阅读并签署承诺书" }).click();
  await expect(leader.getByText(/已于 .* 签署检查承诺书/)).toBeVisible();
  await expect(leader.getByRole("row").filter({ hasText: HOSPITAL })).toContainText("已抽取");
  await screenshot(leader, "skeleton-02-team-letter");
});
