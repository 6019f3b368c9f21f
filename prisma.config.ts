// Prisma CLI configuration for an offline machine: the WASM schema engine through the pg
// driver adapter, so no native engine has to be downloaded (docs/decisions/0001-prisma-offline.md).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// `prisma generate` falls back to the native engine when DATABASE_URL is unset, so give it a
// harmless default; commands that touch a database get the real one from scripts/.
process.env.DATABASE_URL ??= "postgresql://eagle:eagle@127.0.0.1:54329/eagle";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const factory = new PrismaPg({ connectionString: process.env.DATABASE_URL, allowExitOnIdle: true });
    const connect = factory.connect.bind(factory);
    // PrismaPg splits a migration on every ";" and runs the pieces outside a transaction.
    // Send the whole script as one simple query instead: PostgreSQL runs it atomically, and
    // "$$" bodies (the audit-log trigger) survive.
    factory.connect = async () => {
      const adapter = await connect();
      const client = (adapter as unknown as { client: { query(sql: string): Promise<unknown> } }).client;
      adapter.executeScript = async (script: string) => {
        await client.query(script);
      };
      return adapter;
    };
    return factory;
  },
});
