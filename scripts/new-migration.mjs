// Create the next migration offline: `npm run db:migration -- <name>`.
// `prisma migrate dev` needs a native engine that cannot be downloaded here, so diff the schema as
// of the last migration (a copy kept in each migration folder) against prisma/schema.prisma, write
// the SQL, then prove the whole chain applies to a throwaway database.
import fs from "node:fs";
import path from "node:path";
import { prisma, migrateDeploy } from "./lib/prisma-cli.mjs";
import { startEmbeddedPostgres, freePort } from "./lib/embedded-pg.mjs";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("用法：npm run db:migration -- <name>   （name 只能包含小写字母、数字和下划线）");
  process.exit(2);
}

const migrationsDir = path.resolve("prisma/migrations");
const previous = fs
  .readdirSync(migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
  .at(-1);
const from = previous ? ["--from-schema-datamodel", path.join("prisma/migrations", previous, "schema.prisma")] : ["--from-empty"];

// The CLI's driver adapter connects even for a pure schema-to-schema diff, so the throwaway
// database that proves the chain is started first.
const port = await freePort();
const db = await startEmbeddedPostgres({ dataDir: `.data/migration-check-${process.pid}`, port, persistent: false, fast: true });
const diff = prisma(["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script", "--exit-code"], {
  capture: true,
  databaseUrl: db.url,
});
if (diff.status !== 2) {
  await db.stop();
  if (diff.status === 0) console.log("schema.prisma 与上一次迁移一致，无需新迁移。");
  else console.error(diff.stdout, diff.stderr);
  process.exit(diff.status === 0 ? 0 : 1);
}

const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const folder = path.join(migrationsDir, `${stamp}_${name}`);
fs.mkdirSync(folder);
fs.writeFileSync(path.join(folder, "migration.sql"), diff.stdout);
fs.copyFileSync("prisma/schema.prisma", path.join(folder, "schema.prisma"));
console.log(`已生成 ${path.relative(process.cwd(), folder)}/migration.sql`);

try {
  migrateDeploy(db.url);
  console.log("迁移链已在临时数据库上验证通过。");
} catch (error) {
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await db.stop();
}
