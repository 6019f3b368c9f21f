import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  APPRAISAL_GRADE_CAP,
  applyQuotas,
  compareQuotaCandidates,
  proposeInitialGrade,
  summariseOutcomes,
  type InitialGradeInput,
  type QuotaCandidate,
} from "../../lib/domain/review";
import type { Grade, PromotionDecision, Rating } from "../../lib/domain/promotion";
import { GRADES, RATINGS, gradeIndex } from "../../lib/domain/grades";

const promote = (from: Grade, to: Grade): PromotionDecision => ({
  outcome: "PROMOTE",
  from,
  to,
  blockedBy: [],
  reason: `promote ${from}`,
});

const candidate = (userId: string, extra: Partial<QuotaCandidate> = {}): QuotaCandidate & { name: string } => ({
  userId,
  name: `name-${userId}`,
  decision: promote("JUNIOR", "INTERMEDIATE"),
  honours: 0,
  score: null,
  tenureMonths: 30,
  ...extra,
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe("applyQuotas", () => {
  it("ranks by honours, then score (missing last), then tenure, then userId", () => {
    const input = [
      candidate("u-score-low", { score: 90 }),
      candidate("u-honours", { honours: 1, score: 60 }),
      candidate("u-no-score", { score: null, tenureMonths: 99 }),
      candidate("u-score-high", { score: 110 }),
      candidate("u-tenure", { score: 90, tenureMonths: 40 }),
      candidate("u-b", { score: 90 }),
      candidate("u-a", { score: 90 }),
      candidate("u-honours-2", { honours: 2, score: null }),
    ];
    const out = applyQuotas(input, { INTERMEDIATE: 100 });
    const byRank = [...out].sort((a, b) => a.rank! - b.rank!).map((c) => c.userId);
    expect(byRank).toEqual(["u-honours-2", "u-honours", "u-score-high", "u-tenure", "u-a", "u-b", "u-score-low", "u-no-score"]);
    expect(out.map((c) => c.userId)).toEqual(input.map((c) => c.userId));
    expect(out.every((c) => c.decision.outcome === "PROMOTE")).toBe(true);
  });

  it("honours outrank a better score", () => {
    const out = applyQuotas([candidate("a", { score: 120 }), candidate("b", { honours: 1, score: 61 })], { INTERMEDIATE: 1 });
    expect(out[0]).toMatchObject({ rank: 2, decision: { outcome: "NONE" } });
    expect(out[1]).toMatchObject({ rank: 1, decision: { outcome: "PROMOTE" } });
  });

  it("turns those beyond the quota into NONE blocked by QUOTA, keeping their rank", () => {
    const out = applyQuotas([candidate("a", { score: 80 }), candidate("b", { score: 100 }), candidate("c", { score: 90 })], {
      INTERMEDIATE: 2,
    });
    expect(out.map((c) => c.rank)).toEqual([3, 1, 2]);
    expect(out[0].decision).toEqual({
      outcome: "NONE",
      from: "JUNIOR",
      to: "JUNIOR",
      blockedBy: ["QUOTA"],
      reason: "晋升名额已满（中级名额2人），本次暂不晋升",
    });
    expect(out[1].decision.outcome).toBe("PROMOTE");
    expect(out[2].decision.outcome).toBe("PROMOTE");
    expect(out[0].name).toBe("name-a");
  });

  it("a quota of zero blocks everyone for that grade", () => {
    const out = applyQuotas([candidate("a"), candidate("b")], { INTERMEDIATE: 0 });
    expect(out.map((c) => c.decision.blockedBy)).toEqual([["QUOTA"], ["QUOTA"]]);
    expect(out[0].decision.reason).toBe("晋升名额已满（中级名额0人），本次暂不晋升");
  });

  it("applies each quota to its own target grade only", () => {
    const input = [
      candidate("j1", { decision: promote("TRAINEE", "JUNIOR"), score: 70 }),
      candidate("j2", { decision: promote("TRAINEE", "JUNIOR"), score: 80 }),
      candidate("i1", { score: 70 }),
      candidate("i2", { score: 80 }),
      candidate("s1", { decision: promote("INTERMEDIATE", "SENIOR") }),
    ];
    const out = applyQuotas(input, { JUNIOR: 1, INTERMEDIATE: 1 });
    expect(out.map((c) => c.decision.outcome)).toEqual(["NONE", "PROMOTE", "NONE", "PROMOTE", "PROMOTE"]);
    expect(out.map((c) => c.rank)).toEqual([2, 1, 2, 1, undefined]);
    expect(out[0].decision.reason).toBe("晋升名额已满（初级名额1人），本次暂不晋升");
  });

  it("leaves non-PROMOTE decisions untouched, without a rank", () => {
    const others: PromotionDecision[] = [
      { outcome: "DEMOTE", from: "SENIOR", to: "INTERMEDIATE", blockedBy: [], reason: "d" },
      { outcome: "EXIT", from: "TRAINEE", to: null, blockedBy: [], reason: "e" },
      { outcome: "NONE", from: "JUNIOR", to: "JUNIOR", blockedBy: ["TENURE"], reason: "b" },
      { outcome: "NONE", from: "INTERMEDIATE", to: "INTERMEDIATE", blockedBy: [], reason: "n" },
    ];
    const input = others.map((decision, i) => candidate(`x${i}`, { decision, honours: 5 }));
    const out = applyQuotas(input, { INTERMEDIATE: 0, JUNIOR: 0, SENIOR: 0 });
    expect(out).toEqual(input);
    expect(out.every((c) => !("rank" in c))).toBe(true);
  });

  it("without a quota for the target grade nothing changes", () => {
    const input = [candidate("a"), candidate("b")];
    expect(applyQuotas(input, {})).toEqual(input);
    expect(applyQuotas(input, { SENIOR: 0 })).toEqual(input);
    expect(applyQuotas(input, { INTERMEDIATE: undefined })).toEqual(input);
  });

  it("does not mutate its input and returns new objects", () => {
    const input = deepFreeze([candidate("a", { score: 1 }), candidate("b", { score: 2 })]);
    const out = applyQuotas(input, { INTERMEDIATE: 1 });
    expect(out).not.toBe(input);
    expect(out[1]).not.toBe(input[1]);
    expect(input[0].decision.outcome).toBe("PROMOTE");
  });

  it.each([[{ INTERMEDIATE: -1 }], [{ INTERMEDIATE: 1.5 }], [{ INTERMEDIATE: Number.NaN }], [{ CHIEF: 1 }]])("rejects invalid quotas %j", (quotas) => {
    expect(() => applyQuotas([candidate("a")], quotas as never)).toThrow(Error);
  });

  it("compareQuotaCandidates treats non-finite scores as missing", () => {
    expect(compareQuotaCandidates(candidate("a", { score: Number.NaN }), candidate("b", { score: 1 }))).toBeGreaterThan(0);
    expect(compareQuotaCandidates(candidate("a", { score: undefined }), candidate("b", { score: null }))).toBeLessThan(0);
  });

  const targetArb = fc.constantFrom<Grade>("JUNIOR", "INTERMEDIATE", "SENIOR");
  const decisionArb: fc.Arbitrary<PromotionDecision> = fc.oneof(
    targetArb.map((to) => promote(GRADES[gradeIndex(to) - 1], to)),
    fc.constant<PromotionDecision>({ outcome: "DEMOTE", from: "SENIOR", to: "JUNIOR", blockedBy: [], reason: "d" }),
    fc.constant<PromotionDecision>({ outcome: "NONE", from: "JUNIOR", to: "JUNIOR", blockedBy: [], reason: "n" }),
  );
  const candidatesArb = fc.uniqueArray(
    fc.record({
      userId: fc.string({ minLength: 1, maxLength: 4 }),
      decision: decisionArb,
      honours: fc.integer({ min: 0, max: 2 }),
      score: fc.option(fc.integer({ min: 50, max: 120 }), { nil: null }),
      tenureMonths: fc.integer({ min: 0, max: 60 }),
    }),
    { selector: (c) => c.userId, maxLength: 15 },
  );
  const quotasArb = fc.dictionary(targetArb, fc.integer({ min: 0, max: 4 }));

  it("property: quotas hold, winners are the top of the ranking, others are untouched", () => {
    fc.assert(
      fc.property(candidatesArb, quotasArb, (input, quotas) => {
        const out = applyQuotas(input, quotas);
        expect(out).toHaveLength(input.length);
        out.forEach((c, i) => {
          const original = input[i];
          expect(c.userId).toBe(original.userId);
          const target = original.decision.to as Grade;
          if (original.decision.outcome !== "PROMOTE" || quotas[target] === undefined) {
            expect(c).toEqual(original);
            return;
          }
          const quota = quotas[target]!;
          expect(c.decision.outcome).toBe(c.rank! <= quota ? "PROMOTE" : "NONE");
          const better = input.filter((o) => o.decision.outcome === "PROMOTE" && o.decision.to === target && compareQuotaCandidates(o, original) < 0);
          expect(c.rank).toBe(better.length + 1);
        });
        for (const [target, quota] of Object.entries(quotas)) {
          const promoted = out.filter((c) => c.decision.outcome === "PROMOTE" && c.decision.to === target);
          expect(promoted.length).toBeLessThanOrEqual(quota);
        }
      }),
    );
  });

  it("property: the result does not depend on input order", () => {
    fc.assert(
      fc.property(
        candidatesArb.chain((c) => fc.tuple(fc.constant(c), fc.shuffledSubarray(c, { minLength: c.length, maxLength: c.length }))),
        quotasArb,
        ([input, shuffled], quotas) => {
          const key = (list: ReturnType<typeof applyQuotas>) => Object.fromEntries(list.map((c) => [c.userId, [c.decision, c.rank]]));
          expect(key(applyQuotas(shuffled, quotas))).toEqual(key(applyQuotas(input, quotas)));
        },
      ),
    );
  });
});

describe("proposeInitialGrade", () => {
  const PROBATION = { code: "PROBATION", passedOn: "2020-06-01" };
  const propose = (roleStartDate: string, extra: Partial<InitialGradeInput> = {}) =>
    proposeInitialGrade({ roleStartDate, asOf: "2026-07-01", certifications: [PROBATION], ...extra });

  it.each([
    ["2026-07-01", "TRAINEE"],
    ["2026-01-02", "TRAINEE"],
    ["2026-01-01", "JUNIOR"],
    ["2024-07-02", "JUNIOR"],
    ["2024-07-01", "INTERMEDIATE"],
    ["2023-07-02", "INTERMEDIATE"],
    ["2023-07-01", "SENIOR"],
    ["2022-07-02", "SENIOR"],
    ["2022-07-01", "PRINCIPAL"],
    ["2030-01-01", "TRAINEE"],
  ] as const)("start %s, as of 2026-07-01 → %s", (start, grade) => {
    expect(propose(start).grade).toBe(grade);
  });

  it("climbs rung by rung: long tenure without the probation certificate stays TRAINEE", () => {
    expect(propose("2020-01-01", { certifications: [] })).toEqual({
      grade: "TRAINEE",
      reason: "任职6年6个月，因缺少有效的“见习期考核”认证未达初级，拟定级为见习",
    });
    expect(proposeInitialGrade({ roleStartDate: "2020-01-01", asOf: "2026-07-01" }).grade).toBe("TRAINEE");
  });

  it.each([
    [{ code: "PROBATION", passedOn: "2026-07-01" }, "JUNIOR"],
    [{ code: "PROBATION", passedOn: "2026-07-02" }, "TRAINEE"],
    [{ code: "PROBATION", passedOn: "2026-01-01", validUntil: "2026-07-01" }, "JUNIOR"],
    [{ code: "PROBATION", passedOn: "2026-01-01", validUntil: "2026-06-30" }, "TRAINEE"],
    [{ code: "PROBATION", passedOn: "2026-01-01", validUntil: null }, "JUNIOR"],
  ])("certification %j is judged on asOf → %s", (cert, grade) => {
    expect(propose("2025-07-01", { certifications: [cert] }).grade).toBe(grade);
  });

  it.each<[Rating | null | undefined, Grade]>([
    ["EXCELLENT", "PRINCIPAL"],
    ["GOOD", "PRINCIPAL"],
    ["QUALIFIED", "INTERMEDIATE"],
    ["BASIC", "JUNIOR"],
    ["UNQUALIFIED", "TRAINEE"],
    [null, "PRINCIPAL"],
    [undefined, "PRINCIPAL"],
  ])("appraisal %s caps a PRINCIPAL-eligible person at %s", (lastAnnualRating, grade) => {
    expect(propose("2015-01-01", { lastAnnualRating }).grade).toBe(grade);
  });

  it("a cap above the eligible grade does not raise anyone", () => {
    expect(propose("2025-07-01", { lastAnnualRating: "QUALIFIED" }).grade).toBe("JUNIOR");
    expect(propose("2026-06-01", { lastAnnualRating: "BASIC" }).grade).toBe("TRAINEE");
  });

  it("explains the proposal in one sentence", () => {
    expect(propose("2024-01-01").reason).toBe("任职2年6个月，符合中级条件，因任职年限不足（30/36个月）未达高级，拟定级为中级");
    expect(propose("2015-01-01").reason).toBe("任职11年6个月，符合资深条件，拟定级为资深");
    expect(propose("2015-01-01", { lastAnnualRating: "QUALIFIED" }).reason).toBe("任职11年6个月，符合资深条件，但上年度考核合格，按考核结果拟定级为中级");
    expect(propose("2026-03-01").reason).toBe("任职4个月，因任职年限不足（4/6个月）未达初级，拟定级为见习");
  });

  it("uses custom rules merged over the defaults", () => {
    const rules = { INTERMEDIATE: { minTenureMonths: 12 }, SENIOR: { minTenureMonths: 18, certifications: ["CREDIT"] } };
    expect(propose("2025-01-01", { rules }).grade).toBe("INTERMEDIATE");
    expect(propose("2025-01-01", { rules, certifications: [PROBATION, { code: "CREDIT", passedOn: "2026-01-01" }] }).grade).toBe("SENIOR");
    expect(propose("2025-01-01", { rules, certifications: [] }).grade).toBe("TRAINEE");
  });

  it.each<[string, Partial<InitialGradeInput>]>([
    ["bad roleStartDate", { roleStartDate: "2026-02-30" }],
    ["bad asOf", { asOf: "2026/07/01" }],
    ["bad rating", { lastAnnualRating: "SUPERB" as Rating }],
    ["bad rules", { rules: { JUNIOR: { minTenureMonths: -3 } } }],
  ])("throws on %s", (_label, extra) => {
    expect(() => proposeInitialGrade({ roleStartDate: "2020-01-01", asOf: "2026-07-01", ...extra })).toThrow(Error);
  });

  it("the cap table matches the documented rule", () => {
    expect(APPRAISAL_GRADE_CAP).toEqual({
      EXCELLENT: null,
      GOOD: null,
      QUALIFIED: "INTERMEDIATE",
      BASIC: "JUNIOR",
      UNQUALIFIED: "TRAINEE",
    });
  });

  const dateArb = fc
    .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const ratingArb = fc.option(fc.constantFrom(...RATINGS), { nil: null });

  it("property: never above the appraisal cap, and more tenure never lowers the proposal", () => {
    fc.assert(
      fc.property(dateArb, dateArb, dateArb, ratingArb, fc.boolean(), (a, b, asOf, rating, certified) => {
        const [earlier, later] = [a, b].sort();
        const certifications = certified ? [PROBATION] : [];
        const senior = proposeInitialGrade({ roleStartDate: earlier, asOf, certifications, lastAnnualRating: rating });
        const junior = proposeInitialGrade({ roleStartDate: later, asOf, certifications, lastAnnualRating: rating });
        const cap = rating === null ? null : APPRAISAL_GRADE_CAP[rating];
        if (cap !== null) expect(gradeIndex(senior.grade)).toBeLessThanOrEqual(gradeIndex(cap));
        expect(gradeIndex(senior.grade)).toBeGreaterThanOrEqual(gradeIndex(junior.grade));
        expect(senior.reason).toMatch(/^[^。\n]+$/);
      }),
    );
  });
});

describe("summariseOutcomes", () => {
  it("counts each outcome, splitting blocked NONE from plain NONE", () => {
    const decisions: PromotionDecision[] = [
      promote("JUNIOR", "INTERMEDIATE"),
      promote("TRAINEE", "JUNIOR"),
      { outcome: "DEMOTE", from: "SENIOR", to: "JUNIOR", blockedBy: [], reason: "" },
      { outcome: "EXIT", from: "TRAINEE", to: null, blockedBy: [], reason: "" },
      { outcome: "NONE", from: "JUNIOR", to: "JUNIOR", blockedBy: ["TENURE"], reason: "" },
      { outcome: "NONE", from: "JUNIOR", to: "JUNIOR", blockedBy: ["QUOTA"], reason: "" },
      { outcome: "NONE", from: "PRINCIPAL", to: "PRINCIPAL", blockedBy: [], reason: "" },
    ];
    expect(summariseOutcomes(decisions)).toEqual({ PROMOTE: 2, DEMOTE: 1, EXIT: 1, BLOCKED: 2, NONE: 1 });
    expect(summariseOutcomes([])).toEqual({ PROMOTE: 0, DEMOTE: 0, EXIT: 0, BLOCKED: 0, NONE: 0 });
  });
});
