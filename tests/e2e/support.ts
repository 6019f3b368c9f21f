import { expect, type Locator, type Page } from "@playwright/test";

export const PASSWORD = "Eagle@2026";

/** Signs in through the login form, the way a person does. */
export async function login(page: Page, identifier: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("工号或邮箱").fill(identifier);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("viewer")).toBeVisible();
}

/** Signs out (drops the session cookie) and signs in as someone else. */
export async function switchUser(page: Page, who: string) {
  await page.context().clearCookies();
  await login(page, who);
}

/** The last cell of the row of a data table whose accessible name matches `row` (a total, say). */
export function lastCellOf(table: Locator, row: RegExp): Locator {
  return table.getByRole("row", { name: row }).getByRole("cell").last();
}
