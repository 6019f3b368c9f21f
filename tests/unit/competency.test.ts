import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { GRADES } from "@/lib/domain/grades";
import { DEFAULT_COMPETENCIES } from "@/lib/domain/defaults/competency-model";
import {
  COMMENT_REQUIRED_MESSAGE,
  COMPETENCY_CODES,
  COMPETENCY_LABELS,
  DEFAULT_REQUIRED_LEVELS,
  DEFAULT_SOURCE_WEIGHTS,
  PEER_ANONYMITY_THRESHOLD,
  PROFICIENCY_LABELS,
  aggregateCompetency,
  combineSourceMeans,
  competencyGaps,
  largestGaps,
  meanOf,
  nextGradeFor,
  usablePeerAnswers,
  validatePeerChange,
  validateRating,
  validateRequiredLevels,
  validateSourceWeights,
  type SourceWeights,
} from "@/lib/domain/competency";

describe("the model's reference data", () => {
  it("lists the nine competencies in the order and with the names of the default model", () => {
    expect(COMPETENCY_CODES).toHaveLength(9);
    expect(DEFAULT_COMPETENCIES.map((c) => c.code)).toEqual([...COMPETENCY_CODES]);
    for (const c of DEFAULT_COMPETENCIES) expect(COMPETENCY_LABELS[c.code as keyof typeof COMPETENCY_LABELS]).toBe(c.name);
    expect(PROFICIENCY_LABELS).toEqual({ 1: "了解", 2: "基础", 3: "熟练", 4: "精通", 5: "专家" });
  });

  it("has the DOMAIN §6 required-level matrix, row by row", () => {
    const rows = COMPETENCY_CODES.map((code) => GRADES.map((g) => DEFAULT_REQUIRED_LEVELS[code][g]));
    expect(rows).toEqual([
      [2, 2, 3, 4, 5],
      [1, 2, 3, 4, 4],
      [1, 2, 3, 4, 5],
      [2, 3, 3, 4, 5],
      [2, 3, 3, 4, 4],
      [2, 2, 3, 4, 5],
      [2, 3, 4, 4, 5],
      [1, 2, 3, 4, 4],
      [2, 3, 3, 3, 4],
    ]);
    expect(validateRequiredLevels(DEFAULT_REQUIRED_LEVELS)).toEqual({});
  });

  it("refuses a matrix with a level out of range or a higher grade requiring less", () => {
    const matrix = structuredClone(DEFAULT_REQUIRED_LEVELS) as Record<string, Record<string, unknown>>;
    matrix.INFLUENCE.SENIOR = 6;
    matrix.TEAMWORK.PRINCIPAL = 2;
    matrix.SELF_DRIVE.JUNIOR = 2.5;
    expect(validateRequiredLevels(matrix)).toEqual({
      "INFLUENCE.SENIOR": "要求等级须为 1–5 的整数",
      "TEAMWORK.PRINCIPAL": "高一等级的要求不能低于低一等级",
      "SELF_DRIVE.JUNIOR": "要求等级须为 1–5 的整数",
    });
  });

  it("takes PRINCIPAL's next grade to be PRINCIPAL", () => {
    expect(nextGradeFor("TRAINEE")).toBe("JUNIOR");
    expect(nextGradeFor("SENIOR")).toBe("PRINCIPAL");
    expect(nextGradeFor("PRINCIPAL")).toBe("PRINCIPAL");
  });
});

describe("source weights", () => {
  it("accepts the default 0.2 / 0.5 / 0.3 and sums within ±0.001", () => {
    expect(validateSourceWeights(DEFAULT_SOURCE_WEIGHTS)).toEqual({});
    expect(validateSourceWeights({ SELF: 0.333, MANAGER: 0.333, PEER: 0.3335 })).toEqual({});
  });

  it("names the source that is out of range, or the sum", () => {
    expect(validateSourceWeights({ SELF: -0.1, MANAGER: 0.8, PEER: 0.3 })).toEqual({ SELF: "自评权重须在 0 到 1 之间" });
    expect(validateSourceWeights({ SELF: 0.2, MANAGER: "x", PEER: 0.3 })).toEqual({ MANAGER: "上级评价权重须为数字" });
    expect(validateSourceWeights({ SELF: 0.2, MANAGER: 0.5, PEER: 0.2 })).toEqual({ total: "三项权重之和须为 1（当前为 0.9）" });
    expect(validateSourceWeights({ SELF: 0.2, MANAGER: 0.5, PEER: 0.302 }).total).toMatch(/之和须为 1/);
  });
});

describe("aggregateCompetency", () => {
  it("weights manager 0.5, self 0.2 and the peer mean 0.3", () => {
    // 0.2·2 + 0.5·4 + 0.3·(3+4+5)/3 = 0.4 + 2 + 1.2
    expect(aggregateCompetency({ self: 2, manager: 4, peers: [3, 4, 5] })).toEqual({ result: 3.6, peerMean: 4, sourcesUsed: ["SELF", "MANAGER", "PEER"] });
  });

  it("renormalises over the sources present", () => {
    // manager and self only: (0.2·2 + 0.5·4) / 0.7 = 3.428… → 3.43
    expect(aggregateCompetency({ self: 2, manager: 4, peers: [] }).result).toBe(3.43);
    expect(aggregateCompetency({ manager: 4, peers: [] }).result).toBe(4);
    // self and peers: (0.2·5 + 0.3·3) / 0.5 = 3.8
    expect(aggregateCompetency({ self: 5, peers: [3, 3, 3] })).toMatchObject({ result: 3.8, sourcesUsed: ["SELF", "PEER"] });
    expect(aggregateCompetency({ peers: [] })).toEqual({ result: null, peerMean: null, sourcesUsed: [] });
  });

  it("leaves the peers out below three answers, and shows no peer mean", () => {
    expect(aggregateCompetency({ self: 3, manager: 3, peers: [1, 5] })).toEqual({ result: 3, peerMean: null, sourcesUsed: ["SELF", "MANAGER"] });
    expect(aggregateCompetency({ peers: [1, 2] })).toEqual({ result: null, peerMean: null, sourcesUsed: [] });
    expect(aggregateCompetency({ self: 3, manager: 3, peers: [1, 1, 1] })).toMatchObject({ result: 2.4, peerMean: 1 });
  });

  it("rounds to two decimals, the peer mean too", () => {
    expect(aggregateCompetency({ self: 3, manager: 4, peers: [3, 4, 4] })).toEqual({ result: 3.7, peerMean: 3.67, sourcesUsed: ["SELF", "MANAGER", "PEER"] });
    // 0.2·3 + 0.5·4 + 0.3·3.25 = 3.575 → 3.58 (not 3.57 from floating-point noise)
    expect(aggregateCompetency({ self: 3, manager: 4, peers: [3, 3, 3, 4] }).result).toBe(3.58);
  });

  it("does not use a source whose weight is 0", () => {
    const weights: SourceWeights = { SELF: 0, MANAGER: 0.6, PEER: 0.4 };
    expect(aggregateCompetency({ self: 5, manager: 2, peers: [] }, weights)).toEqual({ result: 2, peerMean: null, sourcesUsed: ["MANAGER"] });
    expect(aggregateCompetency({ self: 5, peers: [] }, weights).result).toBeNull();
  });

  it("gives the same result from SQL-style per-source means", () => {
    expect(combineSourceMeans({ self: 2, manager: 4, peerMean: 4, peerCount: 3 })).toEqual(aggregateCompetency({ self: 2, manager: 4, peers: [3, 4, 5] }));
    expect(combineSourceMeans({ self: 2, manager: 4, peerMean: 4, peerCount: 2 }).sourcesUsed).toEqual(["SELF", "MANAGER"]);
  });

  const level = fc.integer({ min: 1, max: 5 });
  const maybeLevel = fc.option(level, { nil: undefined });
  const ratings = fc.record({ self: maybeLevel, manager: maybeLevel, peers: fc.array(level, { maxLength: 8 }) });
  const weights = fc
    .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 100 }))
    .map(([a, b, c]) => ({ SELF: a / (a + b + c), MANAGER: b / (a + b + c), PEER: c / (a + b + c) }));

  it("always lies between the lowest and highest level it used (property)", () => {
    fc.assert(
      fc.property(ratings, weights, (r, w) => {
        const { result, sourcesUsed } = aggregateCompetency(r, w);
        if (sourcesUsed.length === 0) return result === null;
        const used = [
          ...(sourcesUsed.includes("SELF") ? [r.self as number] : []),
          ...(sourcesUsed.includes("MANAGER") ? [r.manager as number] : []),
          ...(sourcesUsed.includes("PEER") ? [r.peers.reduce((a, b) => a + b, 0) / r.peers.length] : []),
        ];
        return result !== null && result >= Math.min(...used) - 0.005 && result <= Math.max(...used) + 0.005;
      }),
    );
  });

  it("ignores the order of the peers, and ignores fewer than three peers entirely (property)", () => {
    fc.assert(
      fc.property(ratings, fc.array(level, { maxLength: PEER_ANONYMITY_THRESHOLD - 1 }), (r, few) => {
        const reversed = aggregateCompetency({ ...r, peers: [...r.peers].reverse() });
        expect(reversed).toEqual(aggregateCompetency(r));
        const withFew = aggregateCompetency({ self: r.self, manager: r.manager, peers: few });
        expect(withFew).toEqual(aggregateCompetency({ self: r.self, manager: r.manager, peers: [] }));
        expect(withFew.peerMean).toBeNull();
      }),
    );
  });

  it("does not change when every weight is scaled by the same factor (renormalisation, property)", () => {
    fc.assert(
      fc.property(ratings, weights, fc.double({ min: 0.1, max: 10, noNaN: true }), (r, w, k) => {
        const scaled = { SELF: w.SELF * k, MANAGER: w.MANAGER * k, PEER: w.PEER * k };
        const a = aggregateCompetency(r, w).result;
        const b = aggregateCompetency(r, scaled).result;
        return a === null ? b === null : b !== null && Math.abs(a - b) <= 0.01;
      }),
    );
  });

  it("equals the single source's level when only one source is present (property)", () => {
    fc.assert(
      fc.property(level, weights, (l, w) => {
        expect(aggregateCompetency({ manager: l, peers: [] }, w).result).toBe(w.MANAGER > 0 ? l : null);
        expect(aggregateCompetency({ peers: [l, l, l] }, w).result).toBe(l);
      }),
    );
  });
});

describe("usablePeerAnswers and peer changes", () => {
  it("counts peers only from three answers on, and while open only when every named peer answered", () => {
    expect(usablePeerAnswers({ answered: 2, named: 2, acceptingAnswers: false })).toBe(0);
    expect(usablePeerAnswers({ answered: 3, named: 4, acceptingAnswers: true })).toBe(0);
    expect(usablePeerAnswers({ answered: 3, named: 4, acceptingAnswers: false })).toBe(3);
    expect(usablePeerAnswers({ answered: 4, named: 4, acceptingAnswers: true })).toBe(4);
  });

  const peers = (answered: number, pending: number) => [
    ...Array.from({ length: answered }, (_, i) => ({ assessorId: `a${i}`, answered: true })),
    ...Array.from({ length: pending }, (_, i) => ({ assessorId: `p${i}`, answered: false })),
  ];

  it("wants 2–5 distinct peers, never the assessee", () => {
    expect(validatePeerChange({ assesseeId: "me", current: [], next: ["x", "y", "z"] })).toBeNull();
    expect(validatePeerChange({ assesseeId: "me", current: [], next: ["x", "me", "z"] })).toBe("不能将被评估人本人列为同事评估人");
    expect(validatePeerChange({ assesseeId: "me", current: [], next: ["x", "x", "z"] })).toBe("同事评估人不能重复");
    expect(validatePeerChange({ assesseeId: "me", current: [], next: ["x"] })).toBe("每人须提名 2–5 名同事评估人");
    expect(validatePeerChange({ assesseeId: "me", current: [], next: ["a", "b", "c", "d", "e", "f"] })).toBe("每人须提名 2–5 名同事评估人");
  });

  it("keeps peers who answered, and adds nobody once the peer mean is visible", () => {
    expect(validatePeerChange({ assesseeId: "me", current: peers(1, 2), next: ["p0", "p1", "x"] })).toBe("已提交评价的同事不能移除");
    // 2 answered of 3: nothing visible yet, adding is harmless
    expect(validatePeerChange({ assesseeId: "me", current: peers(2, 1), next: ["a0", "a1", "p0", "x"] })).toBeNull();
    // 3 of 3 answered: the mean is visible, a 4th answer could be backed out
    expect(validatePeerChange({ assesseeId: "me", current: peers(3, 0), next: ["a0", "a1", "a2", "x"] })).toMatch(/不能再增加/);
    // removing a peer who has not answered is allowed
    expect(validatePeerChange({ assesseeId: "me", current: peers(3, 1), next: ["a0", "a1", "a2"] })).toBeNull();
  });
});

describe("gaps", () => {
  it("computes required − result for the current and the next grade", () => {
    const gaps = competencyGaps({ CLIENT_FOCUS: 2.5, PRODUCT_EXPERTISE: 4.2 }, "INTERMEDIATE");
    expect(gaps).toHaveLength(9);
    expect(gaps[0]).toEqual({ code: "CLIENT_FOCUS", required: 3, result: 2.5, gap: 0.5, nextRequired: 4, nextGap: 1.5 });
    expect(gaps.find((g) => g.code === "PRODUCT_EXPERTISE")).toEqual({
      code: "PRODUCT_EXPERTISE",
      required: 4,
      result: 4.2,
      gap: -0.2,
      nextRequired: 4,
      nextGap: -0.2,
    });
    expect(gaps.find((g) => g.code === "INFLUENCE")).toEqual({ code: "INFLUENCE", required: 3, result: null, gap: null, nextRequired: 4, nextGap: null });
  });

  it("uses PRINCIPAL's own requirement as the next for PRINCIPAL", () => {
    const gaps = competencyGaps({ SELF_DRIVE: 3.33 }, "PRINCIPAL");
    expect(gaps.find((g) => g.code === "SELF_DRIVE")).toMatchObject({ required: 4, gap: 0.67, nextRequired: 4, nextGap: 0.67 });
  });

  it("picks the largest positive gaps, largest first, ties in model order", () => {
    const gaps = competencyGaps({ CLIENT_FOCUS: 3, INFLUENCE: 2, BUSINESS_ACUMEN: 2, TEAMWORK: 4, SELF_DRIVE: 1 }, "INTERMEDIATE");
    // next grade SENIOR: CLIENT_FOCUS 1, INFLUENCE 2, BUSINESS_ACUMEN 2, TEAMWORK 0, SELF_DRIVE 2
    expect(largestGaps(gaps).map((g) => g.code)).toEqual(["INFLUENCE", "BUSINESS_ACUMEN", "SELF_DRIVE"]);
    expect(largestGaps(gaps, 5, "current").map((g) => [g.code, g.gap])).toEqual([
      ["SELF_DRIVE", 2],
      ["INFLUENCE", 1],
      ["BUSINESS_ACUMEN", 1],
    ]);
    expect(largestGaps(competencyGaps({ CLIENT_FOCUS: 5 }, "TRAINEE"))).toEqual([]);
  });

  it("never returns more than n, only positive gaps, in non-increasing order (property)", () => {
    const results = fc.dictionary(
      fc.constantFrom(...COMPETENCY_CODES),
      fc.option(
        fc.integer({ min: 100, max: 500 }).map((x) => x / 100),
        { nil: null },
      ),
    );
    fc.assert(
      fc.property(
        results,
        fc.constantFrom(...GRADES),
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom("current" as const, "next" as const),
        (r, grade, n, which) => {
          const gaps = competencyGaps(r, grade);
          const top = largestGaps(gaps, n, which);
          const values = top.map((g) => (which === "next" ? g.nextGap : g.gap) as number);
          expect(top.length).toBeLessThanOrEqual(n);
          for (const v of values) expect(v).toBeGreaterThan(0);
          for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
          for (const g of gaps) {
            if (g.result === null) continue;
            expect(g.gap).toBeCloseTo(g.required - g.result, 2);
            expect(g.nextGap! - g.gap!).toBeCloseTo(g.nextRequired - g.required, 2);
            expect(g.nextRequired).toBeGreaterThanOrEqual(g.required);
          }
        },
      ),
    );
  });

  it("averages people's gaps ignoring those without one", () => {
    expect(meanOf([0.5, null, 1])).toBe(0.75);
    expect(meanOf([null])).toBeNull();
  });
});

describe("validateRating", () => {
  it("wants an integer level 1–5", () => {
    for (const bad of [0, 6, 2.5, Number.NaN, "3", null]) expect(validateRating(bad, 3, "")).toBe("评分须为 1–5 的整数");
    expect(validateRating(3, 3, "")).toBeNull();
  });

  it("wants a comment when the level is two or more away from the requirement", () => {
    expect(validateRating(1, 3, "")).toBe(COMMENT_REQUIRED_MESSAGE);
    expect(validateRating(5, 3, "   ")).toBe(COMMENT_REQUIRED_MESSAGE);
    expect(COMMENT_REQUIRED_MESSAGE).toBe("评分与岗位要求相差两级及以上，请填写评语说明具体表现");
    expect(validateRating(5, 3, "独立完成两笔银团贷款的营销")).toBeNull();
    expect(validateRating(4, 3, "")).toBeNull();
    expect(validateRating(1, null, "")).toBeNull();
    expect(validateRating(3, 3, "字".repeat(501))).toMatch(/不能超过 500 字/);
  });

  it("agrees with |level − required| ≥ 2 ⇔ comment needed (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), (level, required) => {
        const missing = validateRating(level, required, "") === COMMENT_REQUIRED_MESSAGE;
        expect(missing).toBe(Math.abs(level - required) >= 2);
        expect(validateRating(level, required, "说明")).toBeNull();
      }),
    );
  });
});
