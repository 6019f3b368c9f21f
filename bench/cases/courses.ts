import { completionReport, branchLearning } from "../../lib/server/dal/courses/reports";
import { exportCompletionReport } from "../../lib/server/dal/courses/report-export";
import type { BenchCase } from "../types";

export const cases: BenchCase[] = [
  { name: "课程 HR 完成情况报表（层级/机构/类别）", targetMs: 2000, run: (ctx) => completionReport(ctx.hr, ctx.today) },
  { name: "课程 HR 报表导出 XLSX（按机构）", targetMs: 3000, run: (ctx) => exportCompletionReport(ctx.hr, "branch", "xlsx") },
  { name: "课程 支行团队培训（按人员与课程）", targetMs: 500, run: (ctx) => branchLearning(ctx.head, undefined, ctx.today) },
];
