import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { RATINGS, type Rating } from "@/lib/domain/grades";
import { competencyLevel, ladderOutlook, newInRoleShare, nineBoxCell, nineBoxCounts, performanceLevel, type OutlookInput } from "@/lib/domain/dashboard";

describe("9-box axes", () => {
  it.each<[(Rating | null)[], string | null]>([
    [["EXCELLENT", "EXCELLENT"], "HIGH"],
    [["EXCELLENT", "GOOD"], "HIGH"],
    [["GOOD", "GOOD"], "MID"],
    [["GOOD", "QUALIFIED"], "MID"],
    [["EXCELLENT", "BASIC"], "MID"],
    [["QUALIFIED", "BASIC"], "LOW"],
    [["UNQUALIFIED", null], "LOW"],
    [[null, "EXCELLENT"], "HIGH"],
    [[null, null], null],
  ])("performance %j → %s", (ratings, level) => expect(performanceLevel(ratings)).toBe(level));

  it.each<[number | null, string | null]>([
    [0.3, "HIGH"],
    [0, "HIGH"],
    [-0.01, "MID"],
    [-0.5, "MID"],
    [-0.51, "LOW"],
    [null, null],
  ])("competency %s → %s", (mean, level) => expect(competencyLevel(mean)).toBe(level));

  it("places a person only when both axes have data", () => {
    expect(nineBoxCell(["EXCELLENT", "EXCELLENT"], 0.2)).toEqual({ performance: "HIGH", competency: "HIGH" });
    expect(nineBoxCell(["EXCELLENT", "EXCELLENT"], null)).toBeNull();
    expect(nineBoxCell([null, null], 0.2)).toBeNull();
  });

  it("counts every person exactly once (placed or not)", () => {
    const rating = fc.option(fc.constantFrom(...RATINGS), { nil: null });
    fc.assert(
      fc.property(fc.array(fc.tuple(rating, rating, fc.option(fc.double({ min: -4, max: 4, noNaN: true }), { nil: null }))), (people) => {
        const { counts, unplaced } = nineBoxCounts(people.map(([a, b, m]) => ({ cell: nineBoxCell([a, b], m) })));
        expect(Object.keys(counts)).toHaveLength(9);
        expect(Object.values(counts).reduce((s, n) => s + n, 0) + unplaced).toBe(people.length);
      }),
    );
  });
});

describe("newInRoleShare", () => {
  it("counts people under twelve whole months and flags more than one third", () => {
    const today = "2026-12-01";
    const r = newInRoleShare(["2026-01-01", "2025-12-02", "2025-12-01", null], today);
    // 2025-12-01 → 2026-12-01 is exactly 12 months: not new any more.
    expect(r).toEqual({ newInRole: 2, total: 3, share: 2 / 3, alert: true });
    expect(newInRoleShare(["2026-06-01", "2020-01-01", "2021-01-01"], today).alert).toBe(false);
    expect(newInRoleShare([], today)).toEqual({ newInRole: 0, total: 0, share: null, alert: false });
  });
  it("exactly one third is not an alert", () => {
    expect(newInRoleShare(["2026-06-01", "2020-01-01", "2021-01-01"], "2026-12-01").share).toBeCloseTo(1 / 3);
  });
});

describe("ladderOutlook (the rule engine on the next quarter)", () => {
  const base: OutlookInput = {
    grade: "JUNIOR",
    roleStartDate: "2020-01-01",
    ratings: {},
    latestLockedQuarter: "2026Q3",
    latestReviewedQuarter: "2026Q3",
    lastChangeQuarter: null,
  };

  it("one 优秀 now and 优秀 next quarter promotes: a candidate", () => {
    const o = ladderOutlook({ ...base, ratings: { "2026Q3": "EXCELLENT" } });
    expect(o.kind).toBe("CANDIDATE");
    if (o.kind === "CANDIDATE") expect(o.decision.to).toBe("INTERMEDIATE");
  });

  it("基本合格 now: another 基本合格 demotes — a risk", () => {
    const o = ladderOutlook({ ...base, ratings: { "2026Q3": "BASIC" } });
    expect(o.kind).toBe("RISK");
    if (o.kind === "RISK") expect(o.decision.to).toBe("TRAINEE");
  });

  it("a 见习 at risk would exit", () => {
    const o = ladderOutlook({ ...base, grade: "TRAINEE", ratings: { "2026Q3": "UNQUALIFIED" } });
    expect(o.kind).toBe("RISK");
    if (o.kind === "RISK") expect(o.decision.outcome).toBe("EXIT");
  });

  it("when the locked quarter's review is still to come and already demotes, says so instead of warning", () => {
    const o = ladderOutlook({ ...base, latestReviewedQuarter: "2026Q2", ratings: { "2026Q2": "BASIC", "2026Q3": "BASIC" } });
    expect(o.kind).toBe("PENDING");
    if (o.kind === "PENDING") expect(o.decision.outcome).toBe("DEMOTE");
  });

  it("a grade changed in the latest quarter resets the streak: no flag", () => {
    expect(ladderOutlook({ ...base, lastChangeQuarter: "2026Q3", ratings: { "2026Q3": "BASIC" } }).kind).toBe("NONE");
  });

  it("a good record has no flag; missing tenure blocks the candidate", () => {
    expect(ladderOutlook({ ...base, ratings: { "2026Q3": "GOOD" } }).kind).toBe("NONE");
    expect(ladderOutlook({ ...base, roleStartDate: "2026-01-01", ratings: { "2026Q3": "EXCELLENT" } }).kind).toBe("NONE");
  });

  it("never flags without a role start date or a locked quarter", () => {
    fc.assert(
      fc.property(fc.constantFrom(...RATINGS), (r) => {
        expect(ladderOutlook({ ...base, roleStartDate: null, ratings: { "2026Q3": r } }).kind).toBe("NONE");
        expect(ladderOutlook({ ...base, latestLockedQuarter: null, ratings: { "2026Q3": r } }).kind).toBe("NONE");
      }),
    );
  });

  it("a candidate's flag always agrees with evaluatePromotion's target grade one step up", () => {
    fc.assert(
      fc.property(fc.constantFrom(...RATINGS), fc.constantFrom(...RATINGS), (a, b) => {
        const o = ladderOutlook({ ...base, ratings: { "2026Q2": a, "2026Q3": b } });
        if (o.kind === "CANDIDATE") expect(b).toBe("EXCELLENT");
        if (o.kind === "RISK") expect(["BASIC", "UNQUALIFIED"]).toContain(b);
      }),
    );
  });
});
