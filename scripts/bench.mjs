// `npm run bench [-- --managers 10000] [-- --only <name>]`: builds a bank of benchmark size in a
// throwaway embedded PostgreSQL and times the heavy operations (bench/cases/*.ts).
import path from "node:path";
import { spawnSync } from "node:child_process";
import { root } from "./lib/app-env.mjs";
import { freePort, startEmbeddedPostgres } from "./lib/embedded-pg.mjs";
import { migrateDeploy } from "./lib/prisma-cli.mjs";

const port = await freePort();
const server = await startEmbeddedPostgres({ dataDir: `.data/bench-${process.pid}`, port, persistent: false, fast: true, database: "eagle_bench" });
let status = 1;
try {
  migrateDeploy(server.url);
  const result = spawnSync(
    process.execPath,
    ["--import", path.join(root, "scripts/lib/server-only-hook.mjs"), "--import", "tsx", path.join(root, "bench/run.ts"), ...process.argv.slice(2)],
    { cwd: root, stdio: "inherit", env: { ...process.env, DATABASE_URL: server.url, DB_POOL_SIZE: "10" } },
  );
  status = result.status ?? 1;
} finally {
  await server.stop();
}
process.exit(status);
