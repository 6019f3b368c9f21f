import { expect, test } from "@playwright/test";
import { lastCellOf, login } from "./support";

// Demo ids are stable: demo-am-00001..16 are in the first branch, demo-am-00017.. in the second.
test.describe("profile scope", () => {
  test("an account manager sees their own profile but gets 404 for a colleague", async ({ page }) => {
    await login(page, "am1@eagle.test");
    await page.goto("/people/demo-am-00001");
    await expect(page.getByTestId("current-grade")).toHaveText(/对公客户经理$/);
    const response = await page.goto("/people/demo-am-00002");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  });

  test("a branch head opens their own people, and gets 404 for another branch", async ({ page }) => {
    await login(page, "head1@eagle.test");
    await page.getByTestId("roster").getByRole("link").first().click();
    await expect(page).toHaveURL(/\/people\/demo-(am|as)-/);
    await expect(page.getByText("城东支行").first()).toBeVisible();
    const response = await page.goto("/people/demo-am-00017");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  });

  test("HR sees anyone, with grade history and tenure", async ({ page }) => {
    await login(page, "hr@eagle.test");
    await page.goto("/people/demo-am-00017");
    await expect(page.getByTestId("current-grade")).toBeVisible();
    await expect(page.getByText("等级变动记录")).toBeVisible();
    await expect(page.getByTestId("tenure")).toHaveText(/\d+(年|个月)/);
  });

  test("HR overview counts account managers by branch and grade", async ({ page }) => {
    await login(page, "hr@eagle.test");
    const panel = page.getByTestId("panel-headcount");
    await panel.getByRole("button", { name: "查看数据表" }).click();
    await expect(lastCellOf(panel, /全行合计/)).toHaveText("83");
  });
});
