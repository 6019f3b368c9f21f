import { previewReview } from "../../lib/server/dal/review/preview";
import { commitReview } from "../../lib/server/dal/review/commit";
import { revertReview } from "../../lib/server/dal/review/revert";
import { listTeamPaths } from "../../lib/server/dal/review/next-grade";
import type { BenchCase, BenchContext } from "../types";

// The promotion review of the last locked quarter (the last quarter is still open) over the
// whole benchmark bank.
const reviewed = (ctx: BenchContext) => ctx.quarters[ctx.quarters.length - 2];

/** Undo the previous run's commit directly, so every timed run commits afresh. */
async function resetReview(ctx: BenchContext) {
  const reviews = await ctx.db.promotionReview.findMany({ where: { quarter: reviewed(ctx) }, select: { id: true } });
  const ids = reviews.map((r) => r.id);
  if (ids.length === 0) return;
  const exited = await ctx.db.gradeChange.findMany({ where: { reviewId: { in: ids }, reason: "EXIT" }, select: { userId: true } });
  await ctx.db.$transaction([
    ctx.db.user.updateMany({ where: { id: { in: exited.map((e) => e.userId) } }, data: { status: "ACTIVE", exitedAt: null } }),
    ctx.db.gradeChange.deleteMany({ where: { reviewId: { in: ids } } }),
    ctx.db.reviewEntry.deleteMany({ where: { reviewId: { in: ids } } }),
    ctx.db.reviewExclusion.deleteMany({ where: { reviewId: { in: ids } } }),
    ctx.db.promotionReview.deleteMany({ where: { id: { in: ids } } }),
  ]);
  await ctx.db.$executeRawUnsafe('VACUUM ANALYZE "GradeChange"');
}

export const cases: BenchCase[] = [
  {
    name: "晋级评审预览（previewReview，全行）",
    targetMs: 2000,
    run: (ctx) => previewReview(ctx.hr, reviewed(ctx)),
  },
  {
    name: "晋级评审提交（commitReview，全行）",
    targetMs: 5000,
    prepare: resetReview,
    run: async (ctx) => {
      const result = await commitReview(ctx.hr, reviewed(ctx));
      if (result.gradeChanges === 0) throw new Error("benchmark review changed no grade: the bank is not representative");
    },
  },
  {
    name: "晋级评审撤销（revertReview，全行）",
    prepare: async (ctx) => {
      await resetReview(ctx);
      await commitReview(ctx.hr, reviewed(ctx));
    },
    run: (ctx) => revertReview(ctx.hr, reviewed(ctx), "基准测试撤销"),
  },
  {
    name: "支行晋升路径与降级风险（listTeamPaths）",
    targetMs: 500,
    run: (ctx) => listTeamPaths(ctx.head),
  },
];
