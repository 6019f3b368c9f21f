import { expect, test, type Page } from "@playwright/test";
import { previousQuarter, quarterOf, todayInShanghai } from "../../lib/domain/dates";
import { login } from "./support";

// The demo seeds eight quarters ending with the last finished one, which is still OPEN; the one
// before it is the last LOCKED quarter, and its review promotes am1 (demo-am-00001) 初级 → 中级.
const openQuarter = previousQuarter(quarterOf(todayInShanghai()));
const reviewed = previousQuarter(openQuarter);
const AM1 = "demo-am-00001";

async function exclude(page: Page, row: ReturnType<Page["locator"]>, reason: string) {
  await row.getByRole("button", { name: /^排除/ }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("排除原因（必填）").fill(reason);
  await dialog.getByRole("button", { name: "确认排除" }).click();
  await expect(dialog).toBeHidden();
}

test.describe.serial("quarterly promotion review", () => {
  test("HR previews, excludes another person with a reason, and commits with a confirmation", async ({ page }) => {
    await login(page, "hr@eagle.test");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "晋级评审" }).click();
    await expect(page.getByTestId("review-quarters")).toBeVisible();
    await page.goto(`/hr/review/${reviewed}`);
    await expect(page.getByTestId("review-status")).toContainText("预览（尚未提交）");

    const am1 = page.getByTestId(`review-row-${AM1}`);
    await expect(am1).toContainText("晋级");
    await expect(am1).toContainText("初级 → 中级");
    await expect(am1.getByTestId("review-reason")).toHaveText("连续两个季度考核优秀，由初级晋升为中级");

    // Exits would deactivate demo accounts other specs count, so anyone the rules would exit is
    // excluded too; then one more person with an outcome (not am1) is excluded.
    await page.goto(`/hr/review/${reviewed}?outcome=EXIT`);
    const exitRows = page.locator('[data-testid^="review-row-"]');
    while ((await exitRows.count()) > 0) {
      await exclude(page, exitRows.first(), "退出前需人工复核");
      await page.reload();
    }
    await page.goto(`/hr/review/${reviewed}`);
    const other = page.locator(`[data-testid^="review-row-"]:not([data-testid="review-row-${AM1}"])`).first();
    const otherId = (await other.getAttribute("data-testid"))!;
    await exclude(page, other, "借调总行，本季度不参评");
    const excludedRow = page.getByTestId(otherId);
    await expect(excludedRow).toContainText("已排除");
    await expect(excludedRow).toContainText("借调总行，本季度不参评");
    await expect(excludedRow.getByRole("button", { name: /^恢复参评/ })).toBeVisible();
    const excludedCount = Number(await page.getByTestId("count-EXCLUDED").textContent());
    expect(excludedCount).toBeGreaterThanOrEqual(1);

    await page.getByRole("button", { name: "提交评审" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByTestId("commit-summary")).toContainText(/晋级 \d+ 人、降级 \d+ 人、退出 0 人/);
    await expect(dialog.getByTestId("commit-summary")).toContainText(`已排除 ${excludedCount} 人`);
    await dialog.getByRole("button", { name: "确认提交" }).click();

    await expect(page.getByTestId("review-status")).toContainText("已提交");
    await expect(page.getByTestId(`review-row-${AM1}`)).toContainText("初级 → 中级");
    await expect(page.getByTestId(otherId)).toContainText("已排除");
    await expect(page.getByRole("button", { name: "撤销本次评审" })).toBeVisible();
    await expect(page.getByRole("button", { name: "提交评审" })).toHaveCount(0);
  });

  test("am1 now sees 中级 on /me, with the promotion in the grade history", async ({ page }) => {
    await login(page, "am1@eagle.test");
    await expect(page.getByTestId("current-grade")).toHaveText("中级对公客户经理");
    const history = page.getByRole("row", { name: new RegExp(`${reviewed}.*初级 → 中级.*晋级`) });
    await expect(history).toBeVisible();
    // The streak starts again after the change: the next grade needs two new 优秀 quarters.
    await expect(page.getByTestId("next-grade-sentence")).toContainText("高级");
  });

  test("a branch head cannot open the review pages", async ({ page }) => {
    await login(page, "head1@eagle.test");
    for (const path of ["/hr/review", `/hr/review/${reviewed}`, "/hr/rules", "/hr/grading", "/hr/certifications"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
    }
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  });
});
