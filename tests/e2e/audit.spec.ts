import { expect, test } from "@playwright/test";
import { login } from "./support";

test.describe("audit log", () => {
  test("HR records a certification and finds it in the audit log, in Chinese, on a phone-sized screen", async ({ page }) => {
    test.slow(); // sign-in, a form, a filter and a download
    await page.setViewportSize({ width: 390, height: 844 });
    await login(page, "hr@eagle.test");
    await page.goto("/hr/certifications");
    await page.getByLabel("工号").first().fill("300002");
    await page.getByLabel("通过日期").first().fill("2026-01-15");
    // A certification not yet named: chosen as 其他认证 and typed by its import code.
    await page.getByLabel("认证", { exact: true }).first().selectOption({ label: "其他认证（新登记）" });
    await page.getByLabel("新认证的导入代码").fill("CREDIT_L1");
    await page.getByRole("button", { name: /登记/ }).first().click();
    await expect(page.getByRole("status").or(page.getByRole("alert")).first()).toContainText("已为");

    await page.goto("/hr/audit");
    await expect(page).toHaveTitle(/审计日志/);
    await page.getByLabel("涉及人员（工号或姓名）").fill("300002");
    await page.getByLabel("操作类型").selectOption({ label: "登记资格认证" });
    await page.getByRole("button", { name: "筛选" }).click();
    const table = page.getByTestId("audit-entries");
    await expect(table).toContainText("登记资格认证");
    await expect(table).toContainText("通过日期：2026-01-15");
    await expect(table).not.toContainText("CERTIFICATION_RECORD");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "导出 Excel" }).click();
    expect((await download).suggestedFilename()).toBe("审计日志.xlsx");
  });

  test("a branch head cannot open the audit log", async ({ page }) => {
    await login(page, "head1@eagle.test");
    const response = await page.goto("/hr/audit");
    expect(response?.status()).toBe(404);
  });
});
