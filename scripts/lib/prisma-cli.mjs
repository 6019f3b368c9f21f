// Run the Prisma CLI offline (see prisma.config.ts) against a given database.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const prismaBin = path.join(root, "node_modules", "prisma", "build", "index.js");
const unref = path.join(root, "scripts", "lib", "unref-timers.cjs");

/**
 * @param {string[]} args
 * @param {{ databaseUrl?: string; capture?: boolean }} [options]
 */
export function prisma(args, { databaseUrl, capture = false } = {}) {
  const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${unref}`.trim() };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const result = spawnSync(process.execPath, [prismaBin, ...args], {
    cwd: root,
    env,
    encoding: "utf8",
    stdio: capture ? "pipe" : ["ignore", "inherit", "inherit"],
  });
  return result;
}

export function migrateDeploy(databaseUrl) {
  const result = prisma(["migrate", "deploy"], { databaseUrl, capture: true });
  if (result.status !== 0) {
    throw new Error(`数据库迁移失败：\n${result.stdout}\n${result.stderr}`);
  }
}
