// Quarterly appraisal at bank scale: HR's sheet for one branch and for the whole bank, the import
// dry run and the import of 10,000 rows, and the lock with forced distribution.
import { getAppraisalSheet } from "../../lib/server/dal/appraisal/sheet";
import { checkAppraisalFile, importAppraisalFile } from "../../lib/server/dal/appraisal/import";
import { lockQuarter } from "../../lib/server/dal/appraisal/quarters";
import { DEFAULT_TEMPLATE } from "../../lib/domain/scoring";
import { createRandom } from "../../prisma/seed/random";
import type { BenchCase, BenchContext } from "../types";

const openQuarter = (ctx: BenchContext) => ctx.quarters[ctx.quarters.length - 1];

/** A CSV with every account manager and plausible indicator values, built in memory once. */
async function importFile(ctx: BenchContext): Promise<Buffer> {
  if (ctx.extra.appraisalCsv) return ctx.extra.appraisalCsv as Buffer;
  const indicators = DEFAULT_TEMPLATE.dimensions.flatMap((d) => d.indicators);
  const people = await ctx.db.user.findMany({
    where: { role: "ACCOUNT_MANAGER", status: "ACTIVE" },
    select: { employeeNo: true, name: true },
    orderBy: { employeeNo: "asc" },
  });
  const random = createRandom(42);
  // The RORAC rate is typed here (no business lines in the bench bank), so each row says why (说明).
  const lines = [["工号", "姓名", ...indicators.map((i) => i.name), "说明"].join(",")];
  for (const p of people) {
    const values = indicators.map((i) => (i.lowerIsBetter ? (0.3 + random.next() * 1.5).toFixed(2) : String(Math.min(i.max ?? 100, 60 + random.int(0, 60)))));
    lines.push([p.employeeNo, p.name, ...values, "RORAC 完成率取自分行管理会计系统"].join(","));
  }
  const file = Buffer.from(lines.join("\n"), "utf8");
  ctx.extra.appraisalCsv = file;
  ctx.extra.appraisalRows = people.length;
  return file;
}

export const cases: BenchCase[] = [
  {
    name: "HR 季度考评名单：一个支行（第 1 页，含计数）",
    targetMs: 500,
    run: (ctx) => getAppraisalSheet(ctx.hr, openQuarter(ctx), { branchId: ctx.branchIds[0] }),
  },
  {
    name: "HR 季度考评名单：全行第 1 页（含各支行进度）",
    targetMs: 500,
    run: (ctx) => getAppraisalSheet(ctx.hr, openQuarter(ctx), {}),
  },
  {
    name: "HR 季度考评名单：全行按姓名搜索",
    targetMs: 500,
    run: (ctx) => getAppraisalSheet(ctx.hr, openQuarter(ctx), { q: "王" }),
  },
  {
    name: "导入试运行：10,000 行（读取 + 逐行校验）",
    targetMs: 5000,
    prepare: async (ctx) => {
      await importFile(ctx);
    },
    run: async (ctx) => {
      const report = await checkAppraisalFile(ctx.hr, openQuarter(ctx), (await importFile(ctx)) as Buffer, "bench.csv");
      if (report.problems.length > 0 || report.fileErrors.length > 0)
        throw new Error(`导入试运行发现问题：${report.fileErrors[0] ?? report.problems[0].messages[0]}`);
    },
  },
  {
    name: "导入写入：10,000 行（一个事务，含审计）",
    targetMs: 10000,
    repeat: 2,
    // A repeated identical import writes nothing (it is a no-op), so each run starts without the ratings.
    prepare: async (ctx) => {
      await ctx.db.$executeRaw`DELETE FROM "Appraisal" WHERE quarter = ${openQuarter(ctx)}`;
    },
    run: async (ctx) => {
      const report = await importAppraisalFile(ctx.hr, openQuarter(ctx), await importFile(ctx), "bench.csv");
      if (report.written !== ctx.extra.appraisalRows) throw new Error(`只写入了 ${report.written} 行`);
    },
  },
  {
    name: "锁定季度：强制分布（25% 优秀 → 每支行 ≤ 10%）",
    targetMs: 5000,
    prepare: async (ctx) => {
      const quarter = openQuarter(ctx);
      // The first time: make every fourth rating EXCELLENT (25 % against a 10 % cap) and
      // remember them, so every run starts from the same ratings.
      if (!ctx.extra.excellentIds) {
        const rows = await ctx.db.appraisal.findMany({ where: { quarter }, select: { id: true }, orderBy: { id: "asc" } });
        ctx.extra.excellentIds = rows.filter((_, i) => i % 4 === 0).map((r) => r.id);
        const q = await ctx.db.appraisalQuarter.findUniqueOrThrow({ where: { quarter } });
        await ctx.db.scorecardTemplate.update({ where: { id: q.templateId }, data: { maxExcellentPct: 10 } });
      }
      await ctx.db.$executeRaw`UPDATE "Appraisal" SET rating = 'EXCELLENT' WHERE id = ANY(${ctx.extra.excellentIds as string[]}::text[])`;
      await ctx.db.appraisalQuarter.update({ where: { quarter }, data: { status: "OPEN", lockedAt: null, lockedById: null } });
    },
    run: async (ctx) => {
      const result = await lockQuarter(ctx.hr, openQuarter(ctx));
      if (result.adjusted === 0) throw new Error("强制分布没有调整任何评级");
    },
  },
];
