import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { GRADES, type Grade } from "@/lib/domain/grades";
import { learningMetrics, recommendCourses, requiredCoursesToAssign, validateCompletion, type CourseRef, type EnrolmentRef } from "@/lib/domain/curriculum";

const course = (id: string, tier: CourseRef["tier"], required: boolean, competencies: string[] = [], active = true): CourseRef => ({
  id,
  code: id.toUpperCase(),
  tier,
  required,
  active,
  competencies,
});
const catalogue: CourseRef[] = [
  course("f1", "FOUNDATION", true, ["RISK_CONTROL"]),
  course("f2", "FOUNDATION", true, ["COMMUNICATION"]),
  course("f3", "FOUNDATION", false, ["RISK_CONTROL", "INFLUENCE"]),
  course("a1", "ADVANCED", true, ["RISK_CONTROL"]),
  course("a2", "ADVANCED", false, ["INFLUENCE"]),
  course("a3", "ADVANCED", true, ["TEAMWORK"], false),
  course("e1", "EXPERT", true, ["MARKET_DEVELOPMENT"]),
];

describe("requiredCoursesToAssign", () => {
  it("assigns the active required courses of the grade's tier", () => {
    expect(requiredCoursesToAssign("TRAINEE", catalogue, [])).toEqual(["f1", "f2"]);
    expect(requiredCoursesToAssign("JUNIOR", catalogue, [])).toEqual(["f1", "f2"]);
    expect(requiredCoursesToAssign("INTERMEDIATE", catalogue, [])).toEqual(["a1"]); // a3 is retired
    expect(requiredCoursesToAssign("PRINCIPAL", catalogue, [])).toEqual(["e1"]);
    expect(requiredCoursesToAssign(null, catalogue, [])).toEqual(["f1", "f2"]);
  });

  it("on promotion into a new tier adds that tier's courses and keeps what was done", () => {
    const done: EnrolmentRef[] = [
      { courseId: "f1", status: "COMPLETED" },
      { courseId: "f2", status: "IN_PROGRESS" },
    ];
    expect(requiredCoursesToAssign("INTERMEDIATE", catalogue, done)).toEqual(["a1"]);
    expect(requiredCoursesToAssign("JUNIOR", catalogue, done)).toEqual([]);
  });

  it("is idempotent for every grade and any prior enrolments", () => {
    fc.assert(
      fc.property(fc.constantFrom<Grade | null>(...GRADES, null), fc.subarray(catalogue.map((c) => c.id)), (grade, prior) => {
        const enrolments = prior.map((courseId) => ({ courseId }));
        const first = requiredCoursesToAssign(grade, catalogue, enrolments);
        expect(first.every((id) => !prior.includes(id))).toBe(true);
        const again = requiredCoursesToAssign(grade, catalogue, [...enrolments, ...first.map((courseId) => ({ courseId }))]);
        expect(again).toEqual([]);
      }),
    );
  });
});

describe("recommendCourses", () => {
  const gaps = [
    { code: "RISK_CONTROL", gap: 1.5 },
    { code: "INFLUENCE", gap: 0.5 },
    { code: "COMMUNICATION", gap: 0 },
    { code: "MARKET_DEVELOPMENT", gap: null },
  ];

  it("lists courses for positive gaps, largest first, each course once for its largest gap", () => {
    const recs = recommendCourses(gaps, catalogue, []);
    expect(recs.map((r) => [r.courseId, r.competency, r.gap])).toEqual([
      ["a1", "RISK_CONTROL", 1.5],
      ["f1", "RISK_CONTROL", 1.5],
      ["f3", "RISK_CONTROL", 1.5],
      ["a2", "INFLUENCE", 0.5],
    ]);
  });

  it("leaves out completed, waived and retired courses and marks assigned ones as enrolled", () => {
    const recs = recommendCourses(gaps, catalogue, [
      { courseId: "a1", status: "COMPLETED" },
      { courseId: "f1", status: "WAIVED" },
      { courseId: "f3", status: "ASSIGNED" },
    ]);
    expect(recs.map((r) => [r.courseId, r.enrolled])).toEqual([
      ["f3", true],
      ["a2", false],
    ]);
  });

  it("never recommends for a gap that is not positive, and respects the limit", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            code: fc.constantFrom("RISK_CONTROL", "INFLUENCE", "TEAMWORK", "COMMUNICATION"),
            gap: fc.option(fc.double({ min: -3, max: 3, noNaN: true })),
          }),
        ),
        fc.integer({ min: 0, max: 6 }),
        (gs, limit) => {
          const recs = recommendCourses(gs, catalogue, [], limit);
          expect(recs.length).toBeLessThanOrEqual(limit);
          for (const r of recs) expect(r.gap).toBeGreaterThan(0);
          for (let i = 1; i < recs.length; i++) expect(recs[i - 1].gap).toBeGreaterThanOrEqual(recs[i].gap);
        },
      ),
    );
  });
});

describe("learningMetrics", () => {
  it("computes the required-hours completion rate and the exam average", () => {
    const m = learningMetrics([
      { required: true, hours: 6, status: "COMPLETED", completedOn: "2026-05-10", examScore: 90 },
      { required: true, hours: 4, status: "ASSIGNED" },
      { required: true, hours: 8, status: "WAIVED" },
      { required: false, hours: 3, status: "COMPLETED", completedOn: "2026-08-01", examScore: 80 },
    ]);
    expect(m).toEqual({ requiredHours: 10, completedRequiredHours: 6, completionRate: 60, examAverage: 85, completedCount: 2 });
  });

  it("limits the exam average to a period and is 100% when nothing is required", () => {
    const records = [
      { required: false, hours: 3, status: "COMPLETED" as const, completedOn: "2026-05-10", examScore: 70 },
      { required: false, hours: 3, status: "COMPLETED" as const, completedOn: "2026-08-10", examScore: 96 },
    ];
    const m = learningMetrics(records, { from: "2026-07-01", to: "2026-09-30" });
    expect(m.examAverage).toBe(96);
    expect(m.completionRate).toBe(100);
    expect(learningMetrics([], { from: "2026-07-01", to: "2026-09-30" }).examAverage).toBeNull();
  });

  it("keeps the rate within 0–100 and completed hours within required hours", () => {
    const record = fc.record({
      required: fc.boolean(),
      hours: fc.integer({ min: 1, max: 40 }),
      status: fc.constantFrom("ASSIGNED" as const, "IN_PROGRESS" as const, "COMPLETED" as const, "WAIVED" as const),
      examScore: fc.option(fc.integer({ min: 0, max: 100 })),
    });
    fc.assert(
      fc.property(fc.array(record), (records) => {
        const m = learningMetrics(records);
        expect(m.completionRate).toBeGreaterThanOrEqual(0);
        expect(m.completionRate).toBeLessThanOrEqual(100);
        expect(m.completedRequiredHours).toBeLessThanOrEqual(m.requiredHours);
        if (m.examAverage !== null) expect(m.examAverage).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe("validateCompletion", () => {
  it("refuses zero or negative hours, over 200 hours, and scores outside 0–100", () => {
    expect(validateCompletion({ hours: 6, examScore: 88 })).toEqual([]);
    expect(validateCompletion({ hours: 6 })).toEqual([]);
    expect(validateCompletion({ hours: 0, examScore: 50 })).toEqual(["学时必须大于 0"]);
    expect(validateCompletion({ hours: -2 })).toEqual(["学时必须大于 0"]);
    expect(validateCompletion({ hours: 201 })).toEqual(["学时不能超过 200"]);
    expect(validateCompletion({ hours: 4, examScore: 101 })).toEqual(["考试成绩必须在 0–100 之间"]);
    expect(validateCompletion({ hours: 4, examScore: -1 })).toEqual(["考试成绩必须在 0–100 之间"]);
  });
});
