import { expect, test, type Page } from "@playwright/test";
import { login, switchUser } from "./support";

// The skills contest on the demo data (prisma/seed/contest.ts): the 2026 contest's pitch
// (个人营销技能展示) is open; the external judges have scored, head1 (城东支行) and head2 (城西支行)
// have not. am36 (工号 300036) and am37 (300037) are in the third branch, so both may score them.
// am1, the 2026Q2 review's 初级 → 中级 candidate, was in 2025's winning team.
// This file runs before the area specs (playwright.config.ts): it edits the 2026Q2 review's
// quotas, which review.spec.ts later commits, and puts them back as they were.
const AM36 = "demo-am-00036";
const AM1 = "demo-am-00001";
const TABLET = { width: 820, height: 1180 };

async function scoreOnTablet(page: Page, who: string, scores: [string, string][]) {
  await page.setViewportSize(TABLET);
  await switchUser(page, who);
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "比赛评分" }).click();
  await page.getByRole("link", { name: /个人营销技能展示/ }).click();
  await expect(page.getByRole("heading", { name: "评分：个人营销技能展示" })).toBeVisible();
  const sheet = page.getByTestId("judge-sheet");
  // The judge's own branch is left out of the sheet altogether.
  await expect(page.getByText(/本支行的 \d+ 个参赛人员已回避/)).toBeVisible();
  for (const [employeeNo, score] of scores) {
    const row = sheet.locator('[data-testid^="judge-row-"]').filter({ hasText: `工号 ${employeeNo}` });
    await row.getByLabel(/分数（满分 100）/).fill(score);
    await row.getByRole("button", { name: /^提交/ }).click();
    await expect(row.getByTestId("my-score")).toContainText(score);
    await expect(row.getByRole("button", { name: /^提交/ })).toHaveCount(0);
  }
  // No sideways scrolling on the tablet.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test.describe.serial("skills contest: judges score, HR locks, ranks and awards", () => {
  // Several sign-ins and saves per test on a shared machine.
  test.setTimeout(90_000);

  test("HR opens the 2026 contest and adjusts the pitch's date", async ({ page }) => {
    await login(page, "hr@eagle.test");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "技能大比拼" }).click();
    await page.getByRole("link", { name: /打开.*2026年业务技能大比拼/ }).click();
    await expect(page.getByRole("heading", { name: "2026年业务技能大比拼" })).toBeVisible();
    await expect(page.getByTestId("event-status-PITCH")).toHaveText("进行中");
    await expect(page.getByTestId("event-status-KNOWLEDGE_TEST")).toContainText("已锁定");
    await page.getByLabel("比赛日期（个人营销技能展示）").fill("2026-11-27");
    await page.getByRole("button", { name: /保存.*个人营销技能展示的设置/ }).click();
    await expect(page.getByText("已保存「个人营销技能展示」的设置")).toBeVisible();
  });

  test("head1 scores two entrants of another branch on a tablet", async ({ page }) => {
    await scoreOnTablet(page, "head1@eagle.test", [
      ["300036", "99"],
      ["300037", "60"],
    ]);
    await expect(page.getByTestId("judge-sheet").getByText("城东支行")).toHaveCount(0);
  });

  test("head2 scores the same two on a tablet", async ({ page }) => {
    await scoreOnTablet(page, "head2@eagle.test", [
      ["300036", "98"],
      ["300037", "61"],
    ]);
    await expect(page.getByTestId("judge-sheet").getByText("城西支行")).toHaveCount(0);
  });

  test("HR locks the pitch; the ranking shows am36 first with the mean of four judges", async ({ page }) => {
    await login(page, "hr@eagle.test");
    await page.goto("/hr/contest");
    await page.getByRole("link", { name: /打开.*2026年业务技能大比拼/ }).click();
    await page.getByRole("button", { name: "锁定个人营销技能展示" }).click();
    const dialog = page.getByRole("dialog", { name: "确认锁定「个人营销技能展示」？" });
    await dialog.getByRole("button", { name: "确认锁定" }).click();
    await expect(page.getByTestId("event-status-PITCH")).toContainText("已锁定");

    await page.getByRole("link", { name: "排名与颁奖" }).click();
    await page.getByRole("link", { name: "个人营销技能展示", exact: true }).click();
    const rows = page.getByTestId("ranking-PITCH").getByTestId("ranking-row");
    // (95 + 96 + 99 + 98) / 4 = 97; am37: (70 + 72 + 60 + 61) / 4 = 65.75
    await expect(rows.first()).toContainText("300036");
    await expect(rows.first()).toContainText("97");
    const am37 = rows.filter({ hasText: "300037" });
    await expect(am37).toContainText("65.75");
    const texts = await rows.allTextContents();
    expect(texts.findIndex((t) => t.includes("300036"))).toBeLessThan(texts.findIndex((t) => t.includes("300037")));

    // Grant the pitch's first prize to the winner.
    const winner = (await rows.first().locator("td").nth(1).locator("span.font-medium").textContent())!.trim();
    await page.getByLabel("奖项", { exact: true }).selectOption({ label: "一等奖" });
    await page.getByLabel("所属排名").selectOption({ label: "个人营销技能展示" });
    const option = page.getByLabel("获奖人").locator("option", { hasText: winner });
    await page.getByLabel("获奖人").selectOption((await option.first().getAttribute("value"))!);
    await page.getByRole("button", { name: "颁发奖项" }).click();
    await expect(page.getByText(`已颁奖：${winner}：个人营销技能展示 一等奖`)).toBeVisible();
    await expect(page.getByTestId("awards")).toContainText(winner);
  });

  test("the award appears on the winner's profile with its priority window", async ({ page }) => {
    await login(page, "hr@eagle.test");
    await page.goto(`/people/${AM36}`);
    const awards = page.getByTestId("contest-awards");
    await expect(awards).toContainText("2026年业务技能大比拼：个人营销技能展示一等奖");
    await expect(awards).toContainText("2027年第一季度至2027年第四季度");
  });

  test("an award holder carries 晋升和调配优先 in the review and ranks first under a quota", async ({ page }) => {
    await login(page, "hr@eagle.test");
    await page.goto("/hr/review/2026Q2");
    const am1 = page.getByTestId(`review-row-${AM1}`);
    await expect(am1.getByTestId("priority-badge")).toHaveText(/晋升和调配优先/);
    await expect(am1).toContainText("初级 → 中级");
    await expect(am1.getByTestId("quota-rank")).toHaveCount(0);

    await page.getByLabel(/晋升为中级/).fill("1");
    await page.getByRole("button", { name: "保存名额" }).click();
    await expect(am1.getByTestId("quota-rank")).toHaveText("名额排序第 1 位");
    await expect(am1).toContainText("晋级");

    // Put the review back as it was (no quota) for the review spec that commits it.
    await page.getByLabel(/晋升为中级/).fill("");
    await page.getByRole("button", { name: "保存名额" }).click();
    await expect(am1.getByTestId("quota-rank")).toHaveCount(0);
  });

  test("every signed-in user sees the projector page; a branch head cannot open HR's contest pages", async ({ page }) => {
    await login(page, "am1@eagle.test");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "比赛成绩" }).click();
    await expect(page.getByRole("heading", { name: "2026年业务技能大比拼", level: 1 })).toBeVisible();
    await expect(page.getByTestId("ranking-PITCH").getByTestId("ranking-row").first()).toContainText("97");
    await expect(page.getByTestId("projector-awards")).toContainText("个人营销技能展示 一等奖");
    await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "比赛评分" })).toHaveCount(0);

    await switchUser(page, "head1@eagle.test");
    const response = await page.goto("/hr/contest");
    expect(response?.status()).toBe(404);
    await page.goto("/branch/contest");
    await expect(page.getByRole("heading", { name: /2026年业务技能大比拼 · 城东支行/ })).toBeVisible();
    await expect(page.getByTestId("priority-holders")).toContainText("晋升和调配优先");
  });
});

test.describe("skills contest pages on a phone", () => {
  test.setTimeout(90_000);

  test("HR's contest pages and the results page fit 390 px and pass an accessibility scan", async ({ page }) => {
    const { default: AxeBuilder } = await import("@axe-core/playwright");
    await page.setViewportSize({ width: 390, height: 844 });
    await login(page, "hr@eagle.test");
    await page.goto("/hr/contest");
    await page.getByRole("link", { name: /打开.*2026年业务技能大比拼/ }).click();
    await page.waitForURL(/\/hr\/contest\/[^/]+$/);
    const contestUrl = page.url();
    for (const path of ["", "/entrants", "/teams", "/judges", "/results", "/results?ranking=TEAM"]) {
      await page.goto(`${contestUrl}${path}`);
      await expect(page.getByRole("navigation", { name: "比赛管理" })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `sideways scroll on ${path || "/"}`).toBeLessThanOrEqual(0);
    }
    await page.goto("/contest/results");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const scan = await new AxeBuilder({ page }).include("main").analyze();
    expect(scan.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    await page.goto(`${contestUrl}/results`);
    const scan2 = await new AxeBuilder({ page }).include("main").analyze();
    expect(scan2.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  });
});
