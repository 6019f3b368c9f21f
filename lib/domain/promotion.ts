// Quarterly promotion / demotion rule engine (DOMAIN §3, §5).
// Pure code: the same inputs always give the same decision, so every clause can be table-tested.

import { GRADE_LABELS, RATING_LABELS, isGrade, isRating, shiftGrade, type Grade, type Rating } from "./grades";
import {
  compareQuarters,
  dayAfterQuarter,
  parseIsoDate,
  parseQuarter,
  previousQuarter,
  quarterEnd,
  quarterLabel,
  wholeMonthsBetween,
  type IsoDate,
  type Quarter,
} from "./dates";

export type { Grade, Rating } from "./grades";
export type { Quarter } from "./dates";

export interface Certification {
  code: string;
  passedOn: IsoDate;
  validUntil?: IsoDate | null;
}

export interface GradeRule {
  minTenureMonths: number;
  certifications?: string[];
  /**
   * The probation path (DOMAIN §3): someone one grade below who meets the tenure and holds every
   * named certification — at least one passed after their last grade change — is promoted at the
   * review without two EXCELLENT quarters. Default: on for JUNIOR only.
   */
  byCertification?: boolean;
}

/** Entry requirements keyed by the grade being entered. */
export type GradeRules = Partial<Record<Grade, GradeRule>>;

export interface PromotionInput {
  /** The quarter under review. */
  quarter: Quarter;
  /** Grade held during that quarter. */
  grade: Grade;
  roleStartDate: IsoDate;
  /** Any quarters may be present; only Q and Q−1 are read. */
  ratings: Partial<Record<Quarter, Rating>>;
  /** Quarter whose review (or manual / initial grading) last changed the grade. */
  lastChangeQuarter?: Quarter | null;
  certifications?: Certification[];
  /** Merged per grade over DEFAULT_GRADE_RULES. */
  rules?: GradeRules;
  /**
   * Chinese names of certification codes (HR's CertificationType names) for the reason sentence;
   * codes without one fall back to `certificationName`. Does not change any decision.
   */
  certificationNames?: CertificationNames;
}

/** Code → Chinese name of certifications, as HR named them. */
export type CertificationNames = Readonly<Record<string, string>>;

export type PromotionOutcome = "PROMOTE" | "DEMOTE" | "EXIT" | "NONE";

export interface PromotionDecision {
  outcome: PromotionOutcome;
  from: Grade;
  /** Grade after this review; null only for EXIT. */
  to: Grade | null;
  /**
   * Set only when two EXCELLENT quarters (or, on the probation path, the certification) were not
   * enough: "TENURE", "CERTIFICATION:<code>" (and "QUOTA", see review.ts).
   */
  blockedBy: string[];
  /** One Chinese sentence for HR and the account manager. */
  reason: string;
}

export const DEFAULT_GRADE_RULES: GradeRules = {
  TRAINEE: { minTenureMonths: 0 },
  JUNIOR: { minTenureMonths: 6, certifications: ["PROBATION"], byCertification: true },
  INTERMEDIATE: { minTenureMonths: 24 },
  SENIOR: { minTenureMonths: 36 },
  PRINCIPAL: { minTenureMonths: 48 },
};

// Codes are data entered by HR; only the one the domain itself names gets a Chinese name here.
const CERTIFICATION_NAMES: Record<string, string> = { PROBATION: "见习期考核" };

export function certificationName(code: string, names?: CertificationNames | null): string {
  return names?.[code] ?? CERTIFICATION_NAMES[code] ?? code;
}

/**
 * Rules in effect: a grade present in `rules` replaces that grade's default entry as a whole,
 * so HR can drop a certification requirement by giving the grade without one.
 */
export function mergeGradeRules(rules?: GradeRules | null): Record<Grade, GradeRule> {
  const merged = { ...DEFAULT_GRADE_RULES } as Record<Grade, GradeRule>;
  for (const [grade, rule] of Object.entries(rules ?? {})) {
    if (!isGrade(grade)) throw new Error(`Invalid grade in rules: ${grade}`);
    if (rule === undefined) continue;
    validateRule(grade, rule);
    merged[grade] = rule;
  }
  return merged;
}

function validateRule(grade: Grade, rule: GradeRule | undefined): void {
  if (!rule || typeof rule !== "object") throw new Error(`Missing rule for grade ${grade}`);
  const months = rule.minTenureMonths;
  if (!Number.isInteger(months) || months < 0) {
    throw new Error(`Invalid minTenureMonths for ${grade}: ${months}`);
  }
  if (rule.certifications != null) {
    if (!Array.isArray(rule.certifications) || rule.certifications.some((c) => typeof c !== "string" || !c)) {
      throw new Error(`Invalid certifications for ${grade}`);
    }
  }
  if (rule.byCertification != null && typeof rule.byCertification !== "boolean") {
    throw new Error(`Invalid byCertification for ${grade}`);
  }
}

/** Whole months in role at the end of `quarter` (counted to the first day after it). */
export function tenureMonthsAtQuarterEnd(roleStartDate: IsoDate, quarter: Quarter): number {
  return wholeMonthsBetween(roleStartDate, dayAfterQuarter(quarter));
}

/** Valid on `date`: passed on or before it, and not expired before it (validUntil is inclusive). */
export function certificationValidOn(cert: Certification, date: IsoDate): boolean {
  parseIsoDate(date);
  parseIsoDate(cert.passedOn);
  if (cert.validUntil != null) parseIsoDate(cert.validUntil);
  // ISO dates compare correctly as strings once validated.
  return cert.passedOn <= date && (cert.validUntil == null || cert.validUntil >= date);
}

/** Valid at the end of `quarter` (its last day). */
export function certificationValid(cert: Certification, quarter: Quarter): boolean {
  return certificationValidOn(cert, quarterEnd(quarter));
}

export type UnmetRequirement =
  { key: "TENURE"; haveMonths: number; needMonths: number; label: string } | { key: `CERTIFICATION:${string}`; certification: string; label: string };

/**
 * Requirements of `target` not met given tenure and the certifications valid on `certDate`.
 * Shared by the quarterly review (quarter end) and initial grading (an arbitrary date).
 */
export function requirementsUnmet(
  target: Grade,
  tenureMonths: number,
  certifications: Certification[],
  certDate: IsoDate,
  rules?: GradeRules | null,
  names?: CertificationNames | null,
): UnmetRequirement[] {
  const rule = mergeGradeRules(rules)[target];
  const unmet: UnmetRequirement[] = [];
  if (tenureMonths < rule.minTenureMonths) {
    unmet.push({
      key: "TENURE",
      haveMonths: tenureMonths,
      needMonths: rule.minTenureMonths,
      label: `任职年限不足: ${tenureMonths}/${rule.minTenureMonths} 个月`,
    });
  }
  for (const code of rule.certifications ?? []) {
    const held = certifications.some((c) => c.code === code && certificationValidOn(c, certDate));
    if (!held) {
      unmet.push({
        key: `CERTIFICATION:${code}`,
        certification: code,
        label: `缺少有效认证: ${certificationName(code, names)}`,
      });
    }
  }
  return unmet;
}

/** Entry requirements of `target` not met at the end of the input's quarter; keys form `blockedBy`. */
export function entryRequirementsUnmet(
  target: Grade,
  input: Pick<PromotionInput, "quarter" | "roleStartDate" | "certifications" | "rules" | "certificationNames">,
): UnmetRequirement[] {
  return requirementsUnmet(
    target,
    tenureMonthsAtQuarterEnd(input.roleStartDate, input.quarter),
    input.certifications ?? [],
    quarterEnd(input.quarter),
    input.rules,
    input.certificationNames,
  );
}

/** Clause for a reason sentence, e.g. 任职年限不足（20/24个月）. */
export function unmetPhrase(u: UnmetRequirement, names?: CertificationNames | null): string {
  return u.key === "TENURE" ? `任职年限不足（${u.haveMonths}/${u.needMonths}个月）` : `缺少有效的“${certificationName(u.certification, names)}”认证`;
}

function validateInput(input: PromotionInput): void {
  if (!input || typeof input !== "object") throw new Error("Invalid promotion input");
  parseQuarter(input.quarter);
  if (!isGrade(input.grade)) throw new Error(`Invalid grade: ${String(input.grade)}`);
  parseIsoDate(input.roleStartDate);
  if (input.lastChangeQuarter != null) parseQuarter(input.lastChangeQuarter);
  if (!input.ratings || typeof input.ratings !== "object") throw new Error("Invalid ratings");
  // Only the two quarters the rule reads are checked, so stray history cannot fail a review.
  for (const q of [input.quarter, previousQuarter(input.quarter)]) {
    const r = input.ratings[q];
    if (r != null && !isRating(r)) throw new Error(`Invalid rating for ${q}: ${String(r)}`);
  }
  if (input.certifications != null && !Array.isArray(input.certifications)) {
    throw new Error("Invalid certifications");
  }
  for (const c of input.certifications ?? []) {
    if (!c || typeof c.code !== "string") throw new Error("Invalid certification");
    parseIsoDate(c.passedOn);
    if (c.validUntil != null) parseIsoDate(c.validUntil);
  }
  mergeGradeRules(input.rules);
}

const isBasicOrWorse = (r: Rating) => r === "BASIC" || r === "UNQUALIFIED";

export interface CertificationPath {
  /** The grade the path leads to (one above `grade`). */
  target: Grade;
  /** Codes the target's rule names, in rule order. */
  codes: string[];
  /** Every named certification is valid on the date. */
  held: boolean;
  /** At least one named certification, valid on the date, was passed after `changedAfter`. */
  fresh: boolean;
}

/**
 * The probation path (DOMAIN §3) toward the grade above `grade`, or null when that grade's rule
 * has no `byCertification` (or names no certification). `changedAfter` is the last day of the
 * quarter of the last grade change (null: never changed), `onDate` the day validity is read on.
 */
export function certificationPath(
  grade: Grade,
  certifications: Certification[],
  onDate: IsoDate,
  changedAfter: IsoDate | null,
  rules?: GradeRules | null,
): CertificationPath | null {
  const target = shiftGrade(grade, 1);
  if (target === null) return null;
  const rule = mergeGradeRules(rules)[target];
  const codes = rule.certifications ?? [];
  if (!rule.byCertification || codes.length === 0) return null;
  const valid = certifications.filter((c) => codes.includes(c.code) && certificationValidOn(c, onDate));
  const held = codes.every((code) => valid.some((c) => c.code === code));
  const fresh = valid.some((c) => changedAfter === null || c.passedOn > changedAfter);
  return { target, codes, held, fresh };
}

/** 见习期考核 or 见习期考核、XX: the names of a rule's certifications for a reason sentence. */
export function certificationNames(codes: string[], names?: CertificationNames | null): string {
  return codes.map((code) => certificationName(code, names)).join("、");
}

export function evaluatePromotion(input: PromotionInput): PromotionDecision {
  validateInput(input);
  const { quarter, grade: from } = input;
  const prev = previousQuarter(quarter);
  const last = input.lastChangeQuarter ?? null;
  // §5.6: a quarter that already produced a change (or precedes one) cannot feed another.
  const counts = (q: Quarter) => last === null || compareQuarters(q, last) > 0;
  const none = (reason: string, blockedBy: string[] = []): PromotionDecision => ({
    outcome: "NONE",
    from,
    to: from,
    blockedBy,
    reason,
  });

  const current = input.ratings[quarter] ?? null;
  const previous = input.ratings[prev] ?? null;
  // Q counts whenever Q−1 does, so an uncounted Q−1 means the streak was reset.
  const streakCounts = counts(prev);
  const fromLabel = GRADE_LABELS[from];

  // §5.3–5.5: a demotion or exit wins over everything, the probation path included.
  if (streakCounts && current !== null && previous !== null && isBasicOrWorse(current) && isBasicOrWorse(previous)) {
    const bothUnqualified = current === "UNQUALIFIED" && previous === "UNQUALIFIED";
    const steps = bothUnqualified ? 2 : 1;
    const cause = bothUnqualified ? "连续两个季度考核不合格" : "连续两个季度考核基本合格及以下";
    const to = shiftGrade(from, -steps);
    if (to === null) {
      return { outcome: "EXIT", from, to: null, blockedBy: [], reason: `${cause}，退出客户经理岗位` };
    }
    return { outcome: "DEMOTE", from, to, blockedBy: [], reason: `${cause}，由${fromLabel}降为${GRADE_LABELS[to]}` };
  }

  if (streakCounts && current === "EXCELLENT" && previous === "EXCELLENT") {
    const to = shiftGrade(from, 1);
    if (to === null) return none(`连续两个季度考核优秀，已是最高等级${fromLabel}，等级不变`);
    const unmet = entryRequirementsUnmet(to, input);
    if (unmet.length > 0) {
      return none(
        `连续两个季度考核优秀，但${unmet.map((u) => unmetPhrase(u, input.certificationNames)).join("、")}，暂不晋升为${GRADE_LABELS[to]}`,
        unmet.map((u) => u.key),
      );
    }
    return {
      outcome: "PROMOTE",
      from,
      to,
      blockedBy: [],
      reason: `连续两个季度考核优秀，由${fromLabel}晋升为${GRADE_LABELS[to]}`,
    };
  }

  // The probation path: ratings are not needed, a certification passed since the last change is.
  const path = certificationPath(from, input.certifications ?? [], quarterEnd(quarter), last === null ? null : quarterEnd(last), input.rules);
  if (path && path.held && path.fresh) {
    const names = certificationNames(path.codes, input.certificationNames);
    const unmet = entryRequirementsUnmet(path.target, input);
    if (unmet.length > 0) {
      return none(
        `${names}已通过，但${unmet.map((u) => unmetPhrase(u, input.certificationNames)).join("、")}，暂不晋升为${GRADE_LABELS[path.target]}`,
        unmet.map((u) => u.key),
      );
    }
    return { outcome: "PROMOTE", from, to: path.target, blockedBy: [], reason: `${names}通过，晋升为${GRADE_LABELS[path.target]}` };
  }

  if (!streakCounts) {
    return none(`等级已于${quarterLabel(last!)}调整，需重新累计连续两个季度考核结果，等级不变`);
  }
  if (current === null || previous === null) {
    const which = current === null && previous === null ? "本季度和上季度均" : current === null ? "本季度" : "上季度";
    return none(`${which}无有效考核结果，等级不变`);
  }

  return none(`上季度考核${RATING_LABELS[previous]}、本季度考核${RATING_LABELS[current]}，未满足晋降级条件，等级不变`);
}
