import { expect, test, type Page } from "@playwright/test";
import { login, PASSWORD } from "./support";

// Several sign-ins per test on a shared, busy machine.
test.describe.configure({ timeout: 90_000 });

const REFUSED = "账号或密码错误，或尝试次数过多，请15分钟后再试";

async function submitLogin(page: Page, identifier: string, password: string) {
  await page.getByLabel("工号或邮箱").fill(identifier);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

test.describe("finding 1: open redirect", () => {
  for (const payload of ["/%5Cevil.example", "/%09/evil.example", "//evil.example", "https://evil.example/"]) {
    test(`a signed-in visit to /login?callbackUrl=${payload} stays on this site`, async ({ page, baseURL }) => {
      await login(page, "am40@eagle.test");
      await page.goto(`/login?callbackUrl=${payload}`);
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
      await expect(page).toHaveURL(/\/me$/);
    });
  }

  test("signing in from a hostile link also lands on this site", async ({ page, baseURL }) => {
    await page.goto("/login?callbackUrl=/%5Cevil.example");
    await submitLogin(page, "am38@eagle.test", PASSWORD);
    await expect(page.getByTestId("viewer")).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  });
});

test.describe("finding 6: security headers", () => {
  test("pages and API answers carry CSP with a fresh nonce, frame-ancestors 'none', nosniff, referrer policy", async ({ request }) => {
    const nonces = new Set<string>();
    for (const path of ["/login", "/login", "/api/auth/csrf"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      const headers = response.headers();
      const csp = headers["content-security-policy"];
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(csp).not.toContain("'unsafe-eval'");
      nonces.add(/'nonce-([^']+)'/.exec(csp)![1]);
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      // Served over plain http here: no HSTS.
      expect(headers["strict-transport-security"]).toBeUndefined();
    }
    expect(nonces.size).toBe(3);
  });

  test("HSTS is sent when the app is reached over TLS (via a proxy)", async ({ request }) => {
    const response = await request.get("/login", { headers: { "x-forwarded-proto": "https" } });
    expect(response.headers()["strict-transport-security"]).toContain("max-age=");
  });

  test("a signed-in HR page cannot be framed by another page", async ({ page, baseURL }) => {
    await login(page, "hr@eagle.test");
    // Another page of the same site (same origin even) puts HR's page in a frame.
    await page.goto("/no-such-page");
    await page.evaluate((src) => {
      const iframe = document.createElement("iframe");
      iframe.src = src;
      iframe.width = "800";
      iframe.height = "600";
      document.body.append(iframe);
    }, `${baseURL}/hr`);
    await expect.poll(() => page.frames().length).toBe(2);
    await page.waitForTimeout(1500);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame).toBeDefined();
    await expect(frame!.getByTestId("viewer")).toHaveCount(0);
    await expect(frame!.getByText("全行概览")).toHaveCount(0);
    // Not even the login page renders inside a frame: the browser refused to load it there.
    await expect(frame!.getByRole("button", { name: "登录" })).toHaveCount(0);
    expect(frame!.url()).not.toContain("/login");
  });

  test("the app runs under its CSP: no violations while signing in and opening a chart page", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
    });
    await login(page, "hr@eagle.test");
    await page.goto("/hr");
    await expect(page.getByRole("heading", { name: "全行概览" })).toBeVisible();
    // Client navigation works (scripts with the nonce ran).
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "晋级条件" }).click();
    await expect(page).toHaveURL(/\/hr\/rules$/);
    expect(violations).toEqual([]);
  });
});

test.describe("finding 2: sign-in throttling", () => {
  test("after 5 wrong passwords even the right one is refused, with the same message as an unknown account", async ({ page }) => {
    await page.goto("/login");
    for (let i = 0; i < 5; i++) {
      await submitLogin(page, "am77@eagle.test", `wrong-${i}`);
      await expect(page.locator("form [role=alert]")).toHaveText(REFUSED);
    }
    await submitLogin(page, "am77@eagle.test", PASSWORD);
    await expect(page.locator("form [role=alert]")).toHaveText(REFUSED);
    await expect(page).toHaveURL(/\/login/);
    await submitLogin(page, "nobody-at-all@eagle.test", PASSWORD);
    await expect(page.locator("form [role=alert]")).toHaveText(REFUSED);
  });
});

test.describe("finding 7: passwords and sessions", () => {
  test("a user changes their own password from the header; old sessions end; the new one works", async ({ page, browser }) => {
    await login(page, "as9@eagle.test");
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await login(otherPage, "as9@eagle.test");

    await page.getByRole("link", { name: "修改密码" }).click();
    await expect(page.getByRole("heading", { name: "修改密码" })).toBeVisible();
    await expect(page).toHaveTitle(/修改密码/);
    await page.getByLabel("当前密码").fill(PASSWORD);
    await page.getByLabel("新密码", { exact: true }).fill("short1");
    await page.getByLabel("再次输入新密码").fill("short1");
    await page.getByRole("button", { name: "修改密码" }).click();
    await expect(page.getByText("密码至少 8 个字符").first()).toBeVisible();
    // React resets the form after the action; passwords are never sent back.
    await expect(page.getByLabel("当前密码")).toHaveValue("");

    await page.getByLabel("当前密码").fill(PASSWORD);
    await page.getByLabel("新密码", { exact: true }).fill("NewEagle2027");
    await page.getByLabel("再次输入新密码").fill("NewEagle2027");
    await page.getByRole("button", { name: "修改密码" }).click();
    await expect(page).toHaveURL(/\/login\?changed=1/);
    await expect(page.getByText("密码已修改，请用新密码重新登录。")).toBeVisible();

    // The other device's session ended with the change.
    await otherPage.goto("/me");
    await expect(otherPage).toHaveURL(/\/login/);
    await other.close();

    await submitLogin(page, "as9@eagle.test", "NewEagle2027");
    await expect(page.getByTestId("viewer")).toBeVisible();
  });

  test("HR resets a password: a temporary one is shown once, and the person must choose a new one first", async ({ page, browser }) => {
    const person = await browser.newContext();
    const personPage = await person.newPage();
    await login(personPage, "as10@eagle.test");

    await login(page, "hr@eagle.test");
    await page.goto("/hr/password-reset");
    await expect(page).toHaveTitle(/重置密码/);
    await page.getByLabel("工号").fill("400010");
    await page.getByRole("button", { name: "查找" }).click();
    await expect(page.getByTestId("reset-candidate")).toContainText("业务助理");
    await page.getByRole("button", { name: "重置密码" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText("此操作不可撤销");
    await dialog.getByRole("button", { name: "确认重置" }).click();
    const shown = page.getByTestId("temporary-password").locator("code");
    await expect(shown).toHaveText(/^[A-Za-z0-9]{12}$/);
    const temporary = (await shown.textContent())!;

    // The person's open session ended at once.
    await personPage.goto("/me");
    await expect(personPage).toHaveURL(/\/login/);

    await submitLogin(personPage, "400010", temporary);
    await expect(personPage).toHaveURL(/\/account\/password$/);
    await expect(personPage.getByRole("alert").filter({ hasText: "已由人力资源部重置" })).toBeVisible();
    await personPage.goto("/me/courses");
    await expect(personPage).toHaveURL(/\/account\/password$/);

    await personPage.getByLabel("当前密码").fill(temporary);
    await personPage.getByLabel("新密码", { exact: true }).fill("Chosen2027x");
    await personPage.getByLabel("再次输入新密码").fill("Chosen2027x");
    await personPage.getByRole("button", { name: "修改密码" }).click();
    await expect(personPage).toHaveURL(/\/login\?changed=1/);
    await submitLogin(personPage, "400010", "Chosen2027x");
    await expect(personPage).toHaveURL(/\/me$/);
    await person.close();
  });

  test("/api/auth/session returns no user after sign-out, even for a copy of the cookie", async ({ page, browser }) => {
    await login(page, "am39@eagle.test");
    const cookies = await page.context().cookies();
    const copy = await browser.newContext();
    await copy.addCookies(cookies);
    const before = await (await copy.request.get("/api/auth/session")).json();
    expect(before.user?.email).toBe("am39@eagle.test");
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/login/);
    const after = await (await copy.request.get("/api/auth/session")).json();
    expect(after.user).toBeUndefined();
    await copy.close();
  });
});

test.describe("the new pages on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("修改密码 and 重置密码 fit 390 px without sideways scrolling", async ({ page }) => {
    await login(page, "hr@eagle.test");
    for (const path of ["/account/password", "/hr/password-reset?employeeNo=300001"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await expect(page.getByTestId("reset-candidate")).toContainText("对公客户经理");
  });
});

test.describe("finding 8: refusals never become an English error page", () => {
  const big = { name: "big.csv", mimeType: "text/csv", buffer: Buffer.alloc(12 * 1024 * 1024, "a") };

  test("a file over 10 MB is refused in the browser before it is sent", async ({ page }) => {
    await login(page, "hr@eagle.test");
    await page.goto("/hr/courses/import");
    const uploads: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST") uploads.push(request.url());
    });
    await page.locator('input[type="file"]').setInputFiles(big);
    await expect(page.getByText("文件超过 10 MB，请拆分后分批导入").first()).toBeVisible();
    await page.getByRole("button", { name: "检查文件" }).click();
    await page.waitForTimeout(500);
    expect(uploads).toEqual([]);
  });

  test("an oversized upload that reaches the server ends on the Chinese error page", async ({ page }) => {
    // A client without the browser check (old tab, script): the server's body limit refuses it.
    await page.addInitScript(() => {
      const original = window.addEventListener;
      window.addEventListener = function (
        this: Window,
        type: string,
        listener: EventListenerOrEventListenerObject,
        options?: boolean | AddEventListenerOptions,
      ) {
        if ((type === "submit" || type === "change") && options === true) return;
        return original.call(this, type, listener, options);
      } as typeof window.addEventListener;
    });
    await login(page, "hr@eagle.test");
    await page.goto("/hr/courses/import");
    await page.locator('input[type="file"]').setInputFiles(big);
    await page.getByRole("button", { name: "检查文件" }).click();
    await expect(page.getByRole("heading", { name: "操作未能完成" })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText("上传的文件超过 10 MB")).toBeVisible();
    await expect(page.getByText(/This page couldn.t load|Application error/)).toHaveCount(0);
    await expect(page).toHaveTitle(/出错了/);
  });

  test("an unknown page is a Chinese 404 with its own title", async ({ page }) => {
    await login(page, "am40@eagle.test");
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
    await expect(page).toHaveTitle(/页面不存在/);
  });
});
