import "server-only";
import { db } from "@/lib/server/db";
import type { Viewer } from "@/lib/server/auth/viewer";
import { peopleScope } from "@/lib/server/dal/scope";
import { learningMetrics, tierForGrade, type EnrolmentStatus, type LearningMetrics } from "@/lib/domain/curriculum";
import { quarterEnd, quarterStart, type Quarter } from "@/lib/domain/dates";
import type { Grade } from "@/lib/domain/grades";

/**
 * Learning metrics per person for a quarter (DOMAIN §4 LEARNING): required-hours completion of the
 * person's current tier, and the exam average of courses completed in the quarter. Queries: the people in
 * scope, their grades, their enrolments.
 */
export async function getLearningMetrics(viewer: Viewer, userIds: string[], quarter: Quarter): Promise<Map<string, LearningMetrics>> {
  const people = await db.user.findMany({ where: { AND: [{ id: { in: userIds } }, peopleScope(viewer)] }, select: { id: true } });
  const ids = people.map((p) => p.id);
  if (ids.length === 0) return new Map();
  const grades = await db.$queryRaw<{ userId: string; grade: Grade | null }[]>`SELECT "userId", grade FROM "CurrentGrade" WHERE "userId" = ANY(${ids}::text[])`;
  const gradeOf = new Map(grades.map((g) => [g.userId, g.grade]));
  return learningMetricsOf(
    ids.map((id) => ({ userId: id, grade: gradeOf.get(id) ?? null })),
    quarter,
  );
}

/**
 * The same for people the caller has already scoped and whose current grade it read (the rating
 * sheet's rows): one query for their enrolments and courses.
 */
export async function learningMetricsOf(people: { userId: string; grade: Grade | null }[], quarter: Quarter): Promise<Map<string, LearningMetrics>> {
  if (people.length === 0) return new Map();
  const enrolments = await db.$queryRaw<
    { userId: string; status: EnrolmentStatus; completedOn: Date | null; examScore: number | null; hours: number; required: boolean; tier: string }[]
  >`
    SELECT e."userId", e.status::text AS status, e."completedOn", e."examScore"::float8 AS "examScore", c.hours::float8 AS hours, c.required, c.tier::text AS tier
    FROM "Enrolment" e JOIN "Course" c ON c.id = e."courseId"
    WHERE e."userId" = ANY(${people.map((p) => p.userId)}::text[])`;
  const tierOf = new Map(people.map((p) => [p.userId, tierForGrade(p.grade)]));
  const period = { from: quarterStart(quarter), to: quarterEnd(quarter) };
  const byUser = new Map<string, { required: boolean; hours: number; status: EnrolmentStatus; completedOn: string | null; examScore: number | null }[]>();
  for (const e of enrolments) {
    const list = byUser.get(e.userId) ?? [];
    list.push({
      required: e.required && e.tier === tierOf.get(e.userId),
      hours: e.hours,
      status: e.status,
      completedOn: e.completedOn ? e.completedOn.toISOString().slice(0, 10) : null,
      examScore: e.examScore,
    });
    byUser.set(e.userId, list);
  }
  return new Map(people.map((p) => [p.userId, learningMetrics(byUser.get(p.userId) ?? [], period)]));
}
