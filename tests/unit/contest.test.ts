import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  awardGoesToTeam,
  judgeHasConflict,
  judgedScore,
  overallStandings,
  priorityCovers,
  priorityWindow,
  round2,
  safeCell,
  scoreProblem,
  teamSizeProblem,
  type StandingEvent,
} from "../../lib/domain/contest";

/** Exact half-up rounding of sum/n (both integers, in hundredths) to hundredths, as a number. */
function exactMeanCents(sumCents: number, n: number): number {
  const num = BigInt(sumCents) * 2n + BigInt(n);
  const den = BigInt(n) * 2n;
  return Number(num / den) / 100;
}

describe("round2", () => {
  it.each([
    [1.005, 1.01],
    [1.004, 1],
    [2.675, 2.68],
    [80.415, 80.42],
    [0.125, 0.13],
    [99.995, 100],
    [0, 0],
    [1.1 + 2.2, 3.3],
  ])("%s → %s", (value, expected) => {
    expect(round2(value)).toBe(expected);
  });
});

describe("judgedScore", () => {
  it.each<[number[], number | null]>([
    [[], null],
    [[88], 88],
    [[80, 90], 85],
    [[80, 81, 82, 83], 81.5],
    // five judges: 60 and 99 are dropped
    [[60, 85, 86, 87, 99], 86],
    [[90, 90, 90, 90, 90], 90],
    [[70, 80, 80, 80, 95, 100], 83.75],
    // the mean 80.415 is rounded half up, not down by floating point
    [[80.41, 80.42], 80.42],
    [[1.005], 1.01],
    [[1, 1.01], 1.01],
  ])("%j → %s", (scores, expected) => {
    expect(judgedScore(scores)).toBe(expected);
  });

  it("is the exactly rounded mean for scores with two decimals (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 1, maxLength: 9 }), (cents) => {
        let kept = cents;
        if (cents.length >= 5) kept = [...cents].sort((a, b) => a - b).slice(1, -1);
        const expected = exactMeanCents(
          kept.reduce((s, x) => s + x, 0),
          kept.length,
        );
        expect(judgedScore(cents.map((c) => c / 100))).toBe(expected);
      }),
    );
  });

  it("drops the extremes only from five scores on (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 90 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 10 }), (scores, bump) => {
        // raise the highest score further
        const top = Math.max(...scores);
        const i = scores.indexOf(top);
        const raised = scores.map((s, j) => (j === i ? top + bump : s));
        if (scores.length >= 5) expect(judgedScore(raised)).toBe(judgedScore(scores));
        else expect(judgedScore(raised)!).toBeGreaterThan(judgedScore(scores)!);
      }),
    );
  });

  it("is within the scores' range and ignores their order (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 1, maxLength: 9 }), (cents) => {
        const scores = cents.map((c) => c / 100);
        const result = judgedScore(scores)!;
        expect(result).toBeGreaterThanOrEqual(Math.min(...scores));
        expect(result).toBeLessThanOrEqual(Math.max(...scores));
        expect(judgedScore([...scores].reverse())).toBe(result);
      }),
    );
  });
});

const EVENTS: StandingEvent[] = [
  { event: "KNOWLEDGE_TEST", weight: 30, maxScore: 100 },
  { event: "OPERATIONS", weight: 20, maxScore: 50 },
  { event: "PITCH", weight: 50, maxScore: 10 },
];

describe("overallStandings", () => {
  it("weights each event's share of its maximum, counts a missing score as 0, and ranks 1, 2, 2, 4", () => {
    const standings = overallStandings(EVENTS, [
      { id: "d", scores: { KNOWLEDGE_TEST: 80, OPERATIONS: 40, PITCH: 8 } }, // 24 + 16 + 40 = 80
      { id: "b", scores: { KNOWLEDGE_TEST: 100, OPERATIONS: 50 } }, // 30 + 20 + 0 = 50
      { id: "a", scores: { PITCH: 10 } }, // 50
      { id: "c", scores: { KNOWLEDGE_TEST: 90, OPERATIONS: 25, PITCH: 1 } }, // 27 + 10 + 5 = 42
      { id: "e", scores: {} },
    ]);
    expect(standings).toEqual([
      { id: "d", total: 80, rank: 1 },
      { id: "a", total: 50, rank: 2 },
      { id: "b", total: 50, rank: 2 },
      { id: "c", total: 42, rank: 4 },
      { id: "e", total: 0, rank: 5 },
    ]);
  });

  it("normalises the weights and rounds half up to two decimals", () => {
    const standings = overallStandings(
      [
        { event: "A", weight: 1, maxScore: 100 },
        { event: "B", weight: 2, maxScore: 100 },
      ],
      [{ id: "x", scores: { A: 100, B: 50 } }], // 33.333 + 33.333 = 66.67
    );
    expect(standings).toEqual([{ id: "x", total: 66.67, rank: 1 }]);
    // one event: total = score / max × 100, and 1.005 rounds to 1.01
    expect(overallStandings([{ event: "A", weight: 1, maxScore: 100 }], [{ id: "y", scores: { A: 1.005 } }])[0].total).toBe(1.01);
    // ties are judged on the rounded total
    const tie = overallStandings(
      [{ event: "A", weight: 1, maxScore: 300 }],
      [
        { id: "p", scores: { A: 200 } },
        { id: "q", scores: { A: 200.001 } },
      ],
    );
    expect(tie.map((s) => s.rank)).toEqual([1, 1]);
  });

  it("gives everyone 0 when no event has a weight, and nothing for no entrants", () => {
    expect(overallStandings([{ event: "A", weight: 0, maxScore: 100 }], [{ id: "x", scores: { A: 90 } }])).toEqual([{ id: "x", total: 0, rank: 1 }]);
    expect(overallStandings(EVENTS, [])).toEqual([]);
  });

  const entrantsArb = fc.uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      k: fc.option(fc.integer({ min: 0, max: 10000 }), { nil: undefined }),
      o: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
      p: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
    }),
    { selector: (e) => e.id, maxLength: 25 },
  );
  const toEntrants = (list: { id: string; k?: number; o?: number; p?: number }[]) =>
    list.map((e) => ({
      id: e.id,
      scores: {
        ...(e.k === undefined ? {} : { KNOWLEDGE_TEST: e.k / 100 }),
        ...(e.o === undefined ? {} : { OPERATIONS: e.o / 100 }),
        ...(e.p === undefined ? {} : { PITCH: e.p / 100 }),
      },
    }));

  it("properties: totals in 0..100, sorted, ranks monotone, ties share a rank, rank = 1 + number strictly ahead", () => {
    fc.assert(
      fc.property(entrantsArb, (list) => {
        const standings = overallStandings(EVENTS, toEntrants(list));
        expect(standings).toHaveLength(list.length);
        standings.forEach((s, i) => {
          expect(s.total).toBeGreaterThanOrEqual(0);
          expect(s.total).toBeLessThanOrEqual(100);
          expect(round2(s.total)).toBe(s.total);
          expect(s.rank).toBe(1 + standings.filter((o) => o.total > s.total).length);
          if (i > 0) {
            const prev = standings[i - 1];
            expect(prev.total > s.total || (prev.total === s.total && prev.id < s.id)).toBe(true);
            expect(s.rank).toBeGreaterThanOrEqual(prev.rank);
            if (prev.total === s.total) expect(s.rank).toBe(prev.rank);
            else expect(s.rank).toBe(i + 1);
          }
        });
        if (standings.length > 0) expect(standings[0].rank).toBe(1);
      }),
    );
  });

  it("does not depend on the order of the entrants or of the events (property)", () => {
    fc.assert(
      fc.property(entrantsArb, fc.integer(), (list, seed) => {
        const entrants = toEntrants(list);
        const shuffled = [...entrants].sort((a, b) => ((a.id.charCodeAt(0) * 31 + seed) % 7) - ((b.id.charCodeAt(0) * 31 + seed) % 7));
        expect(overallStandings([...EVENTS].reverse(), shuffled)).toEqual(overallStandings(EVENTS, entrants));
      }),
    );
  });

  it("a higher score in one event never lowers a total (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 100 }), (k, bump) => {
        const before = overallStandings(EVENTS, [{ id: "x", scores: { KNOWLEDGE_TEST: k / 100 } }])[0].total;
        const after = overallStandings(EVENTS, [{ id: "x", scores: { KNOWLEDGE_TEST: Math.min(10000, k + bump) / 100 } }])[0].total;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });
});

describe("other contest rules", () => {
  it("checks scores against the maximum", () => {
    expect(scoreProblem(100, 100)).toBeNull();
    expect(scoreProblem(0, 100)).toBeNull();
    expect(scoreProblem(88.25, 100)).toBeNull();
    expect(scoreProblem(100.5, 100)).toBe("分数不能超过满分 100");
    expect(scoreProblem(-1, 100)).toBe("分数不能为负数");
    expect(scoreProblem(88.123, 100)).toBe("分数最多保留两位小数");
    expect(scoreProblem(Number.NaN, 100)).toBe("分数必须是数字");
  });

  it("teams have 3 to 6 members", () => {
    expect([2, 3, 6, 7].map(teamSizeProblem)).toEqual(["每支团队需要 3–6 名成员（当前 2 名）", null, null, "每支团队需要 3–6 名成员（当前 7 名）"]);
  });

  it("a judge conflicts only with their own branch; an external judge with nobody", () => {
    expect(judgeHasConflict("b1", "b1")).toBe(true);
    expect(judgeHasConflict("b1", "b2")).toBe(false);
    expect(judgeHasConflict(null, "b1")).toBe(false);
  });

  it("an award gives priority in the four quarters after its quarter", () => {
    expect(priorityWindow("2025Q4")).toEqual({ from: "2026Q1", to: "2026Q4" });
    expect(["2025Q4", "2026Q1", "2026Q4", "2027Q1"].map((q) => priorityCovers("2025Q4", q))).toEqual([false, true, true, false]);
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: -8, max: 8 }), (y, q, shift) => {
        const award = `${y}Q${q}`;
        const later = priorityWindow(award);
        const n = y * 4 + q - 1 + shift;
        const quarter = `${Math.floor(n / 4)}Q${(n % 4) + 1}`;
        expect(priorityCovers(award, quarter)).toBe(shift >= 1 && shift <= 4);
        expect(later.from < later.to || later.from.slice(0, 4) < later.to.slice(0, 4)).toBe(true);
      }),
    );
  });

  it("prizes in the team ranking and team titles go to teams", () => {
    expect(awardGoesToTeam("FIRST_PRIZE", "OVERALL")).toBe(false);
    expect(awardGoesToTeam("FIRST_PRIZE", "TEAM")).toBe(true);
    expect(awardGoesToTeam("ELITE_TEAM", null)).toBe(true);
    expect(awardGoesToTeam("ELITE_INDIVIDUAL", null)).toBe(false);
  });

  it("neutralises cells a spreadsheet would run as a formula", () => {
    expect(["=1+1", "+86", "-5", "@SUM(A1)", "\tx", "张三"].map(safeCell)).toEqual(["'=1+1", "'+86", "'-5", "'@SUM(A1)", "'\tx", "张三"]);
  });
});
