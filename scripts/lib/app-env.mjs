// Everything `npm start` and the tests need before Next.js starts: a database (the embedded one
// unless DATABASE_URL is set), migrations, demo data in an empty database, and an auth secret.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startEmbeddedPostgres } from "./embedded-pg.mjs";
import { migrateDeploy } from "./prisma-cli.mjs";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function log(message) {
  console.log(`[鹰阶] ${message}`);
}

/** The auth secret: from the environment, or generated once and kept in the data directory. */
export function ensureAuthSecret(dataDir) {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (process.env.NODE_ENV === "production" && process.env.DATABASE_URL) {
    throw new Error(
      "生产环境（NODE_ENV=production 且设置了 DATABASE_URL）必须通过环境变量 NEXTAUTH_SECRET 提供认证密钥，例如：export NEXTAUTH_SECRET=$(openssl rand -base64 32)",
    );
  }
  const file = path.join(dataDir, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

export function seedIfEmpty(databaseUrl) {
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "prisma/seed/run.ts")], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("写入演示数据失败");
}

/**
 * Starts (or connects to) the database, migrates it and seeds an empty one.
 * Returns { databaseUrl, stop }.
 */
export async function prepareDatabase({ dataDir, pgPort, fresh = false, seed = true }) {
  if (process.env.DATABASE_URL) {
    log("使用 DATABASE_URL 指定的 PostgreSQL（不启动内置数据库）");
    migrateDeploy(process.env.DATABASE_URL);
    if (seed) seedIfEmpty(process.env.DATABASE_URL);
    return { databaseUrl: process.env.DATABASE_URL, embedded: null, stop: async () => {} };
  }
  const pgDir = path.join(dataDir, "pg");
  if (fresh) fs.rmSync(pgDir, { recursive: true, force: true });
  log(`启动内置 PostgreSQL（端口 ${pgPort}，数据目录 ${path.relative(root, pgDir) || pgDir}）`);
  const server = await startEmbeddedPostgres({ dataDir: pgDir, port: pgPort, fast: fresh });
  try {
    migrateDeploy(server.url);
    if (seed) seedIfEmpty(server.url);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { databaseUrl: server.url, embedded: server, pgDir, stop: () => server.stop() };
}

const SOURCE_ROOTS = ["app", "components", "lib", "proxy.ts", "next.config.ts", "package.json", "postcss.config.mjs", "tsconfig.json"];

function newestMtime(target) {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

/** True when there is no production build or a source file changed after it. */
export function buildIsStale() {
  const buildId = fs.statSync(path.join(root, ".next", "BUILD_ID"), { throwIfNoEntry: false });
  if (!buildId) return true;
  return SOURCE_ROOTS.some((entry) => newestMtime(path.join(root, entry)) > buildId.mtimeMs);
}

/**
 * Node flags for the Next.js server: a bounded old generation (EAGLE_SERVER_HEAP_MB, default 256)
 * so that V8 collects garbage instead of growing the process under concurrent renders — the
 * server otherwise grows to 500–800 MB with 20 users although little of it is live.
 */
export function serverNodeFlags() {
  const mb = Number(process.env.EAGLE_SERVER_HEAP_MB ?? 256);
  return Number.isFinite(mb) && mb > 0 ? [`--max-old-space-size=${mb}`] : [];
}

export function nextBin() {
  return path.join(root, "node_modules", "next", "dist", "bin", "next");
}

export function runBuild() {
  log("正在构建生产版本（首次启动或代码有更新，约需 1 分钟）…");
  const result = spawnSync(process.execPath, [nextBin(), "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error("next build 失败");
}
