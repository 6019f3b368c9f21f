import "server-only";
import { db } from "@/lib/server/db";
import type { Viewer } from "@/lib/server/auth/viewer";
import { peopleScope } from "@/lib/server/dal/scope";
import { learningMetrics, tierForGrade, type EnrolmentStatus, type LearningMetrics } from "@/lib/domain/curriculum";
import { quarterEnd, quarterStart, type Quarter } from "@/lib/domain/dates";
import type { Grade } from "@/lib/domain/grades";

/**
 * Learning metrics per person for a quarter (DOMAIN §4 LEARNING): required-hours completion of the
 * person's current tier, and the exam average of courses completed in the quarter. One query for
 * people in scope, one for their enrolments.
 */
export async function getLearningMetrics(viewer: Viewer, userIds: string[], quarter: Quarter): Promise<Map<string, LearningMetrics>> {
  const people = await db.user.findMany({ where: { AND: [{ id: { in: userIds } }, peopleScope(viewer)] }, select: { id: true } });
  const ids = people.map((p) => p.id);
  if (ids.length === 0) return new Map();
  const grades = await db.$queryRaw<{ userId: string; grade: Grade | null }[]>`SELECT "userId", grade FROM "CurrentGrade" WHERE "userId" = ANY(${ids}::text[])`;
  const gradeOf = new Map(grades.map((g) => [g.userId, g.grade]));
  const enrolments = await db.enrolment.findMany({
    where: { userId: { in: ids } },
    select: { userId: true, status: true, completedOn: true, examScore: true, course: { select: { hours: true, required: true, tier: true } } },
  });
  const period = { from: quarterStart(quarter), to: quarterEnd(quarter) };
  const byUser = new Map<string, { required: boolean; hours: number; status: EnrolmentStatus; completedOn: string | null; examScore: number | null }[]>();
  for (const e of enrolments) {
    const tier = tierForGrade(gradeOf.get(e.userId) ?? null);
    const list = byUser.get(e.userId) ?? [];
    list.push({
      required: e.course.required && e.course.tier === tier,
      hours: Number(e.course.hours),
      status: e.status,
      completedOn: e.completedOn ? e.completedOn.toISOString().slice(0, 10) : null,
      examScore: e.examScore === null ? null : Number(e.examScore),
    });
    byUser.set(e.userId, list);
  }
  return new Map(ids.map((id) => [id, learningMetrics(byUser.get(id) ?? [], period)]));
}
