// Definitions behind the role dashboards (DOMAIN §11): the 9-box, the share of account managers
// new in role, and each person's ladder outlook as the rule engine sees it. Pure: no I/O.

import { evaluatePromotion, type GradeRules, type Certification, type PromotionDecision } from "./promotion";
import { addQuarters, compareQuarters, type IsoDate, type Quarter } from "./dates";
import { ratingOrder, type Grade, type Rating } from "./grades";
import { tenureMonths } from "./tenure";

export type BoxLevel = "LOW" | "MID" | "HIGH";
export const BOX_LEVELS: readonly BoxLevel[] = ["LOW", "MID", "HIGH"];
export const BOX_LEVEL_LABELS: Record<BoxLevel, string> = { LOW: "低", MID: "中", HIGH: "高" };

/**
 * Performance axis: the mean of the last two locked quarters' ratings on 优秀 5 … 不合格 1, over the
 * quarters that have one. HIGH ≥ 4.5 (优秀+优秀 or 优秀+良好), MID ≥ 3 (e.g. 良好+合格), else LOW.
 * null when neither quarter has a rating (the person is not placed).
 */
export function performanceLevel(ratings: readonly (Rating | null | undefined)[]): BoxLevel | null {
  const points = ratings.filter((r): r is Rating => r != null).map(ratingOrder);
  if (points.length === 0) return null;
  const mean = points.reduce((s, p) => s + p, 0) / points.length;
  return mean >= 4.5 ? "HIGH" : mean >= 3 ? "MID" : "LOW";
}

/**
 * Competency axis: the mean over competencies of (result − level required for the current grade).
 * HIGH ≥ 0 (meets the requirement on average), MID ≥ −0.5 (within half a level), else LOW.
 * null without a result.
 */
export function competencyLevel(meanAboveRequired: number | null | undefined): BoxLevel | null {
  if (meanAboveRequired == null || !Number.isFinite(meanAboveRequired)) return null;
  return meanAboveRequired >= 0 ? "HIGH" : meanAboveRequired >= -0.5 ? "MID" : "LOW";
}

export interface NineBoxCell {
  performance: BoxLevel;
  competency: BoxLevel;
}

/** The 9-box cell of one person, or null when either axis has no data. */
export function nineBoxCell(ratings: readonly (Rating | null | undefined)[], meanAboveRequired: number | null | undefined): NineBoxCell | null {
  const performance = performanceLevel(ratings);
  const competency = competencyLevel(meanAboveRequired);
  return performance && competency ? { performance, competency } : null;
}

export const cellKey = (c: NineBoxCell) => `${c.performance}-${c.competency}`;

/** Counts per cell (all nine keys present) and how many people could not be placed. */
export function nineBoxCounts(people: readonly { cell: NineBoxCell | null }[]): { counts: Record<string, number>; unplaced: number } {
  const counts: Record<string, number> = {};
  for (const p of BOX_LEVELS) for (const c of BOX_LEVELS) counts[`${p}-${c}`] = 0;
  let unplaced = 0;
  for (const person of people) {
    if (person.cell) counts[cellKey(person.cell)] += 1;
    else unplaced += 1;
  }
  return { counts, unplaced };
}

/** "Under one year in role": fewer than 12 whole months on `today`. The source plan worries above one third. */
export const NEW_IN_ROLE_MONTHS = 12;
export const NEW_IN_ROLE_ALERT = 1 / 3;

export function newInRoleShare(
  roleStartDates: readonly (IsoDate | null)[],
  today: IsoDate,
): { newInRole: number; total: number; share: number | null; alert: boolean } {
  const known = roleStartDates.filter((d): d is IsoDate => d !== null);
  const newInRole = known.filter((d) => tenureMonths(d, today) < NEW_IN_ROLE_MONTHS).length;
  const total = known.length;
  const share = total === 0 ? null : newInRole / total;
  return { newInRole, total, share, alert: share !== null && share > NEW_IN_ROLE_ALERT };
}

export type Outlook =
  /** The latest locked quarter's review is not committed yet and the rules change the grade. */
  | { kind: "PENDING"; quarter: Quarter; decision: PromotionDecision }
  /** 优秀 in the next quarter would promote. */
  | { kind: "CANDIDATE"; quarter: Quarter; decision: PromotionDecision }
  /** 基本合格 in the next quarter would demote (or exit). */
  | { kind: "RISK"; quarter: Quarter; decision: PromotionDecision }
  | { kind: "NONE" };

export interface OutlookInput {
  grade: Grade;
  roleStartDate: IsoDate | null;
  /** Ratings of LOCKED quarters. */
  ratings: Partial<Record<Quarter, Rating>>;
  latestLockedQuarter: Quarter | null;
  /** Latest quarter whose review is committed; a locked quarter after it is still pending. */
  latestReviewedQuarter: Quarter | null;
  lastChangeQuarter: Quarter | null;
  certifications?: Certification[];
  rules?: GradeRules | null;
}

/**
 * What the rule engine (evaluatePromotion) says about a person: first the pending review of the
 * latest locked quarter; if it changes nothing, the next quarter with a hypothetical 优秀
 * (promotion candidate) or 基本合格 (demotion / exit risk).
 */
export function ladderOutlook(input: OutlookInput): Outlook {
  if (!input.roleStartDate || !input.latestLockedQuarter) return { kind: "NONE" };
  const base = {
    grade: input.grade,
    roleStartDate: input.roleStartDate,
    lastChangeQuarter: input.lastChangeQuarter,
    certifications: input.certifications,
    rules: input.rules ?? undefined,
  };
  const locked = input.latestLockedQuarter;
  const pending = input.latestReviewedQuarter === null || compareQuarters(locked, input.latestReviewedQuarter) > 0;
  if (pending) {
    const decision = evaluatePromotion({ ...base, quarter: locked, ratings: input.ratings });
    if (decision.outcome !== "NONE") return { kind: "PENDING", quarter: locked, decision };
  }
  const next = addQuarters(locked, 1);
  const promote = evaluatePromotion({ ...base, quarter: next, ratings: { ...input.ratings, [next]: "EXCELLENT" } });
  if (promote.outcome === "PROMOTE") return { kind: "CANDIDATE", quarter: next, decision: promote };
  const demote = evaluatePromotion({ ...base, quarter: next, ratings: { ...input.ratings, [next]: "BASIC" } });
  if (demote.outcome === "DEMOTE" || demote.outcome === "EXIT") return { kind: "RISK", quarter: next, decision: demote };
  return { kind: "NONE" };
}
