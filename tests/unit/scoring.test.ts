import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { RATINGS, ratingOrder, type Rating } from "@/lib/domain/grades";
import { computeAhp, DEFAULT_BSC_AHP_MATRIX } from "@/lib/domain/ahp";
import {
  ACTION_PLAN_INDICATOR,
  actionPlanScore,
  omitIndicator,
  scorecardForPerson,
  withActionPlanValue,
  DEFAULT_BANDS,
  DEFAULT_TEMPLATE,
  INDICATOR_SCORE_CAP,
  applyForcedDistribution,
  combinedRorac,
  excellentCap,
  indicatorScore,
  lineRorac,
  ratingForScore,
  rorac,
  round,
  scoreAppraisal,
  stockWeight,
  validateBands,
  validateIndicatorValues,
  validateTemplate,
  type Indicator,
  type ScorecardTemplate,
} from "@/lib/domain/scoring";

const allCodes = DEFAULT_TEMPLATE.dimensions.flatMap((d) => d.indicators.map((i) => i.code));
const sampleValues: Record<string, number> = {
  RORAC_COMPLETION: 120,
  DEPOSIT_PLAN: 110,
  LOAN_PLAN: 100,
  FEE_INCOME_PLAN: 90,
  CLIENT_SATISFACTION: 95,
  NEW_NPL_RATIO: 0.5,
  FIRST_APPROVAL_RATE: 90,
  LOAN_FILE_COMPLETENESS: 100,
  TRAINING_HOURS: 100,
  TRAINING_EXAM: 85,
  ACTION_PLAN_FOLLOWUP: 90,
};

/** A template of one dimension X (weight 1) whose indicators are named by their codes, with these weights. */
function oneDimension(weights: Record<string, number>): ScorecardTemplate {
  const indicators = Object.entries(weights).map(([code, weight]) => ({ code, name: code, weight }));
  return { dimensions: [{ code: "X", name: "X", weight: 1, indicators }] };
}

describe("DEFAULT_TEMPLATE", () => {
  it("is valid", () => {
    expect(validateTemplate(DEFAULT_TEMPLATE)).toEqual([]);
  });

  it("has the four dimensions with the AHP weights of the source example", () => {
    expect(DEFAULT_TEMPLATE.dimensions.map((d) => [d.code, d.name, d.weight])).toEqual([
      ["FINANCIAL", "财务维度", 0.483],
      ["CUSTOMER", "客户维度", 0.272],
      ["PROCESS", "内部流程维度", 0.157],
      ["LEARNING", "学习与成长维度", 0.088],
    ]);
    const ahp = computeAhp(DEFAULT_BSC_AHP_MATRIX);
    DEFAULT_TEMPLATE.dimensions.forEach((d, i) => expect(d.weight).toBeCloseTo(ahp.weights[i], 3));
  });

  it("has the indicators named in DOMAIN §4", () => {
    expect(allCodes).toEqual(Object.keys(sampleValues));
    const npl = DEFAULT_TEMPLATE.dimensions[2].indicators[0];
    expect(npl.name).toBe("新增不良贷款率");
    expect(npl.lowerIsBetter).toBe(true);
  });
});

describe("scoreAppraisal", () => {
  it("computes the weighted sum per dimension and in total", () => {
    const r = scoreAppraisal(DEFAULT_TEMPLATE, sampleValues);
    expect(r.missing).toEqual([]);
    expect(r.dimensionScores).toEqual({ FINANCIAL: 120, CUSTOMER: 100, PROCESS: 117, LEARNING: 92.5 });
    // 0.483×120 + 0.272×100 + 0.157×117 + 0.088×92.5 = 57.96 + 27.2 + 18.369 + 8.14
    expect(r.score).toBe(111.67);
    expect(r.indicatorScores.NEW_NPL_RATIO).toBe(150);
    expect(ratingForScore(r.score!)).toBe("EXCELLENT");
  });

  it("everything at 100 scores 100", () => {
    const values = Object.fromEntries(allCodes.map((c) => [c, 100]));
    values.NEW_NPL_RATIO = 1; // exactly on target
    const r = scoreAppraisal(DEFAULT_TEMPLATE, values);
    expect(r.score).toBe(100);
    expect(Object.values(r.dimensionScores)).toEqual([100, 100, 100, 100]);
  });

  it("lists missing indicators and gives no total", () => {
    const { LOAN_PLAN: _l, TRAINING_EXAM: _t, ...partial } = sampleValues;
    const r = scoreAppraisal(DEFAULT_TEMPLATE, { ...partial, DEPOSIT_PLAN: Number.NaN });
    expect(r.score).toBeNull();
    expect(r.missing).toEqual(["DEPOSIT_PLAN", "LOAN_PLAN", "TRAINING_EXAM"]);
    expect(r.dimensionScores).toEqual({ FINANCIAL: 120, PROCESS: 117 });
    expect(scoreAppraisal(DEFAULT_TEMPLATE, {}).missing).toEqual(allCodes);
  });

  it("caps each indicator to [0, 150]", () => {
    const t = oneDimension({ A: 0.5, B: 0.5 });
    expect(scoreAppraisal(t, { A: 400, B: -50 }).score).toBe(75);
    expect(scoreAppraisal(t, { A: 150, B: 150 }).score).toBe(150);
  });

  it("throws on an invalid template", () => {
    expect(() => scoreAppraisal({ dimensions: [] }, {})).toThrow(/至少需要一个维度/);
  });

  it("property: the score is the rounded weighted sum, between 0 and 150, monotone in every value", () => {
    const valueArb = fc.double({ min: -50, max: 300, noNaN: true });
    const valuesArb = fc.tuple(...allCodes.map(() => valueArb)).map((vs) => Object.fromEntries(allCodes.map((c, i) => [c, vs[i]])));
    fc.assert(
      fc.property(valuesArb, fc.constantFrom(...allCodes), fc.double({ min: 0, max: 50, noNaN: true }), (values, code, bump) => {
        const r = scoreAppraisal(DEFAULT_TEMPLATE, values);
        expect(r.score).not.toBeNull();
        expect(r.score!).toBeGreaterThanOrEqual(0);
        expect(r.score!).toBeLessThanOrEqual(150);
        let expected = 0;
        for (const d of DEFAULT_TEMPLATE.dimensions) for (const ind of d.indicators) expected += d.weight * ind.weight * indicatorScore(ind, values[ind.code]);
        expect(Math.abs(r.score! - expected)).toBeLessThanOrEqual(0.005 + 1e-9);
        // Improving one indicator never lowers the score.
        const ind = DEFAULT_TEMPLATE.dimensions.flatMap((d) => d.indicators).find((i) => i.code === code)!;
        const better = { ...values, [code]: values[code] + (ind.lowerIsBetter ? -bump : bump) };
        expect(scoreAppraisal(DEFAULT_TEMPLATE, better).score!).toBeGreaterThanOrEqual(r.score!);
      }),
    );
  });
});

describe("indicatorScore", () => {
  const npl: Indicator = { code: "NPL", name: "新增不良贷款率", weight: 1, lowerIsBetter: true, target: 1 };

  it("lower is better: target / value × 100, capped at 150, value ≤ 0 → 150", () => {
    expect(indicatorScore(npl, 1)).toBe(100);
    expect(indicatorScore(npl, 2)).toBe(50);
    expect(indicatorScore(npl, 4)).toBe(25);
    expect(indicatorScore(npl, 0.8)).toBe(125);
    expect(indicatorScore(npl, 0.5)).toBe(150);
    expect(indicatorScore(npl, 0)).toBe(150);
    expect(indicatorScore(npl, -1)).toBe(150);
    expect(indicatorScore({ ...npl, target: 1.5 }, 2)).toBe(75);
  });

  it("lower is better without a target is an error", () => {
    const bad = { ...npl, target: undefined };
    expect(() => indicatorScore(bad, 1)).toThrow(RangeError);
    const t: ScorecardTemplate = { dimensions: [{ code: "P", name: "P", weight: 1, indicators: [bad] }] };
    expect(validateTemplate(t).join()).toMatch(/必须设置目标值/);
  });

  it("property: lower is better is non-increasing in the value and within [0, 150]", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 20, noNaN: true }),
        fc.double({ min: -1, max: 100, noNaN: true }),
        fc.double({ min: -1, max: 100, noNaN: true }),
        (target, a, b) => {
          const ind = { ...npl, target };
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const sLo = indicatorScore(ind, lo);
          const sHi = indicatorScore(ind, hi);
          expect(sLo).toBeGreaterThanOrEqual(sHi);
          for (const s of [sLo, sHi]) {
            expect(s).toBeGreaterThanOrEqual(0);
            expect(s).toBeLessThanOrEqual(INDICATOR_SCORE_CAP);
          }
        },
      ),
    );
  });

  it("higher is better: the value itself, or value / target × 100 with a target", () => {
    const rate: Indicator = { code: "R", name: "R", weight: 1 };
    expect(indicatorScore(rate, 87.5)).toBe(87.5);
    expect(indicatorScore(rate, 130)).toBe(130);
    expect(indicatorScore(rate, 151)).toBe(150);
    expect(indicatorScore(rate, -3)).toBe(0);
    expect(indicatorScore({ ...rate, target: 5 }, 4.5)).toBe(90);
  });
});

describe("validateTemplate", () => {
  const base = (): ScorecardTemplate => structuredClone(DEFAULT_TEMPLATE);

  it("requires dimension weights to sum to 1 ± 0.001", () => {
    const t = base();
    t.dimensions[0].weight = 0.5;
    expect(validateTemplate(t)).toEqual(["各维度权重之和应为 1（当前 1.017）"]);
    t.dimensions[0].weight = 0.4835; // sum 1.0005: within tolerance
    expect(validateTemplate(t)).toEqual([]);
  });

  it("requires indicator weights within a dimension to sum to 1", () => {
    const t = base();
    t.dimensions[1].indicators[0].weight = 0.2;
    expect(validateTemplate(t)).toEqual(["维度「客户维度」内各指标权重之和应为 1（当前 0.9）"]);
  });

  it("requires unique codes", () => {
    const t = base();
    t.dimensions[1].code = "FINANCIAL";
    t.dimensions[3].indicators[1].code = "LOAN_PLAN";
    expect(validateTemplate(t)).toEqual(["维度代码重复：FINANCIAL", "指标代码重复：LOAN_PLAN"]);
  });

  it("requires non-empty dimensions, indicators, codes and names", () => {
    expect(validateTemplate({ dimensions: [] })).toEqual(["考核模板至少需要一个维度"]);
    const t = base();
    t.dimensions[3].indicators = [];
    t.dimensions[0].name = " ";
    t.dimensions[1].indicators[0].code = "";
    const errs = validateTemplate(t);
    expect(errs).toContain("维度「学习与成长维度」至少需要一个指标");
    expect(errs).toContain("维度「FINANCIAL」缺少名称");
    expect(errs).toContain("维度「客户维度」的第 1 个指标缺少代码");
  });

  it("rejects bad weights, targets and ranges", () => {
    const t = base();
    t.dimensions[0].indicators[0].weight = -1;
    t.dimensions[1].indicators[0].target = 0;
    t.dimensions[1].indicators[1].min = 10;
    t.dimensions[1].indicators[1].max = 5;
    const errs = validateTemplate(t);
    expect(errs).toContain("指标「RORAC 目标完成率」的权重必须在 0～1 之间");
    expect(errs).toContain("指标「存款计划完成率」的目标值必须为正数");
    expect(errs).toContain("指标「贷款计划完成率」的最小值不能大于最大值");
  });
});

describe("validateIndicatorValues", () => {
  it("checks values against the indicator ranges", () => {
    expect(validateIndicatorValues(DEFAULT_TEMPLATE, sampleValues)).toEqual([]);
    expect(validateIndicatorValues(DEFAULT_TEMPLATE, { CLIENT_SATISFACTION: 101, DEPOSIT_PLAN: -1, LOAN_PLAN: Number.NaN })).toEqual([
      "指标「存款计划完成率」不能小于 0%（当前 -1%）",
      "指标「贷款计划完成率」的数值无效",
      "指标「客户满意度」不能大于 100分（当前 101分）",
    ]);
  });
});

describe("ratingForScore", () => {
  it("applies the default bands at their boundaries", () => {
    const cases: [number, Rating][] = [
      [150, "EXCELLENT"],
      [105, "EXCELLENT"],
      [104.99, "GOOD"],
      [95, "GOOD"],
      [94.99, "QUALIFIED"],
      [80, "QUALIFIED"],
      [79.99, "BASIC"],
      [60, "BASIC"],
      [59.99, "UNQUALIFIED"],
      [0, "UNQUALIFIED"],
    ];
    for (const [score, rating] of cases) expect(ratingForScore(score), String(score)).toBe(rating);
  });

  it("uses custom bands", () => {
    const bands = { EXCELLENT: 90, GOOD: 80, QUALIFIED: 70, BASIC: 50 };
    expect(ratingForScore(90, bands)).toBe("EXCELLENT");
    expect(ratingForScore(89.99, bands)).toBe("GOOD");
    expect(ratingForScore(49.99, bands)).toBe("UNQUALIFIED");
  });

  it("a score rounded by scoreAppraisal to exactly 105 is EXCELLENT", () => {
    const t: ScorecardTemplate = {
      dimensions: [
        { code: "A", name: "A", weight: 0.7, indicators: [{ code: "a", name: "a", weight: 1 }] },
        { code: "B", name: "B", weight: 0.3, indicators: [{ code: "b", name: "b", weight: 1 }] },
      ],
    };
    // 0.7 × 105 + 0.3 × 105 = 104.99999999999999 in binary floating point.
    const r = scoreAppraisal(t, { a: 105, b: 105 });
    expect(r.score).toBe(105);
    expect(ratingForScore(r.score!)).toBe("EXCELLENT");
  });

  it("property: the rating never decreases as the score increases", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 200, noNaN: true }), fc.double({ min: 0, max: 200, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(ratingOrder(ratingForScore(hi))).toBeGreaterThanOrEqual(ratingOrder(ratingForScore(lo)));
      }),
    );
  });

  it("rejects NaN", () => {
    expect(() => ratingForScore(Number.NaN)).toThrow(RangeError);
  });
});

describe("validateBands", () => {
  it("accepts the defaults", () => {
    expect(DEFAULT_BANDS).toEqual({ EXCELLENT: 105, GOOD: 95, QUALIFIED: 80, BASIC: 60 });
    expect(validateBands(DEFAULT_BANDS)).toEqual([]);
  });

  it("requires strictly decreasing bounds", () => {
    expect(validateBands({ EXCELLENT: 95, GOOD: 95, QUALIFIED: 80, BASIC: 60 })).toEqual(["「优秀」的分数线（95）必须高于「良好」的分数线（95）"]);
    expect(validateBands({ EXCELLENT: 105, GOOD: 95, QUALIFIED: 50, BASIC: 60 })).toEqual(["「合格」的分数线（50）必须高于「基本合格」的分数线（60）"]);
  });

  it("requires numbers ≥ 0", () => {
    expect(validateBands({ EXCELLENT: 105, GOOD: 95, QUALIFIED: 80, BASIC: -1 })).toEqual(["「基本合格」的分数线不能为负数"]);
    expect(validateBands({ EXCELLENT: Number.NaN, GOOD: 95, QUALIFIED: 80, BASIC: 60 })).toEqual(["「优秀」的分数线无效"]);
  });
});

describe("applyForcedDistribution", () => {
  const row = (id: string, score: number | null, rating: Rating = "EXCELLENT") => ({ id, score, rating });

  it("rounds the cap down: floor(n × pct / 100)", () => {
    expect(excellentCap(10, 30)).toBe(3);
    expect(excellentCap(9, 30)).toBe(2);
    expect(excellentCap(3, 30)).toBe(0);
    expect(excellentCap(10, 70)).toBe(7);
    expect(excellentCap(7, 100)).toBe(7);
    expect(excellentCap(0, 50)).toBe(0);
  });

  it("demotes the lowest-scoring surplus EXCELLENT rows to GOOD", () => {
    const rows = [
      row("a", 120),
      row("b", 110),
      row("c", 130),
      row("d", 108),
      row("e", 100, "GOOD"),
      row("f", 70, "QUALIFIED"),
      row("g", 106),
      row("h", 90, "GOOD"),
      row("i", 85, "QUALIFIED"),
      row("j", 50, "UNQUALIFIED"),
    ];
    // 10 rows × 30 % → 3 EXCELLENT; 5 EXCELLENT now → demote g (106) and d (108).
    const out = applyForcedDistribution(rows, 30);
    expect(out.map((r) => [r.id, r.rating, r.adjusted])).toEqual([
      ["a", "EXCELLENT", false],
      ["b", "EXCELLENT", false],
      ["c", "EXCELLENT", false],
      ["d", "GOOD", true],
      ["e", "GOOD", false],
      ["f", "QUALIFIED", false],
      ["g", "GOOD", true],
      ["h", "GOOD", false],
      ["i", "QUALIFIED", false],
      ["j", "UNQUALIFIED", false],
    ]);
  });

  it("counts a null score as lowest and breaks ties by id ascending", () => {
    const rows = [row("z", 110), row("m", 110), row("a", 110), row("n", null), row("q", 120)];
    // 5 × 40 % → 2 kept: n (null) first, then a and m (tied at 110, ids ascending) are demoted.
    const out = applyForcedDistribution(rows, 40);
    expect(
      out
        .filter((r) => r.adjusted)
        .map((r) => r.id)
        .sort(),
    ).toEqual(["a", "m", "n"]);
    expect(out.filter((r) => r.rating === "EXCELLENT").map((r) => r.id)).toEqual(["z", "q"]);
  });

  it("changes nothing when within the cap, and demotes everyone at 0 %", () => {
    const rows = [row("a", 120), row("b", 90, "GOOD"), row("c", 80, "QUALIFIED")];
    expect(applyForcedDistribution(rows, 34).every((r) => !r.adjusted)).toBe(true);
    const zero = applyForcedDistribution(rows, 0);
    expect(zero.map((r) => r.rating)).toEqual(["GOOD", "GOOD", "QUALIFIED"]);
    expect(applyForcedDistribution([], 20)).toEqual([]);
  });

  it("does not mutate the input and keeps extra fields", () => {
    const rows = [
      { id: "a", score: 120, rating: "EXCELLENT" as Rating, name: "张三" },
      { id: "b", score: 110, rating: "EXCELLENT" as Rating, name: "李四" },
    ];
    const snapshot = structuredClone(rows);
    const out = applyForcedDistribution(rows, 50);
    expect(rows).toEqual(snapshot);
    expect(out[1]).toEqual({ id: "b", score: 110, rating: "GOOD", name: "李四", adjusted: true });
    expect(out[0].name).toBe("张三");
  });

  it("rejects a percentage outside 0..100", () => {
    expect(() => applyForcedDistribution([], -1)).toThrow(RangeError);
    expect(() => applyForcedDistribution([], 101)).toThrow(RangeError);
    expect(() => applyForcedDistribution([], Number.NaN)).toThrow(RangeError);
  });

  it("property: EXCELLENT ≤ cap, no rating rises, only surplus EXCELLENT rows change, lowest first", () => {
    const rowsArb = fc.uniqueArray(
      fc.record({
        id: fc.string({ minLength: 1, maxLength: 4 }),
        score: fc.option(fc.integer({ min: 0, max: 150 }), { nil: null }),
        rating: fc.constantFrom(...RATINGS),
      }),
      { selector: (r) => r.id, maxLength: 40 },
    );
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 0, max: 100 }), (rows, pct) => {
        const out = applyForcedDistribution(rows, pct);
        const cap = Math.floor((rows.length * pct) / 100);
        const before = rows.filter((r) => r.rating === "EXCELLENT").length;
        const after = out.filter((r) => r.rating === "EXCELLENT").length;
        expect(out).toHaveLength(rows.length);
        expect(after).toBe(Math.min(before, cap));
        out.forEach((o, i) => {
          const r = rows[i];
          expect(o.id).toBe(r.id);
          expect(o.score).toBe(r.score);
          expect(ratingOrder(o.rating)).toBeLessThanOrEqual(ratingOrder(r.rating));
          if (r.rating !== "EXCELLENT") expect(o).toEqual({ ...r, adjusted: false });
          expect(o.adjusted).toBe(o.rating !== r.rating);
          if (o.adjusted) expect(o.rating).toBe("GOOD");
        });
        // Every kept EXCELLENT row outranks every demoted one (score, null lowest; then id).
        const key = (r: { score: number | null }) => (r.score === null ? -Infinity : r.score);
        const kept = out.filter((o) => o.rating === "EXCELLENT");
        const demoted = out.filter((o) => o.adjusted);
        for (const k of kept)
          for (const d of demoted) {
            expect(key(k) > key(d) || (key(k) === key(d) && k.id > d.id)).toBe(true);
          }
      }),
    );
  });
});

describe("RORAC", () => {
  it("RORAC = E − (Cd + Cm + Cf + Cr) − T", () => {
    expect(rorac({ income: 1000, directCost: 300, managementCost: 100, fixedCost: 50, riskCost: 150, tax: 60 })).toBe(340);
    expect(rorac({ income: 100, directCost: 80, managementCost: 20, fixedCost: 10, riskCost: 30, tax: 5 })).toBe(-45);
  });

  it("stock weight k0 = max(0.8, 1 − 0.05·n)", () => {
    expect(stockWeight(0)).toBe(1);
    expect(stockWeight(1)).toBeCloseTo(0.95, 12);
    expect(stockWeight(2.5)).toBeCloseTo(0.875, 12);
    expect(stockWeight(4)).toBeCloseTo(0.8, 12);
    expect(stockWeight(5)).toBe(0.8);
    expect(stockWeight(30)).toBe(0.8);
    expect(() => stockWeight(-1)).toThrow(RangeError);
  });

  it("property: stock weight lies in [0.8, 1] and never increases with age", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(stockWeight(lo)).toBeGreaterThanOrEqual(stockWeight(hi));
        expect(stockWeight(hi)).toBeGreaterThanOrEqual(0.8);
        expect(stockWeight(lo)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("combines lines: Σ (k0 × RORAC0i + RORAC1i)", () => {
    expect(lineRorac({ stock: 100, incremental: 50, stockAgeYears: 2 })).toBeCloseTo(140, 9);
    expect(
      combinedRorac([
        { stock: 100, incremental: 50, stockAgeYears: 2 },
        { stock: 200, incremental: 0, stockAgeYears: 10 },
      ]),
    ).toBeCloseTo(140 + 160, 9);
    expect(combinedRorac([])).toBe(0);
  });
});

describe("round", () => {
  it("rounds half up at 2 decimals despite binary noise", () => {
    expect(round(104.995)).toBe(105);
    expect(round(1.005)).toBe(1.01);
    expect(round(111.669)).toBe(111.67);
    expect(round(0.1 + 0.2)).toBe(0.3);
  });
});

describe("the action-plan indicator: omitIndicator, scorecardForPerson, actionPlanScore", () => {
  const learning = (t: ScorecardTemplate) => t.dimensions.find((d) => d.code === "LEARNING")!;

  it("without a plan score, 行动计划跟进评分 is left out and 学时 0.4 / 考试 0.3 become 4/7 and 3/7", () => {
    const t = scorecardForPerson(DEFAULT_TEMPLATE, null);
    expect(learning(t).indicators.map((i) => i.code)).toEqual(["TRAINING_HOURS", "TRAINING_EXAM"]);
    expect(learning(t).indicators[0].weight).toBeCloseTo(4 / 7, 12);
    expect(learning(t).indicators[1].weight).toBeCloseTo(3 / 7, 12);
    expect(validateTemplate(t)).toEqual([]);
    // the other dimensions are untouched
    expect(t.dimensions.slice(0, 3)).toEqual(DEFAULT_TEMPLATE.dimensions.slice(0, 3));
    expect(learning(DEFAULT_TEMPLATE).indicators).toHaveLength(3);
  });

  it("with a plan score, the template stays as it is", () => {
    expect(scorecardForPerson(DEFAULT_TEMPLATE, 80)).toBe(DEFAULT_TEMPLATE);
  });

  it.each([
    // [hours, exam, plan, LEARNING dimension score]
    [100, 80, 60, 82],
    [100, 80, null, 91.43],
    [50, 100, null, 71.43],
    [120, 90, 100, 105],
  ])("LEARNING for 学时 %s, 考试 %s, 行动计划 %s is %s", (hours, exam, plan, expected) => {
    const values = withActionPlanValue({ ...sampleValues, TRAINING_HOURS: hours, TRAINING_EXAM: exam, ACTION_PLAN_FOLLOWUP: 12 }, plan);
    const r = scoreAppraisal(scorecardForPerson(DEFAULT_TEMPLATE, plan), values);
    expect(r.missing).toEqual([]);
    expect(r.dimensionScores.LEARNING).toBe(expected);
  });

  it("withActionPlanValue replaces whatever was entered, or drops it", () => {
    expect(withActionPlanValue({ A: 1, ACTION_PLAN_FOLLOWUP: 5 }, 70)).toEqual({ A: 1, ACTION_PLAN_FOLLOWUP: 70 });
    expect(withActionPlanValue({ A: 1, ACTION_PLAN_FOLLOWUP: 5 }, null)).toEqual({ A: 1 });
  });

  it("the only indicator of a dimension takes its dimension with it; the other dimensions are rescaled", () => {
    const t: ScorecardTemplate = {
      dimensions: [
        { code: "X", name: "X", weight: 0.75, indicators: [{ code: "a", name: "a", weight: 1 }] },
        { code: "Y", name: "Y", weight: 0.25, indicators: [{ code: ACTION_PLAN_INDICATOR, name: "p", weight: 1 }] },
      ],
    };
    expect(omitIndicator(t, ACTION_PLAN_INDICATOR)).toEqual({ dimensions: [{ ...t.dimensions[0], weight: 1 }] });
    expect(omitIndicator(t, "nope")).toBe(t);
  });

  it("siblings that all weigh 0 share the dimension equally", () => {
    const t = oneDimension({ a: 0, b: 0, c: 1 });
    expect(omitIndicator(t, "c").dimensions[0].indicators.map((i) => i.weight)).toEqual([0.5, 0.5]);
  });

  it("actionPlanScore is the mean of the final scores, 2 decimals; null for none", () => {
    expect(actionPlanScore([])).toBeNull();
    expect(actionPlanScore([80])).toBe(80);
    expect(actionPlanScore([80, 91])).toBe(85.5);
    expect(actionPlanScore([70, 80, 81])).toBe(77);
    expect(actionPlanScore([100, 0, 0])).toBe(33.33);
  });

  const arbTemplate = fc
    .array(
      fc.record({
        weight: fc.integer({ min: 0, max: 10 }),
        indicators: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 5 }),
      }),
      { minLength: 1, maxLength: 5 },
    )
    .filter((dims) => dims.some((d) => d.weight > 0) && dims.every((d) => d.indicators.some((w) => w > 0)))
    .map((dims): ScorecardTemplate => {
      const dimSum = dims.reduce((s, d) => s + d.weight, 0);
      return {
        dimensions: dims.map((d, di) => {
          const indSum = d.indicators.reduce((s, w) => s + w, 0);
          return {
            code: `D${di}`,
            name: `维度${di}`,
            weight: d.weight / dimSum,
            indicators: d.indicators.map((w, ii) => ({ code: `I${di}_${ii}`, name: `指标${di}_${ii}`, weight: w / indSum })),
          };
        }),
      };
    });

  it("property: omitting any indicator keeps a valid template whose weights sum to 1, keeps every other indicator, and keeps sibling proportions", () => {
    fc.assert(
      fc.property(arbTemplate, fc.nat(), (t, pick) => {
        const all = t.dimensions.flatMap((d) => d.indicators.map((i) => i.code));
        const code = all[pick % all.length];
        const out = omitIndicator(t, code);
        const left = out.dimensions.flatMap((d) => d.indicators.map((i) => i.code));
        expect(left).toEqual(all.filter((c) => c !== code));
        if (out.dimensions.length === 0) return;
        expect(Math.abs(out.dimensions.reduce((s, d) => s + d.weight, 0) - 1)).toBeLessThan(1e-9);
        for (const d of out.dimensions) {
          const sum = d.indicators.reduce((s, i) => s + i.weight, 0);
          expect(Math.abs(sum - 1)).toBeLessThan(1e-9);
          const before = t.dimensions.find((x) => x.code === d.code)!;
          const origSum = before.indicators.filter((i) => i.code !== code).reduce((s, i) => s + i.weight, 0);
          if (origSum > 0) for (const i of d.indicators) expect(i.weight).toBeCloseTo(before.indicators.find((x) => x.code === i.code)!.weight / origSum, 9);
        }
        expect(validateTemplate(out)).toEqual([]);
      }),
    );
  });

  it("property: without a plan, equal values everywhere score that value; the LEARNING score lies between its remaining indicator scores", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 150 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 100 }), (v, hours, exam) => {
        const same = Object.fromEntries(allCodes.filter((c) => c !== ACTION_PLAN_INDICATOR).map((c) => [c, c === "NEW_NPL_RATIO" ? 100 / Math.max(v, 1) : v]));
        if (v >= 1) expect(scoreAppraisal(scorecardForPerson(DEFAULT_TEMPLATE, null), same).score).toBeCloseTo(v, 1);
        const r = scoreAppraisal(scorecardForPerson(DEFAULT_TEMPLATE, null), { ...sampleValues, TRAINING_HOURS: hours, TRAINING_EXAM: exam });
        const lo = Math.min(Math.min(hours, INDICATOR_SCORE_CAP), exam);
        const hi = Math.max(Math.min(hours, INDICATOR_SCORE_CAP), exam);
        expect(r.dimensionScores.LEARNING).toBeGreaterThanOrEqual(lo - 0.01);
        expect(r.dimensionScores.LEARNING).toBeLessThanOrEqual(hi + 0.01);
      }),
    );
  });

  it("property: the plan score moves the total by exactly 0.088 × 0.3 × Δ", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (a, b) => {
        const sa = scoreAppraisal(scorecardForPerson(DEFAULT_TEMPLATE, a), withActionPlanValue(sampleValues, a)).score!;
        const sb = scoreAppraisal(scorecardForPerson(DEFAULT_TEMPLATE, b), withActionPlanValue(sampleValues, b)).score!;
        expect(Math.abs(sb - sa - 0.088 * 0.3 * (b - a))).toBeLessThanOrEqual(0.011);
      }),
    );
  });
});
