import { getBankHeatmap, getBranchCompetencies, getLatestCompetencyGaps, getMyCompetencies } from "../../lib/server/dal/competencies/results";
import type { BenchCase, BenchContext } from "../types";

const cycles = (ctx: BenchContext) => ctx.extra.competencyCycles as { closed: string; open: string };
const member = (ctx: BenchContext) => ({
  id: ctx.managerIds[0],
  name: "",
  employeeNo: "",
  role: "ACCOUNT_MANAGER" as const,
  branchId: ctx.branchIds[0],
  branchName: "",
});

export const cases: BenchCase[] = [
  { name: "胜任力 支行成员热力图（已关闭周期）", targetMs: 500, run: (ctx) => getBranchCompetencies(ctx.head, { cycleId: cycles(ctx).closed }) },
  { name: "胜任力 支行成员热力图（进行中周期）", targetMs: 500, run: (ctx) => getBranchCompetencies(ctx.head, { cycleId: cycles(ctx).open }) },
  { name: "胜任力 全行机构×能力热力图（已关闭周期）", targetMs: 2000, run: (ctx) => getBankHeatmap(ctx.hr, cycles(ctx).closed) },
  { name: "胜任力 全行机构×能力热力图（进行中周期）", targetMs: 2000, run: (ctx) => getBankHeatmap(ctx.hr, cycles(ctx).open) },
  { name: "胜任力 我的胜任力（两个周期）", targetMs: 300, run: (ctx) => getMyCompetencies(member(ctx)) },
  { name: "胜任力 最近一次差距（课程推荐用）", targetMs: 200, run: (ctx) => getLatestCompetencyGaps(ctx.hr, ctx.managerIds[0]) },
];
