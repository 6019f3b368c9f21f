import { expect, test } from "@playwright/test";
import { login } from "./support";

// Demo data: demo-am-00006 is a 城东支行 (head1) account manager still unrated in the open quarter
// and without RORAC business lines; no other spec touches them.
const PERSON = "demo-am-00006";

test("a branch head enters two business lines and the scorecard takes the RORAC completion rate", async ({ page }) => {
  await login(page, "head1@eagle.test");
  await page.goto("/branch/appraisal");
  await page.getByRole("link", { name: "进入评分" }).first().click();
  await expect(page).toHaveURL(/\/branch\/appraisal\/\d{4}Q[1-4]$/);
  const sheetUrl = page.url();

  const row = page.getByTestId(`appraisal-row-${PERSON}`);
  await row
    .getByRole("link", { name: /^RORAC 业务条线：/ })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`/rorac/${PERSON}$`));
  await expect(page.getByRole("heading", { name: /RORAC 业务条线/ })).toBeVisible();

  const form = page.getByTestId("rorac-form");
  await form.getByLabel("RORAC 目标（万元）").fill("250");
  // 存款: stock 100 aged 2 years (k0 = 0.9) + new 30 → 120.
  const first = form.getByTestId("rorac-line").nth(0);
  await expect(first.getByLabel("条线名称")).toHaveValue("存款");
  await first.getByLabel("存量业务收入 E").fill("100");
  await first.getByLabel("新增业务收入 E").fill("30");
  await first.getByLabel("存量业务加权平均年数 n（年）").fill("2");
  await expect(first).toContainText("本条线 RORAC：120.00 万元");
  // 贷款: stock 100 − direct cost 20, new business none → 80.
  await form.getByRole("button", { name: "添加业务条线" }).click();
  const second = form.getByTestId("rorac-line").nth(1);
  await second.getByLabel("条线名称").fill("贷款");
  await second.getByLabel("存量业务收入 E").fill("100");
  await second.getByLabel("存量业务直接成本 Cd").fill("20");
  await second.getByLabel("存量业务加权平均年数 n（年）").fill("0");
  await expect(form.getByTestId("rorac-preview")).toContainText("综合 RORAC 200.00 万元，目标完成率 80.00%");
  await form.getByRole("button", { name: "保存业务条线" }).click();
  await expect(form.getByRole("status")).toContainText("RORAC 目标完成率 80.00%");
  await expect(page.getByTestId("rorac-rate")).toHaveText("80.00%");
  await expect(page.getByTestId("rorac-figures")).toContainText("贷款");

  // The scorecard shows the rate read-only, with the figures behind it.
  await page.goto(sheetUrl);
  await expect(row.getByRole("link", { name: /^RORAC 80\.00%：/ }).first()).toHaveText("RORAC 80.00%");
  await row
    .getByRole("button", { name: /^评分：/ })
    .first()
    .click();
  const dialog = page.getByTestId("appraisal-dialog");
  await expect(dialog.getByTestId("rorac-indicator")).toContainText("80.00%（综合 200.00 / 目标 250.00 万元）");
  await expect(dialog.getByRole("textbox", { name: /^RORAC 目标完成率/ })).toHaveCount(0);
});
