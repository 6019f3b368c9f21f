// Logical backup and restore of the app's database, in plain Node (the `pg` driver): the embedded
// PostgreSQL from npm ships no pg_dump/pg_restore, and a system pg_dump older than the server
// refuses to dump it. The file is gzip'd lines: a header (format, time, applied migrations), then
// per table a "T" line with its columns and one "R" line per row (row_to_json, so every type —
// numeric, enums, arrays, json, timestamps — round-trips through jsonb_populate_recordset).
// The dump reads one snapshot (REPEATABLE READ); the restore is one transaction: all or nothing.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import crypto from "node:crypto";
import readline from "node:readline";
import { once } from "node:events";
import pg from "pg";

export const FORMAT = "eagle-ladder-backup";
const BATCH = 2000;

const quote = (name) => `"${name.replaceAll('"', '""')}"`;

/** Tables of the app (public schema), parents before children so a plain insert order works. */
async function tablesInDependencyOrder(client) {
  const { rows: tables } = await client.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations' ORDER BY c.relname`,
  );
  const { rows: edges } = await client.query(
    `SELECT child.relname AS child, parent.relname AS parent FROM pg_constraint k
     JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = child.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public' AND child.oid <> parent.oid`,
  );
  const names = tables.map((t) => t.name);
  const parents = new Map(names.map((name) => [name, new Set()]));
  for (const { child, parent } of edges) parents.get(child)?.add(parent);
  const ordered = [];
  const done = new Set();
  const visit = (name, stack = new Set()) => {
    if (done.has(name) || stack.has(name)) return;
    stack.add(name);
    for (const parent of parents.get(name) ?? []) visit(parent, stack);
    done.add(name);
    ordered.push(name);
  };
  for (const name of names) visit(name);
  return ordered;
}

async function columnsOf(client, table) {
  const { rows } = await client.query(
    `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
    [quote(table)],
  );
  return rows.map((r) => r.name);
}

async function write(stream, line) {
  if (!stream.write(line + "\n")) await once(stream, "drain");
}

/** Writes a backup of `databaseUrl` to `file`; returns { tables, rows }. */
export async function backupDatabase(databaseUrl, file) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  const gzip = zlib.createGzip();
  const out = fs.createWriteStream(partial, { mode: 0o600 });
  gzip.pipe(out);
  let total = 0;
  const counts = {};
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const { rows: migrations } = await client.query(
      `SELECT migration_name, checksum, finished_at, started_at, applied_steps_count FROM _prisma_migrations
       WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL ORDER BY migration_name`,
    );
    const tables = await tablesInDependencyOrder(client);
    await write(gzip, JSON.stringify({ format: FORMAT, version: 1, createdAt: new Date().toISOString(), migrations, tables }));
    for (const table of tables) {
      const columns = await columnsOf(client, table);
      await write(gzip, `T\t${JSON.stringify({ table, columns })}`);
      await client.query(`DECLARE dump NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${quote(table)} t`);
      let count = 0;
      for (;;) {
        const { rows } = await client.query(`FETCH ${BATCH} FROM dump`);
        if (rows.length === 0) break;
        for (const row of rows) await write(gzip, `R\t${row.j}`);
        count += rows.length;
      }
      await client.query("CLOSE dump");
      counts[table] = count;
      total += count;
    }
    await client.query("COMMIT");
    gzip.end();
    await once(out, "close");
    fs.renameSync(partial, file);
    return { tables: counts, rows: total };
  } catch (error) {
    gzip.destroy();
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

async function* linesOf(file) {
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) if (line) yield line;
}

/** The header of a backup file, or an error in Chinese when it is not one. */
export async function readHeader(file) {
  if (!fs.existsSync(file)) throw new Error(`找不到备份文件：${file}`);
  try {
    for await (const line of linesOf(file)) {
      const header = JSON.parse(line);
      if (header?.format !== FORMAT) break;
      return header;
    }
  } catch {
    // fall through
  }
  throw new Error(`${file} 不是鹰阶的备份文件`);
}

function migrationChecksum(migrationsDir, name) {
  const sql = path.join(migrationsDir, name, "migration.sql");
  if (!fs.existsSync(sql)) return null;
  return crypto.createHash("sha256").update(fs.readFileSync(sql)).digest("hex");
}

const PRISMA_MIGRATIONS_DDL = `CREATE TABLE "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

/**
 * Replaces everything in `databaseUrl` with the backup in `file`, in one transaction: the schema
 * is rebuilt from the migrations the backup was taken at (they must exist in prisma/migrations),
 * the rows are loaded, sequences moved past the highest id. Later migrations are then applied
 * by the caller (migrate deploy). Returns { tables, rows, migrations, warnings }.
 */
export async function restoreDatabase(databaseUrl, file, migrationsDir) {
  const header = await readHeader(file);
  const warnings = [];
  for (const m of header.migrations) {
    const local = migrationChecksum(migrationsDir, m.migration_name);
    if (local === null) throw new Error(`备份来自更新的版本（迁移 ${m.migration_name} 在本程序中不存在），请先升级程序再恢复`);
    if (local !== m.checksum) warnings.push(`迁移 ${m.migration_name} 的内容与备份时不同`);
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const counts = {};
  let total = 0;
  try {
    await client.query("BEGIN");
    await client.query("DROP SCHEMA public CASCADE");
    await client.query("CREATE SCHEMA public");
    await client.query(PRISMA_MIGRATIONS_DDL);
    for (const m of header.migrations) {
      await client.query(fs.readFileSync(path.join(migrationsDir, m.migration_name, "migration.sql"), "utf8"));
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, $4, $5, $6)`,
        [crypto.randomUUID(), m.checksum, m.finished_at, m.migration_name, m.started_at, m.applied_steps_count],
      );
    }
    // Foreign keys and triggers (the audit log is append-only) are not re-checked row by row
    // for rows that were consistent when dumped; without the privilege the dependency order is enough.
    await client.query("SAVEPOINT replica");
    try {
      await client.query("SET LOCAL session_replication_role = replica");
    } catch {
      await client.query("ROLLBACK TO SAVEPOINT replica");
    }
    let table = null;
    let columns = [];
    let batch = [];
    const flush = async () => {
      if (!table || batch.length === 0) return;
      const list = columns.map(quote).join(", ");
      await client.query(`INSERT INTO ${quote(table)} (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::${quote(table)}, $1::jsonb)`, [
        `[${batch.join(",")}]`,
      ]);
      counts[table] = (counts[table] ?? 0) + batch.length;
      total += batch.length;
      batch = [];
    };
    let first = true;
    for await (const line of linesOf(file)) {
      if (first) {
        first = false;
        continue;
      }
      if (line.startsWith("T\t")) {
        await flush();
        ({ table, columns } = JSON.parse(line.slice(2)));
        counts[table] = 0;
        // Migrations may seed rows (reference names, data-version counters) that the backup holds
        // too: the backup's rows replace them.
        const { rows: seeded } = await client.query(`SELECT EXISTS (SELECT 1 FROM ${quote(table)}) AS "any"`);
        if (seeded[0].any) await client.query(`DELETE FROM ${quote(table)}`);
      } else if (line.startsWith("R\t")) {
        batch.push(line.slice(2));
        if (batch.length >= BATCH) await flush();
      }
    }
    await flush();
    const { rows: sequences } = await client.query(
      `SELECT c.relname AS "table", a.attname AS "column", pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS seq
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
         AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL`,
    );
    for (const s of sequences) {
      await client.query(`SELECT setval($1, COALESCE((SELECT max(${quote(s.column)}) FROM ${quote(s.table)}), 0) + 1, false)`, [s.seq]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
  return { tables: counts, rows: total, migrations: header.migrations.length, warnings, createdAt: header.createdAt };
}
