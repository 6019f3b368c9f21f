import "server-only";
import { assertCan } from "@/lib/server/auth/permissions";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { auditRow } from "@/lib/server/audit-row";
import { DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { getLatestCompetencyGaps } from "@/lib/server/dal/competencies/results";
import { dateToIso, todayInShanghai } from "@/lib/domain/dates";
import {
  learningMetrics,
  recommendCourses,
  tierForGrade,
  type Category,
  type Delivery,
  type EnrolmentStatus,
  type LearningMetrics,
  type Recommendation,
  type Tier,
} from "@/lib/domain/curriculum";
import type { Grade } from "@/lib/domain/grades";

export interface CourseCardView {
  id: string;
  code: string;
  title: string;
  description: string;
  tier: Tier;
  category: Category;
  delivery: Delivery;
  hours: number;
  competencies: string[];
  required: boolean;
}

export interface MyEnrolmentView extends CourseCardView {
  enrolmentId: string;
  status: EnrolmentStatus;
  origin: "REQUIRED" | "SELF" | "ASSIGNED";
  dueDate: string | null;
  overdue: boolean;
  completedOn: string | null;
  examScore: number | null;
}

export interface MyCoursesView {
  grade: Grade | null;
  tier: Tier;
  required: MyEnrolmentView[];
  /** Electives and other tiers' courses I am enrolled in. */
  enrolledElectives: MyEnrolmentView[];
  /** Active electives I could enrol in (my tier first). */
  electives: CourseCardView[];
  recommendations: (Recommendation & { course: CourseCardView })[];
  hasAssessment: boolean;
  metrics: LearningMetrics;
}

const courseSelect = {
  id: true,
  code: true,
  title: true,
  description: true,
  tier: true,
  category: true,
  delivery: true,
  hours: true,
  competencies: true,
  required: true,
  status: true,
} as const;

/** A course row (hours as the database's decimal) as a card; the row's other fields stay behind. */
function toCard(c: Omit<CourseCardView, "hours"> & { hours: unknown }): CourseCardView {
  const { id, code, title, description, tier, category, delivery, competencies, required } = c;
  return { id, code, title, description, tier, category, delivery, hours: Number(c.hours), competencies, required };
}

type EnrolmentRow = {
  id: string;
  status: EnrolmentStatus;
  origin: MyEnrolmentView["origin"];
  dueDate: Date | null;
  completedOn: Date | null;
  examScore: unknown;
  course: Parameters<typeof toCard>[0];
};

function toEnrolmentView(e: EnrolmentRow, today: string): MyEnrolmentView {
  const dueDate = e.dueDate ? dateToIso(e.dueDate) : null;
  return {
    ...toCard(e.course),
    enrolmentId: e.id,
    status: e.status,
    origin: e.origin,
    dueDate,
    overdue: dueDate !== null && dueDate < today && e.status !== "COMPLETED" && e.status !== "WAIVED",
    completedOn: e.completedOn ? dateToIso(e.completedOn) : null,
    examScore: e.examScore === null ? null : Number(e.examScore),
  };
}

/** /me/courses: my required courses, electives, recommendations from my competency gaps, metrics. */
export async function getMyCourses(viewer: Viewer, competency?: string | null, today = todayInShanghai()): Promise<MyCoursesView> {
  assertCan(viewer, "course.learn");
  const [gradeRow] = await db.$queryRaw<{ grade: Grade | null }[]>`SELECT grade FROM "CurrentGrade" WHERE "userId" = ${viewer.id}`;
  const grade = gradeRow?.grade ?? null;
  const tier = tierForGrade(grade);
  const [enrolments, courses, gaps] = await Promise.all([
    db.enrolment.findMany({ where: { userId: viewer.id }, include: { course: { select: courseSelect } }, orderBy: { course: { code: "asc" } } }),
    db.course.findMany({ where: { status: "ACTIVE" }, select: courseSelect, orderBy: { code: "asc" } }),
    getLatestCompetencyGaps(viewer, viewer.id),
  ]);
  const mine = enrolments.map((e) => toEnrolmentView(e, today));
  const isRequiredNow = (e: MyEnrolmentView) => e.required && e.tier === tier;
  const enrolledIds = new Set(enrolments.map((e) => e.courseId));
  const matches = (c: { competencies: string[] }) => !competency || c.competencies.includes(competency);
  const electives = courses
    .filter((c) => !c.required && !enrolledIds.has(c.id) && matches(c))
    .map(toCard)
    .sort((a, b) => Number(b.tier === tier) - Number(a.tier === tier) || a.code.localeCompare(b.code));
  const byId = new Map(courses.map((c) => [c.id, toCard(c)]));
  const recs = recommendCourses(
    gaps.map((g) => ({ code: g.code, gap: g.nextGap })).filter((g) => !competency || g.code === competency),
    courses.map((c) => ({ id: c.id, code: c.code, tier: c.tier, required: c.required, active: true, competencies: c.competencies })),
    enrolments.map((e) => ({ courseId: e.courseId, status: e.status })),
  );
  return {
    grade,
    tier,
    required: mine.filter(isRequiredNow),
    enrolledElectives: mine.filter((e) => !isRequiredNow(e)),
    electives,
    recommendations: recs.map((r) => ({ ...r, course: byId.get(r.courseId)! })),
    hasAssessment: gaps.some((g) => g.gap !== null || g.nextGap !== null),
    metrics: learningMetrics(
      mine
        .filter(isRequiredNow)
        .map((e) => ({ required: true, hours: e.hours, status: e.status, completedOn: e.completedOn, examScore: e.examScore }))
        .concat(
          mine
            .filter((e) => !isRequiredNow(e))
            .map((e) => ({ required: false, hours: e.hours, status: e.status, completedOn: e.completedOn, examScore: e.examScore })),
        ),
    ),
  };
}

/**
 * My home's "待我完成" courses: my enrolments still to do (assigned or in progress), required ones of
 * my tier first, as getMyCourses lists them — without the catalogue and the recommendations, which
 * /me does not show (two indexed lookups instead of the course page's whole computation).
 */
export async function getMyDueCourses(viewer: Viewer, today = todayInShanghai()): Promise<MyEnrolmentView[]> {
  assertCan(viewer, "course.learn");
  const [[gradeRow], enrolments] = await Promise.all([
    db.$queryRaw<{ grade: Grade | null }[]>`SELECT grade FROM "CurrentGrade" WHERE "userId" = ${viewer.id}`,
    db.enrolment.findMany({
      where: { userId: viewer.id, status: { in: ["ASSIGNED", "IN_PROGRESS"] } },
      include: { course: { select: courseSelect } },
      orderBy: { course: { code: "asc" } },
    }),
  ]);
  const tier = tierForGrade(gradeRow?.grade ?? null);
  const mine = enrolments.map((e) => toEnrolmentView(e, today));
  const isRequiredNow = (e: MyEnrolmentView) => e.required && e.tier === tier;
  return [...mine.filter(isRequiredNow), ...mine.filter((e) => !isRequiredNow(e))];
}

/** Enrol myself in an elective (origin SELF). */
export async function enrolElective(viewer: Viewer, courseId: string): Promise<{ title: string }> {
  assertCan(viewer, "course.learn");
  const course = await db.course.findUnique({ where: { id: courseId }, select: { id: true, title: true, status: true, required: true, tier: true } });
  if (!course) throw new DomainError("课程不存在");
  if (course.status !== "ACTIVE") throw new DomainError("该课程已停用，不能报名");
  const existing = await db.enrolment.findUnique({ where: { userId_courseId: { userId: viewer.id, courseId } }, select: { id: true } });
  if (existing) throw new DomainError("您已报名该课程");
  await db.$transaction(async (tx) => {
    const e = await tx.enrolment.create({ data: { userId: viewer.id, courseId, origin: "SELF", status: "ASSIGNED", updatedById: viewer.id } });
    await audit(tx, { actorId: viewer.id, action: "ENROL", entity: "Enrolment", entityId: e.id, after: { userId: viewer.id, courseId, origin: "SELF" } });
  });
  return { title: course.title };
}

/** Start one of my courses: ASSIGNED → IN_PROGRESS. */
export async function startMyCourse(viewer: Viewer, enrolmentId: string): Promise<{ title: string }> {
  assertCan(viewer, "course.learn");
  const e = await db.enrolment.findFirst({ where: { id: enrolmentId, userId: viewer.id }, include: { course: { select: { title: true } } } });
  if (!e) throw new DomainError("找不到该课程报名记录");
  await db.$transaction(async (tx) => {
    const updated = await tx.enrolment.updateMany({
      where: { id: e.id, status: "ASSIGNED" },
      data: { status: "IN_PROGRESS", startedAt: new Date(), updatedById: viewer.id },
    });
    if (updated.count !== 1) throw new DomainError("只有待学习的课程可以开始学习，请刷新页面");
    await audit(tx, { ...auditRow(viewer.id, "ENROLMENT_START", "Enrolment", e.id), before: { status: e.status }, after: { status: "IN_PROGRESS" } });
  });
  return { title: e.course.title };
}
