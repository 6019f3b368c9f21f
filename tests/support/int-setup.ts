// Runs in every integration test file: a private database copied from the migrated template.
import { afterAll, inject } from "vitest";
import pg from "pg";

const adminUrl = inject("adminUrl");
const templateDb = inject("templateDb");
const name = `eagle_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDb}"`);
await admin.end();

process.env.DATABASE_URL = adminUrl.replace(/\/postgres$/, `/${name}`);
process.env.TEST_ADMIN_URL = adminUrl;

afterAll(async () => {
  const holder = globalThis as unknown as { eaglePrisma?: { $disconnect(): Promise<void> } };
  await holder.eaglePrisma?.$disconnect();
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.end();
});
