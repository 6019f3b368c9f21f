import { expect, test } from "@playwright/test";
import { login } from "./support";

test.describe("sign-in and role homes", () => {
  for (const [who, home, heading] of [
    ["hr@eagle.test", "/hr", "全行概览"],
    ["head1@eagle.test", "/branch", "团队概览"],
    ["am1@eagle.test", "/me", "当前等级"],
  ] as const) {
    test(`${who} lands on ${home}`, async ({ page }) => {
      await login(page, who);
      await expect(page).toHaveURL(new RegExp(`${home}$`));
      await expect(page.getByText(heading).first()).toBeVisible();
    });
  }

  test("an account manager signs in with the employee number too", async ({ page }) => {
    await login(page, "300001");
    await expect(page).toHaveURL(/\/me$/);
    await expect(page.getByTestId("current-grade")).toHaveText(/对公客户经理$/);
  });

  test("a signed-out visit goes to /login and comes back after signing in", async ({ page }) => {
    await page.goto("/hr/branches/whatever");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fhr%2Fbranches%2Fwhatever/);
    await page.goto("/me");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fme/);
    await page.getByLabel("工号或邮箱").fill("am1@eagle.test");
    await page.getByLabel("密码").fill("Eagle@2026");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(/\/me$/);
  });

  test("a wrong password shows one Chinese error that does not say whether the account exists", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("工号或邮箱").fill("am1@eagle.test");
    await page.getByLabel("密码").fill("wrong-password");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.locator("form [role=alert]")).toHaveText("账号或密码错误，或尝试次数过多，请15分钟后再试");
    await page.getByLabel("工号或邮箱").fill("nobody@eagle.test");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.locator("form [role=alert]")).toHaveText("账号或密码错误，或尝试次数过多，请15分钟后再试");
    await expect(page).toHaveURL(/\/login/);
  });

  test("navigation shows each role only its areas, and signing out ends the session", async ({ page }) => {
    await login(page, "am1@eagle.test");
    const nav = page.getByRole("navigation", { name: "主导航" });
    await expect(nav.getByRole("link", { name: "全行概览" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "团队概览" })).toHaveCount(0);
    await page.goto("/hr");
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/me");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fme/);
  });
});
