import "server-only";
import fs from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One client per process. Created lazily so that importing this module never throws when
// DATABASE_URL is unset (next build imports every route).
const globalForPrisma = globalThis as unknown as { eaglePrisma?: PrismaClient };

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  // DB_POOL_SIZE connections (default 10: with 20 concurrent users on two cores the database, not
  // the pool, is the limit, and read pages hold a connection only per query). A request waits up
  // to 10 s for a free connection instead of forever; an interactive transaction waits up to
  // 10 s for its connection (Prisma's default is 2 s, which turned brief saturation into P2028).
  const adapter = new PrismaPg({ connectionString, max: Number(process.env.DB_POOL_SIZE ?? 10), connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000 });
  // EAGLE_QUERY_LOG=<file>: every query and its duration appended to the file (for the bench's --hold).
  const queryLog = process.env.EAGLE_QUERY_LOG;
  if (!queryLog) return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000 } });
  const client = new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000 }, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => fs.appendFileSync(queryLog, `${event.duration}\t${event.query.replace(/\s+/g, " ")}\n`));
  return client;
}

export function getDb(): PrismaClient {
  globalForPrisma.eaglePrisma ??= createClient();
  return globalForPrisma.eaglePrisma;
}

/** The shared client; a Proxy so `db.user.findMany()` works without calling getDb() first. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDb() as unknown as Record<string | symbol, unknown>;
    const value = client[property];
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
