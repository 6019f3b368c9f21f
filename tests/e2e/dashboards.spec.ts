import { expect, test } from "@playwright/test";
import { lastCellOf, login } from "./support";

// Each role's home on the demo bank shows every panel with numbers, and an empty branch shows each
// panel's empty state saying what fills it. Panels stream in after the heading; the first wait is long
// because this machine is shared.

test.describe.configure({ timeout: 90_000 });

test.describe("HR home", () => {
  test("shows every panel, charts with their numbers as a table, and the 9-box drill-down", async ({ page }) => {
    await login(page, "hr@eagle.test");
    await expect(page).toHaveTitle("全行概览 · 鹰阶");
    await expect(page.getByTestId("panel-headcount")).toBeVisible({ timeout: 30_000 });
    for (const id of [
      "panel-headcount",
      "panel-rating-progress",
      "panel-review",
      "panel-distribution",
      "panel-ninebox",
      "panel-new-in-role",
      "panel-heatmap",
      "panel-courses",
      "panel-certifications",
      "panel-programme",
      "panel-contest",
    ]) {
      await expect(page.getByTestId(id), id).toBeVisible();
    }
    // The demo has three account managers waiting for 定级 and an open quarter.
    await expect(page.getByTestId("hr-todos")).toContainText("3 名客户经理等待定级");
    // Charts: a picture with a name, and the same numbers on demand.
    const headcount = page.getByTestId("panel-headcount");
    await expect(headcount.getByRole("img", { name: /按等级的人数/ })).toBeVisible();
    await headcount.getByRole("button", { name: "查看数据表" }).click();
    await expect(lastCellOf(headcount, /全行合计/)).toHaveText("83");
    // The open quarter is half rated in every branch.
    const progress = page.getByTestId("panel-rating-progress");
    await progress.getByRole("button", { name: "查看数据表" }).click();
    const cells = await progress
      .getByRole("row", { name: /城东支行/ })
      .getByRole("cell")
      .allTextContents();
    expect(Number(cells[0]) + Number(cells[1])).toBe(16);
    expect(Number(cells[0])).toBeGreaterThan(0);
    // The review preview links to the review, filtered by outcome.
    await expect(page.getByTestId("review-PROMOTE").getByRole("link")).toHaveAttribute("href", /\/hr\/review\/\d{4}Q[1-4]\?outcome=PROMOTE$/);
    // 9-box: the counts add up to the people placed; a cell lists names linking to profiles.
    const box = page.getByTestId("ninebox-grid");
    const counts = await box.getByRole("link").allTextContents();
    const total = counts.map((t) => Number.parseInt(t, 10)).reduce((s, n) => s + n, 0);
    await expect(page.getByTestId("panel-ninebox")).toContainText(`已放入 ${total} 人`);
    expect(total).toBeGreaterThan(0);
    await page.getByTestId("ninebox-HIGH-HIGH").click();
    await expect(page).toHaveURL(/cell=HIGH-HIGH/);
    const members = page.getByTestId("ninebox-members");
    await expect(members).toContainText("绩效高、能力高");
    const n = Number.parseInt((await page.getByTestId("ninebox-HIGH-HIGH").textContent()) ?? "0", 10);
    await expect(members.getByRole("listitem")).toHaveCount(Math.min(n, 50));
    // The demo's 2025 contest awards give priority marks through 2026Q4.
    await expect(page.getByTestId("panel-contest")).toContainText("晋升和调配优先");
  });

  test("the rating distribution's quarter filter lives in the URL", async ({ page }) => {
    await login(page, "hr@eagle.test");
    const panel = page.getByTestId("panel-distribution");
    const select = panel.getByLabel("季度");
    const options = await select.locator("option").allTextContents();
    const last = options[options.length - 1];
    await select.selectOption({ label: last });
    await panel.getByRole("button", { name: "查看", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`quarter=${last}`));
    await expect(page.getByTestId("panel-distribution").getByRole("heading")).toContainText(/\d{4}年第[一二三四]季度考评结果分布/);
  });
});

test.describe("branch head home", () => {
  test("shows the waiting list, the roster with quarter-labelled chips and rule-engine flags, team competency and learning", async ({ page }) => {
    await login(page, "head1@eagle.test");
    await expect(page).toHaveTitle("团队概览 · 鹰阶");
    // Half of the branch is unrated in the open quarter: 8 ratings wait.
    const waiting = page.getByTestId("waiting-list");
    await expect(waiting).toBeVisible({ timeout: 30_000 });
    await expect(waiting).toContainText(/还有 \d+ 人未评分/);
    await expect(waiting.getByRole("link", { name: "去评分" })).toHaveAttribute("href", /\/branch\/appraisal\/\d{4}Q[1-4]\?status=UNRATED$/);
    const roster = page.getByTestId("roster");
    await expect(roster.getByRole("row")).toHaveCount(1 + 18); // 16 account managers and 2 assistants
    // Chips carry their quarter.
    await expect(roster.getByRole("list", { name: "各季度考评（由远及近）" }).first()).toContainText(/\d{4}Q[1-4]/);
    await expect(page.getByTestId("roster-summary")).toContainText(/晋升候选 \d+ · 降级\/退出风险 \d+/);
    for (const id of ["panel-team-radar", "panel-team-learning", "panel-team-heatmap"]) await expect(page.getByTestId(id), id).toBeVisible();
    await expect(page.getByTestId("panel-team-radar").getByTestId("competency-radar")).toBeVisible();
    await expect(page.getByTestId("member-heatmap")).toBeVisible();
  });

  test("on a phone the roster is cards, not a page of one-character columns", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await login(page, "head1@eagle.test");
    // One markup for both widths: on a phone each person is a card — the grade and the rating chips
    // sit under the name, inside the screen, and the column headings are not shown.
    const row = page.getByTestId("roster").getByRole("row").nth(1);
    await expect(row).toBeVisible();
    const name = await row.getByRole("rowheader").boundingBox();
    const chips = await row.getByRole("list", { name: "各季度考评（由远及近）" }).boundingBox();
    const card = await row.boundingBox();
    expect(chips!.y).toBeGreaterThan(name!.y + name!.height - 1);
    expect(card!.x + card!.width).toBeLessThanOrEqual(390);
    expect((await page.getByTestId("roster").locator("thead").boundingBox())!.width).toBeLessThanOrEqual(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test("an empty branch shows what fills each panel", async ({ page }) => {
    await login(page, "head6@eagle.test");
    await expect(page.getByRole("heading", { name: "临港新区支行 · 团队概览" })).toBeVisible();
    await expect(page.getByTestId("waiting-empty")).toBeVisible();
    await expect(page.getByText("本机构暂无客户经理")).toBeVisible();
    await expect(page.getByTestId("panel-team-radar").getByTestId("chart-empty")).toContainText("开启胜任力评估周期");
    await expect(page.getByTestId("panel-team-learning").getByTestId("chart-empty")).toContainText("同步必修课");
    await expect(page.getByTestId("panel-team-heatmap")).toContainText("暂无成员评估");
  });
});

test.describe("account manager and assistant homes", () => {
  test("an account manager sees the path, the radar, what is due, action plans and history", async ({ page }) => {
    await login(page, "am1@eagle.test");
    await expect(page).toHaveTitle("我的成长 · 鹰阶");
    await expect(page.getByTestId("next-grade-sentence")).toBeVisible({ timeout: 30_000 });
    // am1's self-assessment is still due in the open cycle.
    await expect(page.getByTestId("due-form-SELF")).toContainText("我的自评");
    await expect(page.getByTestId("panel-my-radar")).toBeVisible();
    // am1 attended the 雏鹰训练营 of the demo's programme year and wrote a plan there.
    await expect(page.getByTestId("panel-action-plans")).toContainText("雏鹰训练营");
    // The home shows the newest 8 entries of the history; the rest are one link away.
    const timeline = page.getByTestId("panel-timeline");
    await expect(timeline).toContainText(/\d{4}年\d{1,2}月\d{1,2}日/);
    await expect(timeline.locator("li")).toHaveCount(8);
    await expect(timeline).not.toContainText("开始任职");
    await timeline.getByRole("link", { name: /查看全部 \d+ 条记录/ }).click();
    await expect(page).toHaveURL(/\/me\?history=all#timeline$/);
    await expect(timeline).toContainText("开始任职");
    expect(await timeline.locator("li").count()).toBeGreaterThan(8);
    await expect(timeline.getByRole("link", { name: "只看最近 8 条" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  });

  test("an assistant's home has no grade talk and shows their courses", async ({ page }) => {
    await login(page, "as1@eagle.test");
    await expect(page.getByTestId("panel-my-due")).toBeVisible();
    await expect(page.getByTestId("learning-card")).toBeVisible();
    await expect(page.getByText(/晋升|降级|等级要求/)).toHaveCount(0);
    await expect(page.getByTestId("current-grade")).toHaveCount(0);
  });
});

test.describe("electives", () => {
  test("a learner searches and filters electives by tier and category, and enrolling says so", async ({ page }) => {
    await login(page, "as2@eagle.test");
    await page.goto("/me/courses");
    const form = page.getByRole("form", { name: "筛选选修课" });
    await form.getByLabel("类别").selectOption({ label: "技能提升" });
    await form.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/category=SKILLS/);
    const items = page.getByTestId("electives").locator("li");
    const count = await items.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) await expect(items.nth(i)).toContainText("技能提升");
    const title = (await items.first().locator("p.font-medium").textContent())!.trim();
    await items.first().getByRole("button", { name: /^报名/ }).click();
    await expect(page.getByTestId("enrol-message")).toHaveText(`已报名《${title}》`);
    await expect(page.getByTestId("my-electives")).toContainText(title);
    // A search that matches nothing says what to do.
    await page.goto("/me/courses?q=不存在的课程名称");
    await expect(page.getByText("没有符合条件的选修课")).toBeVisible();
  });
});
