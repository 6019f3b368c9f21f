import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { nextGradePath, tenureReachedOn, type NextGradeInput } from "../../lib/domain/next-grade";
import { GRADES, RATINGS, type Rating } from "../../lib/domain/grades";
import { addQuarters, wholeMonthsBetween } from "../../lib/domain/dates";

const L = "2026Q2"; // latest locked quarter
const PROBATION = { code: "PROBATION", passedOn: "2024-09-20" };

function input(overrides: Partial<NextGradeInput> = {}): NextGradeInput {
  return {
    grade: "JUNIOR",
    roleStartDate: "2020-01-01",
    asOf: "2026-11-25",
    ratings: {},
    latestLockedQuarter: L,
    lastChangeQuarter: "2025Q1",
    latestReviewedQuarter: null,
    certifications: [PROBATION],
    ...overrides,
  };
}

const ratings = (...list: Rating[]) => Object.fromEntries(list.map((r, i) => [addQuarters(L, i - list.length + 1), r]));

describe("nextGradePath", () => {
  it("one more EXCELLENT quarter promotes when the latest counted quarter was EXCELLENT", () => {
    const path = nextGradePath(input({ ratings: ratings("GOOD", "EXCELLENT") }));
    expect(path.next).toBe("INTERMEDIATE");
    expect(path.streak).toBe(1);
    expect(path.quartersNeeded).toBe(1);
    expect(path.sentence).toBe("再获得一个季度优秀即可晋升为中级");
    expect(path.demotionRisk).toBeNull();
  });

  it("says the tenure still missing in months, and when it is reached", () => {
    // 2024-03-01 → 2026-11-25 is 32 months; 高级 needs 36.
    const path = nextGradePath(
      input({ grade: "INTERMEDIATE", roleStartDate: "2024-03-01", ratings: ratings("EXCELLENT", "EXCELLENT"), latestReviewedQuarter: null }),
    );
    expect(path.tenure).toEqual({ months: 32, needMonths: 36, remaining: 4, reachedOn: "2027-03-01" });
    expect(path.sentence).toBe("任职年限还差 4 个月，满足后即可晋升为高级");
  });

  it("after a promotion the streak starts again: the change quarter and earlier never count", () => {
    // am1 after the 2026Q2 review: promoted to 中级 in 2026Q2, EXCELLENT in 2026Q1 and Q2.
    const path = nextGradePath(
      input({ grade: "INTERMEDIATE", roleStartDate: "2024-03-01", ratings: ratings("EXCELLENT", "EXCELLENT"), lastChangeQuarter: L, latestReviewedQuarter: L }),
    );
    expect(path.streak).toBe(0);
    expect(path.quartersNeeded).toBe(2);
    expect(path.sentence).toBe("任职年限还差 4 个月；并需连续两个季度考核优秀，才能晋升为高级");
  });

  it("two counted EXCELLENT quarters not yet reviewed: all conditions met, waiting for the review", () => {
    const path = nextGradePath(input({ ratings: ratings("EXCELLENT", "EXCELLENT") }));
    expect(path.streak).toBe(2);
    expect(path.quartersNeeded).toBe(0);
    expect(path.sentence).toBe("已满足晋升为中级的全部条件，等待人力资源部晋级评审");
  });

  it("a streak the committed review already saw (and held back) needs one more quarter", () => {
    const path = nextGradePath(input({ roleStartDate: "2025-01-01", ratings: ratings("EXCELLENT", "EXCELLENT"), latestReviewedQuarter: L }));
    expect(path.quartersNeeded).toBe(1);
    expect(path.sentence).toBe("任职年限还差 2 个月；并需再获得一个季度优秀，才能晋升为中级");
  });

  it("a missing rating breaks the streak", () => {
    const path = nextGradePath(input({ ratings: { [addQuarters(L, -1)]: "EXCELLENT" } }));
    expect(path.streak).toBe(0);
    expect(path.sentence).toBe("连续两个季度考核优秀即可晋升为中级");
  });

  it("lists a missing certification by name", () => {
    const path = nextGradePath(input({ grade: "TRAINEE", roleStartDate: "2026-01-10", certifications: [] }));
    expect(path.missingCertifications).toEqual([{ code: "PROBATION", name: "见习期考核" }]);
    expect(path.byCertification).toEqual({ names: "见习期考核", passed: false });
    expect(path.sentence).toBe("还需通过“见习期考核”，满足后即可在季度评审中晋升为初级，无须连续两个季度优秀");
  });

  describe("the probation path to 初级", () => {
    it("a trainee who passed since the last change and has the tenure is told the review will promote", () => {
      const path = nextGradePath(
        input({ grade: "TRAINEE", roleStartDate: "2026-01-10", lastChangeQuarter: "2026Q1", certifications: [{ code: "PROBATION", passedOn: "2026-08-01" }] }),
      );
      expect(path.byCertification).toEqual({ names: "见习期考核", passed: true });
      expect(path.missingCertifications).toEqual([]);
      expect(path.sentence).toBe("见习期考核已通过，已满足晋升为初级的全部条件，等待人力资源部晋级评审");
    });

    it("a pass with short tenure names the months still missing", () => {
      const path = nextGradePath(
        input({ grade: "TRAINEE", roleStartDate: "2026-08-01", lastChangeQuarter: "2026Q3", certifications: [{ code: "PROBATION", passedOn: "2026-11-01" }] }),
      );
      expect(path.sentence).toBe("见习期考核已通过，任职年限还差 3 个月，满足后即可在季度评审中晋升为初级");
    });

    it("a demoted trainee with an old pass needs the streak or a new pass", () => {
      const path = nextGradePath(
        input({ grade: "TRAINEE", roleStartDate: "2024-01-10", lastChangeQuarter: "2026Q1", certifications: [{ code: "PROBATION", passedOn: "2024-09-01" }] }),
      );
      expect(path.byCertification).toEqual({ names: "见习期考核", passed: false });
      expect(path.sentence).toBe("连续两个季度考核优秀或再次通过见习期考核，即可晋升为初级");
    });

    it("an 初级 has no certification path to 中级 by default", () => {
      expect(nextGradePath(input()).byCertification).toBeNull();
    });
  });

  it("an expired certificate is missing", () => {
    const path = nextGradePath(
      input({ grade: "TRAINEE", roleStartDate: "2025-01-10", certifications: [{ code: "PROBATION", passedOn: "2025-07-01", validUntil: "2026-06-30" }] }),
    );
    expect(path.missingCertifications.map((c) => c.code)).toEqual(["PROBATION"]);
  });

  it("honours HR's rules: a certification required for 高级", () => {
    const path = nextGradePath(
      input({ grade: "INTERMEDIATE", rules: { SENIOR: { minTenureMonths: 36, certifications: ["CREDIT_L2"] } }, ratings: ratings("EXCELLENT") }),
    );
    expect(path.missingCertifications).toEqual([{ code: "CREDIT_L2", name: "CREDIT_L2" }]);
    expect(path.sentence).toContain("还需取得有效的“CREDIT_L2”认证");
  });

  it("the top grade has nothing next", () => {
    const path = nextGradePath(input({ grade: "PRINCIPAL" }));
    expect(path.next).toBeNull();
    expect(path.tenure).toBeNull();
    expect(path.sentence).toBe("您已是最高等级资深对公客户经理，请继续保持");
  });

  it("flags a demotion risk after one BASIC quarter, and says what follows", () => {
    const path = nextGradePath(input({ grade: "SENIOR", ratings: ratings("GOOD", "BASIC") }));
    expect(path.demotionRisk).toBe("DEMOTE_ONE");
    expect(path.riskSentence).toBe("最近一个季度考核基本合格，下一季度如仍为基本合格及以下，将降为中级");
  });

  it("after one UNQUALIFIED quarter a second one demotes two grades", () => {
    const path = nextGradePath(input({ grade: "SENIOR", ratings: ratings("UNQUALIFIED") }));
    expect(path.demotionRisk).toBe("DEMOTE_TWO");
    expect(path.riskSentence).toBe("最近一个季度考核不合格，下一季度如仍不合格将降为初级，基本合格将降为中级");
  });

  it("a 见习 at risk would exit the role", () => {
    const path = nextGradePath(input({ grade: "TRAINEE", ratings: ratings("BASIC") }));
    expect(path.demotionRisk).toBe("EXIT");
    expect(path.riskSentence).toContain("退出客户经理岗位");
  });

  it("no risk from a BASIC quarter that already produced a change", () => {
    const path = nextGradePath(input({ grade: "SENIOR", ratings: ratings("BASIC", "BASIC"), lastChangeQuarter: L }));
    expect(path.demotionRisk).toBeNull();
    expect(path.latestCountedRating).toBeNull();
  });

  it("an unknown role start date is said plainly", () => {
    const path = nextGradePath(input({ roleStartDate: null }));
    expect(path.sentence).toContain("任职起始日未登记");
  });

  it("property: the streak never counts quarters up to the last change, nor beyond a non-EXCELLENT one", () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.constantFrom(...RATINGS), { nil: undefined }), { minLength: 8, maxLength: 8 }),
        fc.integer({ min: -9, max: 0 }),
        fc.constantFrom(...GRADES),
        (list, changeOffset, grade) => {
          const r: Record<string, Rating> = {};
          list.forEach((rating, i) => {
            if (rating) r[addQuarters(L, i - 7)] = rating;
          });
          const last = addQuarters(L, changeOffset);
          const path = nextGradePath(input({ grade, ratings: r, lastChangeQuarter: last }));
          expect(path.streak).toBeLessThanOrEqual(-changeOffset);
          for (let k = 0; k < path.streak; k++) expect(r[addQuarters(L, -k)]).toBe("EXCELLENT");
          if (path.streak < -changeOffset) expect(r[addQuarters(L, -path.streak)]).not.toBe("EXCELLENT");
          if (grade !== "PRINCIPAL") expect(path.quartersNeeded).toBe(path.streak >= 2 ? 0 : 2 - path.streak);
        },
      ),
    );
  });
});

describe("tenureReachedOn", () => {
  it("is the first day with that many whole months", () => {
    expect(tenureReachedOn("2024-03-01", 36)).toBe("2027-03-01");
    expect(tenureReachedOn("2024-01-31", 1)).toBe("2024-03-01");
  });

  it("property: agrees with whole-month counting", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }), fc.integer({ min: 0, max: 120 }), (d, months) => {
        const start = d.toISOString().slice(0, 10);
        const reached = tenureReachedOn(start, months);
        expect(wholeMonthsBetween(start, reached)).toBe(months);
        const dayBefore = new Date(Date.parse(reached) - 86400000).toISOString().slice(0, 10);
        if (months > 0) expect(wholeMonthsBetween(start, dayBefore)).toBe(months - 1);
      }),
    );
  });
});
