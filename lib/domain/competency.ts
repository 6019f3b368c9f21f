// The nine-competency model (胜任力模型, DOMAIN §6): proficiency scale, required levels per grade,
// 360° aggregation (self / manager / peers), gaps and the rules for a single rating.
// Pure code: no I/O.

import { GRADES, shiftGrade, type Grade } from "./grades";
import { round } from "./scoring";
import { parseIsoDate, type IsoDate } from "./dates";

// ---------------------------------------------------------------------------------------------
// Competencies and the proficiency scale
// ---------------------------------------------------------------------------------------------

export const COMPETENCY_CODES = [
  "CLIENT_FOCUS",
  "INFLUENCE",
  "BUSINESS_ACUMEN",
  "TEAMWORK",
  "COMMUNICATION",
  "RISK_CONTROL",
  "PRODUCT_EXPERTISE",
  "MARKET_DEVELOPMENT",
  "SELF_DRIVE",
] as const;
export type CompetencyCode = (typeof COMPETENCY_CODES)[number];

export const COMPETENCY_LABELS: Record<CompetencyCode, string> = {
  CLIENT_FOCUS: "客户导向",
  INFLUENCE: "说服影响",
  BUSINESS_ACUMEN: "商业敏感",
  TEAMWORK: "团队合作",
  COMMUNICATION: "沟通表达",
  RISK_CONTROL: "风险识别",
  PRODUCT_EXPERTISE: "专业知识",
  MARKET_DEVELOPMENT: "市场开拓",
  SELF_DRIVE: "自我驱动",
};

export function isCompetencyCode(value: unknown): value is CompetencyCode {
  return typeof value === "string" && (COMPETENCY_CODES as readonly string[]).includes(value);
}

export const PROFICIENCY_LEVELS = [1, 2, 3, 4, 5] as const;
export type ProficiencyLevel = (typeof PROFICIENCY_LEVELS)[number];

export const PROFICIENCY_LABELS: Record<ProficiencyLevel, string> = { 1: "了解", 2: "基础", 3: "熟练", 4: "精通", 5: "专家" };

export function isProficiencyLevel(value: unknown): value is ProficiencyLevel {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 5;
}

export type RequiredLevels = Record<CompetencyCode, Record<Grade, number>>;

/** Required proficiency per competency and grade: the DOMAIN §6 matrix (HR edits the stored copy). */
export const DEFAULT_REQUIRED_LEVELS: RequiredLevels = {
  CLIENT_FOCUS: { TRAINEE: 2, JUNIOR: 2, INTERMEDIATE: 3, SENIOR: 4, PRINCIPAL: 5 },
  INFLUENCE: { TRAINEE: 1, JUNIOR: 2, INTERMEDIATE: 3, SENIOR: 4, PRINCIPAL: 4 },
  BUSINESS_ACUMEN: { TRAINEE: 1, JUNIOR: 2, INTERMEDIATE: 3, SENIOR: 4, PRINCIPAL: 5 },
  TEAMWORK: { TRAINEE: 2, JUNIOR: 3, INTERMEDIATE: 3, SENIOR: 4, PRINCIPAL: 5 },
  COMMUNICATION: { TRAINEE: 2, JUNIOR: 3, INTERMEDIATE: 3, SENIOR: 4, PRINCIPAL: 4 },
  RISK_CONTROL: { TRAINEE: 2, JUNIOR: 2, INTERMEDIATE: 3, SENIOR: 4, PRINCIPAL: 5 },
  PRODUCT_EXPERTISE: { TRAINEE: 2, JUNIOR: 3, INTERMEDIATE: 4, SENIOR: 4, PRINCIPAL: 5 },
  MARKET_DEVELOPMENT: { TRAINEE: 1, JUNIOR: 2, INTERMEDIATE: 3, SENIOR: 4, PRINCIPAL: 4 },
  SELF_DRIVE: { TRAINEE: 2, JUNIOR: 3, INTERMEDIATE: 3, SENIOR: 3, PRINCIPAL: 4 },
};

/** The grade whose requirements count as "next": one up; PRINCIPAL is its own next grade. */
export function nextGradeFor(grade: Grade): Grade {
  return shiftGrade(grade, 1) ?? grade;
}

/**
 * Checks an edited required-level matrix: every cell an integer 1–5, and no grade may require
 * less than the grade below it (the ladder only goes up). Returns Chinese messages keyed by
 * `<code>.<grade>`; an empty object means valid.
 */
export function validateRequiredLevels(matrix: Record<string, Record<string, unknown>>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const code of COMPETENCY_CODES) {
    const row = matrix[code] ?? {};
    for (const grade of GRADES) {
      if (!isProficiencyLevel(row[grade])) errors[`${code}.${grade}`] = "要求等级须为 1–5 的整数";
    }
    GRADES.forEach((grade, i) => {
      if (i === 0 || errors[`${code}.${grade}`] || errors[`${code}.${GRADES[i - 1]}`]) return;
      if ((row[grade] as number) < (row[GRADES[i - 1]] as number)) {
        errors[`${code}.${grade}`] = "高一等级的要求不能低于低一等级";
      }
    });
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Sources and weights
// ---------------------------------------------------------------------------------------------

export const SOURCES = ["SELF", "MANAGER", "PEER"] as const;
export type Source = (typeof SOURCES)[number];
export type SourceWeights = Record<Source, number>;

export const SOURCE_LABELS: Record<Source, string> = { SELF: "自评", MANAGER: "上级评价", PEER: "同事评价" };

export const DEFAULT_SOURCE_WEIGHTS: SourceWeights = { MANAGER: 0.5, SELF: 0.2, PEER: 0.3 };

/** Tolerance for "weights sum to 1". */
export const SOURCE_WEIGHT_TOLERANCE = 0.001;

/**
 * Checks source weights: each a number in 0..1, together 1 (± 0.001). Returns Chinese messages
 * keyed by source or "total"; an empty object means valid.
 */
export function validateSourceWeights(weights: Partial<Record<Source, unknown>>): Partial<Record<Source | "total", string>> {
  const errors: Partial<Record<Source | "total", string>> = {};
  for (const source of SOURCES) {
    const w = weights[source];
    if (typeof w !== "number" || !Number.isFinite(w)) errors[source] = `${SOURCE_LABELS[source]}权重须为数字`;
    else if (w < 0 || w > 1) errors[source] = `${SOURCE_LABELS[source]}权重须在 0 到 1 之间`;
  }
  if (Object.keys(errors).length === 0) {
    const sum = SOURCES.reduce((s, source) => s + (weights[source] as number), 0);
    if (Math.abs(sum - 1) > SOURCE_WEIGHT_TOLERANCE) errors.total = `三项权重之和须为 1（当前为 ${round(sum, 3)}）`;
  }
  return errors;
}

/** A cycle's deadline: the end of the chosen day in Asia/Shanghai (DOMAIN §13). */
export function cycleDeadline(date: IsoDate): Date {
  parseIsoDate(date);
  return new Date(`${date}T23:59:59.999+08:00`);
}

// ---------------------------------------------------------------------------------------------
// Aggregation
// ---------------------------------------------------------------------------------------------

/**
 * Peer answers count only when at least this many peers answered.
 *
 * Anonymity: the result is a weighted mean of the self, manager and peer ratings, and the
 * assessee knows their own rating and usually the manager's. With one peer the result gives that
 * peer's answer away exactly; with two, a peer who knows what they answered learns the other's.
 * So below three answers the PEER source is left out of the result entirely (renormalising over
 * self and manager) and no peer mean is shown.
 */
export const PEER_ANONYMITY_THRESHOLD = 3;

export interface SourceRatings {
  self?: number | null;
  manager?: number | null;
  /** Every peer's level for this competency, in any order. */
  peers: readonly number[];
}

export interface CompetencyAggregate {
  /** Weighted mean over the sources used, renormalised; 2 decimals; null when no source is usable. */
  result: number | null;
  /** Mean of the peers' levels (2 decimals), or null below PEER_ANONYMITY_THRESHOLD answers. */
  peerMean: number | null;
  sourcesUsed: Source[];
}

export interface SourceMeans {
  self?: number | null;
  manager?: number | null;
  /** Unrounded mean of the peers' levels (as SQL's avg returns it) and how many peers answered. */
  peerMean?: number | null;
  peerCount: number;
}

/**
 * Combines per-source means: the weighted mean over the sources present, with the weights of the
 * present sources renormalised to 1. A source with weight 0 is not "used". PEER is present only
 * with ≥ PEER_ANONYMITY_THRESHOLD answers.
 */
export function combineSourceMeans(means: SourceMeans, weights: SourceWeights = DEFAULT_SOURCE_WEIGHTS): CompetencyAggregate {
  const peerMean = means.peerCount >= PEER_ANONYMITY_THRESHOLD && means.peerMean != null ? means.peerMean : null;
  const values: Record<Source, number | null> = { SELF: means.self ?? null, MANAGER: means.manager ?? null, PEER: peerMean };
  const sourcesUsed = SOURCES.filter((s) => values[s] !== null && weights[s] > 0);
  const weightSum = sourcesUsed.reduce((sum, s) => sum + weights[s], 0);
  const result = weightSum > 0 ? round(sourcesUsed.reduce((sum, s) => sum + weights[s] * (values[s] as number), 0) / weightSum, 2) : null;
  return { result, peerMean: peerMean === null ? null : round(peerMean, 2), sourcesUsed };
}

/** The assessed level of one competency from the individual ratings (see combineSourceMeans). */
export function aggregateCompetency(ratings: SourceRatings, weights: SourceWeights = DEFAULT_SOURCE_WEIGHTS): CompetencyAggregate {
  const peers = ratings.peers;
  const peerMean = peers.length > 0 ? peers.reduce((a, b) => a + b, 0) / peers.length : null;
  return combineSourceMeans({ self: ratings.self, manager: ratings.manager, peerMean, peerCount: peers.length }, weights);
}

/**
 * How many peer answers may enter a result. Besides the threshold, while a cycle still accepts
 * answers the peers count only once every named peer has answered: otherwise each later answer
 * would move a mean the assessee has already seen, and the difference gives that answer away
 * (4 × new mean − 3 × old mean). After the deadline or close the set of answers is final.
 */
export function usablePeerAnswers({ answered, named, acceptingAnswers }: { answered: number; named: number; acceptingAnswers: boolean }): number {
  if (answered < PEER_ANONYMITY_THRESHOLD) return 0;
  if (acceptingAnswers && answered < named) return 0;
  return answered;
}

/**
 * Whether the named peers of one assessee may change from `current` to `next` (peer ids), with a
 * Chinese reason when not. Between 2 and 5 distinct peers, never the assessee; a peer who has
 * answered cannot be removed (their answer would silently leave the mean); and once the peer
 * mean is visible (see usablePeerAnswers) nobody can be added, since their answer would then be
 * the difference between two visible means.
 */
export function validatePeerChange({
  assesseeId,
  current,
  next,
}: {
  assesseeId: string;
  current: readonly { assessorId: string; answered: boolean }[];
  next: readonly string[];
}): string | null {
  if (next.includes(assesseeId)) return "不能将被评估人本人列为同事评估人";
  if (new Set(next).size !== next.length) return "同事评估人不能重复";
  if (next.length < 2 || next.length > 5) return "每人须提名 2–5 名同事评估人";
  const removedAnswered = current.filter((c) => c.answered && !next.includes(c.assessorId));
  if (removedAnswered.length > 0) return "已提交评价的同事不能移除";
  const added = next.filter((id) => !current.some((c) => c.assessorId === id));
  const answered = current.filter((c) => c.answered).length;
  if (added.length > 0 && usablePeerAnswers({ answered, named: current.length, acceptingAnswers: true }) > 0) {
    return "同事评价结果已生成，不能再增加同事评估人（否则可推算出新增同事的评分）";
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Gaps
// ---------------------------------------------------------------------------------------------

export interface CompetencyGap {
  code: CompetencyCode;
  /** Required level for the current grade. */
  required: number;
  result: number | null;
  /** required − result (2 decimals); positive means below the requirement; null without a result. */
  gap: number | null;
  /** Required level for the next grade (PRINCIPAL: its own). */
  nextRequired: number;
  nextGap: number | null;
}

/** Gaps against the current and the next grade, one per competency in model order. */
export function competencyGaps(
  results: Partial<Record<CompetencyCode, number | null>>,
  grade: Grade,
  required: RequiredLevels = DEFAULT_REQUIRED_LEVELS,
): CompetencyGap[] {
  const next = nextGradeFor(grade);
  return COMPETENCY_CODES.map((code) => {
    const result = results[code] ?? null;
    const req = required[code][grade];
    const nextReq = required[code][next];
    return {
      code,
      required: req,
      result,
      gap: result === null ? null : round(req - result, 2),
      nextRequired: nextReq,
      nextGap: result === null ? null : round(nextReq - result, 2),
    };
  });
}

/**
 * The `n` largest positive gaps (a competency at or above its requirement is no gap), largest
 * first, ties in model order. `which` picks the current grade's gap or the next grade's.
 */
export function largestGaps(gaps: readonly CompetencyGap[], n = 3, which: "current" | "next" = "next"): CompetencyGap[] {
  const value = (g: CompetencyGap) => (which === "next" ? g.nextGap : g.gap);
  return gaps
    .filter((g) => (value(g) ?? 0) > 0)
    .map((g, i) => ({ g, i }))
    .sort((a, b) => (value(b.g) as number) - (value(a.g) as number) || COMPETENCY_CODES.indexOf(a.g.code) - COMPETENCY_CODES.indexOf(b.g.code) || a.i - b.i)
    .slice(0, n)
    .map(({ g }) => g);
}

// ---------------------------------------------------------------------------------------------
// A single rating
// ---------------------------------------------------------------------------------------------

export const COMMENT_REQUIRED_MESSAGE = "评分与岗位要求相差两级及以上，请填写评语说明具体表现";
export const COMMENT_MAX_LENGTH = 500;

/**
 * Checks one rating: the level is an integer 1–5, and a level two or more away from the required
 * level (`required` null: the assessee has no grade, no such rule) needs a comment that says why.
 * Returns the Chinese error or null.
 */
export function validateRating(level: unknown, required: number | null, comment: string | null | undefined): string | null {
  if (!isProficiencyLevel(level)) return "评分须为 1–5 的整数";
  const text = (comment ?? "").trim();
  if (text.length > COMMENT_MAX_LENGTH) return `评语不能超过 ${COMMENT_MAX_LENGTH} 字`;
  if (required !== null && Math.abs(level - required) >= 2 && text === "") return COMMENT_REQUIRED_MESSAGE;
  return null;
}

/** Mean over people of a per-person number, ignoring nulls; null when nobody has one. 2 decimals. */
export function meanOf(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : round(present.reduce((a, b) => a + b, 0) / present.length, 2);
}
