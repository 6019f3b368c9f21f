import { expect, test } from "@playwright/test";
import { addQuarters, previousQuarter, quarterOf, todayInShanghai } from "../../lib/domain/dates";
import { login, switchUser } from "./support";

// The whole quarter end in one flow, run after every other spec (playwright.config.ts): HR opens
// the current quarter, a branch head rates their team member, HR locks the quarter, previews the
// review, excludes someone, commits, and the promoted account manager sees the new grade.
// Demo: am3 (demo-am-00003, 城东支行, 中级 since 2023) was 优秀 in the last finished quarter.
const lastFinished = previousQuarter(quarterOf(todayInShanghai()));
const current = addQuarters(lastFinished, 1);
const AM3 = "demo-am-00003";

const EXCELLENT_VALUES: [string, string][] = [
  ["RORAC 目标完成率", "125"],
  ["存款计划完成率", "118"],
  ["贷款计划完成率", "120"],
  ["中间业务收入计划完成率", "110"],
  ["客户满意度", "98"],
  ["新增不良贷款率", "0.5"],
  ["首次审批通过率", "100"],
  ["贷款档案完整率", "100"],
  ["培训学时完成率", "100"],
  ["培训考试成绩", "92"],
];

test.describe.serial("quarter end: rate → lock → review → new grade", () => {
  test("HR opens the current quarter for rating", async ({ page }) => {
    await login(page, "hr@eagle.test");
    await page.goto("/hr/appraisal");
    await page.getByRole("button", { name: /^开启.*考评$/ }).click();
    await expect(page.getByText(/已开启.*的考评/)).toBeVisible();
    await page.goto(`/hr/appraisal/${current}`);
    await expect(page.getByRole("button", { name: "锁定季度" })).toBeVisible();
  });

  test("head1 rates am3 by the scorecard: 优秀", async ({ page }) => {
    await login(page, "head1@eagle.test");
    await page.goto(`/branch/appraisal/${current}`);
    const row = page.getByTestId(`appraisal-row-${AM3}`);
    await expect(row.getByTestId("current-rating")).toHaveText("未评级");
    await row.getByRole("button", { name: /^评分：/ }).click();
    const dialog = page.getByTestId("appraisal-dialog");
    for (const [label, value] of EXCELLENT_VALUES) await dialog.getByLabel(label).fill(value);
    // No business lines for am3 in this quarter: the typed RORAC rate needs a reason.
    await dialog.getByLabel(/^原因（必填/).fill("RORAC 按财务报表手工填写");
    await expect(dialog.getByTestId("score-preview")).toContainText("评级「优秀」");
    await dialog.getByRole("button", { name: "保存" }).click();
    await expect(dialog).toBeHidden();
    await expect(row.getByTestId("current-rating")).toHaveText("优秀");
  });

  test("HR locks the quarter, previews the review, excludes someone else and commits", async ({ page }) => {
    await login(page, "hr@eagle.test");
    await page.goto(`/hr/appraisal/${current}`);
    await page.getByRole("button", { name: "锁定季度" }).click();
    await page
      .getByRole("dialog", { name: /确认锁定/ })
      .getByRole("button", { name: "确认锁定" })
      .click();
    await expect(page.getByRole("button", { name: "锁定季度" })).toHaveCount(0);

    await page.goto(`/hr/review/${current}`);
    const am3 = page.getByTestId(`review-row-${AM3}`);
    await expect(am3).toContainText("中级 → 高级");
    await expect(am3.getByTestId("review-reason")).toHaveText("连续两个季度考核优秀，由中级晋升为高级");
    await expect(page.getByTestId("count-PROMOTE")).toHaveText("1");

    const other = page.locator(`[data-testid^="review-row-"]:not([data-testid="review-row-${AM3}"])`).first();
    const otherId = (await other.getAttribute("data-testid"))!;
    await other.getByRole("button", { name: /^排除/ }).click();
    const exclusion = page.getByRole("dialog");
    await exclusion.getByLabel("排除原因（必填）").fill("本季度调岗至总行，不参加评审");
    await exclusion.getByRole("button", { name: "确认排除" }).click();
    await expect(page.getByTestId(otherId)).toContainText("已排除");

    await page.getByRole("button", { name: "提交评审" }).click();
    const confirm = page.getByRole("dialog");
    await expect(confirm.getByTestId("commit-summary")).toContainText("晋级 1 人");
    await confirm.getByRole("button", { name: "确认提交" }).click();
    await expect(page.getByTestId("review-status")).toContainText("已提交");
  });

  test("am3 sees the new grade and the promotion in their history", async ({ page }) => {
    await switchUser(page, "am3@eagle.test");
    await expect(page.getByTestId("current-grade")).toHaveText("高级对公客户经理");
    await expect(page.getByRole("row", { name: new RegExp(`${current}.*中级 → 高级.*晋级`) })).toBeVisible();
  });
});
