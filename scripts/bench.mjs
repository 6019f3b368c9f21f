// `npm run bench [-- --managers 10000] [-- --only <name>] [-- --no-pages] [-- --pages-only]`:
// builds a bank of benchmark size in a throwaway embedded PostgreSQL, times the heavy operations
// (bench/cases/*.ts) and — unless --no-pages or --only — the pages under load on the production
// server (bench/pages.ts; the production bundle is built first when stale).
import path from "node:path";
import { spawnSync } from "node:child_process";
import { buildIsStale, root, runBuild } from "./lib/app-env.mjs";
import { freePort, startEmbeddedPostgres } from "./lib/embedded-pg.mjs";
import { migrateDeploy } from "./lib/prisma-cli.mjs";

const args = process.argv.slice(2);
const pages = !args.includes("--no-pages") && !args.includes("--calls-only") && (!args.includes("--only") || args.includes("--pages-only"));
if (pages && buildIsStale()) runBuild();

// --keep-db: the bank stays in .data/bench-keep-<managers> between runs (seeded once; for quick
// loops on the pages and their DAL calls — the operation cases change the bank, so use it with
// --pages-only or --calls-only).
const keep = args.includes("--keep-db");
const managersArg = args.includes("--managers") ? args[args.indexOf("--managers") + 1] : "10000";
const port = await freePort();
const server = await startEmbeddedPostgres({
  dataDir: keep ? `.data/bench-keep-${managersArg}` : `.data/bench-${process.pid}`,
  port,
  persistent: keep,
  fast: true,
  database: "eagle_bench",
});
let status = 1;
try {
  migrateDeploy(server.url);
  const result = spawnSync(
    process.execPath,
    ["--import", path.join(root, "scripts/lib/server-only-hook.mjs"), "--import", "tsx", path.join(root, "bench/run.ts"), ...args],
    { cwd: root, stdio: "inherit", env: { ...process.env, DATABASE_URL: server.url, BENCH_PAGES: pages ? "1" : "0" } },
  );
  status = result.status ?? 1;
} finally {
  await server.stop();
}
process.exit(status);
