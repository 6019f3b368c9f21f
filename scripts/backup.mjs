// `npm run db:backup [-- FILE]` and `npm run db:restore FILE [-- --yes]`: a backup of the configured
// database (DATABASE_URL) or of the embedded one — the running one when `npm start` is up, else it
// is started just for this and stopped again. See scripts/lib/backup.mjs for the format.
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline/promises";
import pg from "pg";
import { root, log } from "./lib/app-env.mjs";
import { startEmbeddedPostgres } from "./lib/embedded-pg.mjs";
import { migrateDeploy } from "./lib/prisma-cli.mjs";
import { backupDatabase, readHeader, restoreDatabase } from "./lib/backup.mjs";

const [command, ...rest] = process.argv.slice(2);
const yes = rest.includes("--yes");
const fileArg = rest.find((arg) => !arg.startsWith("--"));
const dataDir = path.resolve(root, process.env.EAGLE_DATA_DIR ?? ".data");
const pgPort = Number(process.env.PG_PORT ?? 54329);

async function reachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on("error", () => {});
  const up = await client
    .connect()
    .then(() => client.query("SELECT 1"))
    .then(
      () => true,
      () => false,
    );
  await client.end().catch(() => {});
  return up;
}

/** { url, stop } of the database to work on. */
async function openDatabase() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const url = `postgresql://eagle:eagle@127.0.0.1:${pgPort}/eagle`;
  if (await reachable(url)) {
    log(`使用正在运行的内置 PostgreSQL（端口 ${pgPort}）`);
    return { url, stop: async () => {} };
  }
  const pgDir = path.join(dataDir, "pg");
  if (!fs.existsSync(path.join(pgDir, "PG_VERSION"))) throw new Error(`找不到内置数据库（${pgDir}）；请先运行 npm start，或设置 DATABASE_URL`);
  log(`临时启动内置 PostgreSQL（端口 ${pgPort}）`);
  const server = await startEmbeddedPostgres({ dataDir: pgDir, port: pgPort });
  return { url: server.url, stop: () => server.stop() };
}

function stamp() {
  return new Date().toISOString().replace(/[:]/g, "").replace(/\..*/, "").replace("T", "-");
}

async function main() {
  if (command === "backup") {
    const file = path.resolve(fileArg ?? path.join(root, "backups", `eagle-${stamp()}.backup.gz`));
    const db = await openDatabase();
    try {
      const result = await backupDatabase(db.url, file);
      log(`备份完成：${file}（${Object.keys(result.tables).length} 张表，${result.rows} 行）`);
    } finally {
      await db.stop();
    }
    return;
  }
  if (command === "restore") {
    if (!fileArg) throw new Error("用法：npm run db:restore <备份文件> [-- --yes]");
    const file = path.resolve(fileArg);
    const header = await readHeader(file);
    if (!yes) {
      if (!process.stdin.isTTY) throw new Error("恢复会用备份替换数据库中的全部数据；非交互运行时请加 --yes 确认");
      const prompt = readline.createInterface({ input: process.stdin, output: process.stdout });
      const answer = await prompt.question(`将用 ${header.createdAt} 的备份替换数据库中的全部数据，此操作不可撤销。请先停止应用。确认请输入 yes：`);
      prompt.close();
      if (answer.trim() !== "yes") {
        log("已取消");
        return;
      }
    }
    const db = await openDatabase();
    try {
      const result = await restoreDatabase(db.url, file, path.join(root, "prisma", "migrations"));
      for (const warning of result.warnings) log(`注意：${warning}`);
      migrateDeploy(db.url);
      log(`恢复完成：${result.rows} 行，来自 ${result.createdAt} 的备份；已应用之后的迁移。请重新启动应用。`);
    } finally {
      await db.stop();
    }
    return;
  }
  throw new Error("用法：node scripts/backup.mjs backup [文件] | restore <文件> [--yes]");
}

try {
  await main();
} catch (error) {
  console.error(`[鹰阶] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
