import { defineConfig } from "@playwright/test";

// scripts/e2e.mjs picks the browser and the ports and passes them in; see there.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  // Generous: a CI machine is sometimes busy, and a slow step is not a failure of the feature.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "test-reports/e2e.json" }]] : [["list"], ["json", { outputFile: "test-reports/e2e.json" }]],
  use: {
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || undefined,
      args: [
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    // The after-phase flow scores an action plan into the open quarter, which the appraisal spec
    // locks: it runs first. The contest spec sets (and then clears) a quota on the review that
    // review.spec.ts commits, so it too runs before the area specs.
    { name: "programme-year", testMatch: /programme-year\.spec\.ts/ },
    { name: "contest", testMatch: /contest\.spec\.ts/, dependencies: ["programme-year"] },
    // The home dashboards read the open quarter's progress, which the appraisal spec locks.
    { name: "dashboards", testMatch: /dashboards\.spec\.ts/, dependencies: ["contest"] },
    { name: "areas", testIgnore: /(quarter-end|programme-year|contest|people-admin|dashboards)\.spec\.ts/, dependencies: ["dashboards"] },
    // People administration adds account managers and moves people between branches, which would
    // change the head counts and teams the area specs check: it runs after them too.
    { name: "people-admin", testMatch: /people-admin\.spec\.ts/, dependencies: ["areas"] },
    // The quarter-end flow locks and reviews the current quarter, which would change what the
    // area specs see (and a later review blocks committing an earlier one): it runs last.
    { name: "quarter-end", testMatch: /quarter-end\.spec\.ts/, dependencies: ["people-admin"] },
  ],
  webServer: {
    // The app's own start script, run directly with node so SIGINT reaches it and the embedded
    // PostgreSQL shuts down cleanly; --fresh gives every run the same demo data.
    command: "node scripts/start.mjs --fresh",
    url: `${baseURL}/login`,
    timeout: 180_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: "SIGINT", timeout: 15_000 },
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      PG_PORT: process.env.E2E_PG_PORT ?? "54339",
      EAGLE_DATA_DIR: `.data/e2e-${port}`,
      NEXTAUTH_URL: baseURL,
    },
  },
});
