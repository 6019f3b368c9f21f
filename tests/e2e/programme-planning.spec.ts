import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { login, PASSWORD } from "./support";

// HR copies the demo's 2026 programme year to 2027, moves its 雏鹰训练营 to start today, proposes
// the participants by grade, and adds a session starting in ten minutes. am66 (fifth branch,
// 初级) checks in through the session's link; am68 (高级, not in the camp) is refused.

const ELIGIBLE = { login: "am66@eagle.test", employeeNo: "300066" };
const NOT_ELIGIBLE = { login: "am68@eagle.test", employeeNo: "300068" };

/** Beijing wall-clock parts of an instant. */
function beijing(ms: number) {
  const local = new Date(ms + 8 * 3600_000).toISOString();
  return { day: local.slice(0, 10), minute: local.slice(0, 16) };
}

let checkInLink = "";

function acceptDialogs(page: Page) {
  page.on("dialog", (dialog) => dialog.accept());
}

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
}

/** WCAG 2 A/AA checks of the page as it is now (labels, contrast, roles). */
async function accessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test.describe.serial("programme planning and self check-in", () => {
  test("HR copies the year, plans 雏鹰, proposes participants by grade and adds a session with a QR check-in", async ({ page }) => {
    test.setTimeout(90_000);
    acceptDialogs(page);
    await login(page, "hr@eagle.test");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "培训项目" }).click();
    await expect(page.getByRole("heading", { name: "培训项目", level: 1 })).toBeVisible();
    await expect(page.getByTestId("programme-list")).toContainText("2026年对公客户经理素质提升项目");

    await page.getByLabel("复制哪个年度").selectOption({ label: "2026年对公客户经理素质提升项目 → 2027 年" });
    await page.getByRole("button", { name: "复制为下一年度" }).click();
    await expect(page.getByRole("heading", { name: "2027年对公客户经理素质提升项目" })).toBeVisible();
    await expect(page.getByTestId("timeline")).toContainText("雏鹰训练营");
    await expect(page.getByTestId("phase-EAGLET_CAMP")).toContainText("2027年4月1日–4月30日");
    await expect(page.getByTestId("phase-EAGLET_CAMP")).toContainText("尚未安排培训场次");

    await page.getByTestId("phase-EAGLET_CAMP").getByRole("link", { name: "雏鹰训练营" }).click();
    await expect(page.getByRole("heading", { name: "2027年雏鹰训练营" })).toBeVisible();

    // The camp moves to start today, so that a session can begin within the next half hour.
    const now = Date.now();
    await page.getByLabel("开始日期").fill(beijing(now).day);
    await page.getByLabel("结束日期").fill(beijing(now + 2 * 86_400_000).day);
    await page.getByRole("button", { name: "保存阶段计划" }).click();
    await expect(page.getByRole("status").filter({ hasText: "阶段计划已保存" })).toBeVisible();

    const propose = page.getByRole("button", { name: /加入 \d+ 名符合条件的人员/ });
    const expected = Number((await propose.textContent())!.match(/加入 (\d+) 名/)![1]);
    expect(expected).toBeGreaterThan(10);
    await propose.click();
    await expect(page.getByRole("status").filter({ hasText: `已按开营日职级加入 ${expected} 人` })).toBeVisible();
    await expect(page.getByTestId(`participant-${ELIGIBLE.employeeNo}`)).toContainText("初级");
    await expect(page.getByTestId(`participant-${NOT_ELIGIBLE.employeeNo}`)).toHaveCount(0);

    // A session that ends before it starts is refused with a message, nothing saved.
    const form = page.getByRole("form", { name: "新增培训场次" });
    await form.getByLabel("课程（从课程目录选择）").selectOption({ label: "职业道德与合规（F-PRO-01）" });
    await form.getByLabel("开始时间（北京时间）").fill(beijing(now + 10 * 60_000).minute);
    await form.getByLabel("结束时间（北京时间）").fill(beijing(now + 5 * 60_000).minute);
    await form.getByLabel("地点").fill("总行培训中心 301 教室");
    await form.getByLabel("或外部讲师姓名").fill("陈思远");
    await form.getByLabel("容量（人，不填为不限）").fill("100");
    await form.getByRole("button", { name: "新增场次" }).click();
    await expect(form.getByRole("alert")).toContainText("结束时间必须晚于开始时间");

    await form.getByLabel("结束时间（北京时间）").fill(beijing(now + 70 * 60_000).minute);
    await form.getByRole("button", { name: "新增场次" }).click();
    await expect(page.getByRole("heading", { name: "职业道德与合规", level: 1 })).toBeVisible();
    await expect(page.getByTestId("roster").locator("li")).toHaveCount(expected);
    await expect(page.getByTestId("check-in-qr").locator("svg")).toBeVisible();
    checkInLink = (await page.getByTestId("check-in-link").textContent())!.trim();
    expect(checkInLink).toMatch(/\/checkin\/[\w-]+$/);
  });

  test("an eligible account manager checks in through the link, someone not on the list is refused", async ({ page }) => {
    test.setTimeout(90_000);
    expect(checkInLink).not.toBe("");
    const path = new URL(checkInLink).pathname;

    // Signed out: the link goes to the login page and comes back after signing in.
    await page.goto(path);
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    await page.getByLabel("工号或邮箱").fill(ELIGIBLE.login);
    await page.getByLabel("密码").fill(PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByRole("heading", { name: "培训签到" })).toBeVisible();
    await expect(page.getByText("职业道德与合规")).toBeVisible();
    await page.getByRole("button", { name: "确认签到" }).click();
    // The page re-renders with the recorded attendance in place of the button.
    await expect(page.getByTestId("check-in-state")).toContainText("您已签到：出席");
    await expect(page.getByRole("button", { name: "确认签到" })).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId("check-in-state")).toContainText("您已签到：出席");

    await page.goto("/me/programme");
    await expect(page.getByRole("heading", { name: "我的培训" })).toBeVisible();
    const session = page.locator('[data-testid^="my-session-"]').filter({ hasText: "职业道德与合规" }).filter({ hasText: "陈思远" });
    await expect(session).toContainText("出勤：出席");
    await expect(session.getByRole("link", { name: "填写培训效果评估" })).toHaveAttribute("href", /\/me\/programme\/sessions\/[\w-]+\/evaluation$/);

    await page.context().clearCookies();
    await login(page, NOT_ELIGIBLE.login);
    await page.goto(path);
    await expect(page.getByTestId("check-in-state").getByRole("alert")).toHaveText("您不在本场培训名单中");
    await expect(page.getByRole("button", { name: "确认签到" })).toHaveCount(0);

    // HR sees the self check-in on the roster.
    await page.context().clearCookies();
    await login(page, "hr@eagle.test");
    await page.goto("/hr/programmes");
    await page.getByTestId("programme-list").getByRole("link", { name: "2027年对公客户经理素质提升项目" }).click();
    await page.getByTestId("phase-EAGLET_CAMP").getByRole("link", { name: "职业道德与合规" }).click();
    await expect(page.getByTestId(`roster-${ELIGIBLE.employeeNo}`)).toContainText("出席（扫码签到）");
    await expect(page.getByTestId(`roster-${ELIGIBLE.employeeNo}`).getByRole("button", { name: "出席" })).toHaveAttribute("aria-pressed", "true");
  });

  test("a branch head proposes one of their people and HR approves", async ({ page }) => {
    test.setTimeout(90_000);
    acceptDialogs(page);
    await login(page, "head5@eagle.test");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "培训安排" }).click();
    await expect(page.getByRole("heading", { name: "培训安排" })).toBeVisible();
    await accessible(page);
    await page.getByLabel("培训阶段").selectOption({ label: "2026年 业务技能大比拼" });
    await page.getByLabel("人员").selectOption({ value: "300070" });
    await page.getByLabel("推荐理由").fill("本季度业绩突出");
    await page.getByRole("button", { name: "提交推荐" }).click();
    await expect(page.getByRole("status").filter({ hasText: "等待人力资源部审批" })).toBeVisible();
    await expect(page.getByText("本季度业绩突出")).toBeVisible();

    await page.context().clearCookies();
    await login(page, "hr@eagle.test");
    await page.goto("/hr/programmes");
    await page.getByTestId("programme-list").getByRole("link", { name: "2026年对公客户经理素质提升项目" }).click();
    await page.getByTestId("phase-SKILLS_CONTEST").getByRole("link", { name: "业务技能大比拼" }).click();
    await expect(page.getByRole("heading", { name: "2026年业务技能大比拼" })).toBeVisible();
    const proposal = page.getByTestId("proposals").locator("li").filter({ hasText: "300070" });
    await expect(proposal).toContainText("本季度业绩突出");
    await accessible(page);
    await proposal.getByRole("button", { name: "提交审批" }).click();
    await expect(page.getByTestId("participant-300070")).toContainText("支行长推荐");
    await expect(page.getByTestId("participant-300070")).toContainText("已入选");
  });

  test("the year view, a closed phase's roster and my training work at phone width", async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: 390, height: 844 });
    await login(page, "hr@eagle.test");
    await page.goto("/hr/programmes");
    await noSidewaysScroll(page);
    await accessible(page);
    await page.getByTestId("programme-list").getByRole("link", { name: "2026年对公客户经理素质提升项目" }).click();
    await expect(page.getByTestId("phase-GOLDEN_EAGLE_CAMP")).toContainText("已结束");
    await noSidewaysScroll(page);
    await accessible(page);
    await page.getByTestId("phase-EAGLET_CAMP").getByRole("link", { name: "基本销售技能" }).click();
    await expect(page.getByTestId("waiting-list")).toBeVisible();
    await expect(page.getByTestId("attendance-tally")).toContainText("出席");
    await noSidewaysScroll(page);
    await accessible(page);
    await page.getByRole("link", { name: "雏鹰训练营" }).click();
    await expect(page.getByRole("heading", { name: "2026年雏鹰训练营" })).toBeVisible();
    await expect(page.getByText("本阶段已结束")).toBeVisible();
    await noSidewaysScroll(page);
    await accessible(page);

    await page.context().clearCookies();
    await login(page, "am66@eagle.test");
    await page.goto("/me/programme");
    await expect(page.getByRole("heading", { name: "我的培训" })).toBeVisible();
    await noSidewaysScroll(page);
    await accessible(page);
  });
});
