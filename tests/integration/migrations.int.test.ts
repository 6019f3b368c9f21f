// The committed migrations must produce exactly the schema in schema.prisma, so nobody can change
// the schema and forget the migration (or hand-edit a migration away from the schema).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import pg from "pg";
import { prisma } from "../../scripts/lib/prisma-cli.mjs";

// Objects written by hand in migration.sql that schema.prisma cannot express.
const HAND_WRITTEN = new Set([
  "index:PromotionReview_one_live_per_quarter",
  // The skills contest: one score per judge and entrant/team, one per entrant for unjudged events.
  "index:ContestScore_judge_entrant_key",
  "index:ContestScore_judge_team_key",
  "index:ContestScore_event_entrant_unjudged_key",
  "index:ContestJudge_event_external_key",
  "constraint:ContestScore_one_target",
  "constraint:ContestScore_not_negative",
  "constraint:ContestJudge_user_or_name",
  "constraint:ContestAward_one_holder",
]);

async function catalogue(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query(`
      SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length, numeric_precision, numeric_scale
      FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
        AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE')`);
    const indexes = await client.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`);
    const constraints = await client.query(`
      SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT IN ('_prisma_migrations', '"_prisma_migrations"')
        AND contype <> 't' -- constraint triggers are hand-written triggers, not part of schema.prisma
    `);
    const enums = await client.query(`
      SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`);
    return [
      ...columns.rows.map((r) => `column:${JSON.stringify(r)}`),
      ...indexes.rows.filter((r) => !HAND_WRITTEN.has(`index:${r.indexname}`)).map((r) => `index:${r.indexname}:${r.indexdef}`),
      ...constraints.rows.filter((r) => !HAND_WRITTEN.has(`constraint:${r.conname}`)).map((r) => `constraint:${r.tbl}:${r.conname}:${r.def}`),
      ...enums.rows.map((r) => `enum:${r.typname}:${r.labels}`),
    ].sort();
  } finally {
    await client.end();
  }
}

describe("migrations", () => {
  it("the last migration's schema copy equals prisma/schema.prisma (no forgotten migration)", () => {
    const dir = path.resolve("prisma/migrations");
    const last = fs
      .readdirSync(dir)
      .filter((d) => fs.statSync(path.join(dir, d)).isDirectory())
      .sort()
      .at(-1)!;
    const result = prisma(
      [
        "migrate",
        "diff",
        "--from-schema-datamodel",
        path.join("prisma/migrations", last, "schema.prisma"),
        "--to-schema-datamodel",
        "prisma/schema.prisma",
        "--exit-code",
      ],
      { databaseUrl: process.env.DATABASE_URL, capture: true },
    );
    expect(result.status, `schema.prisma 改了但没有新迁移：运行 npm run db:migration -- <name>\n${result.stdout}`).toBe(0);
  });

  it("applying the migrations gives the same tables, columns, indexes and constraints as schema.prisma", async () => {
    const script = prisma(["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"], {
      databaseUrl: process.env.DATABASE_URL,
      capture: true,
    });
    expect(script.status).toBe(0);
    const adminUrl = process.env.TEST_ADMIN_URL!;
    const name = `eagle_direct_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const directUrl = adminUrl.replace(/\/postgres$/, `/${name}`);
    try {
      const direct = new pg.Client({ connectionString: directUrl });
      await direct.connect();
      await direct.query(script.stdout);
      await direct.end();
      const [fromMigrations, fromSchema] = await Promise.all([catalogue(process.env.DATABASE_URL!), catalogue(directUrl)]);
      expect(fromMigrations.filter((x) => !fromSchema.includes(x))).toEqual([]);
      expect(fromSchema.filter((x) => !fromMigrations.includes(x))).toEqual([]);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
