// Finding 3: `npm start` hung with a dead port when Next.js was killed, and never restarted a dead
// database. The supervisor restarts each (with back-off); Ctrl-C still stops both cleanly.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../scripts/lib/embedded-pg.mjs";
import { answers, ensureBuild, startSupervisor, waitFor, type AppProcess } from "../support/app-process";

const dataDir = path.resolve(`.data/test-supervisor-${process.pid}`);
let app: AppProcess;
let pgPort: number;

function pids() {
  const file = path.join(dataDir, "pg", "postmaster.pid");
  if (!fs.existsSync(file)) throw new Error(`no ${file}; data dir has ${fs.readdirSync(dataDir).join(", ")}\n${app.output()}`);
  const pgPid = Number(fs.readFileSync(file, "utf8").split("\n")[0]);
  return { pgPid };
}

function nextPid(supervisorPid: number): number {
  // The supervisor's child that runs next: found through /proc (no ps needed).
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (ppid === supervisorPid && !cmdline.includes("postgres") && (cmdline.includes("next-server") || cmdline.includes("next/dist/bin/next")))
        return Number(entry);
    } catch {
      // the process ended meanwhile
    }
  }
  throw new Error("no next process under the supervisor");
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  ensureBuild();
  const port = await freePort();
  pgPort = await freePort();
  app = await startSupervisor({
    port,
    args: ["--fresh", "--no-seed"],
    env: { PG_PORT: String(pgPort), EAGLE_DATA_DIR: dataDir, EAGLE_RESTART_BACKOFF_MS: "500,1000,2000" },
  });
}, 300_000);

afterAll(async () => {
  await app?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("npm start supervises Next.js and PostgreSQL", { timeout: 120_000 }, () => {
  it("restarts Next.js after SIGKILL and answers again on the same port", async () => {
    const first = nextPid(app.proc.pid!);
    process.kill(first, "SIGKILL");
    await waitFor(async () => !(await answers(`${app.url}/login`).catch(() => false)), 10_000, "the port to go dead");
    await waitFor(() => answers(`${app.url}/login`), 90_000, "the app to answer again");
    expect(nextPid(app.proc.pid!)).not.toBe(first);
    expect(app.output()).toContain("Next.js 意外退出");
  });

  it("restarts the embedded PostgreSQL after SIGKILL, and the app answers again", async () => {
    const { pgPid } = pids();
    process.kill(pgPid, "SIGKILL");
    await waitFor(async () => app.output().includes("内置 PostgreSQL 已重新启动"), 90_000, "the database to be restarted");
    expect(app.output()).toContain("内置 PostgreSQL 意外退出（SIGKILL）");
    expect(alive(pgPid)).toBe(false);
    expect(pids().pgPid).not.toBe(pgPid);
    // The page passes the proxy's database check again (503 while it was down; tests/integration/db-down).
    await waitFor(() => answers(`${app.url}/login`), 30_000, "the app to answer again with the database back");
  });

  it("Ctrl-C stops Next.js and the database cleanly (no stale postmaster.pid)", async () => {
    const { pgPid } = pids();
    const next = nextPid(app.proc.pid!);
    const exited = new Promise<number | null>((resolve) => app.proc.once("exit", (code) => resolve(code)));
    app.proc.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(alive(next)).toBe(false);
    expect(alive(pgPid)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);
  });
});
