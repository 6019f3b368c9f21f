import "server-only";
import { db } from "@/lib/server/db";
import type { Viewer } from "@/lib/server/auth/viewer";
import { AWARD_KINDS, RANKINGS, judgedScore, overallStandings, type AwardKind, type ContestEventKind, type Ranking } from "@/lib/domain/contest";
import { loadContest, num, personAndBranch } from "./shared";
import type { AwardView, ContestResultsView, StandingRow } from "./views";

/**
 * Every ranking of a contest, computed with the contest rules: per event (share of the maximum),
 * the individual overall (HR's weights; a member's team score counts as their TEAM_PROPOSAL
 * score) and the team ranking. Withdrawn entrants are left out. Readable by every signed-in user
 * (the results are announced bank-wide); callers decide what to show.
 */
export async function contestResults(phaseId: string): Promise<ContestResultsView | null> {
  const contest = await loadContest(db, phaseId);
  if (!contest) return null;
  const [entrants, teams, scores, awards] = await Promise.all([
    db.contestEntrant.findMany({
      where: { phaseId, withdrawnAt: null },
      select: { id: true, userId: true, branchId: true, ...personAndBranch, memberships: { select: { teamId: true } } },
    }),
    db.contestTeam.findMany({
      where: { phaseId },
      select: {
        id: true,
        name: true,
        branchId: true,
        branch: { select: { name: true } },
        members: { select: { entrant: { select: { user: { select: { name: true } } } } } },
      },
    }),
    db.contestScore.findMany({
      where: { event: { phaseId } },
      select: { score: true, entrantId: true, teamId: true, judgeId: true, event: { select: { kind: true } } },
    }),
    db.contestAward.findMany({
      where: { phaseId },
      select: {
        id: true,
        kind: true,
        ranking: true,
        entrantId: true,
        teamId: true,
        quarter: true,
        note: true,
        revokedAt: true,
        entrant: { select: { branchId: true, user: { select: { name: true, employeeNo: true } }, branch: { select: { name: true } } } },
        team: { select: { name: true, branchId: true, branch: { select: { name: true } } } },
      },
      orderBy: [{ createdAt: "asc" }],
    }),
  ]);

  const direct = new Map<string, Partial<Record<ContestEventKind, number>>>();
  const judged = new Map<string, number[]>(); // key kind:target
  for (const s of scores) {
    const kind = s.event.kind as ContestEventKind;
    const target = (s.entrantId ?? s.teamId)!;
    if (s.judgeId) {
      const key = `${kind}:${target}`;
      judged.set(key, [...(judged.get(key) ?? []), num(s.score)]);
    } else {
      direct.set(target, { ...(direct.get(target) ?? {}), [kind]: num(s.score) });
    }
  }
  const teamScore = new Map<string, number>();
  for (const t of teams) {
    const v = judgedScore(judged.get(`TEAM_PROPOSAL:${t.id}`) ?? []);
    if (v !== null) teamScore.set(t.id, v);
  }
  const entrantScores = new Map<string, Partial<Record<ContestEventKind, number>>>();
  for (const e of entrants) {
    const s: Partial<Record<ContestEventKind, number>> = { ...(direct.get(e.id) ?? {}) };
    const pitch = judgedScore(judged.get(`PITCH:${e.id}`) ?? []);
    if (pitch !== null) s.PITCH = pitch;
    const teamId = e.memberships[0]?.teamId;
    if (teamId && teamScore.has(teamId)) s.TEAM_PROPOSAL = teamScore.get(teamId)!;
    entrantScores.set(e.id, s);
  }
  const eventOf = new Map(contest.events.map((e) => [e.kind, e]));
  const entrantById = new Map(entrants.map((e) => [e.id, e]));
  const personRow = (id: string, rank: number, total: number): StandingRow => {
    const e = entrantById.get(id)!;
    const s = entrantScores.get(id) ?? {};
    return {
      id,
      rank,
      total,
      name: e.user.name,
      detail: e.user.employeeNo,
      branchId: e.branchId,
      branchName: e.branch.name,
      scores: Object.fromEntries(contest.events.map((ev) => [ev.kind, s[ev.kind] ?? null])),
      userId: e.userId,
    };
  };

  const rankings = {} as Record<Ranking, StandingRow[]>;
  rankings.OVERALL = overallStandings(
    contest.events.map((e) => ({ event: e.kind, weight: e.weight, maxScore: e.maxScore })),
    entrants.map((e) => ({ id: e.id, scores: entrantScores.get(e.id) ?? {} })),
  ).map((s) => personRow(s.id, s.rank, s.total));
  for (const kind of ["KNOWLEDGE_TEST", "OPERATIONS", "PITCH"] as const) {
    const ev = eventOf.get(kind);
    if (!ev) {
      rankings[kind] = [];
      continue;
    }
    const scored = entrants.filter((e) => entrantScores.get(e.id)?.[kind] !== undefined);
    rankings[kind] = overallStandings(
      [{ event: kind, weight: 1, maxScore: ev.maxScore }],
      scored.map((e) => ({ id: e.id, scores: entrantScores.get(e.id)! })),
    ).map((s) => personRow(s.id, s.rank, s.total));
  }
  const teamEvent = eventOf.get("TEAM_PROPOSAL");
  const teamById = new Map(teams.map((t) => [t.id, t]));
  rankings.TEAM = teamEvent
    ? overallStandings(
        [{ event: "TEAM_PROPOSAL", weight: 1, maxScore: teamEvent.maxScore }],
        teams.filter((t) => teamScore.has(t.id)).map((t) => ({ id: t.id, scores: { TEAM_PROPOSAL: teamScore.get(t.id)! } })),
      ).map((s) => {
        const t = teamById.get(s.id)!;
        return {
          id: s.id,
          rank: s.rank,
          total: s.total,
          name: t.name,
          detail: t.members.map((m) => m.entrant.user.name).join("、"),
          branchId: t.branchId,
          branchName: t.branch.name,
          scores: { TEAM_PROPOSAL: teamScore.get(t.id)! },
          userId: null,
        };
      })
    : [];

  const awardViews: AwardView[] = awards.map((a) => ({
    id: a.id,
    kind: a.kind as AwardKind,
    ranking: (RANKINGS as readonly string[]).includes(a.ranking ?? "") ? (a.ranking as Ranking) : null,
    holderName: a.entrant?.user.name ?? a.team?.name ?? "",
    holderDetail: a.entrant ? `${a.entrant.branch.name} · 工号 ${a.entrant.user.employeeNo}` : (a.team?.branch.name ?? ""),
    branchId: a.entrant?.branchId ?? a.team?.branchId ?? "",
    entrantId: a.entrantId,
    teamId: a.teamId,
    quarter: a.quarter,
    note: a.note,
    revoked: a.revokedAt !== null,
  }));
  awardViews.sort((x, y) => AWARD_KINDS.indexOf(x.kind) - AWARD_KINDS.indexOf(y.kind));
  return { contest, rankings, awards: awardViews };
}

/** The newest contest's id, or null when there is none. */
export async function latestContestId(): Promise<string | null> {
  const row = await db.phase.findFirst({ where: { kind: "SKILLS_CONTEST" }, orderBy: [{ startsOn: "desc" }], select: { id: true } });
  return row?.id ?? null;
}

/** The branch head's view: their branch's rows of each ranking. */
export async function branchResults(viewer: Viewer, phaseId: string): Promise<ContestResultsView | null> {
  if (viewer.role !== "BRANCH_HEAD" && viewer.role !== "HR") return null;
  const results = await contestResults(phaseId);
  if (!results || viewer.role === "HR") return results;
  const branchId = viewer.branchId;
  const rankings = Object.fromEntries(Object.entries(results.rankings).map(([k, rows]) => [k, rows.filter((r) => r.branchId === branchId)])) as Record<
    Ranking,
    StandingRow[]
  >;
  return { ...results, rankings, awards: results.awards.filter((a) => a.branchId === branchId) };
}
