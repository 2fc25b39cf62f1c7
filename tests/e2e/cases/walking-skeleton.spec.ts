import { expect, login, newUserPage, screenshot, test } from "../support/fixtures";

const HOSPITAL = "长春市示例第一人民医院（演示）";
/** A due date, or one waiting for a year's holiday arrangement (lib/server/cases/deadlines.ts). */
const DEADLINE = /^(\d{4}年\d{1,2}月\d{1,2}日|待日历确认（\d{4} 年节假日安排）)$/;

test("one case from plan to closing, each user in their own portal, with deadlines and the audit trail", async ({ browser }) => {
  test.setTimeout(300_000);
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
  // 条例 art. 29: a second law-enforcement member, so that the notice can be delivered with two present.
  await memberForm.getByLabel("人员", { exact: true }).selectOption({ label: "王立新（JL-2024-0002）" });
  await memberForm.getByLabel("组内职务").selectOption({ label: "组员" });
  await memberForm.getByRole("button", { name: "添加成员" }).click();
  await expect(bureau.getByRole("region", { name: "第一检查组" })).toContainText("王立新（组员，执法人员）");
  // Cases exist only under a published plan: the bureau publishes it, then names the target.
  await expect(bureau.getByRole("form", { name: "指定被检机构" })).toHaveCount(0);
  bureau.once("dialog", (dialog) => dialog.accept());
  await bureau.getByRole("button", { name: "发布计划" }).click();
  await expect(bureau.getByText("已发布 · 第 1 版")).toBeVisible();

  const targetForm = bureau.getByRole("form", { name: "指定被检机构" });
  await targetForm.getByLabel("被检机构").selectOption({ label: `${HOSPITAL}（H22010100001）` });
  await targetForm.getByLabel("检查组").selectOption({ label: "第一检查组" });
  await targetForm.getByLabel("指定理由").fill("举报线索：疑似串换药品");
  await targetForm.getByRole("button", { name: "确定为被检机构" }).click();
  await expect(bureau.getByRole("row").filter({ hasText: HOSPITAL })).toContainText("指定检查");
  await screenshot(bureau, "skeleton-01-bureau-plan");

  // Before the notice: the hospital and the city bureau see nothing of it, not even by its address (404).
  const caseHref = await bureau.getByRole("link", { name: HOSPITAL }).getAttribute("href");
  const caseId = caseHref!.split("/").pop()!;
  for (const [account, portal] of [["hospital", "institution"], ["city", "city"]] as const) {
    const page = await newUserPage(browser, account);
    await expect(page.getByRole("main").getByText(HOSPITAL)).toHaveCount(0);
    await expect(page.getByRole("table")).toHaveCount(0);
    expect((await page.goto(`/${portal}/cases/${caseId}`))?.status()).toBe(404);
    expect((await page.goto(`/${portal}/cases/00000000-0000-4000-8000-000000000000`))?.status()).toBe(404);
  }

  const leader = await newUserPage(browser, "inspector");
  await expect(leader.getByText("请先阅读并签署检查承诺书")).toBeVisible();
  await expect(leader.getByRole("row").filter({ hasText: HOSPITAL })).toHaveCount(0);
  await leader.getByRole("button", { name: "本人已阅读并签署承诺书" }).click();
  await expect(leader.getByText(/已于 .* 签署检查承诺书/)).toBeVisible();
  const member = await (await browser.newContext()).newPage();
  await login(member, "inspector2");
  await member.getByRole("button", { name: "本人已阅读并签署承诺书" }).click();
  await expect(member.getByText(/已于 .* 签署检查承诺书/)).toBeVisible();
  await expect(leader.getByRole("row").filter({ hasText: HOSPITAL })).toContainText("指定检查");
  await screenshot(leader, "skeleton-02-team-letter");

  // The team delivers the notice on arrival, records a finding with evidence and signs the problem record.
  leader.on("dialog", (dialog) => dialog.accept());
  await leader.getByRole("link", { name: HOSPITAL }).click();
  const notice = leader.getByRole("form", { name: "送达检查通知书" });
  await notice.getByLabel("通知书文号").fill("吉医保飞检〔2024〕1号");
  await notice.getByLabel("签收人姓名").fill("刘院长");
  await notice.getByLabel("签收人职务").fill("院长");
  await notice.getByLabel(/张志强/).check();
  await notice.getByLabel(/王立新/).check();
  await notice.getByRole("button", { name: "送达检查通知书" }).click();
  await expect(leader.getByTestId("case-state")).toHaveText("已送达通知书");
  await leader.getByRole("button", { name: "开始现场检查" }).click();
  await expect(leader.getByTestId("case-state")).toHaveText("现场检查中");

  const finding = leader.getByRole("form", { name: "记录问题" });
  await finding.getByLabel("违规类型").selectOption({ label: "串换药品、医用耗材、诊疗项目和服务设施" });
  await finding.getByLabel("重点领域").selectOption({ label: "骨科" });
  await finding.getByLabel("问题描述").fill("将自费骨科耗材串换为医保目录内耗材结算");
  await finding.getByLabel("违规金额（元）").fill("12.345");
  await finding.getByRole("button", { name: "记录问题" }).click();
  await expect(finding.getByText("金额最多保留两位小数。")).toBeVisible();
  await finding.getByLabel("违规金额（元）").fill("12345.60");
  await finding.getByRole("button", { name: "记录问题" }).click();
  await expect(leader.getByRole("table", { name: "问题清单" })).toContainText("¥12,345.60");

  const upload = leader.getByRole("form", { name: "上传证据材料" });
  await upload.getByLabel("证据类型").selectOption({ label: "拍照" });
  await upload.getByLabel("证据文件").setInputFiles({ name: "program.exe", mimeType: "application/x-msdownload", buffer: Buffer.from("MZ") });
  await upload.getByRole("button", { name: "上传证据材料" }).click();
  await expect(upload.getByText("不支持该文件类型", { exact: false }).first()).toBeVisible();
  const photo = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
  await upload.getByLabel("证据类型").selectOption({ label: "拍照" });
  await upload.getByLabel("证据文件").setInputFiles({ name: "耗材出库单.png", mimeType: "image/png", buffer: photo });
  await upload.getByRole("button", { name: "上传证据材料" }).click();
  await expect(leader.getByRole("link", { name: "耗材出库单.png" })).toBeVisible();
  await expect(leader.getByText(/SHA-256 [0-9a-f]{64}/)).toBeVisible();
  await leader.getByRole("button", { name: "检查组签字确认现场问题记录" }).click();
  await expect(leader.getByText(/检查组：张志强/)).toBeVisible();
  await expect(leader.getByTestId("case-awaiting")).toHaveText("检查组已签字，等待被检机构签字确认现场问题记录。");
  await screenshot(leader, "skeleton-03-team-findings");

  // Now that the notice is delivered, the institution sees its case and signs in its own portal.
  const hospital = await newUserPage(browser, "hospital");
  hospital.on("dialog", (dialog) => dialog.accept());
  await hospital.getByRole("link", { name: HOSPITAL }).click();
  await expect(hospital.getByRole("table", { name: "问题清单" })).toContainText("¥12,345.60");
  await hospital.getByRole("button", { name: "被检机构签字确认现场问题记录" }).click();
  await expect(hospital.getByTestId("case-state")).toHaveText("问题记录已签字");
  await expect(hospital.getByTestId("case-awaiting")).toHaveText("现场问题记录已经双方签字，等待检查组撰写反馈报告并移交属地。");
  await screenshot(hospital, "skeleton-04-institution-signed");

  await leader.reload();
  const feedback = leader.getByRole("form", { name: "撰写反馈报告" });
  await feedback.getByLabel("反馈报告").fill("检查发现串换耗材问题一项，涉及金额12345.60元，移交属地处理。");
  await feedback.getByRole("button", { name: "撰写反馈报告" }).click();
  await leader.getByRole("form", { name: "移交属地医保部门" }).getByRole("button", { name: "移交属地医保部门" }).click();
  await expect(leader.getByTestId("case-state")).toHaveText("已移交属地");

  // The city bureau sees the case and its 30-working-day deadline. From late November that deadline reaches a
  // year whose holiday arrangement is not entered yet: the handover still goes ahead and the deadline waits for
  // the year (issue 12; tests/e2e/journeys/bureau.spec.ts has the administrator enter it).
  const city = await newUserPage(browser, "city");
  const row = city.getByRole("row").filter({ hasText: HOSPITAL });
  await expect(row).toContainText("已移交属地");
  await expect(row).toContainText(/剩余 \d+ 个工作日|待日历确认（\d{4} 年节假日安排）/);
  await row.getByRole("link", { name: HOSPITAL }).click();
  await expect(city.getByTestId("progress-deadline")).toHaveText(DEADLINE);
  await screenshot(city, "skeleton-05-city-deadline");
  const report = city.getByRole("form", { name: "报送处理整改进展" });
  await report.getByLabel("整改进展情况").fill("已约谈医院负责人，追回违规金额12345.60元，整改进行中。");
  await report.getByLabel("报告文件").setInputFiles({ name: "整改进展报告.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n") });
  await report.getByRole("button", { name: "报送处理整改进展" }).click();
  await expect(city.getByTestId("report-status")).toHaveText("待审核");

  // The bureau sees the whole timeline with its audit trail.
  await bureau.goto("/bureau");
  await bureau.getByRole("link", { name: HOSPITAL }).click();
  const timeline = bureau.getByRole("list", { name: "办理记录" });
  for (const step of ["确定被检机构", "送达检查通知书", "开始现场检查", "记录问题", "上传证据材料", "检查组签字", "被检机构签字", "撰写反馈报告", "移交属地医保部门", "报送处理整改进展"]) {
    await expect(timeline).toContainText(step);
  }
  await bureau.getByRole("button", { name: "审核通过" }).click();
  await expect(bureau.getByTestId("report-status")).toHaveText("审核通过");
  await expect(timeline).toContainText("整改进展报告审核通过");
  await screenshot(bureau, "skeleton-06-bureau-timeline");

  // Handling (Liuzhou plan §四(三)): the plan takes no appeals, so the city issues the confirmation notice at once.
  await city.reload();
  const confirmation = city.getByRole("form", { name: "下达违规金额确认通知" });
  await confirmation.getByLabel("文书编号").fill("长医保稽确〔2024〕1号");
  await expect(confirmation.getByText("不填写则按问题清单合计 12345.60 元下达。")).toBeVisible();
  await confirmation.getByRole("button", { name: "下达违规金额确认通知" }).click();
  await expect(city.getByTestId("confirmed-amount")).toHaveText("¥12,345.60");

  await hospital.reload();
  await expect(hospital.getByTestId("case-awaiting")).toHaveCount(0);
  await hospital.getByRole("button", { name: "回复确认函" }).click();
  await expect(hospital.getByTestId("case-state")).toHaveText("违规金额已确认");

  await city.reload();
  const refundNotice = city.getByRole("form", { name: "下达清退通知" });
  await refundNotice.getByLabel("清退账户（原医保基金账户）").fill("长春市医疗保障基金收入户");
  await refundNotice.getByRole("button", { name: "下达清退通知" }).click();
  await expect(city.getByText("长春市医疗保障基金收入户")).toBeVisible();
  // The progress report is in and accepted: it is no longer offered.
  await expect(city.getByRole("form", { name: "报送处理整改进展" })).toHaveCount(0);

  // The institution pays back by transfer and uploads its voucher; a refund above what is owed is refused.
  await hospital.reload();
  const refund = hospital.getByRole("form", { name: "登记清退款项" });
  await refund.getByLabel("清退金额（元）").fill("20000");
  await refund.getByLabel("清退凭证").setInputFiles({ name: "转账凭证.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n") });
  await refund.getByRole("button", { name: "登记清退款项" }).click();
  await expect(refund.getByText("清退金额累计不得超过确认的违规金额。")).toBeVisible();
  await refund.getByLabel("清退金额（元）").fill("12345.60");
  await refund.getByRole("button", { name: "登记清退款项" }).click();
  await expect(hospital.getByRole("table", { name: "清退款项" })).toContainText("转账凭证.pdf");
  await screenshot(hospital, "skeleton-07-institution-refund");

  await city.reload();
  await city.getByRole("button", { name: "确认清退完毕" }).click();
  await expect(city.getByTestId("case-state")).toHaveText("已清退");
  const end = city.getByRole("form", { name: "处理完结" });
  await end.getByLabel("处理金额（元）").fill("12345.60");
  await end.getByRole("button", { name: "处理完结" }).click();
  await expect(city.getByTestId("case-state")).toHaveText("整改中");
  await expect(city.getByTestId("written-deadline")).toHaveText(DEADLINE);
  const written = city.getByRole("form", { name: "报送书面整改报告" });
  await written.getByLabel("处理整改情况").fill("违规金额已全额清退，医院已修订耗材管理制度并完成培训。");
  await written.getByLabel("报告文件").setInputFiles({ name: "书面整改报告.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n") });
  await written.getByRole("button", { name: "报送书面整改报告" }).click();
  await expect(city.getByTestId("case-awaiting")).toHaveText("书面整改报告已报送，等待省医保局审核。");
  await screenshot(city, "skeleton-08-city-written-report");

  // The bureau accepts the written report and closes the case; the trail has every step.
  bureau.on("dialog", (dialog) => dialog.accept());
  await bureau.reload();
  await bureau.getByRole("form", { name: "整改验收通过" }).getByRole("button", { name: "整改验收通过" }).click();
  await expect(bureau.getByTestId("case-state")).toHaveText("整改已验收");
  await bureau.getByRole("button", { name: "结案" }).click();
  await expect(bureau.getByTestId("case-state")).toHaveText("已结案");
  for (const step of ["下达违规金额确认通知", "确认违规金额", "下达违规金额清退通知", "登记清退款项", "确认清退完毕", "办结处理", "报送整改书面报告", "验收整改", "结案"]) {
    await expect(timeline).toContainText(step);
  }
  await screenshot(bureau, "skeleton-09-bureau-closed");
});
