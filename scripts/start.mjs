// `npm start`: database (embedded unless DATABASE_URL is set) → migrations → demo data on an
// empty database → production build when missing or stale → `next start`, supervised:
// - Next.js dies (SIGKILL, out of memory, crash): restarted after 1, 2, 4 … 30 s; after
//   MAX_QUICK_FAILURES failures in a row, each within a minute of its start, the script exits
//   non-zero so an outside supervisor (systemd, Docker) takes over instead of looping for ever.
// - the embedded PostgreSQL dies: restarted on the same data with the same back-off (the app
//   shows 「服务暂时不可用」 meanwhile and reconnects by itself); same give-up rule.
// Ctrl-C (SIGINT) or SIGTERM stops Next.js and then the database cleanly.
//   --dev      run `next dev` instead of a production build
//   --fresh    start from an empty embedded database (used by the end-to-end tests)
//   --no-seed  leave an empty database empty (tests of the supervisor itself)
import path from "node:path";
import { spawn } from "node:child_process";
import { buildIsStale, ensureAuthSecret, log, nextBin, prepareDatabase, root, runBuild, serverNodeFlags } from "./lib/app-env.mjs";
import { startEmbeddedPostgres } from "./lib/embedded-pg.mjs";

const dev = process.argv.includes("--dev");
const fresh = process.argv.includes("--fresh");
const seed = !process.argv.includes("--no-seed");
const port = Number(process.env.PORT ?? 3000);
const pgPort = Number(process.env.PG_PORT ?? 54329);
const dataDir = path.resolve(root, process.env.EAGLE_DATA_DIR ?? ".data");
const clientAddressHook = path.join(root, "scripts", "lib", "client-address-hook.cjs");

const BACKOFF_MS = (process.env.EAGLE_RESTART_BACKOFF_MS ?? "1000,2000,4000,8000,15000,30000").split(",").map(Number);
const MAX_QUICK_FAILURES = 8;
const STABLE_AFTER_MS = 60_000;

let database; // { databaseUrl, embedded, pgDir, stop }
let embedded; // the running embedded server, replaced on restart
let child;
let stopping = false;
const timers = new Set();

function later(ms, fn) {
  const timer = setTimeout(() => {
    timers.delete(timer);
    fn();
  }, ms);
  timers.add(timer);
}

/** Counts failures in a row that came soon after a start, and picks the next delay. */
function restartPolicy(name) {
  let quickFailures = 0;
  return {
    next(startedAt) {
      quickFailures = Date.now() - startedAt >= STABLE_AFTER_MS ? 1 : quickFailures + 1;
      if (quickFailures > MAX_QUICK_FAILURES) {
        log(`${name} 连续 ${MAX_QUICK_FAILURES} 次启动后很快退出，放弃重启并以错误码退出（交由外部守护进程处理）`);
        return null;
      }
      return BACKOFF_MS[Math.min(quickFailures - 1, BACKOFF_MS.length - 1)];
    },
  };
}

const alive = (proc) => !!proc && proc.exitCode === null && proc.signalCode === null;

function waitForExit(proc, ms) {
  if (!alive(proc)) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      if (alive(proc)) proc.kill("SIGKILL");
    }, ms);
    proc.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const timer of timers) clearTimeout(timer);
  if (alive(child)) {
    child.kill("SIGTERM");
    await waitForExit(child, 10_000);
  }
  if (database) {
    log("正在停止数据库…");
    await (embedded ?? database).stop().catch(() => {});
  }
  process.exit(code);
}

process.on("SIGINT", () => {
  if (stopping) process.exit(130); // a second Ctrl-C does not wait
  shutdown(0);
});
process.on("SIGTERM", () => shutdown(0));

// ── Next.js
const nextPolicy = restartPolicy("Next.js");
let nextEnv;

function launchNext() {
  if (stopping) return;
  const startedAt = Date.now();
  const proc = spawn(process.execPath, [...(dev ? [] : serverNodeFlags()), nextBin(), dev ? "dev" : "start", "-p", String(port)], {
    cwd: root,
    env: nextEnv,
    stdio: "inherit",
  });
  child = proc;
  proc.once("exit", (code, signal) => {
    if (stopping) return;
    const delay = nextPolicy.next(startedAt);
    if (delay === null) return void shutdown(1);
    log(`Next.js 意外退出（${signal ?? `退出码 ${code}`}），${delay / 1000} 秒后重新启动`);
    later(delay, launchNext);
  });
}

// ── embedded PostgreSQL
const databasePolicy = restartPolicy("PostgreSQL");

function watchDatabase(server, startedAt) {
  server.onExit(({ code, signal }) => {
    if (stopping) return;
    const delay = databasePolicy.next(startedAt);
    if (delay === null) return void shutdown(1);
    log(`内置 PostgreSQL 意外退出（${signal ?? `退出码 ${code}`}），${delay / 1000} 秒后重新启动`);
    later(delay, restartDatabase);
  });
}

async function restartDatabase() {
  if (stopping) return;
  const startedAt = Date.now();
  try {
    const server = await startEmbeddedPostgres({ dataDir: database.pgDir, port: pgPort, fast: fresh });
    if (stopping) return void (await server.stop());
    embedded = server;
    log("内置 PostgreSQL 已重新启动");
    watchDatabase(server, startedAt);
  } catch (error) {
    const delay = databasePolicy.next(startedAt);
    if (delay === null) return void shutdown(1);
    log(`内置 PostgreSQL 重新启动失败（${String(error?.message ?? error).split("\n")[0]}），${delay / 1000} 秒后再试`);
    later(delay, restartDatabase);
  }
}

try {
  const secret = ensureAuthSecret(dataDir);
  database = await prepareDatabase({ dataDir, pgPort, fresh, seed });
  if (database.embedded) {
    embedded = database.embedded;
    watchDatabase(embedded, Date.now());
  }
  if (!dev && buildIsStale()) runBuild();
  nextEnv = {
    ...process.env,
    DATABASE_URL: database.databaseUrl,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
    // Puts the real TCP peer into every request for sign-in throttling (see the hook).
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${JSON.stringify(clientAddressHook)}`.trim(),
  };
  log(`应用地址：http://localhost:${port}`);
  if (!stopping) launchNext();
} catch (error) {
  console.error(`[鹰阶] 启动失败：${error instanceof Error ? error.message : error}`);
  await shutdown(1);
}
