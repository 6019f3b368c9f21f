import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  DEFAULT_GRADE_RULES,
  certificationPath,
  certificationValid,
  certificationValidOn,
  entryRequirementsUnmet,
  evaluatePromotion,
  mergeGradeRules,
  tenureMonthsAtQuarterEnd,
  type Certification,
  type Grade,
  type PromotionInput,
  type Rating,
} from "../../lib/domain/promotion";
import { GRADES, RATINGS, gradeIndex } from "../../lib/domain/grades";
import { addQuarters, compareQuarters, previousQuarter, quarterEnd } from "../../lib/domain/dates";

const Q = "2026Q2";
const P = "2026Q1";
const PROBATION: Certification = { code: "PROBATION", passedOn: "2010-06-01" };

/** Long tenure and a valid probation certificate: only the ratings decide. */
function input(overrides: Partial<PromotionInput> = {}): PromotionInput {
  return {
    quarter: Q,
    grade: "INTERMEDIATE",
    roleStartDate: "2010-01-01",
    ratings: {},
    certifications: [PROBATION],
    ...overrides,
  };
}

const rated = (previous: Rating | undefined, current: Rating | undefined) => ({
  ...(previous ? { [P]: previous } : {}),
  ...(current ? { [Q]: current } : {}),
});

const evaluate = (grade: Grade, previous?: Rating, current?: Rating, overrides: Partial<PromotionInput> = {}) =>
  evaluatePromotion(input({ grade, ratings: rated(previous, current), ...overrides }));

describe("evaluatePromotion: promotion", () => {
  it.each([
    ["TRAINEE", "JUNIOR", "连续两个季度考核优秀，由见习晋升为初级"],
    ["JUNIOR", "INTERMEDIATE", "连续两个季度考核优秀，由初级晋升为中级"],
    ["INTERMEDIATE", "SENIOR", "连续两个季度考核优秀，由中级晋升为高级"],
    ["SENIOR", "PRINCIPAL", "连续两个季度考核优秀，由高级晋升为资深"],
  ] as const)("%s with two EXCELLENT quarters is promoted to %s", (from, to, reason) => {
    expect(evaluate(from, "EXCELLENT", "EXCELLENT")).toEqual({ outcome: "PROMOTE", from, to, blockedBy: [], reason });
  });

  it("PRINCIPAL is the ceiling: two EXCELLENT quarters change nothing and block nothing", () => {
    expect(evaluate("PRINCIPAL", "EXCELLENT", "EXCELLENT")).toEqual({
      outcome: "NONE",
      from: "PRINCIPAL",
      to: "PRINCIPAL",
      blockedBy: [],
      reason: "连续两个季度考核优秀，已是最高等级资深，等级不变",
    });
  });

  it("looks across a year boundary (2026Q1 reads 2025Q4)", () => {
    const d = evaluatePromotion(input({ quarter: "2026Q1", grade: "JUNIOR", ratings: { "2025Q4": "EXCELLENT", "2026Q1": "EXCELLENT" } }));
    expect(d.outcome).toBe("PROMOTE");
  });
});

describe("evaluatePromotion: tenure at the end of the quarter", () => {
  // Tenure is counted to the first day after the quarter (2026-07-01 for 2026Q2).
  it.each([
    ["TRAINEE", "JUNIOR", "2026-01-01", "2026-01-02", 6],
    ["JUNIOR", "INTERMEDIATE", "2024-07-01", "2024-07-02", 24],
    ["INTERMEDIATE", "SENIOR", "2023-07-01", "2023-07-02", 36],
    ["SENIOR", "PRINCIPAL", "2022-07-01", "2022-07-02", 48],
  ] as const)("%s → %s: exactly at the limit promotes, one day short is blocked", (from, to, exact, short, need) => {
    expect(evaluate(from, "EXCELLENT", "EXCELLENT", { roleStartDate: exact })).toMatchObject({ outcome: "PROMOTE", to });
    const blocked = evaluate(from, "EXCELLENT", "EXCELLENT", { roleStartDate: short });
    expect(blocked).toMatchObject({ outcome: "NONE", from, to: from, blockedBy: ["TENURE"] });
    expect(blocked.reason).toContain(`任职年限不足（${need - 1}/${need}个月）`);
  });

  it("states the blocked reason as one sentence naming the target grade", () => {
    const d = evaluate("JUNIOR", "EXCELLENT", "EXCELLENT", { roleStartDate: "2024-11-01" });
    expect(d.reason).toBe("连续两个季度考核优秀，但任职年限不足（20/24个月），暂不晋升为中级");
  });

  it("a start date after the quarter counts as zero months", () => {
    const d = evaluate("JUNIOR", "EXCELLENT", "EXCELLENT", { roleStartDate: "2027-01-01" });
    expect(d.reason).toContain("（0/24个月）");
  });
});

describe("evaluatePromotion: certifications at the end of the quarter", () => {
  const trainee = (certifications: Certification[]) => evaluate("TRAINEE", "EXCELLENT", "EXCELLENT", { roleStartDate: "2020-01-01", certifications });

  it.each<[string, Certification[], "PROMOTE" | "NONE"]>([
    ["passed on the quarter's last day", [{ code: "PROBATION", passedOn: "2026-06-30" }], "PROMOTE"],
    ["passed the day after the quarter", [{ code: "PROBATION", passedOn: "2026-07-01" }], "NONE"],
    ["expired the day before quarter end", [{ code: "PROBATION", passedOn: "2025-01-01", validUntil: "2026-06-29" }], "NONE"],
    ["expiring on quarter end", [{ code: "PROBATION", passedOn: "2025-01-01", validUntil: "2026-06-30" }], "PROMOTE"],
    ["validUntil null", [{ code: "PROBATION", passedOn: "2025-01-01", validUntil: null }], "PROMOTE"],
    ["another certificate only", [{ code: "CREDIT", passedOn: "2025-01-01" }], "NONE"],
    ["none at all", [], "NONE"],
    [
      "one expired and one renewed copy",
      [
        { code: "PROBATION", passedOn: "2020-01-01", validUntil: "2021-01-01" },
        { code: "PROBATION", passedOn: "2026-04-01" },
      ],
      "PROMOTE",
    ],
  ])("%s → %s", (_label, certifications, outcome) => {
    const d = trainee(certifications);
    expect(d.outcome).toBe(outcome);
    expect(d.blockedBy).toEqual(outcome === "NONE" ? ["CERTIFICATION:PROBATION"] : []);
  });

  it("certifications are optional in the input", () => {
    const d = evaluatePromotion({ quarter: Q, grade: "TRAINEE", roleStartDate: "2020-01-01", ratings: rated("EXCELLENT", "EXCELLENT") });
    expect(d.blockedBy).toEqual(["CERTIFICATION:PROBATION"]);
  });

  it("lists tenure and certification together when both are missing", () => {
    const d = evaluate("TRAINEE", "EXCELLENT", "EXCELLENT", { roleStartDate: "2026-03-01", certifications: [] });
    expect(d).toEqual({
      outcome: "NONE",
      from: "TRAINEE",
      to: "TRAINEE",
      blockedBy: ["TENURE", "CERTIFICATION:PROBATION"],
      reason: "连续两个季度考核优秀，但任职年限不足（4/6个月）、缺少有效的“见习期考核”认证，暂不晋升为初级",
    });
  });
});

describe("evaluatePromotion: demotion and exit", () => {
  const basicMixes: Array<[Rating, Rating]> = [
    ["BASIC", "BASIC"],
    ["BASIC", "UNQUALIFIED"],
    ["UNQUALIFIED", "BASIC"],
  ];

  it.each([
    ["PRINCIPAL", "SENIOR", "由资深降为高级"],
    ["SENIOR", "INTERMEDIATE", "由高级降为中级"],
    ["INTERMEDIATE", "JUNIOR", "由中级降为初级"],
    ["JUNIOR", "TRAINEE", "由初级降为见习"],
  ] as const)("%s with two BASIC-or-worse quarters (any mix) goes down one to %s", (from, to, words) => {
    for (const [previous, current] of basicMixes) {
      expect(evaluate(from, previous, current)).toEqual({
        outcome: "DEMOTE",
        from,
        to,
        blockedBy: [],
        reason: `连续两个季度考核基本合格及以下，${words}`,
      });
    }
  });

  it("TRAINEE with two BASIC-or-worse quarters (any mix) exits", () => {
    for (const [previous, current] of basicMixes) {
      expect(evaluate("TRAINEE", previous, current)).toEqual({
        outcome: "EXIT",
        from: "TRAINEE",
        to: null,
        blockedBy: [],
        reason: "连续两个季度考核基本合格及以下，退出客户经理岗位",
      });
    }
  });

  it.each([
    ["PRINCIPAL", "INTERMEDIATE", "由资深降为中级"],
    ["SENIOR", "JUNIOR", "由高级降为初级"],
    ["INTERMEDIATE", "TRAINEE", "由中级降为见习"],
  ] as const)("%s with two UNQUALIFIED quarters goes down two to %s", (from, to, words) => {
    expect(evaluate(from, "UNQUALIFIED", "UNQUALIFIED")).toEqual({
      outcome: "DEMOTE",
      from,
      to,
      blockedBy: [],
      reason: `连续两个季度考核不合格，${words}`,
    });
  });

  it.each(["JUNIOR", "TRAINEE"] as const)("%s with two UNQUALIFIED quarters exits", (from) => {
    expect(evaluate(from, "UNQUALIFIED", "UNQUALIFIED")).toEqual({
      outcome: "EXIT",
      from,
      to: null,
      blockedBy: [],
      reason: "连续两个季度考核不合格，退出客户经理岗位",
    });
  });

  it("demotion ignores tenure and certifications", () => {
    const d = evaluate("SENIOR", "BASIC", "UNQUALIFIED", { roleStartDate: "2026-06-30", certifications: [] });
    expect(d).toMatchObject({ outcome: "DEMOTE", to: "INTERMEDIATE" });
  });
});

describe("evaluatePromotion: every rating pair", () => {
  const expectedKind = (previous: Rating, current: Rating) => {
    if (previous === "EXCELLENT" && current === "EXCELLENT") return "UP";
    if (previous === "UNQUALIFIED" && current === "UNQUALIFIED") return "DOWN2";
    const low = (r: Rating) => r === "BASIC" || r === "UNQUALIFIED";
    return low(previous) && low(current) ? "DOWN1" : "SAME";
  };
  const pairs = RATINGS.flatMap((previous) => RATINGS.map((current) => [previous, current] as const));

  it.each(pairs)("%s then %s", (previous, current) => {
    const d = evaluate("INTERMEDIATE", previous, current);
    const kind = expectedKind(previous, current);
    const expectedTo = { UP: "SENIOR", DOWN2: "TRAINEE", DOWN1: "JUNIOR", SAME: "INTERMEDIATE" }[kind];
    expect(d.to).toBe(expectedTo);
    if (kind === "SAME") {
      expect(d.outcome).toBe("NONE");
      expect(d.blockedBy).toEqual([]);
      expect(d.reason).toMatch(/未满足晋降级条件，等级不变$/);
    }
  });

  it("names both ratings when nothing changes", () => {
    expect(evaluate("SENIOR", "GOOD", "EXCELLENT").reason).toBe("上季度考核良好、本季度考核优秀，未满足晋降级条件，等级不变");
    expect(evaluate("SENIOR", "EXCELLENT", "BASIC").reason).toBe("上季度考核优秀、本季度考核基本合格，未满足晋降级条件，等级不变");
  });
});

describe("evaluatePromotion: missing ratings and streak resets", () => {
  it.each<[Rating | undefined, Rating | undefined, string]>([
    ["EXCELLENT", undefined, "本季度无有效考核结果，等级不变"],
    [undefined, "EXCELLENT", "上季度无有效考核结果，等级不变"],
    [undefined, undefined, "本季度和上季度均无有效考核结果，等级不变"],
    ["UNQUALIFIED", undefined, "本季度无有效考核结果，等级不变"],
    [undefined, "UNQUALIFIED", "上季度无有效考核结果，等级不变"],
  ])("Q−1 %s, Q %s → no change", (previous, current, reason) => {
    expect(evaluate("JUNIOR", previous, current)).toEqual({ outcome: "NONE", from: "JUNIOR", to: "JUNIOR", blockedBy: [], reason });
  });

  it("ratings outside Q−1..Q are ignored, even if they would complete a streak", () => {
    const ratings = { "2025Q4": "EXCELLENT", [P]: "GOOD", [Q]: "EXCELLENT", "2026Q3": "EXCELLENT" } as const;
    expect(evaluatePromotion(input({ ratings })).outcome).toBe("NONE");
    const low = { "2025Q4": "UNQUALIFIED", [Q]: "UNQUALIFIED", "2026Q3": "UNQUALIFIED" } as const;
    expect(evaluatePromotion(input({ ratings: low })).reason).toBe("上季度无有效考核结果，等级不变");
  });

  it.each([
    [P, "NONE"],
    [Q, "NONE"],
    ["2026Q3", "NONE"],
    ["2025Q4", "PROMOTE"],
    ["2020Q1", "PROMOTE"],
    [null, "PROMOTE"],
    [undefined, "PROMOTE"],
  ] as const)("lastChangeQuarter %s → %s", (lastChangeQuarter, outcome) => {
    const d = evaluate("JUNIOR", "EXCELLENT", "EXCELLENT", { lastChangeQuarter });
    expect(d.outcome).toBe(outcome);
    expect(d.blockedBy).toEqual([]);
  });

  it("a change in Q−1 resets the streak for demotions too, with a reason that says so", () => {
    expect(evaluate("SENIOR", "UNQUALIFIED", "UNQUALIFIED", { lastChangeQuarter: P })).toEqual({
      outcome: "NONE",
      from: "SENIOR",
      to: "SENIOR",
      blockedBy: [],
      reason: "等级已于2026年第一季度调整，需重新累计连续两个季度考核结果，等级不变",
    });
  });

  it("EXCELLENT in Q1, Q2, Q3: promoted after Q2, not again after Q3, again after Q4", () => {
    const ratings = { "2026Q1": "EXCELLENT", "2026Q2": "EXCELLENT", "2026Q3": "EXCELLENT", "2026Q4": "EXCELLENT" } as const;
    const base = { roleStartDate: "2010-01-01", ratings, certifications: [PROBATION] };
    const q2 = evaluatePromotion({ ...base, quarter: "2026Q2", grade: "JUNIOR" });
    expect(q2).toMatchObject({ outcome: "PROMOTE", to: "INTERMEDIATE" });
    const q3 = evaluatePromotion({ ...base, quarter: "2026Q3", grade: "INTERMEDIATE", lastChangeQuarter: "2026Q2" });
    expect(q3.outcome).toBe("NONE");
    const q4 = evaluatePromotion({ ...base, quarter: "2026Q4", grade: "INTERMEDIATE", lastChangeQuarter: "2026Q2" });
    expect(q4).toMatchObject({ outcome: "PROMOTE", to: "SENIOR" });
  });
});

describe("evaluatePromotion: rules", () => {
  it("a custom rule replaces only that grade's default", () => {
    const rules = { INTERMEDIATE: { minTenureMonths: 12 } };
    const d = evaluate("JUNIOR", "EXCELLENT", "EXCELLENT", { roleStartDate: "2025-07-01", rules });
    expect(d.outcome).toBe("PROMOTE");
    // SENIOR keeps its 36 months.
    const s = evaluate("INTERMEDIATE", "EXCELLENT", "EXCELLENT", { roleStartDate: "2025-07-01", rules });
    expect(s.blockedBy).toEqual(["TENURE"]);
    // JUNIOR keeps its probation certificate.
    const j = evaluate("TRAINEE", "EXCELLENT", "EXCELLENT", { certifications: [], rules });
    expect(j.blockedBy).toEqual(["CERTIFICATION:PROBATION"]);
  });

  it("a grade entry without certifications drops the default certification", () => {
    const d = evaluate("TRAINEE", "EXCELLENT", "EXCELLENT", {
      roleStartDate: "2026-04-01",
      certifications: [],
      rules: { JUNIOR: { minTenureMonths: 3 } },
    });
    expect(d.outcome).toBe("PROMOTE");
  });

  it("a custom certification blocks with its code", () => {
    const rules = { SENIOR: { minTenureMonths: 36, certifications: ["CREDIT", "PROBATION"] } };
    const d = evaluate("INTERMEDIATE", "EXCELLENT", "EXCELLENT", { rules });
    expect(d.blockedBy).toEqual(["CERTIFICATION:CREDIT"]);
    expect(d.reason).toBe("连续两个季度考核优秀，但缺少有效的“CREDIT”认证，暂不晋升为高级");
    const ok = evaluate("INTERMEDIATE", "EXCELLENT", "EXCELLENT", {
      rules,
      certifications: [PROBATION, { code: "CREDIT", passedOn: "2026-05-01", validUntil: "2028-05-01" }],
    });
    expect(ok.outcome).toBe("PROMOTE");
  });

  it("mergeGradeRules keeps defaults and replaces given grades whole", () => {
    expect(mergeGradeRules()).toEqual(DEFAULT_GRADE_RULES);
    expect(mergeGradeRules(null)).toEqual(DEFAULT_GRADE_RULES);
    const merged = mergeGradeRules({ JUNIOR: { minTenureMonths: 9 }, PRINCIPAL: undefined });
    expect(merged.JUNIOR).toEqual({ minTenureMonths: 9 });
    expect(merged.PRINCIPAL).toEqual({ minTenureMonths: 48 });
    expect(merged.INTERMEDIATE).toEqual({ minTenureMonths: 24 });
  });

  it("defaults match DOMAIN §3", () => {
    expect(DEFAULT_GRADE_RULES).toEqual({
      TRAINEE: { minTenureMonths: 0 },
      JUNIOR: { minTenureMonths: 6, certifications: ["PROBATION"], byCertification: true },
      INTERMEDIATE: { minTenureMonths: 24 },
      SENIOR: { minTenureMonths: 36 },
      PRINCIPAL: { minTenureMonths: 48 },
    });
  });

  it.each([
    [{ SENIOR: { minTenureMonths: -1 } }],
    [{ SENIOR: { minTenureMonths: 1.5 } }],
    [{ SENIOR: { minTenureMonths: Number.NaN } }],
    [{ SENIOR: { minTenureMonths: 1, certifications: [""] } }],
    [{ CHIEF: { minTenureMonths: 1 } }],
  ])("rejects invalid rules %j", (rules) => {
    expect(() => mergeGradeRules(rules as never)).toThrow(Error);
    expect(() => evaluatePromotion(input({ rules: rules as never }))).toThrow(Error);
  });
});

describe("evaluatePromotion: input validation", () => {
  it.each<[string, Partial<PromotionInput>]>([
    ["quarter 2026Q5", { quarter: "2026Q5" }],
    ["quarter 2026-Q2", { quarter: "2026-Q2" }],
    ["empty quarter", { quarter: "" }],
    ["grade CHIEF", { grade: "CHIEF" as Grade }],
    ["roleStartDate 2026-02-30", { roleStartDate: "2026-02-30" }],
    ["roleStartDate 2026/01/01", { roleStartDate: "2026/01/01" }],
    ["lastChangeQuarter 2026Q0", { lastChangeQuarter: "2026Q0" }],
    ["rating for Q not on the scale", { ratings: { [Q]: "SUPERB" as Rating } }],
    ["rating for Q−1 not on the scale", { ratings: { [P]: "bad" as Rating } }],
    ["certification passedOn invalid", { certifications: [{ code: "PROBATION", passedOn: "2026-13-01" }] }],
    ["certification validUntil invalid", { certifications: [{ code: "PROBATION", passedOn: "2026-01-01", validUntil: "tomorrow" }] }],
    ["ratings missing", { ratings: undefined as never }],
  ])("throws on %s", (_label, overrides) => {
    expect(() => evaluatePromotion(input(overrides))).toThrow(Error);
  });

  it("does not validate ratings it never reads", () => {
    expect(() => evaluatePromotion(input({ ratings: { "2019Q1": "SUPERB" as Rating, junk: "x" as Rating } }))).not.toThrow();
  });
});

describe("helpers", () => {
  it.each([
    ["2024-07-01", "2026Q2", 24],
    ["2024-07-02", "2026Q2", 23],
    ["2026-06-30", "2026Q2", 0],
    ["2026-04-01", "2026Q2", 3],
    ["2025-01-01", "2025Q4", 12],
    ["2030-01-01", "2026Q2", 0],
  ] as const)("tenureMonthsAtQuarterEnd(%s, %s) = %i", (start, quarter, months) => {
    expect(tenureMonthsAtQuarterEnd(start, quarter)).toBe(months);
  });

  it.each([
    [{ code: "X", passedOn: "2026-06-30" }, true],
    [{ code: "X", passedOn: "2026-07-01" }, false],
    [{ code: "X", passedOn: "2026-01-01", validUntil: "2026-06-30" }, true],
    [{ code: "X", passedOn: "2026-01-01", validUntil: "2026-06-29" }, false],
    [{ code: "X", passedOn: "2026-01-01", validUntil: null }, true],
    [{ code: "X", passedOn: "2026-01-01" }, true],
  ])("certificationValid(%j, 2026Q2) = %s", (cert, valid) => {
    expect(certificationValid(cert, "2026Q2")).toBe(valid);
  });

  it("certificationValidOn rejects bad dates", () => {
    expect(() => certificationValidOn({ code: "X", passedOn: "2026-01-01" }, "2026-02-31")).toThrow(Error);
    expect(() => certificationValid({ code: "X", passedOn: "2026-01-01" }, "2026Q9")).toThrow(Error);
  });

  it("entryRequirementsUnmet gives details for display", () => {
    const unmet = entryRequirementsUnmet("INTERMEDIATE", { quarter: Q, roleStartDate: "2024-11-01" });
    expect(unmet).toEqual([{ key: "TENURE", haveMonths: 20, needMonths: 24, label: "任职年限不足: 20/24 个月" }]);
    const junior = entryRequirementsUnmet("JUNIOR", { quarter: Q, roleStartDate: "2026-03-15", certifications: [] });
    expect(junior).toEqual([
      { key: "TENURE", haveMonths: 3, needMonths: 6, label: "任职年限不足: 3/6 个月" },
      { key: "CERTIFICATION:PROBATION", certification: "PROBATION", label: "缺少有效认证: 见习期考核" },
    ]);
    expect(entryRequirementsUnmet("SENIOR", { quarter: Q, roleStartDate: "2010-01-01" })).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const gradeArb = fc.constantFrom(...GRADES);
const ratingArb = fc.constantFrom(...RATINGS);
// EXCELLENT twice as likely, so that promotions and blocks are exercised often.
const skewedRatingArb = fc.oneof({ arbitrary: fc.constant<Rating>("EXCELLENT"), weight: 1 }, { arbitrary: ratingArb, weight: 2 });
const quarterArb = fc.record({ year: fc.integer({ min: 2000, max: 2040 }), q: fc.integer({ min: 1, max: 4 }) }).map(({ year, q }) => `${year}Q${q}`);
const dateArb = fc
  .date({ min: new Date("1995-01-01T00:00:00Z"), max: new Date("2045-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const certArb = fc.record({
  code: fc.constantFrom("PROBATION", "CREDIT"),
  passedOn: dateArb,
  validUntil: fc.option(dateArb, { nil: undefined }),
});
const rulesArb = fc.option(
  fc.dictionary(
    gradeArb,
    fc.record({
      minTenureMonths: fc.integer({ min: 0, max: 72 }),
      certifications: fc.option(fc.subarray(["PROBATION", "CREDIT"]), { nil: undefined }),
      byCertification: fc.option(fc.boolean(), { nil: undefined }),
    }),
  ),
  { nil: undefined },
);
/** Ratings for quarters other than Q−1 and Q, as offsets from Q. */
const noiseArb = fc.array(
  fc.tuple(
    fc.integer({ min: -12, max: 8 }).filter((o) => o !== 0 && o !== -1),
    ratingArb,
  ),
  { maxLength: 6 },
);

interface Case {
  input: PromotionInput;
  noiseQuarters: Array<[string, Rating]>;
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    quarter: quarterArb,
    grade: gradeArb,
    roleStartDate: dateArb,
    previous: fc.option(skewedRatingArb, { nil: undefined }),
    current: fc.option(skewedRatingArb, { nil: undefined }),
    noise: noiseArb,
    lastChangeOffset: fc.option(fc.integer({ min: -4, max: 2 }), { nil: null }),
    certifications: fc.array(certArb, { maxLength: 3 }),
    rules: rulesArb,
  })
  .map((r) => {
    const noiseQuarters = r.noise.map(([o, rating]) => [addQuarters(r.quarter, o), rating] as [string, Rating]);
    const ratings: Record<string, Rating> = Object.fromEntries(noiseQuarters);
    if (r.previous) ratings[previousQuarter(r.quarter)] = r.previous;
    else delete ratings[previousQuarter(r.quarter)];
    if (r.current) ratings[r.quarter] = r.current;
    else delete ratings[r.quarter];
    return {
      noiseQuarters,
      input: {
        quarter: r.quarter,
        grade: r.grade,
        roleStartDate: r.roleStartDate,
        ratings,
        lastChangeQuarter: r.lastChangeOffset === null ? null : addQuarters(r.quarter, r.lastChangeOffset),
        certifications: r.certifications,
        rules: r.rules,
      },
    };
  });

/** The two ratings that count, or null when the streak is broken or reset. */
function countedPair(i: PromotionInput): [Rating, Rating] | null {
  const prev = previousQuarter(i.quarter);
  const reset = i.lastChangeQuarter != null && compareQuarters(prev, i.lastChangeQuarter) <= 0;
  const previous = i.ratings[prev];
  const current = i.ratings[i.quarter];
  return reset || !previous || !current ? null : [previous, current];
}

/** The probation path applies: every named certificate held at quarter end, one passed since the last change. */
const probationApplies = (i: PromotionInput) => {
  const path = certificationPath(i.grade, i.certifications ?? [], quarterEnd(i.quarter), i.lastChangeQuarter ? quarterEnd(i.lastChangeQuarter) : null, i.rules);
  return path !== null && path.held && path.fresh;
};

const bothExcellent = (i: PromotionInput) => {
  const pair = countedPair(i);
  return pair !== null && pair[0] === "EXCELLENT" && pair[1] === "EXCELLENT";
};

describe("evaluatePromotion properties", () => {
  it("never moves more than one step up or two down; EXIT only from the bottom two grades", () => {
    fc.assert(
      fc.property(caseArb, ({ input: i }) => {
        const d = evaluatePromotion(i);
        expect(d.from).toBe(i.grade);
        if (d.to !== null) {
          const step = gradeIndex(d.to) - gradeIndex(d.from);
          expect(step).toBeGreaterThanOrEqual(-2);
          expect(step).toBeLessThanOrEqual(1);
        } else {
          expect(["TRAINEE", "JUNIOR"]).toContain(d.from);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("nothing changes without two rated consecutive quarters that both count", () => {
    fc.assert(
      fc.property(caseArb, ({ input: i }) => {
        if (countedPair(i) !== null || probationApplies(i)) return;
        expect(evaluatePromotion(i)).toMatchObject({ outcome: "NONE", to: i.grade, blockedBy: [] });
      }),
      { numRuns: 500 },
    );
  });

  it("PRINCIPAL never promotes", () => {
    fc.assert(
      fc.property(caseArb, ({ input: i }) => {
        expect(evaluatePromotion({ ...i, grade: "PRINCIPAL" }).outcome).not.toBe("PROMOTE");
      }),
    );
  });

  it("does not depend on ratings outside Q−1..Q", () => {
    fc.assert(
      fc.property(caseArb, noiseArb, ({ input: i }, otherNoise) => {
        const prev = previousQuarter(i.quarter);
        const ratings: Record<string, Rating> = Object.fromEntries(otherNoise.map(([o, r]) => [addQuarters(i.quarter, o), r]));
        delete ratings[prev];
        delete ratings[i.quarter];
        if (i.ratings[prev]) ratings[prev] = i.ratings[prev]!;
        if (i.ratings[i.quarter]) ratings[i.quarter] = i.ratings[i.quarter]!;
        expect(evaluatePromotion({ ...i, ratings })).toEqual(evaluatePromotion(i));
      }),
    );
  });

  it("without two EXCELLENT quarters the decision ignores tenure, certifications and rules", () => {
    fc.assert(
      fc.property(caseArb, dateArb, fc.array(certArb, { maxLength: 3 }), rulesArb, ({ input: i }, start, certs, rules) => {
        if (bothExcellent(i)) return;
        const other = { ...i, roleStartDate: start, certifications: certs, rules };
        if (probationApplies(i) || probationApplies(other)) return;
        expect(evaluatePromotion(other)).toEqual(evaluatePromotion(i));
      }),
    );
  });

  it("demotion and exit do not depend on roleStartDate", () => {
    fc.assert(
      fc.property(caseArb, dateArb, ({ input: i }, start) => {
        const d = evaluatePromotion(i);
        if (d.outcome !== "DEMOTE" && d.outcome !== "EXIT") return;
        expect(evaluatePromotion({ ...i, roleStartDate: start })).toEqual(d);
      }),
    );
  });

  it("`to` is null exactly when the outcome is EXIT", () => {
    fc.assert(
      fc.property(caseArb, ({ input: i }) => {
        const d = evaluatePromotion(i);
        expect(d.to === null).toBe(d.outcome === "EXIT");
      }),
      { numRuns: 500 },
    );
  });

  it("blockedBy is non-empty only when both counted quarters are EXCELLENT, and then lists exactly the unmet requirements", () => {
    fc.assert(
      fc.property(caseArb, ({ input: i }) => {
        const d = evaluatePromotion(i);
        if (d.blockedBy.length > 0) {
          expect(bothExcellent(i) || probationApplies(i)).toBe(true);
          expect(d.outcome).toBe("NONE");
        }
        if (bothExcellent(i) && i.grade !== "PRINCIPAL") {
          const unmet = entryRequirementsUnmet(GRADES[gradeIndex(i.grade) + 1], i).map((u) => u.key);
          expect(d.blockedBy).toEqual(unmet);
          expect(d.outcome).toBe(unmet.length === 0 ? "PROMOTE" : "NONE");
        }
      }),
      { numRuns: 500 },
    );
  });

  it("more tenure never takes a promotion away", () => {
    fc.assert(
      fc.property(caseArb, dateArb, ({ input: i }, other) => {
        const [earlier, later] = [i.roleStartDate, other].sort();
        const withLater = evaluatePromotion({ ...i, roleStartDate: later });
        if (withLater.outcome === "PROMOTE") {
          expect(evaluatePromotion({ ...i, roleStartDate: earlier }).outcome).toBe("PROMOTE");
        }
      }),
    );
  });

  it("gives a one-sentence Chinese reason and leaves the input untouched", () => {
    fc.assert(
      fc.property(caseArb, ({ input: i }) => {
        const before = structuredClone(i);
        const d = evaluatePromotion(i);
        expect(i).toEqual(before);
        expect(d.reason).toMatch(/^[^。.\n]*[\u4e00-\u9fff][^。.\n]*$/);
      }),
    );
  });
});

describe("evaluatePromotion: the probation path to 初级 (byCertification)", () => {
  // A trainee who started on 2025-10-01: 6 months at the end of 2026Q1, 9 at the end of 2026Q2.
  const trainee = (overrides: Partial<PromotionInput> = {}): PromotionInput => ({
    quarter: Q,
    grade: "TRAINEE",
    roleStartDate: "2025-10-01",
    ratings: {},
    certifications: [{ code: "PROBATION", passedOn: "2026-05-10" }],
    ...overrides,
  });

  it.each([
    ["no ratings at all", {}],
    ["GOOD, GOOD", rated("GOOD", "GOOD")],
    ["only Q rated QUALIFIED", rated(undefined, "QUALIFIED")],
    ["EXCELLENT then GOOD", rated("EXCELLENT", "GOOD")],
    ["BASIC then GOOD (no streak)", rated("BASIC", "GOOD")],
  ] as const)("a trainee with tenure and a fresh pass is promoted with %s", (_label, ratings) => {
    expect(evaluatePromotion(trainee({ ratings }))).toEqual({
      outcome: "PROMOTE",
      from: "TRAINEE",
      to: "JUNIOR",
      blockedBy: [],
      reason: "见习期考核通过，晋升为初级",
    });
  });

  it.each([
    ["passed on the quarter's last day", "2026-06-30", "PROMOTE"],
    ["passed the day after the quarter", "2026-07-01", "NONE"],
  ] as const)("validity is read at the end of the quarter: %s", (_label, passedOn, outcome) => {
    expect(evaluatePromotion(trainee({ certifications: [{ code: "PROBATION", passedOn }] })).outcome).toBe(outcome);
  });

  it("an expired pass does not promote", () => {
    const d = evaluatePromotion(trainee({ certifications: [{ code: "PROBATION", passedOn: "2026-01-10", validUntil: "2026-06-29" }] }));
    expect(d).toMatchObject({ outcome: "NONE", to: "TRAINEE", blockedBy: [] });
  });

  it("holding the pass but lacking tenure: NONE, blocked by TENURE, the reason names the certification", () => {
    const d = evaluatePromotion(trainee({ roleStartDate: "2026-02-01" }));
    expect(d).toEqual({
      outcome: "NONE",
      from: "TRAINEE",
      to: "TRAINEE",
      blockedBy: ["TENURE"],
      reason: "见习期考核已通过，但任职年限不足（5/6个月），暂不晋升为初级",
    });
  });

  it("a demoted trainee holding an old pass stays 见习 (the pass predates the demotion)", () => {
    // Demoted from 初级 by the 2026Q1 review; the old pass of 2025-03 is still valid.
    const d = evaluatePromotion(
      trainee({
        roleStartDate: "2024-09-01",
        lastChangeQuarter: "2026Q1",
        certifications: [{ code: "PROBATION", passedOn: "2025-03-15" }],
        ratings: rated("BASIC", "GOOD"),
      }),
    );
    expect(d.outcome).toBe("NONE");
    expect(d.to).toBe("TRAINEE");
  });

  it("the demoted trainee is promoted again once they pass again after the demotion", () => {
    const d = evaluatePromotion(
      trainee({
        roleStartDate: "2024-09-01",
        lastChangeQuarter: "2026Q1",
        certifications: [
          { code: "PROBATION", passedOn: "2025-03-15" },
          { code: "PROBATION", passedOn: "2026-04-20" },
        ],
      }),
    );
    expect(d).toMatchObject({ outcome: "PROMOTE", to: "JUNIOR", reason: "见习期考核通过，晋升为初级" });
  });

  it("a pass on the last day of the change quarter is not after the change", () => {
    const d = evaluatePromotion(trainee({ lastChangeQuarter: "2026Q1", certifications: [{ code: "PROBATION", passedOn: "2026-03-31" }] }));
    expect(d.outcome).toBe("NONE");
    const next = evaluatePromotion(trainee({ lastChangeQuarter: "2026Q1", certifications: [{ code: "PROBATION", passedOn: "2026-04-01" }] }));
    expect(next.outcome).toBe("PROMOTE");
  });

  it.each([
    ["two BASIC quarters", "BASIC", "BASIC", "连续两个季度考核基本合格及以下，退出客户经理岗位"],
    ["two UNQUALIFIED quarters", "UNQUALIFIED", "UNQUALIFIED", "连续两个季度考核不合格，退出客户经理岗位"],
    ["BASIC then UNQUALIFIED", "BASIC", "UNQUALIFIED", "连续两个季度考核基本合格及以下，退出客户经理岗位"],
  ] as const)("an exit streak wins over a fresh pass: %s", (_label, previous, current, reason) => {
    expect(evaluatePromotion(trainee({ ratings: rated(previous, current) }))).toEqual({
      outcome: "EXIT",
      from: "TRAINEE",
      to: null,
      blockedBy: [],
      reason,
    });
  });

  it("a demotion streak wins over the pass one grade up as well (JUNIOR with a JUNIOR→INTERMEDIATE certification path)", () => {
    const rules = { INTERMEDIATE: { minTenureMonths: 24, certifications: ["CREDIT"], byCertification: true } };
    const base = {
      grade: "JUNIOR" as const,
      roleStartDate: "2020-01-01",
      certifications: [{ code: "CREDIT", passedOn: "2026-05-01" }],
      rules,
    };
    expect(evaluatePromotion(trainee({ ...base, ratings: rated("BASIC", "BASIC") }))).toMatchObject({
      outcome: "DEMOTE",
      to: "TRAINEE",
    });
    expect(evaluatePromotion(trainee({ ...base, ratings: rated("GOOD", "GOOD") }))).toMatchObject({
      outcome: "PROMOTE",
      to: "INTERMEDIATE",
      reason: "CREDIT通过，晋升为中级",
    });
  });

  it("a JUNIOR rule given by HR without byCertification turns the path off", () => {
    const rules = { JUNIOR: { minTenureMonths: 6, certifications: ["PROBATION"] } };
    expect(evaluatePromotion(trainee({ rules }))).toMatchObject({ outcome: "NONE", to: "TRAINEE" });
    expect(evaluatePromotion(trainee({ rules, ratings: rated("EXCELLENT", "EXCELLENT") }))).toMatchObject({
      outcome: "PROMOTE",
      reason: "连续两个季度考核优秀，由见习晋升为初级",
    });
  });

  it("the path is only for the grade whose rule has it: an 初级 with a fresh pass is not promoted to 中级", () => {
    const d = evaluatePromotion(trainee({ grade: "JUNIOR", roleStartDate: "2020-01-01" }));
    expect(d).toMatchObject({ outcome: "NONE", to: "JUNIOR" });
  });

  it("every named certification is needed, one fresh one is enough", () => {
    const rules = { JUNIOR: { minTenureMonths: 6, certifications: ["PROBATION", "CREDIT"], byCertification: true } };
    const onlyOne = evaluatePromotion(trainee({ rules }));
    expect(onlyOne.outcome).toBe("NONE");
    const both = evaluatePromotion(
      trainee({
        rules,
        lastChangeQuarter: "2026Q1",
        certifications: [
          { code: "PROBATION", passedOn: "2026-05-10" },
          { code: "CREDIT", passedOn: "2019-01-01" },
        ],
      }),
    );
    expect(both).toMatchObject({ outcome: "PROMOTE", reason: "见习期考核、CREDIT通过，晋升为初级" });
  });

  it("rejects a non-boolean byCertification", () => {
    expect(() => evaluatePromotion(trainee({ rules: { JUNIOR: { minTenureMonths: 6, byCertification: "yes" as unknown as boolean } } }))).toThrow();
  });
});

describe("the probation path: properties", () => {
  const traineeArb = fc.record({
    quarter: quarterArb,
    roleStartDate: dateArb,
    previous: fc.option(ratingArb, { nil: undefined }),
    current: fc.option(ratingArb, { nil: undefined }),
    lastChangeOffset: fc.option(fc.integer({ min: -6, max: 0 }), { nil: null }),
    certifications: fc.array(certArb, { maxLength: 3 }),
  });
  type TraineeCase = {
    quarter: string;
    roleStartDate: string;
    previous?: Rating;
    current?: Rating;
    lastChangeOffset: number | null;
    certifications: Certification[];
  };
  const toInput = (r: TraineeCase): PromotionInput => {
    const ratings: Record<string, Rating> = {};
    if (r.previous) ratings[previousQuarter(r.quarter)] = r.previous;
    if (r.current) ratings[r.quarter] = r.current;
    return {
      quarter: r.quarter,
      grade: "TRAINEE",
      roleStartDate: r.roleStartDate,
      ratings,
      lastChangeQuarter: r.lastChangeOffset === null ? null : addQuarters(r.quarter, r.lastChangeOffset),
      certifications: r.certifications,
    };
  };

  it("a trainee promoted without two counted EXCELLENT quarters holds a valid pass, passed after the last change, and has the tenure", () => {
    fc.assert(
      fc.property(traineeArb, (r) => {
        const i = toInput(r);
        const d = evaluatePromotion(i);
        if (d.outcome !== "PROMOTE" || bothExcellent(i)) return;
        const end = quarterEnd(i.quarter);
        const since = i.lastChangeQuarter ? quarterEnd(i.lastChangeQuarter) : null;
        const fresh = (i.certifications ?? []).filter((c) => c.code === "PROBATION" && certificationValidOn(c, end) && (since === null || c.passedOn > since));
        expect(fresh.length).toBeGreaterThan(0);
        expect(tenureMonthsAtQuarterEnd(i.roleStartDate, i.quarter)).toBeGreaterThanOrEqual(6);
        expect(d.reason).toBe("见习期考核通过，晋升为初级");
      }),
      { numRuns: 1000 },
    );
  });

  it("two counted BASIC-or-worse quarters exit a trainee whatever certificates they hold", () => {
    fc.assert(
      fc.property(traineeArb, fc.constantFrom<Rating>("BASIC", "UNQUALIFIED"), fc.constantFrom<Rating>("BASIC", "UNQUALIFIED"), (r, a, b) => {
        const i = toInput({ ...r, previous: a, current: b, lastChangeOffset: null });
        expect(evaluatePromotion(i).outcome).toBe("EXIT");
      }),
    );
  });

  it("a fresh, valid pass with tenure always promotes unless a counted demotion streak applies", () => {
    fc.assert(
      fc.property(traineeArb, fc.integer({ min: 0, max: 89 }), (r, daysIn) => {
        const i = toInput(r);
        // A pass inside the quarter under review is after any change quarter ≤ Q−1 and valid at its end.
        const start = new Date(`${quarterEnd(i.quarter)}T00:00:00Z`);
        start.setUTCDate(start.getUTCDate() - daysIn);
        const passedOn = start.toISOString().slice(0, 10);
        const withPass = { ...i, certifications: [...(i.certifications ?? []), { code: "PROBATION", passedOn }] };
        if (withPass.lastChangeQuarter && withPass.lastChangeQuarter >= i.quarter) return;
        const pair = countedPair(withPass);
        const demoting = pair !== null && pair.every((x) => x === "BASIC" || x === "UNQUALIFIED");
        const d = evaluatePromotion(withPass);
        if (demoting) expect(d.outcome).toBe("EXIT");
        else if (tenureMonthsAtQuarterEnd(i.roleStartDate, i.quarter) >= 6) expect(d).toMatchObject({ outcome: "PROMOTE", to: "JUNIOR" });
        else expect(d).toMatchObject({ outcome: "NONE", blockedBy: ["TENURE"] });
      }),
      { numRuns: 1000 },
    );
  });
});
