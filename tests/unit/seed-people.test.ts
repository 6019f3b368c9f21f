import { describe, expect, it } from "vitest";
import { createRandom } from "../../prisma/seed/random";
import { generateManager, quartersEndingWith } from "../../prisma/seed/people";
import { DEFAULT_GRADE_RULES } from "../../lib/domain/promotion";
import { tenureMonths } from "../../lib/domain/tenure";
import { GRADES } from "../../lib/domain/grades";

// The demo obeys its own rules (issue 12): nobody graded above what their tenure allows on the
// day of grading, no 见习期考核 before the role started, and a 初级 graded only once it was passed.
describe("generated account managers", () => {
  it.each(["2026-11-30", "2026-01-05", "2027-03-09"])("are consistent with the ladder on %s", (today) => {
    const random = createRandom(20260401);
    const quarters = quartersEndingWith("2026Q3", 8);
    for (let i = 0; i < 2000; i++) {
      const m = generateManager(random, today, quarters, i < GRADES.length ? GRADES[i] : undefined);
      expect(m.gradedOn <= today).toBe(true);
      expect(tenureMonths(m.roleStartDate, m.gradedOn)).toBeGreaterThanOrEqual(DEFAULT_GRADE_RULES[m.grade]!.minTenureMonths);
      if (m.probationPassedOn) {
        expect(m.probationPassedOn >= m.roleStartDate).toBe(true);
        expect(m.probationPassedOn <= today).toBe(true);
      }
      if (m.grade !== "TRAINEE") expect(m.probationPassedOn !== null && m.probationPassedOn <= m.gradedOn).toBe(true);
    }
  });
});
