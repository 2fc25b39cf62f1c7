import { expect, newUserPage, test } from "../support/fixtures";
import { createCase } from "../support/scenario";

// Issue 12 §4: the institution could sign the on-site record while the team was still recording, freezing it, and
// saw the team's unsigned draft findings live. The team signs first; the institution then signs what it was shown.
test.describe("institution: the on-site record is signed by the team first (issue 12 §4)", () => {
  test("the hospital sees no draft findings and cannot sign until the team signs; then it sees the record and signs it", async ({ browser }) => {
    test.setTimeout(120_000);
    const scenario = createCase("FINDINGS_RECORDED", { findings: 2 });
    const hospital = await newUserPage(browser, "hospital");
    hospital.on("dialog", (dialog) => dialog.accept());
    await hospital.goto(`/institution/cases/${scenario.caseId}`);
    await expect(hospital.getByText("检查组签字确认前，现场问题记录及证据不向被检机构和属地医保部门公开。").first()).toBeVisible();
    await expect(hospital.getByText("将自费耗材串换为目录内耗材结算")).toHaveCount(0);
    await expect(hospital.getByRole("form", { name: "被检机构签字确认现场问题记录" })).toHaveCount(0);

    // The leader, in another browser, signs for the team.
    const leader = await newUserPage(browser, "inspector");
    leader.on("dialog", (dialog) => dialog.accept());
    await leader.goto(`/team/cases/${scenario.caseId}`);
    await leader.getByRole("form", { name: "检查组签字确认现场问题记录" }).getByRole("button", { name: "检查组签字确认现场问题记录" }).click();
    await expect(leader.getByText(/检查组：张志强/)).toBeVisible();
    // Nothing can be added once the team has signed.
    await expect(leader.getByRole("form", { name: "记录问题" })).toHaveCount(0);
    await expect(leader.getByRole("form", { name: "上传证据材料" })).toHaveCount(0);

    await hospital.reload();
    await expect(hospital.getByTestId("finding-row")).toHaveCount(2);
    await expect(hospital.getByTestId("findings-total")).toHaveText(/3,001\.00/);
    await hospital.getByRole("form", { name: "被检机构签字确认现场问题记录" }).getByRole("button", { name: "被检机构签字确认现场问题记录" }).click();
    await expect(hospital.getByTestId("case-state")).toHaveText(/现场问题记录已签字|已签字/);
    await expect(hospital.getByText(/被检机构：陈晓燕/)).toBeVisible();
  });
});
