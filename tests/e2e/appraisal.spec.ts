import { expect, test, type Page } from "@playwright/test";
import { login, switchUser } from "./support";

// Demo data: demo-am-00001..16 are in the first branch (head1), demo-am-00017..32 in the second
// (head2). In the open quarter every other account manager of a branch is still unrated
// (00018, 00020, 00022 … in the second branch). Other specs use the first branch and the last
// locked quarter, so this spec edits only second-branch people and locks the open quarter last.

const INDICATORS_AT_100: [string, string][] = [
  ["RORAC 目标完成率", "100"],
  ["存款计划完成率", "100"],
  ["贷款计划完成率", "100"],
  ["中间业务收入计划完成率", "100"],
  ["客户满意度", "100"],
  ["新增不良贷款率", "1"],
  ["首次审批通过率", "100"],
  ["贷款档案完整率", "100"],
  ["培训学时完成率", "100"],
  ["培训考试成绩", "100"],
];

/** Opens the open quarter's sheet from the quarter list, the way a person would. */
async function openCurrentQuarter(page: Page, listPath: string) {
  await page.goto(listPath);
  await page.getByRole("link", { name: "进入评分" }).first().click();
  await expect(page).toHaveURL(new RegExp(`${listPath}/\\d{4}Q[1-4]`));
  return page.url().match(/(\d{4}Q[1-4])/)![1];
}

test.describe.serial("quarterly appraisal", () => {
  let quarter = "";

  test("a branch head rates one unrated person by scores and another directly with a reason", async ({ page }) => {
    await login(page, "head2@eagle.test");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "季度考评" }).click();
    await expect(page.getByRole("heading", { name: "季度考评", exact: true })).toBeVisible();
    quarter = await openCurrentQuarter(page, "/branch/appraisal");
    const unratedBefore = Number(await page.getByTestId("count-UNRATED").textContent());

    const byScore = page.getByTestId("appraisal-row-demo-am-00018");
    await expect(byScore.getByTestId("current-rating")).toHaveText("未评级");
    await byScore.getByRole("button", { name: /^评分：/ }).click();
    const dialog = page.getByTestId("appraisal-dialog");
    await expect(dialog).toBeVisible();
    for (const [label, value] of INDICATORS_AT_100) await dialog.getByLabel(label).fill(value);
    // No business lines for this person: the typed RORAC rate needs a reason.
    await dialog.getByLabel(/^原因（必填/).fill("RORAC 按财务报表手工填写");
    await expect(dialog.getByTestId("score-preview")).toContainText("预计得分 100.00，评级「良好」");
    await dialog.getByRole("button", { name: "保存" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("sheet-notice")).toContainText("良好（100.00 分）");
    await expect(byScore.getByTestId("current-rating")).toHaveText("良好");
    await expect(byScore.getByTestId("current-score")).toHaveText("100.00");
    await expect(byScore).toContainText("按指标打分");

    const direct = page.getByTestId("appraisal-row-demo-am-00020");
    await direct.getByRole("button", { name: /^评分：/ }).click();
    await dialog.getByLabel("直接评级").check();
    await dialog.getByLabel("评级", { exact: true }).selectOption({ label: "基本合格" });
    await dialog.getByRole("button", { name: "保存" }).click();
    await expect(dialog.getByText("直接评级必须写明原因")).toBeVisible();
    // The choice survives the refused save.
    await expect(dialog.getByLabel("评级", { exact: true })).toHaveValue("BASIC");
    await dialog.getByLabel("原因（必填）").fill("本季度长期病假，贷款投放未达计划");
    await dialog.getByRole("button", { name: "保存" }).click();
    await expect(dialog).toBeHidden();
    await expect(direct.getByTestId("current-rating")).toHaveText("基本合格");
    await expect(direct).toContainText("本季度长期病假");
    await expect(page.getByTestId("count-UNRATED")).toHaveText(String(unratedBefore - 2));

    // After a reload the ratings are still there: they were saved on the server.
    await page.reload();
    await expect(page.getByTestId("appraisal-row-demo-am-00018").getByTestId("current-rating")).toHaveText("良好");
  });

  test("a branch head never sees another branch's people, and saving one of them is refused", async ({ page }) => {
    await login(page, "head1@eagle.test");
    await openCurrentQuarter(page, "/branch/appraisal");
    // Even when the URL asks for everyone or another branch, only the own branch is listed.
    await page.goto(`/branch/appraisal/${quarter}?branch=whatever&q=3000`);
    const rows = page.locator('[data-testid^="appraisal-row-"]');
    await expect(rows.first()).toBeVisible();
    const ids = await rows.evaluateAll((els) => els.map((el) => el.getAttribute("data-testid")!.replace("appraisal-row-", "")));
    expect(ids.length).toBe(16);
    expect(ids.every((id) => Number(id.replace("demo-am-", "")) <= 16)).toBe(true);
    await page.goto(`/branch/appraisal/${quarter}?q=300022`);
    await expect(page.getByText("没有符合条件的客户经理")).toBeVisible();

    // A doctored form (someone of the second branch) is refused on the server.
    await page.goto(`/branch/appraisal/${quarter}`);
    await page.getByTestId("appraisal-row-demo-am-00002").getByRole("button", { name: /：/ }).click();
    const dialog = page.getByTestId("appraisal-dialog");
    await dialog.getByLabel("直接评级").check();
    await dialog.getByLabel("评级", { exact: true }).selectOption({ label: "优秀" });
    await dialog.getByLabel("原因（必填）").fill("越权尝试");
    // Last, so that no re-render puts the real id back before the form is sent.
    await dialog.locator('input[name="userId"]').evaluate((el: HTMLInputElement) => (el.value = "demo-am-00022"));
    await dialog.getByRole("button", { name: "保存" }).click();
    await expect(dialog.getByRole("alert")).toHaveText("找不到这位客户经理，或其不在您的管理范围内");
    await dialog.getByRole("button", { name: "取消" }).click();
    await expect(page.getByTestId("appraisal-row-demo-am-00002").getByTestId("current-rating")).toHaveText("未评级");

    // HR confirms nothing was written for that person.
    await switchUser(page, "hr@eagle.test");
    await page.goto(`/hr/appraisal/${quarter}?q=300022`);
    await expect(page.getByTestId("appraisal-row-demo-am-00022").getByTestId("current-rating")).toHaveText("未评级");
  });

  test("HR checks an import file: every bad row is listed and nothing is written", async ({ page }) => {
    await login(page, "hr@eagle.test");
    await page.goto(`/hr/appraisal/${quarter}`);
    const csv = ["工号,评级,说明", "300024,优秀,业绩突出", "999999,良好,查无此人", "300026,很好,评级写错", "300024,良好,重复"].join("\n");
    await page.getByLabel("考评文件（.xlsx 或 .csv）").setInputFiles({ name: "考评.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await page.getByRole("button", { name: "检查文件" }).click();
    const problems = page.getByTestId("import-problems");
    await expect(problems).toBeVisible();
    await expect(problems.getByRole("row", { name: /第 3 行/ })).toContainText("工号 999999 不存在");
    await expect(problems.getByRole("row", { name: /第 4 行/ })).toContainText("评级“很好”无法识别");
    await expect(problems.getByRole("row", { name: /第 5 行/ })).toContainText("与第 2 行重复");
    await expect(page.getByRole("button", { name: /确认导入/ })).toHaveCount(0);
    await page.goto(`/hr/appraisal/${quarter}?q=300024`);
    await expect(page.getByTestId("appraisal-row-demo-am-00024").getByTestId("current-rating")).toHaveText("未评级");
  });

  test("a save against a rating somebody else changed meanwhile is refused, not overwritten", async ({ page, browser }) => {
    await login(page, "head2@eagle.test");
    await page.goto(`/branch/appraisal/${quarter}`);
    const row = page.getByTestId("appraisal-row-demo-am-00026");
    await row.getByRole("button", { name: /^评分：/ }).click();
    const dialog = page.getByTestId("appraisal-dialog");
    await dialog.getByLabel("直接评级").check();
    await dialog.getByLabel("评级", { exact: true }).selectOption({ label: "优秀" });
    await dialog.getByLabel("原因（必填）").fill("支行长意见");

    // Meanwhile HR rates the same person.
    const hrContext = await browser.newContext();
    const hr = await hrContext.newPage();
    await login(hr, "hr@eagle.test");
    await hr.goto(`/hr/appraisal/${quarter}?q=300026`);
    await hr
      .getByTestId("appraisal-row-demo-am-00026")
      .getByRole("button", { name: /^评分：/ })
      .click();
    const hrDialog = hr.getByTestId("appraisal-dialog");
    await hrDialog.getByLabel("直接评级").check();
    await hrDialog.getByLabel("评级", { exact: true }).selectOption({ label: "合格" });
    await hrDialog.getByLabel("原因（必填）").fill("人力资源部复核");
    await hrDialog.getByRole("button", { name: "保存" }).click();
    await expect(hrDialog).toBeHidden();
    await hrContext.close();

    await dialog.getByRole("button", { name: "保存" }).click();
    await expect(dialog.getByRole("alert")).toContainText("该考评结果已被他人修改，请刷新后再试");
    await dialog.getByRole("button", { name: "刷新" }).click();
    await expect(row.getByTestId("current-rating")).toHaveText("合格");
    await expect(row).toContainText("人力资源部复核");
  });

  test("the AHP calculator refuses an inconsistent matrix with the Chinese explanation", async ({ page }) => {
    await login(page, "hr@eagle.test");
    await page.goto("/hr/appraisal/template");
    const calculator = page.getByTestId("ahp-calculator");
    await expect(calculator.getByTestId("ahp-message")).toContainText("通过一致性检验");
    await page.getByLabel("使用下方判断矩阵（层次分析法）计算的权重").check();
    await expect(page.getByLabel("财务维度", { exact: true })).toHaveValue("0.4832");
    await calculator.getByLabel("财务维度相对客户维度的重要程度").selectOption("1/9");
    await calculator.getByLabel("客户维度相对内部流程维度的重要程度").selectOption("1/9");
    await calculator.getByLabel("财务维度相对内部流程维度的重要程度").selectOption("9");
    await expect(calculator.getByTestId("ahp-message")).toContainText("≥ 0.1，判断矩阵不一致，请调整两两比较的数值");
    await expect(page.getByRole("button", { name: /保存为第 \d+ 版/ })).toBeDisabled();
  });

  // The open quarter is locked by this file's last test, so the RORAC flow runs here, before it.
  // demo-am-00028 (second branch) is unrated and has no business lines; nothing else touches them.
  test("a branch head enters two business lines and the scorecard takes the RORAC completion rate", async ({ page }) => {
    const RORAC_PERSON = "demo-am-00028";
    await login(page, "head2@eagle.test");
    await page.goto("/branch/appraisal");
    await page.getByRole("link", { name: "进入评分" }).first().click();
    await expect(page).toHaveURL(/\/branch\/appraisal\/\d{4}Q[1-4]$/);
    const sheetUrl = page.url();

    const row = page.getByTestId(`appraisal-row-${RORAC_PERSON}`);
    await row
      .getByRole("link", { name: /^RORAC 业务条线：/ })
      .first()
      .click();
    await expect(page).toHaveURL(new RegExp(`/rorac/${RORAC_PERSON}$`));
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

  test("HR locks the quarter after confirming; the branch head's page becomes read-only", async ({ page }) => {
    await login(page, "hr@eagle.test");
    await page.goto(`/hr/appraisal/${quarter}`);
    await page.getByRole("button", { name: "锁定季度" }).click();
    const confirm = page.getByRole("dialog", { name: /确认锁定/ });
    await expect(confirm).toContainText("此操作不可撤销");
    await confirm.getByRole("button", { name: "确认锁定" }).click();
    await expect(page.getByTestId("locked-notice")).toBeVisible();
    await expect(page.getByRole("button", { name: "锁定季度" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^更正：/ }).first()).toBeVisible();

    await switchUser(page, "head2@eagle.test");
    await page.goto(`/branch/appraisal/${quarter}`);
    await expect(page.getByTestId("locked-notice")).toContainText("本季度考评已由人力资源部锁定");
    await expect(page.getByTestId("appraisal-row-demo-am-00018").getByTestId("current-rating")).toHaveText("良好");
    await expect(page.getByRole("button", { name: /^(评分|修改|更正)：/ })).toHaveCount(0);
  });
});
