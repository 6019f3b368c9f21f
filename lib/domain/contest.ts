// The skills contest's pure rules (DOMAIN §9, the programme's 第三阶段 业务技能大比拼): judged
// scores, the weighted overall ranking (also used for the team ranking and per event), team size,
// the judge's conflict of interest, and the promotion-priority window of an award.
// `judgedScore` and `overallStandings` are a published contract (issue 9): names, arguments and
// meaning stay exactly as they are.
import { addQuarters, compareQuarters, isQuarter, type Quarter } from "./dates";

export const CONTEST_EVENT_KINDS = ["KNOWLEDGE_TEST", "OPERATIONS", "PITCH", "TEAM_PROPOSAL"] as const;
export type ContestEventKind = (typeof CONTEST_EVENT_KINDS)[number];

export const CONTEST_EVENT_LABELS: Record<ContestEventKind, string> = {
  KNOWLEDGE_TEST: "业务基础知识",
  OPERATIONS: "业务操作技能",
  PITCH: "个人营销技能展示",
  TEAM_PROPOSAL: "团队营销方案设计",
};

/** How each event is held and scored. */
export const CONTEST_EVENT_FORMS: Record<ContestEventKind, string> = {
  KNOWLEDGE_TEST: "笔试，个人项目",
  OPERATIONS: "实操，个人项目",
  PITCH: "个人答辩，评委评分",
  TEAM_PROPOSAL: "团队成果展示，评委评分",
};

/** Judged events take one score per judge; the others one score per entrant (entered or imported). */
export function isJudgedEvent(kind: ContestEventKind): boolean {
  return kind === "PITCH" || kind === "TEAM_PROPOSAL";
}

export function isTeamEvent(kind: ContestEventKind): boolean {
  return kind === "TEAM_PROPOSAL";
}

/** Default set-up of a new contest: weights of the individual overall ranking and maximum scores. */
export const DEFAULT_CONTEST_EVENTS: { kind: ContestEventKind; weight: number; maxScore: number; day: number }[] = [
  { kind: "KNOWLEDGE_TEST", weight: 30, maxScore: 100, day: 10 },
  { kind: "OPERATIONS", weight: 20, maxScore: 100, day: 12 },
  { kind: "PITCH", weight: 30, maxScore: 100, day: 18 },
  { kind: "TEAM_PROPOSAL", weight: 20, maxScore: 100, day: 20 },
];

/**
 * Half-up rounding to 2 decimals that is right for the decimal the float stands for: 1.005 is
 * stored as 1.00499999999999989…, so `Math.round(x * 100) / 100` gives 1.00. Going through the
 * 15-significant-digit decimal string first recovers 1.005, then the exponent shift is exact.
 */
export function round2(value: number): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  const abs = Math.abs(value);
  if (abs >= 1e15) return value;
  const decimal = abs.toPrecision(15);
  const shifted = Math.round(Number(`${decimal}e2`));
  const result = sign * Number(`${shifted}e-2`);
  return result === 0 ? 0 : result;
}

/** Judges needed before one highest and one lowest score are dropped. */
export const TRIM_FROM_JUDGES = 5;

/**
 * A judged event's score: null when there are no scores; with 5 or more scores one highest and
 * one lowest are dropped; the mean of the rest, rounded to 2 decimals (half up).
 */
export function judgedScore(scores: number[]): number | null {
  if (scores.length === 0) return null;
  let kept = scores;
  if (scores.length >= TRIM_FROM_JUDGES) {
    const sorted = [...scores].sort((a, b) => a - b);
    kept = sorted.slice(1, -1);
  }
  const sum = kept.reduce((s, x) => s + x, 0);
  return round2(sum / kept.length);
}

export interface StandingEvent {
  event: string;
  weight: number;
  maxScore: number;
}

export interface StandingEntrant {
  id: string;
  scores: Partial<Record<string, number>>;
}

export interface Standing {
  id: string;
  total: number;
  rank: number;
}

/**
 * total = Σ (weight / Σweights) × (score / maxScore) × 100 over the events, a missing score
 * counting as 0, rounded to 2 decimals; sorted by total descending, then id ascending; rank is
 * standard competition ranking on the rounded total (1, 2, 2, 4).
 */
export function overallStandings(events: StandingEvent[], entrants: StandingEntrant[]): Standing[] {
  const weightSum = events.reduce((s, e) => s + (Number.isFinite(e.weight) && e.weight > 0 ? e.weight : 0), 0);
  const totals = entrants.map((entrant) => {
    let total = 0;
    if (weightSum > 0) {
      for (const e of events) {
        if (!(e.weight > 0) || !(e.maxScore > 0)) continue;
        const score = entrant.scores[e.event];
        if (typeof score !== "number" || !Number.isFinite(score)) continue;
        total += (e.weight / weightSum) * (score / e.maxScore) * 100;
      }
    }
    return { id: entrant.id, total: round2(total) };
  });
  totals.sort((a, b) => b.total - a.total || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const standings: Standing[] = [];
  totals.forEach((t, i) => {
    const rank = i > 0 && totals[i - 1].total === t.total ? standings[i - 1].rank : i + 1;
    standings.push({ id: t.id, total: t.total, rank });
  });
  return standings;
}

/** A score as entered: a number from 0 to the event's maximum, at most two decimals. */
export function scoreProblem(score: number, maxScore: number): string | null {
  if (!Number.isFinite(score)) return "分数必须是数字";
  if (score < 0) return "分数不能为负数";
  if (score > maxScore) return `分数不能超过满分 ${maxScore}`;
  if (Math.abs(round2(score) - score) > 1e-9) return "分数最多保留两位小数";
  return null;
}

export const TEAM_SIZE_MIN = 3;
export const TEAM_SIZE_MAX = 6;

export function teamSizeProblem(size: number): string | null {
  if (size < TEAM_SIZE_MIN || size > TEAM_SIZE_MAX) return `每支团队需要 ${TEAM_SIZE_MIN}–${TEAM_SIZE_MAX} 名成员（当前 ${size} 名）`;
  return null;
}

/**
 * Conflict of interest: a judge from a branch never scores an entrant or a team of that branch.
 * An external judge (no branch) has no conflict with anyone.
 */
export function judgeHasConflict(judgeBranchId: string | null, targetBranchId: string): boolean {
  return judgeBranchId !== null && judgeBranchId === targetBranchId;
}

/** Quarters after the award's quarter in which its holder carries 晋升和调配优先. */
export const PRIORITY_QUARTERS = 4;

/** The first and last quarter of an award's priority: the four quarters following its quarter. */
export function priorityWindow(awardQuarter: Quarter): { from: Quarter; to: Quarter } {
  if (!isQuarter(awardQuarter)) throw new Error(`Invalid quarter: ${awardQuarter}`);
  return { from: addQuarters(awardQuarter, 1), to: addQuarters(awardQuarter, PRIORITY_QUARTERS) };
}

export function priorityCovers(awardQuarter: Quarter, quarter: Quarter): boolean {
  const { from, to } = priorityWindow(awardQuarter);
  return compareQuarters(quarter, from) >= 0 && compareQuarters(quarter, to) <= 0;
}

/** The award quarters whose window covers `quarter`: from quarter−4 to quarter−1. */
export function awardQuartersCovering(quarter: Quarter): { from: Quarter; to: Quarter } {
  return { from: addQuarters(quarter, -PRIORITY_QUARTERS), to: addQuarters(quarter, -1) };
}

export const AWARD_KINDS = ["FIRST_PRIZE", "SECOND_PRIZE", "THIRD_PRIZE", "EXCELLENT_TEAM", "ELITE_INDIVIDUAL", "ELITE_TEAM"] as const;
export type AwardKind = (typeof AWARD_KINDS)[number];

export const AWARD_LABELS: Record<AwardKind, string> = {
  FIRST_PRIZE: "一等奖",
  SECOND_PRIZE: "二等奖",
  THIRD_PRIZE: "三等奖",
  EXCELLENT_TEAM: "优秀团队",
  ELITE_INDIVIDUAL: "年度业务精英（个人）",
  ELITE_TEAM: "年度业务精英（团队）",
};

/** The rankings a prize can be given in: each event, the individual overall and the team ranking. */
export const RANKINGS = ["OVERALL", "KNOWLEDGE_TEST", "OPERATIONS", "PITCH", "TEAM"] as const;
export type Ranking = (typeof RANKINGS)[number];

export const RANKING_LABELS: Record<Ranking, string> = {
  OVERALL: "个人综合排名",
  KNOWLEDGE_TEST: "业务基础知识",
  OPERATIONS: "业务操作技能",
  PITCH: "个人营销技能展示",
  TEAM: "团队排名（团队营销方案设计）",
};

/** Whether an award goes to a team (else to an entrant), and whether it belongs to a ranking. */
export function awardShape(kind: AwardKind): { team: boolean; ranked: boolean } {
  switch (kind) {
    case "EXCELLENT_TEAM":
    case "ELITE_TEAM":
      return { team: true, ranked: false };
    case "ELITE_INDIVIDUAL":
      return { team: false, ranked: false };
    default:
      return { team: false, ranked: true };
  }
}

/** A prize in the team ranking goes to a team; in any other ranking to an entrant. */
export function awardGoesToTeam(kind: AwardKind, ranking: Ranking | null): boolean {
  const shape = awardShape(kind);
  return shape.ranked ? ranking === "TEAM" : shape.team;
}

/** Neutralises a spreadsheet cell that a spreadsheet program would read as a formula. */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
