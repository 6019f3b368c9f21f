// Balanced-scorecard appraisal scoring (平衡计分卡, DOMAIN §4, source 003), rating bands,
// forced distribution and the RORAC helpers. Pure code: no I/O.

import { RATING_LABELS, type Rating } from "./grades";

// ---------------------------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------------------------

export type Indicator = {
  /** Unique across the whole template: appraisal values are keyed by it. */
  code: string;
  name: string;
  /** Weight within its dimension; the weights of one dimension sum to 1. */
  weight: number;
  /**
   * Lower raw values are better (e.g. new NPL ratio). Needs `target` (see `indicatorScore`).
   */
  lowerIsBetter?: boolean;
  /**
   * Optional target for the raw value. Higher-is-better: score = value / target × 100 (omit it
   * when the raw value already is a completion rate or a 百分制 score). Lower-is-better: the
   * acceptable maximum; required.
   */
  target?: number;
  /** Allowed raw value range for input validation (inclusive). */
  min?: number;
  max?: number;
  unit?: string;
};

export type DimensionCode = "FINANCIAL" | "CUSTOMER" | "PROCESS" | "LEARNING";

export type Dimension = {
  code: DimensionCode | (string & {});
  name: string;
  /** Weight of the dimension in the total score; dimension weights sum to 1. */
  weight: number;
  indicators: Indicator[];
};

export type ScorecardTemplate = { dimensions: Dimension[] };

/** Tolerance for "weights sum to 1". */
export const WEIGHT_SUM_TOLERANCE = 0.001;
/** Every indicator score is capped to [0, INDICATOR_SCORE_CAP]. */
export const INDICATOR_SCORE_CAP = 150;

export const DIMENSION_LABELS: Record<DimensionCode, string> = {
  FINANCIAL: "财务维度",
  CUSTOMER: "客户维度",
  PROCESS: "内部流程维度",
  LEARNING: "学习与成长维度",
};

/**
 * The default template (source 003). Dimension weights are the AHP result of the source's
 * example matrix (see DEFAULT_BSC_AHP_MATRIX in ./ahp): 0.483 / 0.272 / 0.157 / 0.088.
 * Indicator weights inside a dimension are our choice (the source leaves them to a second AHP
 * round). All raw values are 百分制 completion rates or scores (above 100 = over-achieved),
 * except the new NPL ratio, which is a percentage where lower is better (target 1 %).
 */
export const DEFAULT_TEMPLATE: ScorecardTemplate = {
  dimensions: [
    {
      code: "FINANCIAL",
      name: "财务维度",
      weight: 0.483,
      indicators: [
        // Negative when the risk-adjusted profit is a loss: scores 0.
        { code: "RORAC_COMPLETION", name: "RORAC 目标完成率", weight: 1, min: -500, max: 500, unit: "%" },
      ],
    },
    {
      code: "CUSTOMER",
      name: "客户维度",
      weight: 0.272,
      indicators: [
        { code: "DEPOSIT_PLAN", name: "存款计划完成率", weight: 0.3, min: 0, max: 500, unit: "%" },
        { code: "LOAN_PLAN", name: "贷款计划完成率", weight: 0.3, min: 0, max: 500, unit: "%" },
        { code: "FEE_INCOME_PLAN", name: "中间业务收入计划完成率", weight: 0.2, min: 0, max: 500, unit: "%" },
        { code: "CLIENT_SATISFACTION", name: "客户满意度", weight: 0.2, min: 0, max: 100, unit: "分" },
      ],
    },
    {
      code: "PROCESS",
      name: "内部流程维度",
      weight: 0.157,
      indicators: [
        {
          code: "NEW_NPL_RATIO",
          name: "新增不良贷款率",
          weight: 0.4,
          lowerIsBetter: true,
          target: 1,
          min: 0,
          max: 100,
          unit: "%",
        },
        { code: "FIRST_APPROVAL_RATE", name: "首次审批通过率", weight: 0.3, min: 0, max: 100, unit: "%" },
        { code: "LOAN_FILE_COMPLETENESS", name: "贷款档案完整率", weight: 0.3, min: 0, max: 100, unit: "%" },
      ],
    },
    {
      code: "LEARNING",
      name: "学习与成长维度",
      weight: 0.088,
      indicators: [
        { code: "TRAINING_HOURS", name: "培训学时完成率", weight: 0.4, min: 0, max: 300, unit: "%" },
        { code: "TRAINING_EXAM", name: "培训考试成绩", weight: 0.3, min: 0, max: 100, unit: "分" },
        { code: "ACTION_PLAN_FOLLOWUP", name: "行动计划跟进评分", weight: 0.3, min: 0, max: 100, unit: "分" },
      ],
    },
  ],
};

const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Chinese error messages; an empty array means the template is usable. */
export function validateTemplate(template: ScorecardTemplate): string[] {
  const errors: string[] = [];
  const dims = template?.dimensions;
  if (!Array.isArray(dims) || dims.length === 0) return ["考核模板至少需要一个维度"];

  const dimCodes = new Set<string>();
  const indCodes = new Set<string>();
  let dimSum = 0;
  dims.forEach((d, di) => {
    const dLabel = d.name?.trim() || d.code?.trim() || `第 ${di + 1} 个维度`;
    if (!d.code?.trim()) errors.push(`第 ${di + 1} 个维度缺少代码`);
    else if (dimCodes.has(d.code)) errors.push(`维度代码重复：${d.code}`);
    else dimCodes.add(d.code);
    if (!d.name?.trim()) errors.push(`维度「${d.code ?? di + 1}」缺少名称`);
    if (!isNum(d.weight) || d.weight < 0 || d.weight > 1) {
      errors.push(`维度「${dLabel}」的权重必须在 0～1 之间`);
    } else {
      dimSum += d.weight;
    }

    const inds = d.indicators;
    if (!Array.isArray(inds) || inds.length === 0) {
      errors.push(`维度「${dLabel}」至少需要一个指标`);
      return;
    }
    let indSum = 0;
    let indWeightsOk = true;
    inds.forEach((ind, ii) => {
      const iLabel = ind.name?.trim() || ind.code?.trim() || `第 ${ii + 1} 个指标`;
      if (!ind.code?.trim()) errors.push(`维度「${dLabel}」的第 ${ii + 1} 个指标缺少代码`);
      else if (indCodes.has(ind.code)) errors.push(`指标代码重复：${ind.code}`);
      else indCodes.add(ind.code);
      if (!ind.name?.trim()) errors.push(`指标「${ind.code ?? ii + 1}」缺少名称`);
      if (!isNum(ind.weight) || ind.weight < 0 || ind.weight > 1) {
        errors.push(`指标「${iLabel}」的权重必须在 0～1 之间`);
        indWeightsOk = false;
      } else {
        indSum += ind.weight;
      }
      if (ind.target !== undefined && (!isNum(ind.target) || ind.target <= 0)) {
        errors.push(`指标「${iLabel}」的目标值必须为正数`);
      }
      if (ind.lowerIsBetter && ind.target === undefined) {
        errors.push(`指标「${iLabel}」为越低越好的指标，必须设置目标值`);
      }
      if (ind.min !== undefined && !isNum(ind.min)) errors.push(`指标「${iLabel}」的最小值无效`);
      if (ind.max !== undefined && !isNum(ind.max)) errors.push(`指标「${iLabel}」的最大值无效`);
      if (isNum(ind.min) && isNum(ind.max) && ind.min > ind.max) {
        errors.push(`指标「${iLabel}」的最小值不能大于最大值`);
      }
    });
    if (indWeightsOk && Math.abs(indSum - 1) > WEIGHT_SUM_TOLERANCE) {
      errors.push(`维度「${dLabel}」内各指标权重之和应为 1（当前 ${round(indSum, 4)}）`);
    }
  });
  if (dims.every((d) => isNum(d.weight) && d.weight >= 0 && d.weight <= 1) && Math.abs(dimSum - 1) > WEIGHT_SUM_TOLERANCE) {
    errors.push(`各维度权重之和应为 1（当前 ${round(dimSum, 4)}）`);
  }
  return errors;
}

/** Chinese errors for entered raw values: non-numeric, or outside the indicator's [min, max]. */
export function validateIndicatorValues(template: ScorecardTemplate, values: Record<string, number | null | undefined>): string[] {
  const errors: string[] = [];
  for (const d of template.dimensions) {
    for (const ind of d.indicators) {
      const v = values[ind.code];
      if (v === undefined || v === null) continue; // missing is reported by scoreAppraisal
      const unit = ind.unit ?? "";
      if (!isNum(v)) errors.push(`指标「${ind.name}」的数值无效`);
      else if (ind.min !== undefined && v < ind.min) errors.push(`指标「${ind.name}」不能小于 ${ind.min}${unit}（当前 ${v}${unit}）`);
      else if (ind.max !== undefined && v > ind.max) errors.push(`指标「${ind.name}」不能大于 ${ind.max}${unit}（当前 ${v}${unit}）`);
    }
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------------

/** Rounds half away from zero at `digits` decimals, robust to binary noise (104.995 → 105). */
export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(Number((x * f).toPrecision(12))) / f;
}

const clampScore = (s: number) => Math.min(INDICATOR_SCORE_CAP, Math.max(0, s));

/**
 * The 百分制 score of one indicator from its raw value, capped to [0, 150]:
 * - higher is better, no target: the raw value itself (it already is a completion rate or a
 *   score; 110 = plan over-achieved by 10 %);
 * - higher is better, with target: value / target × 100;
 * - lower is better (target required): target / value × 100 — meeting the target exactly scores
 *   100, half the target scores 200 → capped at 150, twice the target scores 50; a value ≤ 0
 *   (e.g. no new NPL at all) scores the cap, 150.
 */
export function indicatorScore(indicator: Indicator, value: number): number {
  if (!isNum(value)) throw new RangeError(`指标「${indicator.name}」的数值无效`);
  if (indicator.lowerIsBetter) {
    const target = indicator.target;
    if (!isNum(target) || target <= 0) {
      throw new RangeError(`指标「${indicator.name}」为越低越好的指标，必须设置正的目标值`);
    }
    if (value <= 0) return INDICATOR_SCORE_CAP;
    return clampScore((target / value) * 100);
  }
  if (indicator.target !== undefined) {
    if (!isNum(indicator.target) || indicator.target <= 0) {
      throw new RangeError(`指标「${indicator.name}」的目标值必须为正数`);
    }
    return clampScore((value / indicator.target) * 100);
  }
  return clampScore(value);
}

export type AppraisalScore = {
  /** Weighted total, rounded to 2 decimals; null when any indicator value is missing. */
  score: number | null;
  /** Per dimension (rounded to 2 decimals), only for dimensions with every value present. */
  dimensionScores: Record<string, number>;
  /** Per indicator (rounded to 2 decimals, after conversion and capping), for present values. */
  indicatorScores: Record<string, number>;
  /** Codes of indicators with no (or a non-numeric) value, in template order. */
  missing: string[];
};

/**
 * Balanced-scorecard score: dimension score = Σ indicator weight × indicator score; total =
 * Σ dimension weight × dimension score (computed unrounded, then rounded to 2 decimals).
 * Throws when the template is invalid.
 */
export function scoreAppraisal(template: ScorecardTemplate, values: Record<string, number | null | undefined>): AppraisalScore {
  const errors = validateTemplate(template);
  if (errors.length > 0) throw new Error(errors.join("；"));

  const dimensionScores: Record<string, number> = {};
  const indicatorScores: Record<string, number> = {};
  const missing: string[] = [];
  let total = 0;
  for (const d of template.dimensions) {
    let dimScore = 0;
    let complete = true;
    for (const ind of d.indicators) {
      const v = values[ind.code];
      if (!isNum(v)) {
        missing.push(ind.code);
        complete = false;
        continue;
      }
      const s = indicatorScore(ind, v);
      indicatorScores[ind.code] = round(s);
      dimScore += ind.weight * s;
    }
    if (complete) dimensionScores[d.code] = round(dimScore);
    total += d.weight * dimScore;
  }
  return {
    score: missing.length > 0 ? null : round(total),
    dimensionScores,
    indicatorScores,
    missing,
  };
}

// ---------------------------------------------------------------------------------------------
// The action-plan indicator (DOMAIN §4, §8)
// ---------------------------------------------------------------------------------------------

/**
 * The LEARNING indicator whose value is never typed: it is the final score (0–100) the branch head
 * gave the person's action plan(s) linked to the quarter (mean if several).
 */
export const ACTION_PLAN_INDICATOR = "ACTION_PLAN_FOLLOWUP";

/**
 * The template without the indicator `code`: the other indicators of its dimension keep their
 * proportions and are rescaled to sum to 1 (equal shares when they all weigh 0). When it was the
 * dimension's only indicator, the dimension goes too and the other dimensions are rescaled the
 * same way. A template without that indicator is returned unchanged. Pure: the input is not mutated.
 */
export function omitIndicator(template: ScorecardTemplate, code: string): ScorecardTemplate {
  const at = template.dimensions.findIndex((d) => d.indicators.some((i) => i.code === code));
  if (at < 0) return template;
  const rescale = <T extends { weight: number }>(items: T[]): T[] => {
    const sum = items.reduce((s, x) => s + x.weight, 0);
    return items.map((x) => ({ ...x, weight: sum > 0 ? x.weight / sum : 1 / items.length }));
  };
  const dim = template.dimensions[at];
  const rest = dim.indicators.filter((i) => i.code !== code);
  if (rest.length > 0) {
    return { dimensions: template.dimensions.map((d, k) => (k === at ? { ...d, indicators: rescale(rest) } : d)) };
  }
  const others = template.dimensions.filter((_, k) => k !== at);
  return { dimensions: others.length > 0 ? rescale(others) : [] };
}

/**
 * The mean of the final scores of a person's action plans linked to a quarter, rounded to 2
 * decimals; null when there is none.
 */
export function actionPlanScore(finalScores: readonly number[]): number | null {
  const scores = finalScores.filter(isNum);
  if (scores.length === 0) return null;
  return round(scores.reduce((s, x) => s + x, 0) / scores.length);
}

/**
 * The scorecard that applies to one person in a quarter: with an action-plan score, the template
 * as it is (the score is the indicator's value); without one, the template minus the action-plan
 * indicator, the other LEARNING indicators rescaled to sum to 1.
 */
export function scorecardForPerson(template: ScorecardTemplate, planScore: number | null): ScorecardTemplate {
  return planScore === null ? omitIndicator(template, ACTION_PLAN_INDICATOR) : template;
}

/**
 * Entered indicator values with the action-plan indicator replaced by the person's plan score
 * (or removed when there is none): whatever a form or a file says for it is ignored.
 */
export function withActionPlanValue<T extends string | number>(values: Record<string, T>, planScore: number | null): Record<string, T | number> {
  const rest: Record<string, T | number> = {};
  for (const [code, v] of Object.entries(values)) if (code !== ACTION_PLAN_INDICATOR) rest[code] = v;
  if (planScore !== null) rest[ACTION_PLAN_INDICATOR] = planScore;
  return rest;
}

// ---------------------------------------------------------------------------------------------
// Rating bands
// ---------------------------------------------------------------------------------------------

/** Minimum score for each rating; below BASIC is UNQUALIFIED. */
export type RatingBands = { EXCELLENT: number; GOOD: number; QUALIFIED: number; BASIC: number };

export const DEFAULT_BANDS: Readonly<RatingBands> = { EXCELLENT: 105, GOOD: 95, QUALIFIED: 80, BASIC: 60 };

const BAND_KEYS = ["EXCELLENT", "GOOD", "QUALIFIED", "BASIC"] as const;

/** Chinese errors: every bound a number ≥ 0, strictly decreasing EXCELLENT > GOOD > QUALIFIED > BASIC. */
export function validateBands(bands: RatingBands): string[] {
  const errors: string[] = [];
  for (const k of BAND_KEYS) {
    const v = bands?.[k];
    if (!isNum(v)) errors.push(`「${RATING_LABELS[k]}」的分数线无效`);
    else if (v < 0) errors.push(`「${RATING_LABELS[k]}」的分数线不能为负数`);
  }
  for (let i = 0; i + 1 < BAND_KEYS.length; i++) {
    const hi = BAND_KEYS[i];
    const lo = BAND_KEYS[i + 1];
    if (isNum(bands?.[hi]) && isNum(bands?.[lo]) && !(bands[hi] > bands[lo])) {
      errors.push(`「${RATING_LABELS[hi]}」的分数线（${bands[hi]}）必须高于「${RATING_LABELS[lo]}」的分数线（${bands[lo]}）`);
    }
  }
  return errors;
}

/** score ≥ EXCELLENT → EXCELLENT; ≥ GOOD → GOOD; ≥ QUALIFIED → QUALIFIED; ≥ BASIC → BASIC; else UNQUALIFIED. */
export function ratingForScore(score: number, bands: RatingBands = DEFAULT_BANDS): Rating {
  if (!isNum(score)) throw new RangeError(`无效的考核得分：${score}`);
  if (score >= bands.EXCELLENT) return "EXCELLENT";
  if (score >= bands.GOOD) return "GOOD";
  if (score >= bands.QUALIFIED) return "QUALIFIED";
  if (score >= bands.BASIC) return "BASIC";
  return "UNQUALIFIED";
}

// ---------------------------------------------------------------------------------------------
// Forced distribution (强制分布)
// ---------------------------------------------------------------------------------------------

export type DistributionRow = { id: string; score: number | null; rating: Rating };

/** How many EXCELLENT ratings a branch of `n` people may have: floor(n × pct / 100). */
export function excellentCap(n: number, maxExcellentPct: number): number {
  // The epsilon keeps e.g. 10 × 70 / 100 from flooring to 6 through binary noise.
  return Math.floor((n * maxExcellentPct) / 100 + 1e-9);
}

/**
 * Caps the EXCELLENT ratings of one branch at floor(n × pct / 100), n = rows.length. Surplus
 * EXCELLENT rows are demoted to GOOD in this order: lowest score first (a null score counts as
 * lowest), equal scores by id ascending (then by input position). Every other row is returned
 * unchanged with `adjusted: false`. The input is not mutated; the output keeps the input order.
 */
export function applyForcedDistribution<T extends DistributionRow>(
  rows: readonly T[],
  maxExcellentPct: number,
): Array<T & { rating: Rating; adjusted: boolean }> {
  if (!isNum(maxExcellentPct) || maxExcellentPct < 0 || maxExcellentPct > 100) {
    throw new RangeError(`优秀比例上限必须在 0～100 之间（当前 ${maxExcellentPct}）`);
  }
  const cap = excellentCap(rows.length, maxExcellentPct);
  const excellent = rows.map((row, index) => ({ row, index })).filter(({ row }) => row.rating === "EXCELLENT");
  const surplus = excellent.length - cap;
  const demote = new Set<number>();
  if (surplus > 0) {
    excellent.sort((a, b) => {
      const sa = a.row.score;
      const sb = b.row.score;
      if (sa === null || sb === null) {
        if (sa !== sb) return sa === null ? -1 : 1;
      } else if (sa !== sb) {
        return sa - sb;
      }
      if (a.row.id !== b.row.id) return a.row.id < b.row.id ? -1 : 1;
      return a.index - b.index;
    });
    for (let k = 0; k < surplus; k++) demote.add(excellent[k].index);
  }
  return rows.map((row, index) => (demote.has(index) ? { ...row, rating: "GOOD" as Rating, adjusted: true } : { ...row, adjusted: false }));
}

// ---------------------------------------------------------------------------------------------
// RORAC (风险调整后利润)
// ---------------------------------------------------------------------------------------------

export type RoracInput = {
  /** E: direct business income (直接业务收入). */
  income: number;
  /** Cd: direct cost (直接成本). */
  directCost: number;
  /** Cm: allocated management cost (分摊的管理成本). */
  managementCost: number;
  /** Cf: allocated fixed cost (分摊的固定成本). */
  fixedCost: number;
  /** Cr: risk cost / provisions (风险成本). */
  riskCost: number;
  /** T: tax (税收). */
  tax: number;
};

/** RORAC = E − (Cd + Cm + Cf + Cr) − T. */
export function rorac(x: RoracInput): number {
  return x.income - (x.directCost + x.managementCost + x.fixedCost + x.riskCost) - x.tax;
}

/** Minimum weight of stock (existing) business. */
export const STOCK_WEIGHT_FLOOR = 0.8;

/** Weight k0 of stock business with weighted average age n years: max(0.8, 1 − 0.05·n). */
export function stockWeight(avgAgeYears: number): number {
  if (!isNum(avgAgeYears) || avgAgeYears < 0) {
    throw new RangeError(`存量业务加权平均年数必须为非负数（当前 ${avgAgeYears}）`);
  }
  return Math.max(STOCK_WEIGHT_FLOOR, 1 - 0.05 * avgAgeYears);
}

export type BusinessLineRorac = {
  /** RORAC0i: RORAC of the stock business of this line. */
  stock: number;
  /** RORAC1i: RORAC of the new business of this line (full weight 1). */
  incremental: number;
  /** n: weighted average age of the stock business in years. */
  stockAgeYears: number;
};

/** RORACi = k0 × RORAC0i + RORAC1i for one business line. */
export function lineRorac(line: BusinessLineRorac): number {
  return stockWeight(line.stockAgeYears) * line.stock + line.incremental;
}

/** Combined RORAC of an account manager: Σ over business lines of RORACi. */
export function combinedRorac(lines: readonly BusinessLineRorac[]): number {
  return lines.reduce((s, l) => s + lineRorac(l), 0);
}

/** The indicator whose value comes from the business lines' RORAC against the target (DOMAIN §4). */
export const RORAC_INDICATOR = "RORAC_COMPLETION";

/** One business line as entered: the stock part, the new part (each E, Cd, Cm, Cf, Cr, T) and n. */
export type RoracLineParts = {
  stock: RoracInput;
  incremental: RoracInput;
  /** n: weighted average age of the stock business in years. */
  stockAgeYears: number;
};

/** RORACi of one entered line: k0 × RORAC(stock) + RORAC(new). */
export function roracOfLine(line: RoracLineParts): number {
  return lineRorac({ stock: rorac(line.stock), incremental: rorac(line.incremental), stockAgeYears: line.stockAgeYears });
}

export type RoracCompletion = {
  /** Σ RORACi over the lines, 万元, rounded to 2 decimals. */
  combined: number;
  /** RORACi per line in input order, rounded to 2 decimals. */
  lines: number[];
  /** combined / target × 100, %, rounded to 2 decimals. */
  rate: number;
};

/**
 * The RORAC completion rate of a person in a quarter: Σ lines (k0·RORAC stock + RORAC new) /
 * target × 100. Null when there is no line or the target is not a positive number (then the
 * indicator can only be typed).
 */
export function roracCompletion(lines: readonly RoracLineParts[], target: number): RoracCompletion | null {
  if (lines.length === 0 || !isNum(target) || target <= 0) return null;
  const each = lines.map(roracOfLine);
  const combined = each.reduce((s, x) => s + x, 0);
  return { combined: round(combined), lines: each.map((x) => round(x)), rate: round((combined / target) * 100) };
}
