import { proposeByGrade } from "../../lib/server/dal/programme/participants";
import { getPhaseDetail } from "../../lib/server/dal/programme/phases";
import type { BenchCase, BenchContext } from "../types";

const phaseId = (ctx: BenchContext) => ctx.extra.eagletPhaseId as string;

/** Empties the phase again so that every timed run proposes the whole list. */
async function emptyPhase(ctx: BenchContext) {
  await ctx.db.sessionSeat.deleteMany({ where: { session: { phaseId: phaseId(ctx) } } });
  await ctx.db.phaseParticipant.deleteMany({ where: { phaseId: phaseId(ctx) } });
}

export const cases: BenchCase[] = [
  {
    name: "培训项目 按开营日职级生成雏鹰名单（含三场座位与候补）",
    targetMs: 3000,
    prepare: emptyPhase,
    run: async (ctx) => {
      const { added } = await proposeByGrade(ctx.hr, phaseId(ctx));
      if (added === 0) throw new Error("nobody proposed");
    },
  },
  {
    name: "培训项目 阶段页面（名单、场次冲突、候选人数）",
    targetMs: 1500,
    run: (ctx) => getPhaseDetail(ctx.hr, ctx.extra.programmeId as string, phaseId(ctx)),
  },
];
