import { createHash } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, login, newUserPage, screenshot, test } from "../support/fixtures";

const PLAN = "2024年省级医疗保障基金飞行检查（双随机）";
const PARTIES = [
  { name: "省医疗保障局基金监管处", code: "BUREAU", salt: "c0ffee-bureau-salt-7d1e9a4b2f3c5d6e" },
  { name: "驻局纪检监察组", code: "DISCIPLINE", salt: "discipline-salt-3a9f0b7c1d2e4f56" },
] as const;
const DICE = "41526354162534615243";
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** One ceremony on the draw page: both parties commit, the dice digits, a wrong salt refused, both reveal. */
async function holdCeremony(page: Page, shot: string) {
  for (const p of PARTIES) {
    const form = page.getByRole("form", { name: `${p.name}提交承诺值` });
    await form.getByLabel(`${p.name}的承诺值`).fill(sha256(p.salt));
    await form.getByRole("button", { name: "提交承诺值" }).click();
    await expect(page.getByText(`承诺值：${sha256(p.salt)}`)).toBeVisible();
  }
  await expect(page.getByRole("status").filter({ hasText: "下一步：在抽取现场由参会人员掷骰子" })).toBeVisible();
  const entropy = page.getByRole("form", { name: "现场公开随机数" });
  await entropy.getByLabel("公开随机数").fill(DICE);
  await entropy.getByRole("button", { name: "录入公开随机数" }).click();
  await expect(page.getByText(DICE)).toBeVisible();
  await screenshot(page, `${shot}-reveal`);

  const [first, second] = PARTIES;
  const wrong = page.getByRole("form", { name: `${second.name}揭示盐值` });
  await wrong.getByLabel(`${second.name}的盐值`).fill("not-the-committed-salt-000");
  await wrong.getByRole("button", { name: "揭示盐值" }).click();
  await expect(wrong.getByText("盐值与该见证方的承诺值不一致，不予采用。")).toBeVisible();
  for (const p of [first, second]) {
    const form = page.getByRole("form", { name: `${p.name}揭示盐值` });
    await form.getByLabel(`${p.name}的盐值`).fill(p.salt);
    await form.getByRole("button", { name: "揭示盐值" }).click();
    await expect(page.getByText(`已揭示盐值：${p.salt}`)).toBeVisible();
  }
  await expect(page.getByRole("region", { name: "抽取结果" })).toBeVisible();
  await screenshot(page, `${shot}-result`);
}

test("a plan goes from draft through the team draw and a target draw to cases, and its published record verifies on the public page", async ({ browser }) => {
  test.setTimeout(480_000);
  const bureau = await newUserPage(browser, "bureau");
  bureau.on("dialog", (dialog) => dialog.accept());
  await bureau.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "检查计划" }).click();
  const planForm = bureau.getByRole("form", { name: "新建检查计划" });
  await planForm.getByLabel("计划名称").fill(PLAN);
  await planForm.getByLabel("年度").fill("2024");
  await planForm.getByLabel("检查时段起").fill("2022-01-01");
  await planForm.getByLabel("检查时段止").fill("2023-12-31");
  await planForm.getByRole("button", { name: "新建计划" }).click();
  await bureau.getByRole("link", { name: PLAN }).click();
  await expect(bureau.getByText("草稿 · 第 1 版")).toBeVisible();

  // The rules per inspected region, with the Jilin defaults in the form; 吉林市 narrowed for a short test.
  const regionForm = bureau.getByRole("form", { name: "添加或修改被检统筹区的抽取规则" });
  for (const region of ["吉林市（220200）", "四平市（220300）", "辽源市（220400）"]) {
    await regionForm.getByLabel("被检统筹区").selectOption({ label: region });
    if (region.startsWith("吉林市")) {
      await regionForm.getByLabel("范围数值").fill("10");
      await regionForm.getByLabel("抽取医疗机构家数").fill("2");
      await regionForm.getByLabel("抽取药店家数").fill("1");
    }
    await regionForm.getByRole("button", { name: "保存抽取规则" }).click();
    // The form starts again from the defaults once saved.
    await expect(regionForm.getByLabel("被检统筹区")).toHaveValue("");
  }
  const rules = bureau.getByRole("table", { name: "被检统筹区及抽取规则" });
  await expect(rules.getByRole("row").filter({ hasText: "吉林市" })).toContainText("基金用量前 10 名中抽取 2 家");
  await expect(rules.getByRole("row").filter({ hasText: "四平市" })).toContainText("基金用量前 30 名中抽取 3 家");

  const designate = bureau.getByRole("form", { name: "指定检查对象" });
  await designate.getByLabel("被检统筹区").selectOption({ label: "吉林市" });
  // Hundreds of institutions per region: the clerk types part of a name and chooses from what the server finds.
  const institution = designate.getByRole("combobox", { name: "指定机构" });
  await institution.fill("医院");
  await expect(designate.getByRole("listbox", { name: "指定机构" }).getByRole("option").first()).toBeVisible();
  await institution.press("Enter");
  const designated = (await institution.inputValue()).replace(/（.*$/, "");
  await designate.getByLabel("指定理由").fill("举报线索：疑似虚记诊疗项目");
  await designate.getByRole("button", { name: "确定为指定检查对象" }).click();
  await expect(rules.getByRole("row").filter({ hasText: "吉林市" })).toContainText("举报线索：疑似虚记诊疗项目");

  const participating = bureau.getByRole("form", { name: "参检统筹区" });
  for (const region of ["吉林市（220200）", "四平市（220300）", "辽源市（220400）"]) {
    await participating.getByLabel("参检统筹区").selectOption({ label: region });
    await participating.getByRole("button", { name: "添加参检统筹区" }).click();
    await expect(participating.getByLabel("参检统筹区")).toHaveValue("");
    await expect(bureau.getByRole("region", { name: "参检统筹区" }).getByRole("listitem").filter({ hasText: region.replace(/（.*/, "") })).toBeVisible();
  }
  const partyForm = bureau.getByRole("form", { name: "添加见证方" });
  for (const p of PARTIES) {
    await partyForm.getByLabel("见证方名称").fill(p.name);
    await partyForm.getByLabel("见证方代码").fill(p.code);
    await partyForm.getByRole("button", { name: "添加见证方" }).click();
    await expect(partyForm.getByLabel("见证方名称")).toHaveValue("");
    await expect(bureau.getByRole("region", { name: "抽取见证方" }).getByText(p.code, { exact: true })).toBeVisible();
  }
  await screenshot(bureau, "draw-01-plan-draft");
  await bureau.getByRole("button", { name: "发布计划" }).click();
  await expect(bureau.getByText("已发布 · 第 1 版")).toBeVisible();
  await expect(bureau.getByRole("form", { name: "添加见证方" })).toHaveCount(0);

  // The team draw at the provincial kickoff.
  await bureau.getByRole("button", { name: "固定检查组抽取清单" }).click();
  await expect(bureau.getByRole("heading", { level: 1, name: "检查组抽取（交叉分组及专家、第三方人员）" })).toBeVisible();
  await expect(bureau.getByLabel("抽取清单哈希值")).toHaveText(/^[0-9a-f]{64}$/);
  await screenshot(bureau, "draw-02-team-manifest");
  await holdCeremony(bureau, "draw-03-team");
  // One team per inspected region, never inspected by itself.
  const groupRows = bureau.getByRole("table", { name: "交叉分组及抽取人员" }).getByRole("row");
  await expect(groupRows).toHaveCount(4);
  for (let i = 1; i < 4; i += 1) {
    const cells = groupRows.nth(i).getByRole("cell");
    expect(await cells.nth(0).innerText()).not.toBe(await cells.nth(1).innerText());
  }
  await bureau.getByRole("link", { name: "返回检查计划" }).click();

  // The bureau names the team's law-enforcement staff; the target draw needs two.
  const team = bureau.getByRole("region", { name: /检查吉林市/ });
  await expect(team).toContainText("本组现有执法人员 0 名");
  for (const [person, role] of [["张志强（JL-2024-0001）", "组长"], ["王立新（JL-2024-0002）", "组员"]] as const) {
    const form = team.getByRole("form", { name: /添加成员/ });
    await form.getByLabel("人员", { exact: true }).selectOption({ label: person });
    await form.getByLabel("组内职务").selectOption({ label: role });
    await form.getByRole("button", { name: "添加成员" }).click();
    await expect(form.getByLabel("人员", { exact: true })).toHaveValue("");
    await expect(team).toContainText(`${person.replace(/（.*/, "")}（${role}，执法人员）`);
  }

  // Every member signs the commitment letter before the visit: drawn experts without an account on paper,
  // recorded by the bureau; the second inspector on the team portal.
  const paper = team.getByRole("button", { name: "登记纸质承诺书" });
  for (let left = await paper.count(); left > 0; left -= 1) {
    await paper.first().click();
    await expect(paper).toHaveCount(left - 1);
  }
  await screenshot(bureau, "draw-03b-plan-teams");
  const member = await (await browser.newContext()).newPage();
  // The demo's second inspector (prisma/seed/draw-demo.ts).
  await login(member, "inspector2");
  await member.getByRole("listitem").filter({ hasText: "检查吉林市" }).getByRole("button", { name: "本人已阅读并签署承诺书" }).click();
  await expect(member.getByText(/已于 .* 签署检查承诺书/)).toBeVisible();

  // The team's own kickoff in 吉林市: its targets are drawn there and then.
  await rules.getByRole("row").filter({ hasText: "吉林市" }).getByRole("button", { name: "固定被检机构抽取清单" }).click();
  await expect(bureau.getByRole("heading", { level: 1, name: "吉林市被检机构抽取" })).toBeVisible();
  await expect(bureau.getByRole("table", { name: "指定及除外情况" })).toContainText("举报线索：疑似虚记诊疗项目");
  const manifestHash = (await bureau.getByLabel("抽取清单哈希值").textContent())!;
  await holdCeremony(bureau, "draw-04-targets");
  const targets = bureau.getByRole("table", { name: "被检机构" });
  await expect(targets.getByRole("row").filter({ hasText: designated })).toContainText("指定检查（医疗机构）");
  await expect(targets).toContainText("“回头看”");
  await expect(targets).toContainText("医保经办机构");
  const resultHash = (await bureau.getByLabel("结果哈希值（现场宣读）").textContent())!;
  const drawId = bureau.url().split("/").pop()!;
  await expect(bureau.getByText("检查通知书全部送达后，抽取记录向社会公开")).toBeVisible();

  // Before the notices, the public learns nothing but the hash and the commitments.
  const visitor = await (await browser.newContext()).newPage();
  expect((await visitor.request.get(`/api/draws/${drawId}/record`)).status()).toBe(404);
  // The public facts are the registry's draw.get, at /api/v1 and at the address published before it.
  for (const address of [`/api/v1/draws/${drawId}`, `/api/draws/${drawId}`]) {
    const announced = await (await visitor.request.get(address)).json();
    expect(announced).toMatchObject({ ok: true, data: { manifestHash, published: false, resultHash: null } });
  }
  await visitor.goto(`/draws/verify?record=${drawId}`);
  await expect(visitor.getByText(`未找到编号为 ${drawId} 的公开抽取记录`)).toBeVisible();

  // The leader signs the commitment letter, then sees the team's cases and delivers each notice on arrival.
  const drawnNames = (await targets.getByRole("row").evaluateAll((rows) => rows.slice(1).map((r) => r.children[1]!.textContent!.trim()))).filter(Boolean);
  expect(drawnNames.length).toBeGreaterThanOrEqual(5);
  const leader = await newUserPage(browser, "inspector");
  leader.on("dialog", (dialog) => dialog.accept());
  for (const name of drawnNames) await expect(leader.getByRole("link", { name, exact: true })).toHaveCount(0);
  await leader.getByRole("listitem").filter({ hasText: "检查吉林市" }).getByRole("button", { name: "本人已阅读并签署承诺书" }).click();
  await expect(leader.getByRole("link", { name: drawnNames[0]!, exact: true })).toBeVisible();
  await screenshot(leader, "draw-05-team-cases");
  const hrefs = await Promise.all(drawnNames.map((name) => leader.getByRole("link", { name, exact: true }).getAttribute("href")));
  for (const [i, href] of hrefs.entries()) {
    await leader.goto(href!);
    const notice = leader.getByRole("form", { name: "送达检查通知书" });
    await notice.getByLabel("通知书文号").fill(`吉医保飞检〔2024〕${i + 11}号`);
    await notice.getByLabel("签收人姓名").fill("刘主任");
    await notice.getByLabel("签收人职务").fill("负责人");
    // 条例 art. 29: both law-enforcement staff present (issue 12 §6).
    await notice.getByLabel(/张志强/).check();
    await notice.getByLabel(/王立新/).check();
    await notice.getByRole("button", { name: "送达检查通知书" }).click();
    await expect(leader.getByTestId("case-state")).toHaveText("已送达通知书");
  }

  // Once every notice is delivered the record is public and verifies in the visitor's browser.
  await visitor.goto(`/draws/verify?record=${drawId}`);
  await visitor.getByLabel("会前公布的清单哈希值").fill(manifestHash);
  await visitor.getByLabel("现场宣读的结果哈希值").fill(resultHash);
  await expect(visitor.getByRole("status")).toContainText("核验通过");
  await expect(visitor.getByText("清单哈希值与会前公布的数值一致。")).toBeVisible();
  await screenshot(visitor, "draw-06-public-verify");
  await bureau.reload();
  await expect(bureau.getByRole("link", { name: "抽取记录已公开，在公开核验页面核验" })).toBeVisible();

  // The public draw record publishes no tip-off (ADR 019); the bureau's full record, its own download, does.
  const publicText = await (await visitor.request.get(`/api/draws/${drawId}/record`)).text();
  expect(publicText).not.toContain("举报线索");
  expect(publicText).not.toContain('"fundUsage"');
  expect((await visitor.request.get(`/api/draws/${drawId}/full-record`)).status()).toBe(404);
  const fullText = await (await bureau.request.get(`/api/draws/${drawId}/full-record`)).text();
  expect(fullText).toContain("举报线索：疑似虚记诊疗项目");
});

test("city, institution and team users are refused the bureau's plans and draws (403)", async ({ browser }) => {
  for (const account of ["city", "hospital", "inspector"] as const) {
    const page = await newUserPage(browser, account);
    expect((await page.goto("/bureau/plans"))?.status(), account).toBe(403);
    expect((await page.request.get("/api/draws/00000000-0000-4000-8000-000000000000/manifest")).status(), account).toBe(404);
  }
});
