import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { login } from "./support";
import { PAGES, type PageRef } from "./pages";

// Every page of PAGES (tests/e2e/pages.ts), at a phone's 390 px: axe-core finds no serious or
// critical violation, nothing scrolls sideways, and the tab has the page's own title.

test.use({ viewport: { width: 390, height: 844 } });
// Sign-in, the page, and a full axe run on a shared 2-core machine.
test.describe.configure({ timeout: 90_000 });

async function resolve(page: Page, ref: PageRef): Promise<string> {
  if (typeof ref === "string") return ref;
  const from = await resolve(page, ref.from);
  await page.goto(from);
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => ref.link.test(h));
  expect(href, `a link matching ${ref.link} on ${from}`).toBeTruthy();
  return href!;
}

/** Abbreviations a bank's users read as words of their own (file types, RORAC, AHP…). */
const KNOWN = new Set(["RORAC", "AHP", "CR", "CI", "XLSX", "CSV", "QR", "KPI", "NPL", "EXCEL"]);

/**
 * Latin words left in the visible text once e-mail addresses, links (the check-in link is shown to
 * be copied) and catalogue numbers such as F-PRO-01 (the 课程编号 HR types in imports) are taken out.
 */
function latinWords(text: string): string[] {
  const rest = text
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/λmax/g, " ")
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, " ")
    .replace(/\b[A-Z]+(-[A-Z0-9]+)*-\d+\b/g, " ");
  const words = rest.match(/[A-Za-z][A-Za-z_]{2,}/g) ?? [];
  return [...new Set(words.filter((w) => !KNOWN.has(w.toUpperCase())))];
}

async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  // Charts measure their box after hydration.
  await page.waitForTimeout(200);
}

const byLogin = new Map<string | null, typeof PAGES>();
for (const p of PAGES) byLogin.set(p.login, [...(byLogin.get(p.login) ?? []), p]);

for (const [who, pages] of byLogin) {
  test.describe(`pages of ${who ?? "a signed-out visitor"}`, () => {
    for (const check of pages) {
      const name = typeof check.path === "string" ? check.path : `${JSON.stringify(check.path, (_k, v) => (v instanceof RegExp ? v.source : v))}`;
      test(`${name} is accessible, fits 390 px and is titled ${check.title}`, async ({ page }) => {
        if (who) await login(page, who);
        const path = await resolve(page, check.path);
        await page.goto(path);
        await settle(page);
        await expect(page).toHaveTitle(new RegExp(`${check.title}.* · 鹰阶$|^${check.title} · 鹰阶$`));
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${path} scrolls sideways`).toBeLessThanOrEqual(390);
        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
        const serious = results.violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map(
            (v) =>
              `${v.id} (${v.impact}): ${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(" "))
                .join(" | ")}`,
          );
        expect(serious, `${path}`).toEqual([]);
        // No English or internal code on screen: what remains of the visible text once e-mail
        // addresses and the few abbreviations users know (file types, RORAC, AHP…) are taken out.
        // Import codes HR types into files (marked data-code beside their Chinese name) are data.
        const text = await page.evaluate(() => {
          document.querySelectorAll("[data-code]").forEach((e) => (e.textContent = ""));
          return document.body.innerText;
        });
        expect(latinWords(text), `${path} shows English or a code`).toEqual([]);
      });
    }
  });
}

test("the rating sheet's 评分 buttons are on screen on a phone", async ({ page }) => {
  // HR always has a button per row (评分, 修改, or 更正 once the quarter is locked by another spec).
  await login(page, "hr@eagle.test");
  const path = await resolve(page, { from: "/hr/appraisal", link: /^\/hr\/appraisal\/\d{4}Q[1-4]$/ });
  await page.goto(path);
  const button = page.getByRole("button", { name: /^(评分|修改|更正)：/ }).first();
  await expect(button).toBeVisible();
  const box = (await button.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
});
