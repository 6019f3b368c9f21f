// Quarterly appraisal (DOMAIN §4) rules around the scorecard: reading entered indicator values,
// turning them into a score and a rating, recognising typed ratings, and planning the forced
// distribution applied when HR locks a quarter. Pure code: no I/O.

import { RATINGS, RATING_LABELS, type Rating } from "./grades";
import {
  applyForcedDistribution,
  excellentCap,
  ratingForScore,
  RORAC_INDICATOR,
  scoreAppraisal,
  scorecardForPerson,
  validateIndicatorValues,
  withActionPlanValue,
  type Indicator,
  type RatingBands,
  type ScorecardTemplate,
} from "./scoring";

export type RatingSource = "SCORE" | "MANUAL" | "IMPORT";

export const RATING_SOURCE_LABELS: Record<RatingSource, string> = {
  SCORE: "按指标打分",
  MANUAL: "直接评级",
  IMPORT: "文件导入",
};

/** The refusal when a save names an older version of the appraisal than the one stored. */
export const APPRAISAL_CONFLICT_MESSAGE = "该考评结果已被他人修改，请刷新后再试";

/** A direct rating (without a score) must carry a reason of at least this many characters. */
export const MIN_REASON_LENGTH = 2;
/** 说明 of a rating, in the form and in an import alike. */
export const MAX_REASON_LENGTH = 500;

export type FlatIndicator = Indicator & { dimensionCode: string; dimensionName: string };

/** Every indicator of a template in template order, with its dimension. */
export function templateIndicators(template: ScorecardTemplate): FlatIndicator[] {
  return template.dimensions.flatMap((d) => d.indicators.map((i) => ({ ...i, dimensionCode: d.code, dimensionName: d.name })));
}

/**
 * A number as typed into a form or a spreadsheet cell: "105", "105.5", "105.5%", "-20",
 * "1,050", full-width "１０５". Null for anything else: empty cells, text, exponents like "1e3".
 */
export function parseIndicatorNumber(text: string | null | undefined): number | null {
  if (typeof text !== "string") return null;
  const t = text.normalize("NFKC").replace(/[\s,]/g, "").replace(/%$/, "");
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

export interface IndicatorInputCheck {
  /** Parsed values by indicator code (only the valid ones). */
  values: Record<string, number>;
  /** One Chinese message per indicator code that is missing, not a number or out of range. */
  errors: Record<string, string>;
}

/** Checks the raw texts entered for each indicator of `template` (all are required). */
export function checkIndicatorInputs(template: ScorecardTemplate, raw: Record<string, string | null | undefined>): IndicatorInputCheck {
  const values: Record<string, number> = {};
  const errors: Record<string, string> = {};
  for (const ind of templateIndicators(template)) {
    const text = (raw[ind.code] ?? "").trim();
    if (text === "") {
      errors[ind.code] = `请填写「${ind.name}」`;
      continue;
    }
    const v = parseIndicatorNumber(text);
    if (v === null) {
      errors[ind.code] = `「${ind.name}」必须是数字（当前“${text}”）`;
      continue;
    }
    const [rangeError] = validateIndicatorValues(
      { dimensions: [{ code: ind.dimensionCode, name: ind.dimensionName, weight: 1, indicators: [ind] }] },
      { [ind.code]: v },
    );
    if (rangeError) errors[ind.code] = rangeError;
    else values[ind.code] = v;
  }
  return { values, errors };
}

/**
 * Checks the values entered for one person under the quarter's template, given the final score of
 * their action plan(s) linked to the quarter (null when none): the action-plan indicator takes that
 * score whatever was entered, or is left out with the other LEARNING weights rescaled
 * (`scorecardForPerson`). Returns the scorecard to score the values with.
 */
export function checkPersonIndicatorInputs(
  template: ScorecardTemplate,
  raw: Record<string, string | null | undefined>,
  planScore: number | null,
): IndicatorInputCheck & { scorecard: ScorecardTemplate } {
  const scorecard = scorecardForPerson(template, planScore);
  const entered: Record<string, string> = {};
  for (const [code, v] of Object.entries(raw)) if (typeof v === "string") entered[code] = v;
  const withPlan = withActionPlanValue(entered, planScore);
  const texts = Object.fromEntries(Object.entries(withPlan).map(([k, v]) => [k, String(v)]));
  return { scorecard, ...checkIndicatorInputs(scorecard, texts) };
}

/** Score and rating of complete indicator values under a template and its bands. */
export function scoreAndRate(template: ScorecardTemplate, bands: RatingBands, values: Record<string, number>): { score: number; rating: Rating } {
  const result = scoreAppraisal(template, values);
  if (result.score === null) {
    const names = templateIndicators(template)
      .filter((i) => result.missing.includes(i.code))
      .map((i) => i.name);
    throw new Error(`缺少指标数值：${names.join("、")}`);
  }
  return { score: result.score, rating: ratingForScore(result.score, bands) };
}

/** A rating as typed: its Chinese label (优秀, 良好, 合格, 基本合格, 不合格) or its code. */
export function parseRating(text: string | null | undefined): Rating | null {
  if (typeof text !== "string") return null;
  const t = text.normalize("NFKC").replace(/\s+/g, "");
  if (t === "") return null;
  for (const r of RATINGS) if (RATING_LABELS[r] === t || r === t.toUpperCase()) return r;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Forced distribution at lock
// ---------------------------------------------------------------------------------------------

export interface LockRow {
  id: string;
  score: number | null;
  rating: Rating;
  source: RatingSource;
  reason: string | null;
}

/**
 * A rating set by hand with a documented reason and no score (直接评级 or an imported rating with
 * 说明) is a deliberate decision: forced distribution does not change it, although it still
 * counts toward the branch's EXCELLENT cap. Every other rating (from a score, or a legacy rating
 * without a reason) may be adjusted.
 */
export function isDeliberateRating(row: Pick<LockRow, "score" | "reason">): boolean {
  return row.score === null && !!row.reason && row.reason.trim().length > 0;
}

export interface DistributionPlan {
  /** Rated people in the branch. */
  total: number;
  /** EXCELLENT ratings before the adjustment. */
  excellent: number;
  /** floor(total × pct / 100). */
  cap: number;
  /** Ids of the rows to change from EXCELLENT to GOOD (lowest score first). */
  demote: string[];
  /** EXCELLENT ratings after the adjustment (above `cap` only when deliberate ratings exceed it). */
  excellentAfter: number;
}

/**
 * The forced-distribution plan for one branch: at most floor(n × pct / 100) EXCELLENT among its n
 * rated people; the surplus is taken from adjustable ratings, lowest score first (no score counts
 * as lowest), via applyForcedDistribution. Deliberate ratings (see isDeliberateRating) are ranked
 * last and never demoted.
 */
export function planForcedDistribution(rows: readonly LockRow[], maxExcellentPct: number): DistributionPlan {
  const ranked = rows.map((r) => ({ ...r, deliberate: isDeliberateRating(r), score: isDeliberateRating(r) ? Number.MAX_VALUE : r.score }));
  const result = applyForcedDistribution(ranked, maxExcellentPct);
  const demote = result.filter((r) => r.adjusted && !r.deliberate).map((r) => r.id);
  const excellent = rows.filter((r) => r.rating === "EXCELLENT").length;
  return { total: rows.length, excellent, cap: excellentCap(rows.length, maxExcellentPct), demote, excellentAfter: excellent - demote.length };
}

/** The note written on a rating that forced distribution changed. */
export function forcedDistributionReason(maxExcellentPct: number, cap: number, total: number): string {
  return `强制分布：本机构优秀比例上限 ${maxExcellentPct}%（${total} 人中最多 ${cap} 人），按得分由低到高将超出部分由优秀调整为良好`;
}

// ---------------------------------------------------------------------------------------------
// RORAC 目标完成率: from the business lines, or typed with a reason
// ---------------------------------------------------------------------------------------------

/** The refusal when RORAC 目标完成率 is typed by hand without a reason. */
export const RORAC_TYPED_REASON_MESSAGE = "手工填写「RORAC 目标完成率」必须写明原因（例如未录入业务条线）";

/**
 * The raw indicator texts with RORAC 目标完成率 taken from the business lines when there is a
 * computed rate (`computed`, %) and the user did not choose to type it (`typed`); the rate is held
 * to the indicator's [min, max]. A typed value (chosen, or because nothing is computed) needs a
 * reason of at least MIN_REASON_LENGTH characters: `error` says so. Templates without the RORAC
 * indicator are left alone.
 */
export function withRoracValue(
  template: ScorecardTemplate,
  raw: Record<string, string | null | undefined>,
  rorac: { computed: number | null; typed: boolean; reason: string | null | undefined },
): { raw: Record<string, string | null | undefined>; fromLines: boolean; error: string | null } {
  const indicator = templateIndicators(template).find((i) => i.code === RORAC_INDICATOR);
  if (!indicator) return { raw, fromLines: false, error: null };
  if (rorac.computed !== null && !rorac.typed) {
    const held = Math.min(indicator.max ?? Infinity, Math.max(indicator.min ?? -Infinity, rorac.computed));
    return { raw: { ...raw, [RORAC_INDICATOR]: String(held) }, fromLines: true, error: null };
  }
  const typedText = (raw[RORAC_INDICATOR] ?? "").trim();
  const reasonOk = (rorac.reason ?? "").trim().length >= MIN_REASON_LENGTH;
  return { raw, fromLines: false, error: typedText !== "" && !reasonOk ? RORAC_TYPED_REASON_MESSAGE : null };
}
