// Pure helpers around a quarter's promotion review (DOMAIN §3 initial grading, §5.8–§5.9).

import { GRADES, GRADE_LABELS, RATING_LABELS, gradeIndex, isRating, type Grade, type Rating } from "./grades";
import { parseIsoDate, type IsoDate } from "./dates";
import { formatTenure, tenureMonths as tenureBetween } from "./tenure";
import {
  requirementsUnmet,
  type CertificationNames,
  mergeGradeRules,
  unmetPhrase,
  type Certification,
  type GradeRules,
  type PromotionDecision,
  type UnmetRequirement,
} from "./promotion";

export interface QuotaCandidate {
  userId: string;
  decision: PromotionDecision;
  /** Skills-contest honours (§9); they rank first (§5.9). */
  honours: number;
  /** Current-quarter score; higher ranks first, missing ranks last. */
  score?: number | null;
  tenureMonths: number;
}

export type Quotas = Partial<Record<Grade, number>>;

const scoreOf = (c: QuotaCandidate) => (typeof c.score === "number" && Number.isFinite(c.score) ? c.score : null);

/** Ranking order for one target grade; ends on userId so equal candidates never swap between runs. */
export function compareQuotaCandidates(a: QuotaCandidate, b: QuotaCandidate): number {
  if (a.honours !== b.honours) return b.honours - a.honours;
  const sa = scoreOf(a);
  const sb = scoreOf(b);
  if (sa !== sb) {
    if (sa === null) return 1;
    if (sb === null) return -1;
    return sb - sa;
  }
  if (a.tenureMonths !== b.tenureMonths) return b.tenureMonths - a.tenureMonths;
  return a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;
}

/**
 * Caps PROMOTE decisions per target grade. Candidates beyond a quota become NONE blocked by
 * "QUOTA". Everyone competing for a capped grade gets `rank` (1-based), including those cut,
 * so HR can see how close they came. Input order is kept and nothing is mutated.
 */
export function applyQuotas<C extends QuotaCandidate>(candidates: readonly C[], quotas: Quotas): Array<C & { rank?: number }> {
  for (const [grade, quota] of Object.entries(quotas ?? {})) {
    if (quota === undefined) continue;
    if (!GRADES.includes(grade as Grade)) throw new Error(`Invalid grade in quotas: ${grade}`);
    if (!Number.isInteger(quota) || quota < 0) throw new Error(`Invalid quota for ${grade}: ${quota}`);
  }

  const byTarget = new Map<Grade, number[]>();
  candidates.forEach((c, i) => {
    const target = c.decision.outcome === "PROMOTE" ? c.decision.to : null;
    if (target === null || quotas?.[target] === undefined) return;
    byTarget.set(target, [...(byTarget.get(target) ?? []), i]);
  });

  const result: Array<C & { rank?: number }> = candidates.map((c) => ({ ...c }));
  for (const [target, indices] of byTarget) {
    const quota = quotas[target]!;
    indices.sort((i, j) => compareQuotaCandidates(candidates[i], candidates[j]));
    indices.forEach((index, position) => {
      const rank = position + 1;
      const original = candidates[index];
      result[index] =
        rank <= quota
          ? { ...original, rank }
          : {
              ...original,
              rank,
              decision: {
                outcome: "NONE",
                from: original.decision.from,
                to: original.decision.from,
                blockedBy: ["QUOTA"],
                reason: `晋升名额已满（${GRADE_LABELS[target]}名额${quota}人），本次暂不晋升`,
              },
            };
    });
  }
  return result;
}

export interface InitialGradeInput {
  roleStartDate: IsoDate;
  /** Date the grading takes effect; tenure and certification validity are taken on this day. */
  asOf: IsoDate;
  certifications?: Certification[];
  lastAnnualRating?: Rating | null;
  rules?: GradeRules;
  /** Chinese names of certification codes for the reason sentence (see PromotionInput). */
  certificationNames?: CertificationNames;
}

export interface InitialGradeProposal {
  grade: Grade;
  reason: string;
}

/**
 * Highest grade the last annual appraisal allows. A result below 良好 does not support placing
 * someone high on the ladder, in the same spirit as §5 where 基本合格-or-worse quarters demote:
 *   EXCELLENT / GOOD → no cap; QUALIFIED → INTERMEDIATE; BASIC → JUNIOR; UNQUALIFIED → TRAINEE;
 *   no appraisal (null / undefined) → no cap, since newcomers often have none and HR confirms anyway.
 */
export const APPRAISAL_GRADE_CAP: Record<Rating, Grade | null> = {
  EXCELLENT: null,
  GOOD: null,
  QUALIFIED: "INTERMEDIATE",
  BASIC: "JUNIOR",
  UNQUALIFIED: "TRAINEE",
};

/**
 * Proposed grade for someone without one (定级, §3). The ladder is climbed one rung at a time,
 * so a grade is reachable only if its requirements and those of every grade below it are met
 * (e.g. 30 months in role but no probation certification stays 见习). Then the appraisal cap applies.
 */
export function proposeInitialGrade(input: InitialGradeInput): InitialGradeProposal {
  parseIsoDate(input.roleStartDate);
  parseIsoDate(input.asOf);
  const rating = input.lastAnnualRating ?? null;
  if (rating !== null && !isRating(rating)) throw new Error(`Invalid rating: ${String(rating)}`);
  mergeGradeRules(input.rules);

  const months = tenureBetween(input.roleStartDate, input.asOf);
  const unmetFor = (g: Grade): UnmetRequirement[] => requirementsUnmet(g, months, input.certifications ?? [], input.asOf, input.rules);

  // TRAINEE is the floor: becoming an account manager is what places someone on the ladder.
  let eligible: Grade = "TRAINEE";
  let blockedNext: { grade: Grade; unmet: UnmetRequirement[] } | null = null;
  for (const g of GRADES.slice(1)) {
    const unmet = unmetFor(g);
    if (unmet.length > 0) {
      blockedNext = { grade: g, unmet };
      break;
    }
    eligible = g;
  }

  const cap = rating === null ? null : APPRAISAL_GRADE_CAP[rating];
  const capped = cap !== null && gradeIndex(cap) < gradeIndex(eligible);
  const grade = capped ? cap : eligible;

  const parts = [`任职${formatTenure(months)}`];
  if (eligible !== "TRAINEE") parts.push(`符合${GRADE_LABELS[eligible]}条件`);
  if (capped) {
    parts.push(`但上年度考核${RATING_LABELS[rating!]}，按考核结果拟定级为${GRADE_LABELS[grade]}`);
  } else {
    if (blockedNext) {
      parts.push(`因${blockedNext.unmet.map((u) => unmetPhrase(u, input.certificationNames)).join("、")}未达${GRADE_LABELS[blockedNext.grade]}`);
    }
    parts.push(`拟定级为${GRADE_LABELS[grade]}`);
  }
  return { grade, reason: parts.join("，") };
}

export interface OutcomeSummary {
  PROMOTE: number;
  DEMOTE: number;
  EXIT: number;
  /** NONE with something in blockedBy: eligible on ratings but held back. */
  BLOCKED: number;
  NONE: number;
}

export function summariseOutcomes(decisions: readonly PromotionDecision[]): OutcomeSummary {
  const summary: OutcomeSummary = { PROMOTE: 0, DEMOTE: 0, EXIT: 0, BLOCKED: 0, NONE: 0 };
  for (const d of decisions) {
    if (d.outcome === "NONE") summary[d.blockedBy.length > 0 ? "BLOCKED" : "NONE"] += 1;
    else summary[d.outcome] += 1;
  }
  return summary;
}
