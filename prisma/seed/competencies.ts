// The competency model v1 (reference data) and the demo's two assessment cycles (DOMAIN §6).
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { Prisma } from "../../lib/generated/prisma/client";
import { GRADES, type Grade } from "../../lib/domain/grades";
import { DEFAULT_COMPETENCIES } from "../../lib/domain/defaults/competency-model";
import { COMPETENCY_CODES, DEFAULT_REQUIRED_LEVELS, DEFAULT_SOURCE_WEIGHTS, cycleDeadline, type CompetencyCode } from "../../lib/domain/competency";
import { formatIsoDate, parseIsoDate, type IsoDate } from "../../lib/domain/dates";
import { createRandom } from "./random";

type Db = PrismaClient | Prisma.TransactionClient;

/** Model v1 from the defaults: the nine competencies with their indicators and required levels. */
export async function seedCompetencyModel(db: Db) {
  const model = await db.competencyModel.create({ data: { version: 1, isCurrent: true, note: "默认胜任力模型（九大重要能力）" } });
  const competencies = await db.competency.createManyAndReturn({
    data: DEFAULT_COMPETENCIES.map((c, i) => ({
      modelId: model.id,
      code: c.code,
      name: c.name,
      definition: c.definition,
      sortOrder: i + 1,
      indicators: c.indicators,
    })),
    select: { id: true, code: true },
  });
  await db.competencyRequirement.createMany({
    data: competencies.flatMap((c) => GRADES.map((grade) => ({ competencyId: c.id, grade, level: DEFAULT_REQUIRED_LEVELS[c.code as CompetencyCode][grade] }))),
  });
  return { modelId: model.id, competencyIds: Object.fromEntries(competencies.map((c) => [c.code, c.id])) as Record<CompetencyCode, string> };
}

export interface DemoManager {
  id: string;
  branchId: string;
  grade: Grade;
}

/** The demo's account manager whose OPEN-cycle forms are all left for the end-to-end test. */
export const DEMO_ASSESSMENT_TARGET = "demo-am-00035";

const ABOVE = ["多次独立完成重点客户的营销与维护，表现明显超出岗位要求", "在支行内被同事当作这方面的请教对象，做法值得推广"];
const BELOW = ["实际工作中这方面的表现明显不足，需要在带教下加强", "近期几次客户拜访中暴露出这方面的短板，建议参加相关培训"];

function addDays(date: IsoDate, days: number): IsoDate {
  const { y, m, d } = parseIsoDate(date);
  return formatIsoDate(y, m, d + days);
}

function at(date: IsoDate, hour: number): Date {
  return new Date(`${date}T${String(hour).padStart(2, "0")}:00:00+08:00`);
}

const clamp = (level: number) => Math.max(1, Math.min(5, level));

/**
 * Two cycles over all branches: the previous half-year CLOSED with complete answers for most
 * people, and the current half-year OPEN (deadline three weeks from today) with work left to
 * do: am1's self-assessment, a few more forms, and DEMO_ASSESSMENT_TARGET's forms and peers.
 */
export async function seedDemoCompetencies(
  db: PrismaClient,
  { today, managers, headByBranch }: { today: IsoDate; managers: DemoManager[]; headByBranch: Record<string, string> },
) {
  const random = createRandom(20260606);
  const model = await db.competencyModel.findFirstOrThrow({ where: { isCurrent: true }, include: { competencies: { select: { id: true, code: true } } } });
  const competencyId = Object.fromEntries(model.competencies.map((c) => [c.code, c.id])) as Record<CompetencyCode, string>;
  const branchIds = [...new Set(managers.map((m) => m.branchId))];

  const { y, m } = parseIsoDate(today);
  const secondHalf = m >= 7;
  const closed = secondHalf
    ? { name: `${y} 上半年`, opened: `${y}-05-06`, deadline: `${y}-06-30` }
    : { name: `${y - 1} 下半年`, opened: `${y - 1}-11-04`, deadline: `${y - 1}-12-31` };
  const open = { name: `${y} ${secondHalf ? "下" : "上"}半年`, opened: addDays(today, -14), deadline: addDays(today, 21) };

  // Each person's underlying ability per competency relative to their grade's requirement.
  const ability = new Map<string, Record<CompetencyCode, number>>();
  for (const p of managers) {
    const drawn = random.weighted([
      [-1, 0.3],
      [0, 0.5],
      [1, 0.2],
    ] as const);
    // am1, the demo's rising star (优秀 three quarters running), is at least where their grade asks.
    const personal = p.id === "demo-am-00001" ? Math.max(0, drawn) : drawn;
    ability.set(
      p.id,
      Object.fromEntries(
        COMPETENCY_CODES.map((c) => [
          c,
          personal +
            random.weighted([
              [-1, 0.2],
              [0, 0.6],
              [1, 0.2],
            ] as const),
        ]),
      ) as Record<CompetencyCode, number>,
    );
  }
  const bias = {
    SELF: [
      [0, 0.5],
      [1, 0.35],
      [-1, 0.15],
    ],
    MANAGER: [
      [0, 0.6],
      [-1, 0.2],
      [1, 0.2],
    ],
    PEER: [
      [0, 0.5],
      [-1, 0.25],
      [1, 0.25],
    ],
  } as const;

  const assessments: Prisma.AssessmentCreateManyInput[] = [];
  const ratings: Prisma.AssessmentRatingCreateManyInput[] = [];
  let seq = 0;

  function form(
    cycleId: string,
    assessee: DemoManager,
    assessorId: string,
    source: "SELF" | "MANAGER" | "PEER",
    createdAt: Date,
    submittedAt: Date | null,
    drift = 0,
  ) {
    const id = `demo-asmt-${String(++seq).padStart(5, "0")}`;
    assessments.push({ id, cycleId, assesseeId: assessee.id, assessorId, source, createdAt, submittedAt });
    if (!submittedAt) return;
    for (const code of COMPETENCY_CODES) {
      const required = DEFAULT_REQUIRED_LEVELS[code][assessee.grade];
      // `drift` lowers some levels: the earlier cycle shows people a little behind where they are now.
      const shift = drift < 0 && random.next() < -drift ? -1 : 0;
      const level = clamp(required + ability.get(assessee.id)![code] + shift + random.weighted(bias[source]));
      const comment = Math.abs(level - required) >= 2 ? random.pick(level > required ? ABOVE : BELOW) : null;
      ratings.push({ assessmentId: id, competencyId: competencyId[code], level, comment });
    }
  }

  function peersFor(p: DemoManager, count: number): string[] {
    const pool = managers.filter((o) => o.branchId === p.branchId && o.id !== p.id && o.id !== DEMO_ASSESSMENT_TARGET);
    const chosen: string[] = [];
    while (chosen.length < Math.min(count, pool.length)) {
      const candidate = random.pick(pool).id;
      if (!chosen.includes(candidate)) chosen.push(candidate);
    }
    return chosen;
  }

  const [closedCycle, openCycle] = await db.$transaction([
    db.assessmentCycle.create({
      data: {
        name: closed.name,
        modelId: model.id,
        deadline: cycleDeadline(closed.deadline),
        weights: DEFAULT_SOURCE_WEIGHTS,
        status: "CLOSED",
        createdById: "demo-hr-1",
        createdAt: at(closed.opened, 9),
      },
    }),
    db.assessmentCycle.create({
      data: {
        name: open.name,
        modelId: model.id,
        deadline: cycleDeadline(open.deadline),
        weights: DEFAULT_SOURCE_WEIGHTS,
        status: "OPEN",
        createdById: "demo-hr-1",
        createdAt: at(open.opened, 9),
      },
    }),
  ]);

  // Closed cycle: nearly everybody answered; a few peers never did (two people end with only two
  // peer answers, so their peer mean stays hidden).
  managers.forEach((p, i) => {
    const day = (k: number) => at(addDays(closed.opened, 3 + ((i + k) % 40)), 10 + (k % 7));
    const skipSelf = i % 23 === 7;
    form(closedCycle.id, p, p.id, "SELF", at(closed.opened, 9), skipSelf ? null : day(0), -0.2);
    form(closedCycle.id, p, headByBranch[p.branchId], "MANAGER", at(closed.opened, 9), day(2), -0.4);
    const peers = peersFor(p, 3 + (i % 2));
    peers.forEach((peerId, k) => {
      const unanswered = (i % 31 === 5 && k >= 1) || (i % 17 === 3 && k === 0);
      form(closedCycle.id, p, peerId, "PEER", at(closed.opened, 11), unanswered ? null : day(4 + k), -0.3);
    });
  });

  // Open cycle: the forms exist from the opening; about two thirds answered so far.
  managers.forEach((p, i) => {
    const day = (k: number) => at(addDays(open.opened, 1 + ((i + k) % 12)), 9 + (k % 8));
    const target = p.id === DEMO_ASSESSMENT_TARGET;
    const answered = (k: number) => !target && random.next() < 0.7 - k * 0.02;
    const selfDone = p.id !== "demo-am-00001" && answered(0);
    form(openCycle.id, p, p.id, "SELF", at(open.opened, 9), selfDone ? day(0) : null);
    form(openCycle.id, p, headByBranch[p.branchId], "MANAGER", at(open.opened, 9), answered(1) ? day(1) : null);
    // A few people still wait for their peers to be named.
    if (target || i % 19 === 4) return;
    peersFor(p, 3 + (i % 2)).forEach((peerId, k) => form(openCycle.id, p, peerId, "PEER", at(open.opened, 15), answered(2 + k) ? day(3 + k) : null));
  });

  await db.$transaction([
    db.assessmentCycleBranch.createMany({ data: branchIds.flatMap((branchId) => [closedCycle.id, openCycle.id].map((cycleId) => ({ cycleId, branchId }))) }),
    db.assessment.createMany({ data: assessments }),
    db.assessmentRating.createMany({ data: ratings }),
  ]);
  return { closedCycleId: closedCycle.id, openCycleId: openCycle.id, assessments: assessments.length, ratings: ratings.length };
}
