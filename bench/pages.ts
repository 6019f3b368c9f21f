// The page-level stage of `npm run bench`: the production server (`next start`, the build made by
// scripts/bench.mjs) on the benchmark bank, signed in as HR, as the head of the 250-person branch
// and as an account manager; every dashboard and heavy page timed at 1 and at 20 concurrent
// users (loopback, a bounded number of requests), the same pages' DAL calls alone in this process
// (the SQL floor), errors (any answer but 200) and the server's peak RSS.
import fs from "node:fs";
import net from "node:net";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import { performance } from "node:perf_hooks";
import bcrypt from "bcryptjs";
import type { Viewer } from "../lib/server/auth/viewer";
import { getProfileForViewer, headcountsByGrade } from "../lib/server/dal/people";
import { getMyPanels, getMyProfile } from "../lib/server/dal/dashboard/me";
import { listTeam, waitingForHead } from "../lib/server/dal/dashboard/branch";
import { getPersonExtras } from "../lib/server/dal/dashboard/person";
import { completionReport, teamLearning } from "../lib/server/dal/courses/reports";
import { priorityHoldersForViewer, priorityMarks } from "../lib/server/dal/contest/awards";
import * as hrHome from "../lib/server/dal/dashboard/hr";
import { getLearningMetrics } from "../lib/server/dal/courses/metrics";
import { getBankHeatmap, getBranchCompetencies, getMyCompetencies } from "../lib/server/dal/competencies/results";
import { getAppraisalSheet } from "../lib/server/dal/appraisal/sheet";
import { appraisalQuarterStatus, previewReview } from "../lib/server/dal/review/preview";
import { getCommittedReview, reviewHistory } from "../lib/server/dal/review/committed";
import { labelledCompletionReport } from "../lib/server/dal/courses/report-export";
import { quarterOf } from "../lib/domain/dates";
import type { BenchContext } from "./types";
import { serverNodeFlags } from "../scripts/lib/app-env.mjs";

const PASSWORD = "Bench@2026";
type Who = "hr" | "head" | "am";

interface PageSpec {
  name: string;
  path: string;
  who: Who;
  /** p95 targets in ms at c=1 and c=20. */
  target: { c1: number; c20: number };
  /** The DAL calls the page makes, for the SQL floor. */
  floor: () => Promise<unknown>;
}

export interface PageResult {
  name: string;
  path: string;
  c1: { p50: number; p95: number };
  c20: { p50: number; p95: number };
  floor: { p50: number; p95: number };
  ratio: number;
  errors: number;
  requests: number;
  kb: number;
  target: { c1: number; c20: number };
  ok: boolean;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);
function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: Math.round(percentile(sorted, 50)), p95: Math.round(percentile(sorted, 95)) };
}

/** The RSS of a process and all its descendants, in MB, read from /proc. */
function treeRssMb(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // the process ended meanwhile
    }
  }
  let kb = 0;
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      if (match) kb += Number(match[1]);
    } catch {
      // gone
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return kb / 1024;
}

class Cookies {
  private jar = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const i = pair.indexOf("=");
      this.jar.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
    }
  }
  header() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  has(name: string) {
    return this.jar.has(name);
  }
}

/** next-auth's credentials flow with fetch: csrf token → callback → session cookie. */
async function signIn(base: string, identifier: string): Promise<string> {
  const cookies = new Cookies();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  cookies.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.header() },
    body: new URLSearchParams({ csrfToken, identifier, password: PASSWORD, json: "true", callbackUrl: base }).toString(),
  });
  cookies.take(response);
  await response.arrayBuffer();
  if (!cookies.has("next-auth.session-token")) throw new Error(`登录失败：${identifier}（HTTP ${response.status}）`);
  return cookies.header();
}

async function waitForServer(base: string, child: ChildProcess, timeoutMs = 120_000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`next start 已退出（${child.exitCode}）`);
    try {
      const r = await fetch(`${base}/api/auth/csrf`);
      if (r.ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error("next start 未在 2 分钟内就绪");
}

/**
 * One GET on a fresh loopback connection (no keep-alive: a reused socket that the server is just
 * closing would be the client's error, not the page's), the whole body read.
 */
function get(url: string, cookie: string, keep = false): Promise<{ status: number; bytes: number; body?: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { cookie }, agent: false }, (response) => {
      let bytes = 0;
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        if (keep) chunks.push(chunk);
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, bytes, body: keep ? Buffer.concat(chunks).toString("utf8") : undefined }));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

/** `total` GETs of `url` by `concurrency` workers; times in ms, errors = answers other than 200. */
async function load(url: string, cookie: string, concurrency: number, total: number) {
  const times: number[] = [];
  let errors = 0;
  let bytes = 0;
  let next = 0;
  const firstError: string[] = [];
  const worker = async () => {
    while (next < total) {
      next += 1;
      const start = performance.now();
      try {
        const response = await get(url, cookie);
        times.push(performance.now() - start);
        bytes = response.bytes;
        if (response.status !== 200) {
          errors += 1;
          if (firstError.length === 0) firstError.push(`HTTP ${response.status}`);
        }
      } catch (error) {
        times.push(performance.now() - start);
        errors += 1;
        if (firstError.length === 0) firstError.push(String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { times, errors, bytes, firstError: firstError[0] };
}

async function timeFloor(fn: () => Promise<unknown>, runs: number) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

// Queries reported by the --calls client (bench/run.ts) while a call is being timed alone.
let queryLog: { sql: string; ms: number }[] | null = null;
export function recordQuery(sql: string, ms: number) {
  queryLog?.push({ sql, ms });
}

/** One DAL call of a page: its name and the call, given the results of the page's earlier stages. */
type Call = [name: string, run: (earlier: Map<string, unknown>) => Promise<unknown>];

/**
 * Runs a page's DAL calls: stage by stage, the calls of a stage at once (as the page does), or —
 * with `times` — one after the other, each timed alone.
 */
async function runCalls(stages: Call[][], times?: Map<string, number[]>, queries?: Map<string, { sql: string; ms: number }[]>, cold = false) {
  const results = new Map<string, unknown>();
  for (const stage of stages) {
    if (times) {
      for (const [name, run] of stage) {
        // Cold: every versioned cache emptied first (lib/server/cache.ts), what a first view or a view after a write pays.
        if (cold) for (const cache of (globalThis as { eagleCaches?: Map<string, { clear(): void }> }).eagleCaches?.values() ?? []) cache.clear();
        queryLog = [];
        const start = performance.now();
        results.set(name, await run(results));
        const list = times.get(name) ?? [];
        list.push(performance.now() - start);
        times.set(name, list);
        queries?.set(name, queryLog);
        queryLog = null;
      }
    } else {
      const values = await Promise.all(stage.map(([, run]) => run(results)));
      stage.forEach(([name], i) => results.set(name, values[i]));
    }
  }
  return results;
}

/** The bench's three signed-in people and the DAL calls of the pages they open, in each page's order. */
async function benchPages(ctx: BenchContext) {
  const { db } = ctx;
  const openQuarter = ctx.quarters[ctx.quarters.length - 1];
  const reviewQuarter = ctx.quarters[ctx.quarters.length - 2];
  const amId = ctx.managerIds[0];
  const personId = ctx.managerIds[1];
  const hash = await bcrypt.hash(PASSWORD, 10);
  await db.user.updateMany({ where: { id: { in: [ctx.hr.id, ctx.head.id, amId] } }, data: { passwordHash: hash } });
  const logins = Object.fromEntries(
    (
      await db.user.findMany({
        where: { id: { in: [ctx.hr.id, ctx.head.id, amId] } },
        select: { id: true, employeeNo: true, name: true, branch: { select: { name: true } } },
      })
    ).map((u) => [u.id, u]),
  );
  const viewerOf = (id: string, role: Viewer["role"]): Viewer => {
    const u = logins[id];
    const branchId = id === ctx.hr.id ? ctx.hr.branchId : ctx.branchIds[0];
    return { id, name: u.name, employeeNo: u.employeeNo, role, branchId, branchName: u.branch.name };
  };
  const hr = viewerOf(ctx.hr.id, "HR");
  const head = viewerOf(ctx.head.id, "BRANCH_HEAD");
  const am = viewerOf(amId, "ACCOUNT_MANAGER");
  const viewerRow = (id: string) =>
    db.user.findUnique({
      where: { id },
      select: { id: true, name: true, employeeNo: true, role: true, status: true, branchId: true, branch: { select: { name: true } } },
    });
  const quarterNow = quarterOf(ctx.today);
  // app/(app)/me/page.tsx: the viewer, the profile, then the panels at once.
  const meCalls: Call[][] = [
    [["viewer", () => viewerRow(am.id)]],
    [["getMyProfile", () => getMyProfile(am)]],
    [
      ["getMyPanels", () => getMyPanels(am)],
      ["getMyCompetencies", () => getMyCompetencies(am)],
    ],
  ];
  // app/(app)/branch/page.tsx: the viewer, then every panel at once.
  const branchCalls: Call[][] = [
    [["viewer", () => viewerRow(head.id)]],
    [
      ["waitingForHead", () => waitingForHead(head)],
      ["listTeam", () => listTeam(head)],
      ["getBranchCompetencies", () => getBranchCompetencies(head, { managerForms: false })],
      ["teamLearning", () => teamLearning(head)],
      ["priorityHoldersForViewer", () => priorityHoldersForViewer(head)],
    ],
  ];
  // app/(app)/hr/page.tsx: filters first, then every panel at once, then the review's counts.
  type Quarters = Awaited<ReturnType<typeof hrHome.listQuarterStatuses>>;
  type Cycles = Awaited<ReturnType<typeof hrHome.listCycleOptions>>;
  type Summary = Awaited<ReturnType<typeof hrHome.reviewSummaryQuarter>>;
  const quarterIn = (earlier: Map<string, unknown>, status: string) =>
    (earlier.get("listQuarterStatuses") as Quarters).find((q) => q.status === status)?.quarter;
  const hrCalls: Call[][] = [
    [["viewer", () => viewerRow(hr.id)]],
    [
      ["listQuarterStatuses", () => hrHome.listQuarterStatuses(hr)],
      ["listCycleOptions", () => hrHome.listCycleOptions(hr)],
      ["headcountsByGrade", () => headcountsByGrade(hr)],
    ],
    [
      ["ratingProgressByBranch", async (e) => (quarterIn(e, "OPEN") ? hrHome.ratingProgressByBranch(hr, quarterIn(e, "OPEN")!) : null)],
      ["ratingDistributionByBranch", async (e) => (quarterIn(e, "LOCKED") ? hrHome.ratingDistributionByBranch(hr, quarterIn(e, "LOCKED")!) : null)],
      ["reviewSummaryQuarter", () => hrHome.reviewSummaryQuarter(hr)],
      [
        "nineBox",
        (e) => {
          const { cycles, defaultId } = e.get("listCycleOptions") as Cycles;
          return hrHome.nineBox(hr, { cycle: cycles.find((c) => c.id === defaultId) ?? null });
        },
      ],
      ["newInRole", () => hrHome.newInRole(hr)],
      ["certificationRates", () => hrHome.certificationRates(hr)],
      ["completionReport", () => completionReport(hr)],
      ["hrTodos", () => hrHome.hrTodos(hr)],
      ["programmeProgress", () => hrHome.programmeProgress(hr)],
      ["priorityHoldersForViewer", () => priorityHoldersForViewer(hr)],
    ],
    [
      [
        "previewReview",
        async (e) => {
          const summary = e.get("reviewSummaryQuarter") as Summary;
          return summary.quarter && summary.status !== "COMMITTED" ? previewReview(hr, summary.quarter, { pageSize: 10 }) : null;
        },
      ],
    ],
  ];
  return { logins, hr, head, am, viewerRow, openQuarter, reviewQuarter, personId, quarterNow, meCalls, branchCalls, hrCalls };
}

/**
 * `--calls`: each DAL call of /me, /branch and /hr alone, one after the other (median of `runs`
 * after two warm-ups, ms) — what each page's SQL floor is made of, to see which call costs.
 */
export async function runCallBreakdown(ctx: BenchContext, runs = 15) {
  const { meCalls, branchCalls, hrCalls } = await benchPages(ctx);
  const out: Record<string, Record<string, number>> = {};
  const loadavg = fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  console.log(`\n各页面的 DAL 调用（单独逐个计时，${runs} 次的中位数，ms；负载 ${loadavg}）`);
  for (const [page, stages] of [
    ["/me", meCalls],
    ["/branch", branchCalls],
    ["/hr", hrCalls],
  ] as const) {
    await runCalls(stages, new Map());
    await runCalls(stages, new Map());
    const times = new Map<string, number[]>();
    const queries = new Map<string, { sql: string; ms: number }[]>();
    for (let i = 0; i < runs; i++) await runCalls(stages, times, queries);
    const coldTimes = new Map<string, number[]>();
    const coldQueries = new Map<string, { sql: string; ms: number }[]>();
    for (let i = 0; i < 5; i++) await runCalls(stages, coldTimes, coldQueries, true);
    const median = (list: number[] | undefined) =>
      Math.round(
        percentile(
          [...(list ?? [])].sort((a, b) => a - b),
          50,
        ) * 10,
      ) / 10;
    const medians = Object.fromEntries([...times].map(([name, list]) => [name, median(list)]));
    const colds = Object.fromEntries([...coldTimes].map(([name, list]) => [name, median(list)]));
    const sum = (m: Record<string, number>) => Math.round(Object.values(m).reduce((a, b) => a + b, 0));
    out[page] = medians;
    out[`${page} (cold)`] = colds;
    console.log(`${page}（缓存命中合计 ${sum(medians)} ms，缓存清空合计 ${sum(colds)} ms）`);
    for (const [name, ms] of Object.entries(medians)) {
      // The last run's queries of the call: how many, and the slowest (as the database client saw them).
      const log = queries.get(name) ?? [];
      const coldLog = coldQueries.get(name) ?? [];
      const slowest = [...coldLog].sort((a, b) => b.ms - a.ms)[0];
      const sql = slowest ? `  清空时最慢 ${Math.round(slowest.ms * 10) / 10} ms：${slowest.sql.replace(/\s+/g, " ").slice(0, 80)}` : "";
      console.log(
        `  ${name.padEnd(28)} 命中 ${String(ms).padStart(6)} ms ${String(log.length).padStart(2)} 条查询 · 清空 ${String(colds[name]).padStart(6)} ms ${String(coldLog.length).padStart(2)} 条${sql}`,
      );
    }
  }
  return out;
}

export async function runPageStage(
  ctx: BenchContext,
  options: { quick: boolean; only?: string; cpuProfile?: boolean; hold?: boolean },
): Promise<{ pages: PageResult[]; peakRssMb: number; idleRssMb: number; load: { before: string; after: string; cores: number } }> {
  const { logins, hr, head, am, viewerRow, openQuarter, reviewQuarter, personId, quarterNow, meCalls, branchCalls, hrCalls } = await benchPages(ctx);

  const pages: PageSpec[] = [
    {
      name: "客户经理首页",
      path: "/me",
      who: "am",
      target: { c1: 150, c20: 400 },
      floor: () => runCalls(meCalls),
    },
    {
      name: "支行首页（250 人）",
      path: "/branch",
      who: "head",
      target: { c1: 150, c20: 800 },
      floor: () => runCalls(branchCalls),
    },
    {
      name: "支行胜任力",
      path: "/branch/competencies",
      who: "head",
      target: { c1: 400, c20: 1500 },
      floor: () => Promise.all([viewerRow(head.id), getBranchCompetencies(head, {})]),
    },
    {
      name: "支行评分表（进行中季度）",
      path: `/branch/appraisal/${openQuarter}`,
      who: "head",
      target: { c1: 400, c20: 1500 },
      floor: () => Promise.all([viewerRow(head.id), getAppraisalSheet(head, openQuarter, { page: 1 })]),
    },
    {
      name: "人力首页",
      path: "/hr",
      who: "hr",
      target: { c1: 400, c20: 1500 },
      floor: () => runCalls(hrCalls),
    },
    {
      name: "晋级评审预览",
      path: `/hr/review/${reviewQuarter}`,
      who: "hr",
      target: { c1: 400, c20: 1500 },
      floor: async () => {
        await viewerRow(hr.id);
        await appraisalQuarterStatus(hr, reviewQuarter);
        await Promise.all([getCommittedReview(hr, reviewQuarter, {}), reviewHistory(hr, reviewQuarter)]);
        return previewReview(hr, reviewQuarter, {});
      },
    },
    {
      name: "课程完成报表",
      path: "/hr/courses/report",
      who: "hr",
      target: { c1: 400, c20: 1500 },
      floor: () => Promise.all([viewerRow(hr.id), labelledCompletionReport(hr)]),
    },
    {
      name: "全行胜任力热力图",
      path: "/hr/competencies/heatmap",
      who: "hr",
      target: { c1: 400, c20: 1500 },
      floor: () => Promise.all([viewerRow(hr.id), getBankHeatmap(hr)]),
    },
    {
      name: "人员档案（人力查看）",
      path: `/people/${personId}`,
      who: "hr",
      target: { c1: 400, c20: 1500 },
      floor: async () => {
        await viewerRow(hr.id);
        const p = await getProfileForViewer(hr, personId);
        // (The goals card's one query is left out: lib/server/dal/goals.ts loads next-auth, which this process cannot.)
        return Promise.all([getLearningMetrics(hr, [p!.id], quarterNow), getPersonExtras(hr, p!.id), priorityMarks([p!.id])]);
      },
    },
  ];

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const root = process.cwd();
  // The same Node flags as `npm start` (scripts/start.mjs).
  const child = spawn(
    process.execPath,
    [
      ...serverNodeFlags(),
      // --cpu-prof: a V8 CPU profile of the server, written when it exits.
      ...(options.cpuProfile ? ["--cpu-prof", `--cpu-prof-dir=${path.join(root, "bench-results/cpu")}`] : []),
      path.join(root, "node_modules/next/dist/bin/next"),
      "start",
      "-p",
      String(port),
      "-H",
      "127.0.0.1",
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXTAUTH_URL: base,
        NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  const serverErrors: string[] = [];
  child.stderr!.on("data", (chunk: Buffer) => {
    if (serverErrors.length < 20) serverErrors.push(chunk.toString().slice(0, 500));
  });
  let peakRssMb = 0;
  const sampler = setInterval(() => {
    peakRssMb = Math.max(peakRssMb, treeRssMb(child.pid!));
  }, 100);
  const results: PageResult[] = [];
  let idleRssMb = 0;
  let loadBefore = "";
  try {
    await waitForServer(base, child);
    const cookies: Record<Who, string> = {
      hr: await signIn(base, logins[hr.id].employeeNo),
      head: await signIn(base, logins[head.id].employeeNo),
      am: await signIn(base, logins[am.id].employeeNo),
    };
    idleRssMb = Math.round(treeRssMb(child.pid!));
    // --hold: the server stays up, signed in, for poking at by hand (curl with the cookies in
    // bench-results/hold.json) until that file is deleted.
    if (options.hold) {
      const file = path.join(root, "bench-results/hold.json");
      fs.writeFileSync(file, JSON.stringify({ base, cookies, databaseUrl: process.env.DATABASE_URL, pid: child.pid }, null, 2));
      console.log(`服务器保持运行：${base}（登录信息见 ${file}，删除该文件即结束）`);
      while (fs.existsSync(file)) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    loadBefore = fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
    const n1 = options.quick ? 10 : 20;
    // 200 at c=20: a p95 of 100 answers moved by ±60 ms between identical runs.
    const n20 = options.quick ? 60 : 200;
    console.log(`\n页面压测：${base}（c=1 每页 ${n1} 次，c=20 每页 ${n20} 次；服务器启动后 RSS ${idleRssMb} MB）`);
    // --page <path>: one page only (for profiling a render).
    for (const page of pages.filter((p) => !options.only || p.path === options.only)) {
      const url = base + page.path;
      // Warm-up, as a server in use is: the first render of a route compiles nothing in production,
      // but fills caches, and V8 optimises the render code only after some hundred calls (the first
      // page measured paid for that: /me ran 30% slower first in the run than alone).
      const warm = await load(url, cookies[page.who], 1, 10);
      const warm20 = await load(url, cookies[page.who], 20, 40);
      // The page as the bench saw it, to see what makes it heavy (bench-results/ is git-ignored).
      const sample = await get(url, cookies[page.who], true);
      fs.mkdirSync(path.join(root, "bench-results/html"), { recursive: true });
      fs.writeFileSync(path.join(root, "bench-results/html", `${page.path.replace(/[^A-Za-z0-9]+/g, "_")}.html`), sample.body ?? "");
      await timeFloor(page.floor, 2);
      const floorTimes = await timeFloor(page.floor, n1);
      const c1 = await load(url, cookies[page.who], 1, n1);
      const c20 = await load(url, cookies[page.who], 20, n20);
      const errors = warm.errors + warm20.errors + c1.errors + c20.errors;
      const s1 = stats(c1.times);
      const s20 = stats(c20.times);
      const floor = stats(floorTimes);
      const ratio = Math.round((s1.p50 / Math.max(1, floor.p50)) * 10) / 10;
      const ok = errors === 0 && s1.p95 <= page.target.c1 && s20.p95 <= page.target.c20 && ratio <= 2;
      const firstError = warm.firstError ?? warm20.firstError ?? c1.firstError ?? c20.firstError;
      results.push({
        name: page.name,
        path: page.path,
        c1: s1,
        c20: s20,
        floor,
        ratio,
        errors,
        requests: 50 + n1 + n20,
        kb: Math.round(c1.bytes / 1024),
        target: page.target,
        ok,
      });
      console.log(
        `${page.path.padEnd(32)} c1 ${String(s1.p50).padStart(5)}/${String(s1.p95).padStart(5)}  c20 ${String(s20.p50).padStart(5)}/${String(s20.p95).padStart(5)}  floor ${String(floor.p50).padStart(4)}  ×${ratio}  err ${errors}${firstError ? ` (${firstError})` : ""}  ${Math.round(c1.bytes / 1024)} KB  RSS↑ ${Math.round(peakRssMb)} MB`,
      );
    }
  } finally {
    clearInterval(sampler);
    child.kill("SIGTERM");
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
  }
  if (serverErrors.length > 0) console.log(`服务器错误输出（前几条）：\n${serverErrors.join("\n").slice(0, 2000)}`);

  const pad = (s: string | number, n: number) => String(s).padStart(n);
  console.log(
    `\n${"页面".padEnd(34)} ${pad("c=1 p50", 8)} ${pad("p95", 6)} ${pad("c=20 p50", 9)} ${pad("p95", 6)} ${pad("SQL", 6)} ${pad("倍数", 5)} ${pad("错误", 5)} ${pad("KB", 6)}  目标(c1/c20)`,
  );
  for (const r of results) {
    console.log(
      `${r.path.padEnd(36)} ${pad(r.c1.p50, 8)} ${pad(r.c1.p95, 6)} ${pad(r.c20.p50, 9)} ${pad(r.c20.p95, 6)} ${pad(r.floor.p50, 6)} ${pad(r.ratio, 6)} ${pad(r.errors, 6)} ${pad(r.kb, 6)}  ${r.target.c1}/${r.target.c20} ${r.ok ? "✓" : "✗"}`,
    );
  }
  console.log(`服务器峰值 RSS：${Math.round(peakRssMb)} MB（目标 ≤ 400 MB）${peakRssMb <= 400 ? "✓" : "✗"}`);
  // The machine is shared: the load average says how much of the time was someone else's.
  const loadAfter = fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  console.log(`机器负载（1/5/15 分钟平均）：开始 ${loadBefore}，结束 ${loadAfter}（${os.cpus().length} 核）`);
  return { pages: results, peakRssMb: Math.round(peakRssMb), idleRssMb, load: { before: loadBefore, after: loadAfter, cores: os.cpus().length } };
}
