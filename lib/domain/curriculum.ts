// Tiered curricula (DOMAIN §7): what a person should be assigned, what to recommend from their
// competency gaps, and the learning metrics that feed the appraisal's LEARNING dimension. Pure.
import type { Grade } from "./grades";
import { tierForGrade, type Tier } from "./curriculum-labels";

export * from "./curriculum-labels";

export type EnrolmentStatus = "ASSIGNED" | "IN_PROGRESS" | "COMPLETED" | "WAIVED";

export interface CourseRef {
  id: string;
  code: string;
  tier: Tier;
  required: boolean;
  active: boolean;
  competencies: string[];
}

export interface EnrolmentRef {
  courseId: string;
  status: EnrolmentStatus;
}

/**
 * Ids of the active required courses of the person's tier they are not enrolled in yet (in any
 * status). Applying the result and asking again gives nothing: assignment is idempotent. Moving to
 * another tier adds that tier's required courses; earlier enrolments are never removed, so
 * courses completed in a lower tier stay on the record and keep counting as done.
 */
export function requiredCoursesToAssign(grade: Grade | null, courses: CourseRef[], enrolments: Pick<EnrolmentRef, "courseId">[]): string[] {
  const tier = tierForGrade(grade);
  const enrolled = new Set(enrolments.map((e) => e.courseId));
  return courses.filter((c) => c.active && c.required && c.tier === tier && !enrolled.has(c.id)).map((c) => c.id);
}

export interface Recommendation {
  courseId: string;
  code: string;
  competency: string;
  gap: number;
  /** Already assigned or in progress: shown, but nothing to enrol in. */
  enrolled: boolean;
}

/**
 * Courses that develop competencies with a positive gap, largest gap first; each course once, for
 * its largest gap; ties by course code. Completed, waived and retired courses are left out.
 */
export function recommendCourses(gaps: { code: string; gap: number | null }[], courses: CourseRef[], enrolments: EnrolmentRef[], limit = 5): Recommendation[] {
  const status = new Map(enrolments.map((e) => [e.courseId, e.status]));
  const positive = gaps.filter((g): g is { code: string; gap: number } => g.gap !== null && g.gap > 0);
  const best = new Map<string, Recommendation>();
  for (const course of courses) {
    const s = status.get(course.id);
    if (!course.active || s === "COMPLETED" || s === "WAIVED") continue;
    for (const g of positive) {
      if (!course.competencies.includes(g.code)) continue;
      const current = best.get(course.id);
      if (!current || g.gap > current.gap) {
        best.set(course.id, { courseId: course.id, code: course.code, competency: g.code, gap: g.gap, enrolled: s === "ASSIGNED" || s === "IN_PROGRESS" });
      }
    }
  }
  return [...best.values()].sort((a, b) => b.gap - a.gap || a.code.localeCompare(b.code)).slice(0, limit);
}

export interface LearningRecord {
  required: boolean;
  /** The course's hours (what completing it is worth toward the required hours). */
  hours: number;
  status: EnrolmentStatus;
  completedOn?: string | null;
  examScore?: number | null;
}

export interface LearningMetrics {
  requiredHours: number;
  completedRequiredHours: number;
  /** 0–100; 100 when nothing is required. */
  completionRate: number;
  /** Mean exam score of completed courses (within the period when given), or null. */
  examAverage: number | null;
  completedCount: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Training-hours completion rate and exam average (DOMAIN §4 LEARNING dimension). A waived
 * required course is excused: it leaves the required hours instead of counting as missing.
 */
export function learningMetrics(records: LearningRecord[], period?: { from: string; to: string }): LearningMetrics {
  const required = records.filter((r) => r.required && r.status !== "WAIVED");
  const requiredHours = required.reduce((sum, r) => sum + r.hours, 0);
  const completedRequiredHours = required.filter((r) => r.status === "COMPLETED").reduce((sum, r) => sum + r.hours, 0);
  const completed = records.filter((r) => r.status === "COMPLETED");
  const scored = completed.filter(
    (r) => r.examScore != null && (!period || (r.completedOn != null && r.completedOn >= period.from && r.completedOn <= period.to)),
  );
  return {
    requiredHours: round2(requiredHours),
    completedRequiredHours: round2(completedRequiredHours),
    completionRate: requiredHours === 0 ? 100 : round2((completedRequiredHours / requiredHours) * 100),
    examAverage: scored.length ? round2(scored.reduce((sum, r) => sum + (r.examScore ?? 0), 0) / scored.length) : null,
    completedCount: completed.length,
  };
}

/** Chinese messages for a completion's hours and exam score; empty when both are fine. */
export function validateCompletion({ hours, examScore }: { hours: number; examScore?: number | null }): string[] {
  const errors: string[] = [];
  if (!Number.isFinite(hours) || hours <= 0) errors.push("学时必须大于 0");
  else if (hours > 200) errors.push("学时不能超过 200");
  if (examScore != null && (!Number.isFinite(examScore) || examScore < 0 || examScore > 100)) errors.push("考试成绩必须在 0–100 之间");
  return errors;
}
