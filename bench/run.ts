// Runs inside scripts/bench.mjs with DATABASE_URL pointing at a fresh, migrated database.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { getDb } from "../lib/server/db";
import { todayInShanghai } from "../lib/domain/dates";
import { seedBenchPeople } from "./seed-people";
import { recordQuery, runCallBreakdown, runPageStage } from "./pages";
import type { BenchCase, BenchContext, BenchSeed } from "./types";

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const managers = Number(option("managers") ?? 10000);
const only = option("only");
// The page-level stage needs the production build (scripts/bench.mjs makes it) and is skipped
// with --no-pages; --pages-only skips the DAL cases.
const withPages = !args.includes("--no-pages") && process.env.BENCH_PAGES === "1";
const pagesOnly = args.includes("--pages-only");
const here = path.dirname(new URL(import.meta.url).pathname);

// --calls: a client that reports each query's duration, so the breakdown can name the slow ones.
if (args.includes("--calls") || args.includes("--calls-only")) {
  const adapter = new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: Number(process.env.DB_POOL_SIZE ?? 10) });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (e) => recordQuery(e.query, e.duration));
  (globalThis as { eaglePrisma?: PrismaClient }).eaglePrisma = client;
}
const db = getDb();
const today = todayInShanghai();
const keep = args.includes("--keep-db");
const callsOnly = args.includes("--calls-only");
let t = performance.now();
// --keep-db: a bank seeded by an earlier run is used as it is (scripts/bench.mjs keeps its data directory).
const seeded = keep && (await db.user.count({ where: { id: "bench-hr" } })) > 0;
let people: { branchIds: string[]; managerIds: string[]; quarters: string[]; appraisals: number };
if (seeded) {
  const count = await db.user.count({ where: { id: { startsWith: "bench-am-" } } });
  const branches = await db.branch.count({ where: { id: { startsWith: "bench-b" } } });
  const quarters = (await db.appraisalQuarter.findMany({ orderBy: { quarter: "asc" }, select: { quarter: true } })).map((q) => q.quarter).slice(-12);
  people = {
    branchIds: Array.from({ length: branches }, (_, i) => `bench-b${i}`),
    managerIds: Array.from({ length: count }, (_, i) => `bench-am-${i}`),
    quarters,
    appraisals: await db.appraisal.count(),
  };
  console.log(`沿用已准备的数据：${count} 名客户经理、${branches} 个支行（--keep-db）`);
} else {
  people = await seedBenchPeople(db, { managers, today });
  console.log(
    `数据准备：${managers} 名客户经理、${people.branchIds.length} 个支行、${people.appraisals} 条季度考评（${Math.round(performance.now() - t)} ms）`,
  );
}

const viewer = (id: string, role: "HR" | "BRANCH_HEAD", branchId: string) => ({ id, name: id, employeeNo: id, role, branchId, branchName: "" });
const hrBranch = (await db.user.findUniqueOrThrow({ where: { id: "bench-hr" } })).branchId;
const ctx: BenchContext = {
  db,
  hr: viewer("bench-hr", "HR", hrBranch),
  head: viewer("bench-head-0", "BRANCH_HEAD", people.branchIds[0]),
  branchIds: people.branchIds,
  managerIds: people.managerIds,
  quarters: people.quarters,
  today,
  extra: {},
};

// Area seeds (bench/seed-<area>.ts exporting `seed`) and cases (bench/cases/*.ts exporting `cases`).
for (const file of seeded
  ? []
  : fs
      .readdirSync(here)
      .filter((f) => /^seed-.+\.ts$/.test(f) && f !== "seed-people.ts")
      .sort()) {
  const mod = (await import(path.join(here, file))) as { seed?: BenchSeed };
  if (!mod.seed) continue;
  t = performance.now();
  await mod.seed(ctx);
  console.log(`数据准备（${file}）：${Math.round(performance.now() - t)} ms`);
}
if (!seeded) await db.$executeRawUnsafe("ANALYZE");

// --calls / --calls-only: each DAL call of /me, /branch and /hr timed alone (what the SQL floor is made of).
const callBreakdown = args.includes("--calls") || callsOnly ? await runCallBreakdown(ctx) : null;

// Pages first: the DAL cases below import, lock and commit, which changes the bank.
const pageStage = withPages
  ? await runPageStage(ctx, { quick: managers < 10000, only: option("page"), cpuProfile: args.includes("--cpu-prof"), hold: args.includes("--hold") })
  : null;

const results: { name: string; runs: number[]; median: number; targetMs?: number }[] = [];
for (const file of pagesOnly || callsOnly
  ? []
  : fs
      .readdirSync(path.join(here, "cases"))
      .filter((f) => f.endsWith(".ts"))
      .sort()) {
  const mod = (await import(path.join(here, "cases", file))) as { cases: BenchCase[] };
  for (const c of mod.cases) {
    if (only && !c.name.includes(only)) continue;
    const runs: number[] = [];
    for (let i = 0; i < (c.repeat ?? 3); i++) {
      if (c.prepare) await c.prepare(ctx);
      const start = performance.now();
      await c.run(ctx);
      runs.push(Math.round(performance.now() - start));
    }
    const sorted = [...runs].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    results.push({ name: c.name, runs, median, targetMs: c.targetMs });
    const verdict = c.targetMs ? (median <= c.targetMs ? `✓ ≤ ${c.targetMs} ms` : `✗ > ${c.targetMs} ms`) : "";
    console.log(`${c.name.padEnd(48)} median ${String(median).padStart(6)} ms  runs ${runs.join(", ")}  ${verdict}`);
  }
}
fs.mkdirSync("bench-results", { recursive: true });
fs.writeFileSync(
  path.join("bench-results", "latest.json"),
  JSON.stringify({ managers, at: new Date().toISOString(), results, pages: pageStage, calls: callBreakdown }, null, 2),
);
await db.$disconnect();
