import { expect, type Page } from "@playwright/test";

export const PASSWORD = "Eagle@2026";

/** Signs in through the login form, the way a person does. */
export async function login(page: Page, identifier: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("工号或邮箱").fill(identifier);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("viewer")).toBeVisible();
}
