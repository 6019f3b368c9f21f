// A programme year for the benchmark bank: its 雏鹰训练营 (见习, 初级 and assistants) with three
// sessions, left without participants — the cases propose them by grade.
import { defaultPhases } from "../lib/domain/programme-plan";
import { isoToDate } from "../lib/domain/dates";
import type { BenchContext } from "./types";

export async function seed(ctx: BenchContext): Promise<void> {
  const year = Number(ctx.today.slice(0, 4)) + 1;
  const programme = await ctx.db.programmeYear.create({ data: { year, name: `${year}年对公客户经理素质提升项目` } });
  const eaglet = defaultPhases(year)[0];
  const phase = await ctx.db.phase.create({
    data: {
      programmeId: programme.id,
      kind: eaglet.kind,
      name: eaglet.name,
      startsOn: isoToDate(eaglet.startsOn),
      endsOn: isoToDate(eaglet.endsOn),
      grades: eaglet.grades,
      includeAssistants: true,
      feedsQuarter: eaglet.feedsQuarter,
    },
  });
  for (let day = 13; day <= 15; day++) {
    await ctx.db.trainingSession.create({
      data: {
        phaseId: phase.id,
        title: `雏鹰训练营第 ${day - 12} 天`,
        startsAt: new Date(`${year}-04-${day}T09:00:00+08:00`),
        endsAt: new Date(`${year}-04-${day}T17:00:00+08:00`),
        place: "总行培训中心",
        lecturerName: "外聘讲师",
        capacity: 500,
      },
    });
  }
  ctx.extra.programmeId = programme.id;
  ctx.extra.eagletPhaseId = phase.id;
}
