import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { previousQuarter, quarterOf, todayInShanghai } from "../../lib/domain/dates";
import { login, switchUser } from "./support";

// After the phase: an account manager who attended the 金鹰训练营 (demo: am4 or am10 of 城东支行; the
// demo leaves them without forms) fills the evaluation and the action plan, their branch head
// follows the plan up and scores it, and the score is the read-only 行动计划跟进评分 of the quarter
// the phase feeds (the demo's open quarter, Q3) on that person's scorecard. Runs before the area
// specs (playwright.config.ts), one of which locks that quarter.
// The demo keeps two account managers of 城东支行 free of forms (E2E_RESERVED_PEOPLE); which of
// them attended the 金鹰训练营 depends on the month the demo bank was generated in.
const CANDIDATES = [
  { id: "demo-am-00004", email: "am4@eagle.test", employeeNo: "300004" },
  { id: "demo-am-00010", email: "am10@eagle.test", employeeNo: "300010" },
];
let who = CANDIDATES[0];
const GOLDEN = "demo-phase-golden";
const openQuarter = previousQuarter(quarterOf(todayInShanghai()));

async function phoneReady(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Submits the form and confirms the dialog: the submitted state shows and the submit button is gone. */
async function submitConfirmed(page: Page, button: string, submitted: string) {
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: button }).click();
  await expect(page.getByTestId(submitted)).toBeVisible();
  await expect(page.getByRole("button", { name: button })).toHaveCount(0);
}

test.describe.serial("after the phase: evaluation, action plan, follow-up and the score in the appraisal", () => {
  // Each step is a whole user flow with several saves and sign-ins.
  test.describe.configure({ timeout: 90_000 });
  test("the attendee submits the evaluation form; it is read-only afterwards", async ({ page }) => {
    for (const candidate of CANDIDATES) {
      await page.context().clearCookies();
      await login(page, candidate.email);
      await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "我的培训" }).click();
      await expect(page.getByRole("heading", { name: "我的培训", level: 1 })).toBeVisible();
      if ((await page.getByTestId(`my-phase-${GOLDEN}`).getByTestId("evaluation-link").count()) > 0) {
        who = candidate;
        break;
      }
    }
    const phase = page.getByTestId(`my-phase-${GOLDEN}`);
    await phase.getByTestId("evaluation-link").first().click();
    await expect(page.getByRole("heading", { name: "培训效果评估表" })).toBeVisible();

    // Submitting with an aspect unanswered is refused with the reason next to it.
    await page.getByLabel("课程内容 5 分（很好）").check();
    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "提交评估表" }).click();
    await expect(page.getByText("提交前请为此项打分（1–5 分）").first()).toBeVisible();

    await page.getByLabel("讲师讲授 4 分（较好）").check();
    await page.getByLabel("培训组织 4 分（较好）").check();
    await page.getByLabel("实用性 5 分（很好）").check();
    await page.getByLabel("意见和建议（选填）").fill("案例很贴近授信实务，希望多安排分组演练。");
    await submitConfirmed(page, "提交评估表", "evaluation-submitted");
    await expect(page.getByText("案例很贴近授信实务")).toBeVisible();
  });

  test("the attendee saves the action plan as a draft, then submits it", async ({ page }) => {
    await login(page, who.email);
    await page.goto("/me/programme");
    await page.getByTestId(`my-phase-${GOLDEN}`).getByTestId("plan-link").click();
    await expect(page.getByRole("heading", { name: "行动计划表" })).toBeVisible();
    await page.getByLabel(/^行动目标/).fill("三个月内落地 2 笔供应链金融业务");
    await page.getByRole("button", { name: "保存草稿" }).click();
    await expect(page.getByText("草稿已保存")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel(/^行动目标/)).toHaveValue("三个月内落地 2 笔供应链金融业务");

    await page.getByLabel(/^具体行动/).fill("梳理 3 家核心企业的上下游客户，每周拜访两家并提交方案。");
    await page.getByLabel(/^所需资源与支持/).fill("需要产品经理协助设计保理方案");
    await page.getByLabel(/^成功标准/).fill("落地 2 笔业务，合计不少于 500 万元");
    await page.getByLabel(/^完成期限/).fill("2026-12-31");
    await submitConfirmed(page, "提交行动计划", "plan-submitted");
    await expect(page.getByText("支行长尚未评分")).toBeVisible();
  });

  test("the branch head follows up and scores the plan; out-of-range scores are refused", async ({ page }) => {
    await switchUser(page, "head1@eagle.test");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "行动计划跟进" }).click();
    const card = page.getByTestId(`plan-${who.employeeNo}`);
    await expect(card).toContainText("三个月内落地 2 笔供应链金融业务");
    await card.getByLabel("进展状态").selectOption({ label: "进展顺利" });
    await card.getByLabel("跟进记录").fill("已拜访两家核心企业，方案在准备中。");
    await card.getByRole("button", { name: "保存跟进" }).click();
    await expect(card.getByText(/已记录.*的 30 天跟进/)).toBeVisible();

    await card.getByLabel("最终评分（0–100）").fill("150");
    await card.getByRole("button", { name: "评分", exact: true }).click();
    await expect(card.getByText("最终评分须在 0–100 之间").first()).toBeVisible();
    await card.getByLabel("最终评分（0–100）").fill("86");
    await card.getByRole("button", { name: "评分", exact: true }).click();
    await expect(card.getByText(/的行动计划评分 86 分/)).toBeVisible();
  });

  test("the score is the read-only 行动计划跟进评分 on the person's scorecard of the linked quarter", async ({ page }) => {
    await switchUser(page, "head1@eagle.test");
    await page.goto(`/branch/appraisal/${openQuarter}`);
    await page
      .getByTestId(`appraisal-row-${who.id}`)
      .getByRole("button", { name: /^评分：/ })
      .click();
    const dialog = page.getByTestId("appraisal-dialog");
    const indicator = dialog.getByTestId("action-plan-indicator");
    await expect(indicator).toContainText("行动计划跟进评分");
    await expect(indicator).toContainText("86.00 分");
    await expect(indicator).toContainText("不可修改");
    await expect(indicator.getByRole("textbox")).toHaveCount(0);
    await dialog.getByRole("button", { name: "取消" }).click();

    // And the participant sees the follow-up and the final score on their plan.
    await switchUser(page, who.email);
    await page.goto("/me/programme");
    await page.getByTestId(`my-phase-${GOLDEN}`).getByTestId("plan-link").click();
    await expect(page.getByTestId("plan-final-score")).toContainText("86");
    await expect(page.getByTestId("follow-ups")).toContainText("进展顺利");
  });

  test("HR's phase report shows the numbers, with the data table on demand, and exports XLSX", async ({ page }) => {
    await switchUser(page, "hr@eagle.test");
    await page.goto(`/hr/programmes/demo-programme/phases/${GOLDEN}/report`);
    await expect(page.getByRole("heading", { name: /金鹰训练营 · 培训效果报告/ })).toBeVisible();
    await expect(page.getByTestId("stat-attendance")).toContainText("%");
    await expect(page.getByTestId("session-chart")).toBeVisible();
    await page.getByText("查看数据表").first().click();
    await expect(page.getByTestId("session-table")).toBeVisible();
    await expect(page.getByTestId("report-comments")).toContainText("案例很贴近授信实务");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "导出 Excel" }).click();
    expect((await download).suggestedFilename()).toMatch(/金鹰训练营-培训效果报告\.xlsx$/);
  });

  test("the forms, the follow-up page, the report and mentoring work at 390 px and pass axe", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await login(page, who.email);
    await page.goto("/me/programme");
    await page.getByTestId(`my-phase-${GOLDEN}`).getByTestId("plan-link").click();
    await expect(page.getByTestId("plan-submitted")).toBeVisible();
    await phoneReady(page);
    await page.goto("/me/programme");
    await page.getByTestId(`my-phase-${GOLDEN}`).getByTestId("evaluation-link").last().click();
    await expect(page.getByRole("heading", { name: "培训效果评估表" })).toBeVisible();
    await phoneReady(page);
    await page.goto("/mentoring");
    await expect(page.getByRole("heading", { name: "导师带教" })).toBeVisible();
    await phoneReady(page);

    await switchUser(page, "head1@eagle.test");
    await page.goto("/branch/action-plans");
    await expect(page.getByTestId(`plan-${who.employeeNo}`)).toBeVisible();
    await phoneReady(page);

    await switchUser(page, "hr@eagle.test");
    await page.goto("/hr/mentoring");
    await expect(page.getByTestId("mentorship-table")).toBeVisible();
    await phoneReady(page);
    await page.goto(`/hr/programmes/demo-programme/phases/${GOLDEN}/report`);
    await expect(page.getByTestId("report-stats")).toBeVisible();
    await phoneReady(page);
  });

  test("HR pairs a 见习 with a mentor; the mentee's overdue months show on both sides", async ({ page }) => {
    await login(page, "hr@eagle.test");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "导师计划" }).click();
    await expect(page.getByTestId("mentorship-table").getByTestId("overdue-months").first()).toBeVisible();
    // A 中级 account manager cannot be a mentee.
    await page.getByLabel("学员工号（见习对公客户经理）").fill("300003");
    await page.getByLabel(/^导师工号/).fill("300005");
    await page.getByRole("button", { name: "建立结对" }).click();
    await expect(page.getByText(/不是在职的见习对公客户经理/)).toBeVisible();
  });
});
