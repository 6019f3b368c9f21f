// Finds a Chromium for the end-to-end tests: CHROMIUM_PATH, Playwright's own build when it is
// installed, Debian's /usr/bin/chromium, or — as root on Debian — installs Debian's package.
// Never returns without a browser: the browser tests are not to be skipped silently.
import fs from "node:fs";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const DEBIAN_CHROMIUM = "/usr/bin/chromium";

function playwrightChromium() {
  try {
    const { chromium } = require("playwright-core");
    const file = chromium.executablePath();
    return file && fs.existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

export function findChromium({ log = console.log } = {}) {
  if (process.env.CHROMIUM_PATH) {
    if (fs.existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
    throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} 不存在`);
  }
  const own = playwrightChromium();
  if (own) return own;
  if (fs.existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = fs.existsSync("/usr/bin/apt-get") && fs.existsSync("/etc/debian_version");
  if (isRoot && hasApt) {
    log("未找到 Chromium，正在通过 apt-get 安装 Debian 的 chromium 软件包…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    const install = update.status === 0 ? spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env }) : update;
    if (install.status === 0 && fs.existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
    throw new Error("apt-get 安装 chromium 失败，请检查软件源后重试");
  }
  throw new Error(
    "找不到用于端到端测试的 Chromium。请任选其一：\n" +
      "  • Debian/Ubuntu：sudo apt-get install -y chromium\n" +
      "  • 可联网的机器：npx playwright install chromium\n" +
      "  • 或设置 CHROMIUM_PATH=/path/to/chromium",
  );
}
