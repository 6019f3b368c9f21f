// `npm run db:backup` / `npm run db:restore FILE`: a round trip gives back exactly the rows that
// were there (every table, the audit log included), and a failed restore changes nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { getDb } from "@/lib/server/db";
import { backupDatabase, restoreDatabase } from "../../scripts/lib/backup.mjs";
import { createBranch, createUser } from "../factories";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eagle-backup-"));
const migrations = path.resolve("prisma/migrations");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** One fingerprint per table: its rows in a stable order, as text. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations' ORDER BY 1`,
    );
    const out: Record<string, string> = {};
    for (const { relname } of tables) {
      const { rows } = await client.query(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h, count(*)::int AS n FROM "${relname}" t`);
      out[relname] = `${rows[0].n}:${rows[0].h}`;
    }
    return out;
  } finally {
    await client.end();
  }
}

describe("backup and restore", { timeout: 120_000 }, () => {
  it("restores exactly what was backed up, after rows were changed, deleted and added", async () => {
    const url = process.env.DATABASE_URL!;
    const db = getDb();
    const branch = await createBranch("备份支行");
    const user = await createUser({ branchId: branch.id, name: "备份测试员" });
    await db.auditLog.create({ data: { action: "TEST", entity: "User", entityId: user.id, after: { 金额: 12.5, 列表: [1, 2] }, note: '含"引号"与\\反斜杠' } });
    await db.signInThrottle.create({ data: { key: "account:x", failures: 3, lockedUntil: new Date("2026-12-01T00:00:00Z") } });
    const before = await fingerprint(url);
    expect(Number(before.User.split(":")[0])).toBeGreaterThan(0);

    const file = path.join(dir, "round-trip.backup.gz");
    const result = await backupDatabase(url, file);
    expect(result.rows).toBeGreaterThan(2);

    await db.user.update({ where: { id: user.id }, data: { name: "已改名" } });
    await db.signInThrottle.deleteMany({});
    await db.auditLog.create({ data: { action: "AFTER_BACKUP", entity: "User", entityId: user.id } });
    await createUser({ branchId: branch.id });
    expect(await fingerprint(url)).not.toEqual(before);
    await db.$disconnect();

    const restored = await restoreDatabase(url, file, migrations);
    expect(restored.rows).toBe(result.rows);
    expect(await fingerprint(url)).toEqual(before);

    // The app keeps working on the restored database: ids continue after the restored ones.
    const again = await fingerprint(url);
    const next = await getDb().auditLog.create({ data: { action: "AFTER_RESTORE", entity: "X", entityId: "1" } });
    const max = await getDb().auditLog.aggregate({ _max: { id: true } });
    expect(next.id).toBe(max._max.id);
    expect(again.AuditLog).toBe(before.AuditLog);
  });

  it("refuses a file that is not a backup and a backup from a newer version, changing nothing", async () => {
    const url = process.env.DATABASE_URL!;
    const bogus = path.join(dir, "bogus.gz");
    fs.writeFileSync(bogus, "not a backup");
    const before = await fingerprint(url);
    await expect(restoreDatabase(url, bogus, migrations)).rejects.toThrow("不是鹰阶的备份文件");
    const file = path.join(dir, "newer.backup.gz");
    await backupDatabase(url, file);
    const emptyMigrations = fs.mkdtempSync(path.join(dir, "old-app-"));
    await expect(restoreDatabase(url, file, emptyMigrations)).rejects.toThrow("备份来自更新的版本");
    expect(await fingerprint(url)).toEqual(before);
  });

  it("npm run db:backup and db:restore work end to end against DATABASE_URL", async () => {
    const url = process.env.DATABASE_URL!;
    const file = path.join(dir, "cli.backup.gz");
    const env = { ...process.env, DATABASE_URL: url };
    const backup = spawnSync(process.execPath, ["scripts/backup.mjs", "backup", file], { env, encoding: "utf8" });
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toContain("备份完成");
    const before = await fingerprint(url);
    await getDb().$disconnect();
    const refused = spawnSync(process.execPath, ["scripts/backup.mjs", "restore", file], { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain("--yes");
    const restore = spawnSync(process.execPath, ["scripts/backup.mjs", "restore", file, "--yes"], { env, encoding: "utf8" });
    expect(restore.status, restore.stderr).toBe(0);
    expect(restore.stdout).toContain("恢复完成");
    expect(await fingerprint(url)).toEqual(before);
  });
});
