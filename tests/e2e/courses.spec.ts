import { expect, test, type Page } from "@playwright/test";
import { login, switchUser } from "./support";

// am50 (demo-am-00050, fourth branch, 初级 → the foundation tier) starts with only assigned
// required courses; other specs use branches 1–3, so this one may change their records.

async function requiredHours(page: Page) {
  const text = (await page.getByTestId("required-hours").textContent()) ?? "";
  const [, done, total] = text.match(/已完成 ([\d.]+) \/ ([\d.]+) 学时/)!;
  return { done: Number(done), total: Number(total) };
}

test.describe.serial("curricula", () => {
  test("an account manager sees their tier's required courses, enrols in an elective and sees recommendations", async ({ page }) => {
    await login(page, "am50@eagle.test");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "我的课程" }).click();
    await expect(page.getByRole("heading", { name: "我的课程" })).toBeVisible();
    await expect(page.getByText("基础层（见习、初级）课程体系")).toBeVisible();
    const before = await requiredHours(page);
    expect(before.done).toBe(0);
    expect(before.total).toBeGreaterThan(0);
    await expect(page.getByTestId("required-courses").getByText("职业道德与合规")).toBeVisible();

    const electives = page.getByTestId("electives");
    const first = electives.locator("li").first();
    const title = (await first.locator("p.font-medium").textContent())!.replace(/\s+\S+$/, "").trim();
    await first.getByRole("button", { name: "报名" }).click();
    await expect(page.getByTestId("my-electives")).toContainText(title);
    await expect(page.getByTestId("my-electives")).toContainText("待学习");

    const recommendations = page.getByTestId("recommendations");
    await expect(recommendations.locator("li").first()).toContainText(/提升：.+（差距 \d+\.\d）/);
  });

  test("HR records a completion on the roster and the learner's hours bar moves", async ({ page }) => {
    await switchUser(page, "am50@eagle.test");
    await page.goto("/me/courses");
    const before = await requiredHours(page);

    await switchUser(page, "hr@eagle.test");
    await page.goto("/hr/courses?q=职业道德与合规");
    await page.getByTestId("course-row-F-PRO-01").getByRole("link", { name: "登记完成" }).click();
    const row = page.getByTestId("roster-300050");
    await row.getByRole("checkbox").check();
    const hours = Number(await row.getByLabel(/学时/).inputValue());
    await row.getByLabel(/考试成绩/).fill("101");
    await page.getByRole("button", { name: "登记完成" }).click();
    await expect(page.locator("form [role=alert]")).toContainText("考试成绩必须在 0–100 之间");
    await page.getByTestId("roster-300050").getByRole("checkbox").check();
    await page
      .getByTestId("roster-300050")
      .getByLabel(/考试成绩/)
      .fill("92");
    await page.getByRole("button", { name: "登记完成" }).click();
    await expect(page.locator("form [role=status]")).toContainText("已登记 1 人完成");

    await switchUser(page, "am50@eagle.test");
    await page.goto("/me/courses");
    const after = await requiredHours(page);
    expect(after.total).toBe(before.total);
    expect(after.done).toBe(before.done + hours);
    await expect(page.getByTestId("course-F-PRO-01")).toContainText("已完成");
  });

  test("HR imports a completion file: 检查文件, then 确认导入 sends the same file and the learner's course is done", async ({ page }) => {
    await switchUser(page, "am50@eagle.test");
    await page.goto("/me/courses");
    const before = await requiredHours(page);
    await expect(page.getByTestId("course-F-PRO-02")).not.toContainText("已完成");

    await switchUser(page, "hr@eagle.test");
    await page.goto("/hr/courses/import");
    const day = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel("完成记录文件（.xlsx 或 .csv）").setInputFiles({
      name: "完成记录.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`工号,课程编号,完成日期,学时,考试成绩\n300050,F-PRO-02,${day},8,88\n`),
    });
    const form = page.getByTestId("completion-import");
    await form.getByRole("button", { name: "检查文件" }).click();
    await expect(form.getByRole("status")).toContainText("检查通过：共 1 行");
    page.once("dialog", (dialog) => dialog.accept());
    await form.getByRole("button", { name: "确认导入 1 条" }).click();
    await expect(form.getByRole("status")).toContainText("已导入 1 条完成记录");
    await expect(form.getByRole("button", { name: /确认导入/ })).toHaveCount(0);

    await switchUser(page, "am50@eagle.test");
    await page.goto("/me/courses");
    await expect(page.getByTestId("course-F-PRO-02")).toContainText("已完成");
    expect((await requiredHours(page)).done).toBe(before.done + 8);
  });

  test("HR sees the tier × category matrix, creates a course after fixing bad input, and retires it", async ({ page }) => {
    await login(page, "hr@eagle.test");
    await page.goto("/hr/courses");
    await expect(page.getByTestId("matrix-FOUNDATION-PROFESSIONALISM")).toContainText("职业道德与合规");
    await page.getByRole("link", { name: "新增课程" }).click();
    await page.getByLabel("课程编号").fill("F-SKI-09");
    await page.getByLabel("课程名称").fill("电话营销演练");
    await page.getByLabel("课程介绍").fill("通过情景模拟练习对公客户电话约访的开场、需求探询与异议处理。");
    await page.getByLabel("学时").fill("0");
    await page.getByLabel("沟通表达").check();
    await page.getByRole("button", { name: "保存课程" }).click();
    await expect(page.getByText("学时必须大于 0")).toBeVisible();
    await expect(page.getByLabel("课程名称")).toHaveValue("电话营销演练");
    await page.getByLabel("学时").fill("4");
    await page.getByRole("button", { name: "保存课程" }).click();
    await expect(page).toHaveURL(/\/hr\/courses$/);
    await page.goto("/hr/courses?q=F-SKI-09");
    await page.getByTestId("course-row-F-SKI-09").getByRole("link", { name: "编辑" }).click();
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "停用课程" }).click();
    await expect(page.getByText("课程已停用，历史学习记录保留")).toBeVisible();
    await page.goto("/hr/courses?q=F-SKI-09");
    await expect(page.getByTestId("course-row-F-SKI-09")).toContainText("已停用");
  });

  test("HR's completion report downloads as XLSX; a branch head sees their team's learning", async ({ page }) => {
    await login(page, "hr@eagle.test");
    await page.goto("/hr/courses/report");
    await expect(page.getByTestId("report-tier")).toContainText("基础层");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "导出 XLSX" }).first().click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

    await switchUser(page, "head4@eagle.test");
    await page.goto("/branch/courses");
    await expect(page.getByTestId("team-learning")).toBeVisible();
    const response = await page.goto("/hr/courses/report/export?part=tier&format=xlsx");
    expect(response?.status()).toBe(404);
  });
});
