// The demo's skills contests (DOMAIN §9): 2025's, finished and awarded (award quarter 2025Q4, so
// its winners carry 晋升和调配优先 in the 2026 reviews), and 2026's in progress: the written test,
// the practical and the team event scored and locked; the pitch (个人营销技能展示) open, with two
// external judges' scores entered and two branch heads (head1, head2) still to score.
// End-to-end tests rely on: am36 and am37 (third branch, 高级 and 资深 — in the role long before
// any contest, whatever today is) with external pitch scores 95/96 and 70/72; head1 and head2
// judges of the 2026 pitch who have not scored yet; am1 (2026Q2's 初级 → 中级 candidate, data
// fixed in demo.ts) in 2025's winning team; am20 (高级 since long) 2025's individual winner.
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { Prisma } from "../../lib/generated/prisma/client";
import { eligibleForPhase } from "../../lib/domain/programme";
import { DEFAULT_CONTEST_EVENTS, overallStandings, judgedScore, type ContestEventKind } from "../../lib/domain/contest";
import { GRADES, type Grade } from "../../lib/domain/grades";
import { dateToIso, isoToDate, type IsoDate } from "../../lib/domain/dates";
import { createRandom, type Random } from "./random";
import { auditRow } from "../../lib/server/audit-row";

const HR = "demo-hr-1";
export const DEMO_CONTEST = {
  pitchStar: "demo-am-00036",
  pitchOther: "demo-am-00037",
  awardee2025: "demo-am-00020",
  teamMember2025: "demo-am-00001",
  pitchJudges: ["demo-head-00001", "demo-head-00002"],
} as const;

interface Person {
  id: string;
  branchId: string;
  roleStartDate: IsoDate | null;
  history: { effectiveOn: IsoDate; to: Grade | null }[];
}

async function loadPeople(db: PrismaClient): Promise<Person[]> {
  const users = await db.user.findMany({
    where: { role: "ACCOUNT_MANAGER", status: "ACTIVE" },
    select: {
      id: true,
      branchId: true,
      roleStartDate: true,
      gradeChanges: { where: { voidedAt: null }, select: { effectiveDate: true, toGrade: true }, orderBy: [{ effectiveDate: "asc" }, { createdAt: "asc" }] },
    },
    orderBy: { employeeNo: "asc" },
  });
  return users.map((u) => ({
    id: u.id,
    branchId: u.branchId,
    roleStartDate: u.roleStartDate ? dateToIso(u.roleStartDate) : null,
    history: u.gradeChanges.map((g) => ({ effectiveOn: dateToIso(g.effectiveDate), to: g.toGrade as Grade | null })),
  }));
}

/** A score on a 0.5 grid between min and max. */
const halfPoints = (random: Random, min: number, max: number) => random.int(min * 2, max * 2) / 2;

async function contestPhase(db: PrismaClient, year: number, status: "RUNNING" | "CLOSED") {
  const programme = await db.programmeYear.upsert({
    where: { year },
    create: { year, name: `${year}年对公客户经理素质提升项目`, createdById: HR },
    update: {},
    select: { id: true },
  });
  const existing = await db.phase.findUnique({
    where: { programmeId_kind: { programmeId: programme.id, kind: "SKILLS_CONTEST" } },
    select: { id: true, startsOn: true },
  });
  if (existing) {
    // The programme seed plans the year's contest phase; the contest seed runs it.
    await db.phase.update({ where: { id: existing.id }, data: { status } });
    return { id: existing.id, startsOn: dateToIso(existing.startsOn) };
  }
  const startsOn = `${year}-11-01`;
  const phase = await db.phase.create({
    data: {
      programmeId: programme.id,
      kind: "SKILLS_CONTEST",
      name: "业务技能大比拼",
      startsOn: isoToDate(startsOn),
      endsOn: isoToDate(`${year}-11-30`),
      grades: [...GRADES],
      includeAssistants: false,
      status,
    },
    select: { id: true },
  });
  return { id: phase.id, startsOn };
}

interface SeededContest {
  phaseId: string;
  events: Record<ContestEventKind, string>;
  entrantOf: Map<string, string>;
  teams: { id: string; name: string; branchId: string; members: string[] }[];
}

async function seedContest(
  db: PrismaClient,
  random: Random,
  options: { year: number; people: Person[]; branches: { id: string; name: string }[]; locked: ContestEventKind[]; pitchDay: number; lockedAt: Date },
): Promise<SeededContest> {
  const phase = await contestPhase(db, options.year, options.locked.length === 4 ? "CLOSED" : "RUNNING");
  const created = await db.contestEvent.createManyAndReturn({
    data: DEFAULT_CONTEST_EVENTS.map((e) => ({
      phaseId: phase.id,
      kind: e.kind,
      heldOn: isoToDate(`${options.year}-11-${String(e.kind === "PITCH" ? options.pitchDay : e.day).padStart(2, "0")}`),
      maxScore: e.maxScore,
      weight: e.weight,
      lockedAt: options.locked.includes(e.kind) ? options.lockedAt : null,
      lockedById: options.locked.includes(e.kind) ? HR : null,
    })),
    select: { id: true, kind: true },
  });
  const events = Object.fromEntries(created.map((e) => [e.kind, e.id])) as Record<ContestEventKind, string>;
  // Entrants: in the role on the start date and eligible by the grade held then.
  const eligible = options.people.filter(
    (p) =>
      (p.roleStartDate === null || p.roleStartDate <= phase.startsOn) &&
      eligibleForPhase({ role: "ACCOUNT_MANAGER", gradeHistory: p.history }, { startsOn: phase.startsOn, grades: [...GRADES], includeAssistants: false }),
  );
  await db.contestEntrant.createMany({ data: eligible.map((p) => ({ phaseId: phase.id, userId: p.id, branchId: p.branchId, createdAt: options.lockedAt })) });
  const entrants = await db.contestEntrant.findMany({ where: { phaseId: phase.id }, select: { id: true, userId: true } });
  const entrantOf = new Map(entrants.map((e) => [e.userId, e.id]));

  // One team of four per branch: the branch's 5th–8th entrants; in 2025 城东支行's first four
  // (with am1) and, in am20's branch, am20 with three colleagues.
  const planned: { name: string; branchId: string; members: string[] }[] = [];
  for (const branch of options.branches) {
    const inBranch = eligible.filter((p) => p.branchId === branch.id).map((p) => p.id);
    let members = inBranch.slice(4, 8);
    if (options.year === 2025 && branch === options.branches[0]) members = inBranch.slice(0, 4);
    else if (options.year === 2025 && inBranch.includes(DEMO_CONTEST.awardee2025))
      members = [DEMO_CONTEST.awardee2025, ...inBranch.filter((id) => id !== DEMO_CONTEST.awardee2025).slice(4, 7)];
    if (members.length < 3) continue;
    planned.push({ name: `${branch.name.replace(/支行$/, "")}${options.year === 2025 ? "先锋队" : "攻坚队"}`, branchId: branch.id, members });
  }
  const rows = await db.contestTeam.createManyAndReturn({
    data: planned.map((t) => ({ phaseId: phase.id, branchId: t.branchId, name: t.name, createdById: HR })),
    select: { id: true, name: true },
  });
  const idOf = new Map(rows.map((r) => [r.name, r.id]));
  const teams: SeededContest["teams"] = planned.map((t) => ({ id: idOf.get(t.name)!, ...t }));
  await db.contestTeamMember.createMany({
    data: teams.flatMap((t) => t.members.map((userId) => ({ teamId: t.id, entrantId: entrantOf.get(userId)!, phaseId: phase.id }))),
  });
  return { phaseId: phase.id, events, entrantOf, teams };
}

export async function seedDemoContests(db: PrismaClient, options: { branches: { id: string; name: string }[] }): Promise<void> {
  const random = createRandom(20261130);
  const people = await loadPeople(db);
  const scores: Prisma.ContestScoreCreateManyInput[] = [];
  const direct = (eventId: string, entrantId: string, score: number) => scores.push({ eventId, entrantId, score, enteredById: HR });

  // ── 2025: finished and awarded ──
  const c25 = await seedContest(db, random, {
    year: 2025,
    people,
    branches: options.branches,
    locked: ["KNOWLEDGE_TEST", "OPERATIONS", "PITCH", "TEAM_PROPOSAL"],
    pitchDay: 18,
    lockedAt: new Date("2025-11-28T10:00:00+08:00"),
  });
  const judges25 = (
    await db.contestJudge.createManyAndReturn({
      data: (["PITCH", "TEAM_PROPOSAL"] as const).flatMap((kind) =>
        ["陈立明", "刘雅琴", "高建国"].map((name) => ({ eventId: c25.events[kind], externalName: name, createdById: HR })),
      ),
      select: { id: true, eventId: true },
    })
  ).map((j) => ({ id: j.id, kind: j.eventId === c25.events.PITCH ? "PITCH" : "TEAM_PROPOSAL" }));
  const star25 = c25.entrantOf.get(DEMO_CONTEST.awardee2025)!;
  const scores25 = new Map<string, Partial<Record<ContestEventKind, number>>>();
  for (const [userId, entrantId] of c25.entrantOf) {
    const top = userId === DEMO_CONTEST.awardee2025;
    const k = top ? 99 : halfPoints(random, 55, 92);
    const o = top ? 98 : halfPoints(random, 55, 92);
    direct(c25.events.KNOWLEDGE_TEST, entrantId, k);
    direct(c25.events.OPERATIONS, entrantId, o);
    const pitch: number[] = [];
    for (const j of judges25.filter((j) => j.kind === "PITCH")) {
      const s = top ? halfPoints(random, 94, 97) : halfPoints(random, 60, 90);
      pitch.push(s);
      scores.push({ eventId: c25.events.PITCH, entrantId, judgeId: j.id, score: s, enteredById: HR });
    }
    scores25.set(entrantId, { KNOWLEDGE_TEST: k, OPERATIONS: o, PITCH: judgedScore(pitch)! });
  }
  const teamScore25 = new Map<string, number>();
  for (const [i, team] of c25.teams.entries()) {
    const list: number[] = [];
    for (const j of judges25.filter((j) => j.kind === "TEAM_PROPOSAL")) {
      // 城东先锋队 (with am1) wins the team event; am20's team comes second.
      const s =
        i === 0 ? halfPoints(random, 93, 97) : team.members.includes(DEMO_CONTEST.awardee2025) ? halfPoints(random, 88, 92) : halfPoints(random, 70, 85);
      list.push(s);
      scores.push({ eventId: c25.events.TEAM_PROPOSAL, teamId: team.id, judgeId: j.id, score: s, enteredById: HR });
    }
    teamScore25.set(team.id, judgedScore(list)!);
    for (const userId of team.members) {
      const e = c25.entrantOf.get(userId)!;
      scores25.set(e, { ...scores25.get(e), TEAM_PROPOSAL: judgedScore(list)! });
    }
  }
  const standings = overallStandings(
    DEFAULT_CONTEST_EVENTS.map((e) => ({ event: e.kind, weight: e.weight, maxScore: e.maxScore })),
    [...c25.entrantOf.values()].map((id) => ({ id, scores: scores25.get(id) ?? {} })),
  );
  const teamStandings = overallStandings(
    [{ event: "T", weight: 1, maxScore: 100 }],
    [...teamScore25].map(([id, s]) => ({ id, scores: { T: s } })),
  );
  const awards: Prisma.ContestAwardCreateManyInput[] = [];
  const award = (kind: Prisma.ContestAwardCreateManyInput["kind"], ranking: string | null, holder: { entrantId?: string; teamId?: string }, note?: string) =>
    awards.push({
      phaseId: c25.phaseId,
      kind,
      ranking,
      quarter: "2025Q4",
      grantedById: HR,
      note: note ?? null,
      createdAt: new Date("2025-11-30T15:00:00+08:00"),
      ...holder,
    });
  // am20 ranks first overall by construction (at least 95.1 against at most 92.4 for anyone
  // else); the next two get the second and third prizes.
  if (standings[0].id !== star25) throw new Error("demo contest 2025: am20 should rank first");
  award("FIRST_PRIZE", "OVERALL", { entrantId: star25 });
  award("ELITE_INDIVIDUAL", null, { entrantId: star25 }, "全行通报表扬");
  award("SECOND_PRIZE", "OVERALL", { entrantId: standings[1].id });
  award("THIRD_PRIZE", "OVERALL", { entrantId: standings[2].id });
  award("FIRST_PRIZE", "TEAM", { teamId: teamStandings[0].id });
  award("ELITE_TEAM", null, { teamId: teamStandings[0].id });
  award("EXCELLENT_TEAM", null, { teamId: teamStandings[1].id });

  // ── 2026: in progress (today is the end of November) ──
  const c26 = await seedContest(db, random, {
    year: 2026,
    people,
    branches: options.branches,
    locked: ["KNOWLEDGE_TEST", "OPERATIONS", "TEAM_PROPOSAL"],
    pitchDay: 27,
    lockedAt: new Date("2026-11-21T18:00:00+08:00"),
  });
  const heads = await db.user.findMany({ where: { id: { in: [...DEMO_CONTEST.pitchJudges] } }, select: { id: true, branchId: true } });
  const judges26 = await db.contestJudge.createManyAndReturn({
    data: [
      ...heads.map((h) => ({ eventId: c26.events.PITCH, userId: h.id, branchId: h.branchId, createdById: HR })),
      ...["赵文博", "孙静怡"].map((name) => ({ eventId: c26.events.PITCH, externalName: name, createdById: HR })),
      ...["张海燕", "李振华", "王思远"].map((name) => ({ eventId: c26.events.TEAM_PROPOSAL, externalName: name, createdById: HR })),
    ],
    select: { id: true, eventId: true, externalName: true },
  });
  const pitchJudges = judges26.filter((j) => j.eventId === c26.events.PITCH && j.externalName).map((j) => j.id);
  const teamJudges = judges26.filter((j) => j.eventId === c26.events.TEAM_PROPOSAL).map((j) => j.id);
  for (const [userId, entrantId] of c26.entrantOf) {
    direct(c26.events.KNOWLEDGE_TEST, entrantId, halfPoints(random, 52, 99));
    direct(c26.events.OPERATIONS, entrantId, halfPoints(random, 55, 98));
    const fixed = userId === DEMO_CONTEST.pitchStar ? [95, 96] : userId === DEMO_CONTEST.pitchOther ? [70, 72] : null;
    pitchJudges.forEach((judgeId, i) =>
      scores.push({ eventId: c26.events.PITCH, entrantId, judgeId, score: fixed ? fixed[i] : halfPoints(random, 60, 90), enteredById: HR }),
    );
  }
  for (const team of c26.teams) {
    for (const judgeId of teamJudges)
      scores.push({ eventId: c26.events.TEAM_PROPOSAL, teamId: team.id, judgeId, score: halfPoints(random, 72, 95), enteredById: HR });
  }

  await db.contestScore.createMany({ data: scores });
  await db.contestAward.createMany({ data: awards });
  await db.auditLog.create({
    data: {
      ...auditRow(null, "SEED_DEMO_CONTESTS", "System", "demo"),
      after: { contests: [2025, 2026], scores: scores.length, awards: awards.length },
    },
  });
}
