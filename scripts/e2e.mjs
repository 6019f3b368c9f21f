// `npm run test:e2e`: production build (when stale), a browser, then Playwright against
// `next start` on its own embedded database (see playwright.config.ts).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { findChromium } from "./lib/browser.mjs";
import { buildIsStale, root, runBuild } from "./lib/app-env.mjs";
import { freePort } from "./lib/embedded-pg.mjs";

export async function runE2e(extraArgs = []) {
  const chromium = findChromium();
  console.log(`[e2e] 浏览器：${chromium}`);
  if (buildIsStale()) runBuild();
  const env = {
    ...process.env,
    CHROMIUM_PATH: chromium,
    E2E_PORT: process.env.E2E_PORT ?? String(await freePort()),
    E2E_PG_PORT: process.env.E2E_PG_PORT ?? String(await freePort()),
  };
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/@playwright/test/cli.js"), "test", ...extraArgs], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  return result.status ?? 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit(await runE2e(process.argv.slice(2)));
}
