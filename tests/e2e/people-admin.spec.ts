import { expect, test, type Page } from "@playwright/test";
import { todayInShanghai } from "../../lib/domain/dates";
import { login } from "./support";

// People administration (issue 12), on the demo bank. It runs after the area specs
// (playwright.config.ts), because it adds account managers and moves people between branches.
// Demo: as9 (工号 400009) is a 业务助理 of 开发区支行 (head5); am79 and am80 (300079, 300080) are
// account managers of 开发区支行; head4 heads 滨江支行.
const today = todayInShanghai();
const firstOfMonth = `${today.slice(0, 8)}01`;

async function switchUser(page: Page, who: string) {
  await page.context().clearCookies();
  await login(page, who);
  // Let the home page finish loading before navigating away from it.
  await page.waitForLoadState("load");
}

function csv(rows: string[][]): Buffer {
  const header = ["操作", "工号", "姓名", "邮箱", "机构", "岗位", "任职起始日", "等级", "生效日期", "说明"];
  return Buffer.from("\uFEFF" + [header, ...rows].map((r) => r.join(",")).join("\n"), "utf8");
}

/** Opens the roster import, chooses a CSV of these rows and checks it: the form, showing the result. */
async function checkRoster(page: Page, rows: string[][]) {
  await page.goto("/hr/people/import");
  await page.getByLabel("人员名单文件（.xlsx 或 .csv）").setInputFiles({ name: "名单.csv", mimeType: "text/csv", buffer: csv(rows) });
  const form = page.locator("main form").filter({ has: page.getByRole("button", { name: "检查文件" }) });
  await form.getByRole("button", { name: "检查文件" }).click();
  return form;
}

test.describe.serial("people administration", () => {
  // Each test signs in several people; give the shared test machine room.
  test.describe.configure({ timeout: 90_000 });
  test.beforeEach(async ({ page }) => {
    page.on("dialog", (dialog) => dialog.accept());
  });

  test("HR turns an assistant into a 见习 account manager", async ({ page }) => {
    await login(page, "hr@eagle.test");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "人员管理" }).click();
    await page.getByLabel("姓名、工号或邮箱").fill("400009");
    await page.getByRole("button", { name: "筛选" }).click();
    const row = page.getByTestId("person-row-400009");
    await expect(row).toContainText("业务助理");
    await row.getByRole("link").click();

    const form = page.getByTestId("convert-form");
    await form.getByLabel("转岗日期").fill(today);
    await form.getByRole("button", { name: "确认转岗" }).click();
    await expect(form.getByRole("status")).toContainText("已转岗为见习对公客户经理");
    await page.reload();
    const facts = page.getByTestId("person-facts");
    await expect(facts).toContainText("对公客户经理");
    await expect(facts).toContainText("见习");
    await expect(page.getByTestId("membership-history")).toContainText("转岗");
    await expect(page.getByTestId("grade-history")).toContainText("未定级 → 见习");
  });

  test("a roster with one bad row is refused and writes nothing; fixed, it imports", async ({ page }) => {
    await login(page, "hr@eagle.test");
    const newcomer = ["新增", "510001", "测试新人", "e2e.newcomer@eagle.test", "滨江支行", "对公客户经理", firstOfMonth, "见习", "", ""];
    const form = await checkRoster(page, [newcomer, ["调动", "300080", "", "", "不存在支行", "", "", "", today, "工作需要"]]);
    await expect(form.getByRole("alert")).toContainText("未写入任何数据");
    await expect(page.getByTestId("import-problems")).toContainText("机构「不存在支行」不存在");
    await expect(page.getByRole("button", { name: /确认导入/ })).toHaveCount(0);
    await page.goto("/hr/people?q=510001");
    await expect(page.getByText("没有符合条件的人员")).toBeVisible();

    const again = await checkRoster(page, [newcomer, ["调动", "300080", "", "", "滨江支行", "", "", "", today, "工作需要"]]);
    await expect(again.getByRole("status")).toContainText("检查通过");
    await again.getByRole("button", { name: "确认导入 2 行" }).click();
    await expect(again.getByRole("status")).toContainText("已导入：新增 1 人、调动 1 人、退出 0 人");
    await page.goto("/hr/people?q=510001");
    await expect(page.getByTestId("person-row-510001")).toContainText("滨江支行");
    await page.goto("/hr/people?q=300080");
    await expect(page.getByTestId("person-row-300080")).toContainText("滨江支行");
  });

  test("HR transfers a person: the old branch head loses them, the new one sees them", async ({ page }) => {
    await switchUser(page, "head5@eagle.test");
    expect((await page.goto("/people/demo-am-00079"))?.status()).toBe(200);

    await switchUser(page, "hr@eagle.test");
    await page.goto("/hr/people/demo-am-00079");
    const form = page.getByTestId("transfer-form");
    await form.getByLabel("调入机构").selectOption({ label: "滨江支行" });
    await form.getByLabel("生效日期").fill(today);
    await form.getByRole("button", { name: "确认调动" }).click();
    await expect(form.getByRole("status")).toContainText("已调入滨江支行");
    await page.reload();
    await expect(page.getByTestId("membership-history")).toContainText("开发区支行");

    await switchUser(page, "head5@eagle.test");
    const gone = await page.goto("/people/demo-am-00079");
    expect(gone?.status()).toBe(404);
    await switchUser(page, "head4@eagle.test");
    const seen = await page.goto("/people/demo-am-00079");
    expect(seen?.status()).toBe(200);
    await expect(page.getByText("滨江支行").first()).toBeVisible();
  });

  test("a reset from the person page forces a new password at the next sign-in", async ({ page, browser }) => {
    await login(page, "hr@eagle.test");
    await page.goto("/hr/people/demo-am-00078");
    await page.getByRole("region", { name: "重置密码" }).getByRole("button", { name: "重置密码" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "确认重置" }).click();
    const shown = page.getByTestId("temporary-password").locator("code");
    await expect(shown).toHaveText(/^[A-Za-z0-9]{12}$/);
    const temporary = (await shown.textContent())!;

    const person = await browser.newContext();
    const personPage = await person.newPage();
    await personPage.goto("/login");
    await personPage.getByLabel("工号或邮箱").fill("300078");
    await personPage.getByLabel("密码", { exact: true }).fill(temporary);
    await personPage.getByRole("button", { name: "登录" }).click();
    await expect(personPage).toHaveURL(/\/account\/password$/);
    await personPage.goto("/me");
    await expect(personPage).toHaveURL(/\/account\/password$/);
    await person.close();
  });
});
