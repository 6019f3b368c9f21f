// `npm start`: database (embedded unless DATABASE_URL is set) → migrations → demo data on an
// empty database → production build when missing or stale → `next start`. Ctrl-C stops both.
//   --dev    run `next dev` instead of a production build
//   --fresh  start from an empty embedded database (used by the end-to-end tests)
import path from "node:path";
import { spawn } from "node:child_process";
import { buildIsStale, ensureAuthSecret, log, nextBin, prepareDatabase, root, runBuild, serverNodeFlags } from "./lib/app-env.mjs";

const dev = process.argv.includes("--dev");
const fresh = process.argv.includes("--fresh");
const port = Number(process.env.PORT ?? 3000);
const pgPort = Number(process.env.PG_PORT ?? 54329);
const dataDir = path.resolve(root, process.env.EAGLE_DATA_DIR ?? ".data");

let database;
let child;
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
  if (database) {
    log("正在停止数据库…");
    await database.stop().catch(() => {});
  }
  process.exit(code);
}

process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

try {
  const secret = ensureAuthSecret(dataDir);
  database = await prepareDatabase({ dataDir, pgPort, fresh });
  if (!dev && buildIsStale()) runBuild();
  const env = {
    ...process.env,
    DATABASE_URL: database.databaseUrl,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  log(`应用地址：http://localhost:${port}`);
  child = spawn(process.execPath, [...(dev ? [] : serverNodeFlags()), nextBin(), dev ? "dev" : "start", "-p", String(port)], { cwd: root, env, stdio: "inherit" });
  child.on("exit", (code) => {
    if (!stopping) shutdown(code ?? 1);
  });
} catch (error) {
  console.error(`[鹰阶] 启动失败：${error instanceof Error ? error.message : error}`);
  await shutdown(1);
}
