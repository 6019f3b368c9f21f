// What an account manager still needs for the next grade (DOMAIN §11 "my grade and what the next
// grade needs"), in plain Chinese. Pure: the same rules as the quarterly review (§3, §5), read
// forward from today instead of backward from a reviewed quarter.

import { GRADE_LABELS, RATING_LABELS, gradeTitle, shiftGrade, type Grade, type Rating } from "./grades";
import { compareQuarters, formatIsoDate, parseIsoDate, previousQuarter, quarterEnd, type IsoDate, type Quarter } from "./dates";
import { certificationName, certificationNames, certificationPath, mergeGradeRules, requirementsUnmet, type Certification, type GradeRules } from "./promotion";
import { tenureMonths } from "./tenure";

export interface NextGradeInput {
  grade: Grade;
  roleStartDate: IsoDate | null;
  /** Today (Asia/Shanghai): tenure and certificate validity are taken on this day. */
  asOf: IsoDate;
  /** Ratings of LOCKED quarters only: an open quarter's rating can still change. */
  ratings: Partial<Record<Quarter, Rating>>;
  /** The latest locked quarter of the bank; the streak ends there. */
  latestLockedQuarter: Quarter | null;
  /** Quarter of the latest live grade change: it and earlier quarters never count again (§5.6). */
  lastChangeQuarter: Quarter | null;
  /** Latest quarter whose promotion review is committed (a streak already reviewed needs one more quarter). */
  latestReviewedQuarter?: Quarter | null;
  certifications?: Certification[];
  rules?: GradeRules | null;
}

export type DemotionRisk = "DEMOTE_ONE" | "DEMOTE_TWO" | "EXIT";

export interface NextGradePath {
  grade: Grade;
  /** null at the top of the ladder. */
  next: Grade | null;
  /** Tenure toward the next grade's minimum; null at the top. */
  tenure: { months: number; needMonths: number; remaining: number; reachedOn: IsoDate | null } | null;
  /** Consecutive EXCELLENT quarters that still count, ending at the latest locked quarter. */
  streak: number;
  /** EXCELLENT quarters still needed before a review can promote (0–2). */
  quartersNeeded: number;
  missingCertifications: { code: string; name: string }[];
  /** Rating of the latest locked quarter, when it still counts toward a streak. */
  latestCountedRating: Rating | null;
  /** Set when one more BASIC-or-worse quarter would demote (§5.3–5.5). */
  demotionRisk: DemotionRisk | null;
  /**
   * The probation path (§3) when the next grade's rule promotes on certification: the names of
   * its certifications and whether a pass since the last grade change is held today.
   */
  byCertification: { names: string; passed: boolean } | null;
  /** One plain sentence: what is missing, or that all is met. */
  sentence: string;
  /** A second sentence about the demotion risk, or null. */
  riskSentence: string | null;
}

/** The date on which `months` whole months in role are reached. */
export function tenureReachedOn(roleStartDate: IsoDate, months: number): IsoDate {
  const { y, m, d } = parseIsoDate(roleStartDate);
  // wholeMonthsBetween counts a month once its day-of-month is reached; a 31st that the target
  // month lacks is reached on the first day after that month's end.
  const candidate = formatIsoDate(y, m + months, d);
  return parseIsoDate(candidate).d === d ? candidate : formatIsoDate(y, m + months + 1, 1);
}

function counts(q: Quarter, lastChange: Quarter | null): boolean {
  return lastChange === null || compareQuarters(q, lastChange) > 0;
}

export function nextGradePath(input: NextGradeInput): NextGradePath {
  parseIsoDate(input.asOf);
  const rules = mergeGradeRules(input.rules);
  const last = input.lastChangeQuarter ?? null;
  const locked = input.latestLockedQuarter ?? null;

  // Streak: walk back from the latest locked quarter while quarters still count and were EXCELLENT.
  let streak = 0;
  if (locked) {
    for (let q = locked; counts(q, last) && input.ratings[q] === "EXCELLENT"; q = previousQuarter(q)) {
      streak += 1;
      if (streak >= 8) break;
    }
  }
  const latestCountedRating = locked && counts(locked, last) ? (input.ratings[locked] ?? null) : null;

  let demotionRisk: DemotionRisk | null = null;
  let riskSentence: string | null = null;
  if (latestCountedRating === "BASIC" || latestCountedRating === "UNQUALIFIED") {
    const down = shiftGrade(input.grade, -1);
    if (down === null) {
      demotionRisk = "EXIT";
      riskSentence = `最近一个季度考核${RATING_LABELS[latestCountedRating]}，下一季度如仍为基本合格及以下，将退出客户经理岗位`;
    } else if (latestCountedRating === "UNQUALIFIED") {
      const twoDown = shiftGrade(input.grade, -2);
      demotionRisk = "DEMOTE_TWO";
      riskSentence = `最近一个季度考核不合格，下一季度如仍不合格将${twoDown ? `降为${GRADE_LABELS[twoDown]}` : "退出客户经理岗位"}，基本合格将降为${GRADE_LABELS[down]}`;
    } else {
      demotionRisk = "DEMOTE_ONE";
      riskSentence = `最近一个季度考核基本合格，下一季度如仍为基本合格及以下，将降为${GRADE_LABELS[down]}`;
    }
  }

  const next = shiftGrade(input.grade, 1);
  if (next === null) {
    return {
      grade: input.grade,
      next: null,
      tenure: null,
      streak,
      quartersNeeded: 0,
      missingCertifications: [],
      latestCountedRating,
      demotionRisk,
      byCertification: null,
      sentence: `您已是最高等级${gradeTitle(input.grade)}，请继续保持`,
      riskSentence,
    };
  }

  const needMonths = rules[next].minTenureMonths;
  const months = input.roleStartDate ? tenureMonths(input.roleStartDate, input.asOf) : 0;
  const remaining = Math.max(0, needMonths - months);
  const tenure = {
    months,
    needMonths,
    remaining,
    reachedOn: input.roleStartDate ? tenureReachedOn(input.roleStartDate, needMonths) : null,
  };
  const missingCertifications = requirementsUnmet(next, months, input.certifications ?? [], input.asOf, input.rules)
    .filter((u) => u.key !== "TENURE")
    .map((u) => {
      const code = u.key.slice("CERTIFICATION:".length);
      return { code, name: certificationName(code) };
    });

  // Two counted EXCELLENT quarters promote at the review of the later one. If that review has
  // already run (and, since the streak survived it, held the person back), the next review pairs
  // the latest quarter with the coming one, so one more is needed.
  const reviewed = locked !== null && input.latestReviewedQuarter != null && compareQuarters(input.latestReviewedQuarter, locked) >= 0;
  const quartersNeeded = streak >= 2 ? (reviewed ? 1 : 0) : 2 - streak;

  const nextLabel = GRADE_LABELS[next];
  const ratingClause = quartersNeeded === 2 ? "连续两个季度考核优秀" : quartersNeeded === 1 ? "再获得一个季度优秀" : "";
  const blockers: string[] = [];
  if (!input.roleStartDate) blockers.push("任职起始日未登记，请联系人力资源部");
  else if (remaining > 0) blockers.push(`任职年限还差 ${remaining} 个月`);
  for (const c of missingCertifications) blockers.push(`还需取得有效的“${c.name}”认证`);

  const certPath = certificationPath(input.grade, input.certifications ?? [], input.asOf, last === null ? null : quarterEnd(last), input.rules);
  const byCertification = certPath ? { names: certificationNames(certPath.codes), passed: certPath.held && certPath.fresh } : null;

  let sentence: string;
  if (certPath && byCertification) {
    const tenureBlocker = !input.roleStartDate ? "任职起始日未登记，请联系人力资源部" : remaining > 0 ? `任职年限还差 ${remaining} 个月` : null;
    if (byCertification.passed) {
      // Passed since the last change: only tenure can still stand in the way.
      sentence = tenureBlocker
        ? `${byCertification.names}已通过，${tenureBlocker}，满足后即可在季度评审中晋升为${nextLabel}`
        : `${byCertification.names}已通过，已满足晋升为${nextLabel}的全部条件，等待人力资源部晋级评审`;
    } else if (!certPath.held) {
      sentence = [tenureBlocker, ...missingCertifications.map((c) => `还需通过“${c.name}”`)].filter(Boolean).join("，");
      sentence += `，满足后即可在季度评审中晋升为${nextLabel}，无须连续两个季度优秀`;
    } else {
      // Held, but passed before the last change (e.g. a demotion): the streak or a new pass.
      const streakClause = quartersNeeded === 0 ? "已有连续两个季度优秀" : `${ratingClause}`;
      sentence = `${tenureBlocker ? `${tenureBlocker}；` : ""}${streakClause}或再次通过${byCertification.names}，即可晋升为${nextLabel}`;
    }
  } else if (blockers.length === 0) {
    sentence = quartersNeeded === 0 ? `已满足晋升为${nextLabel}的全部条件，等待人力资源部晋级评审` : `${ratingClause}即可晋升为${nextLabel}`;
  } else {
    sentence = blockers.join("，");
    sentence += quartersNeeded === 0 ? `，满足后即可晋升为${nextLabel}` : `；并需${ratingClause}，才能晋升为${nextLabel}`;
  }

  return {
    grade: input.grade,
    next,
    tenure,
    streak,
    quartersNeeded,
    missingCertifications,
    latestCountedRating,
    demotionRisk,
    byCertification,
    sentence,
    riskSentence,
  };
}
