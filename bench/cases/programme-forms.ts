import { getPhaseReport } from "../../lib/server/dal/programme-forms/report";
import { exportPhaseReport } from "../../lib/server/dal/programme-forms/report-export";
import { listBranchActionPlans } from "../../lib/server/dal/programme-forms/action-plans";
import { BENCH_PHASE } from "../seed-programme-forms";
import type { BenchCase } from "../types";

export const cases: BenchCase[] = [
  { name: "培训 阶段效果报告（HR）", targetMs: 2000, run: (ctx) => getPhaseReport(ctx.hr, BENCH_PHASE.programmeId, BENCH_PHASE.phaseId) },
  { name: "培训 阶段效果报告导出 XLSX", targetMs: 3000, run: (ctx) => exportPhaseReport(ctx.hr, BENCH_PHASE.programmeId, BENCH_PHASE.phaseId) },
  { name: "培训 支行长行动计划跟进列表", targetMs: 1000, run: (ctx) => listBranchActionPlans(ctx.head, ctx.today) },
];
