import "server-only";
import type { Tx } from "@/lib/server/db";
import { requiredCoursesToAssign, type CourseRef } from "@/lib/domain/curriculum";
import type { Grade } from "@/lib/domain/grades";

type Client = Pick<Tx, "$queryRaw" | "course" | "enrolment">;

/**
 * Gives people the required courses of their current tier (DOMAIN §7) — on hire, after initial
 * grading, after a review moves them to another tier. Set-based (people, courses, existing
 * enrolments, one insert) and idempotent; runs inside the caller's transaction. Without `userIds`
 * it covers every active account manager and assistant. Returns the number of courses assigned.
 */
export async function syncRequiredEnrolments(tx: Client, userIds?: string[]): Promise<number> {
  if (userIds && userIds.length === 0) return 0;
  const everyone = userIds === undefined;
  const ids = userIds ?? [];
  const people = await tx.$queryRaw<{ id: string; grade: Grade | null }[]>`
    SELECT u.id, cg.grade
    FROM "User" u LEFT JOIN "CurrentGrade" cg ON cg."userId" = u.id
    WHERE u.status = 'ACTIVE' AND u.role IN ('ACCOUNT_MANAGER', 'ASSISTANT')
      AND (${everyone} OR u.id = ANY(${ids}::text[]))`;
  if (people.length === 0) return 0;
  const courses = await tx.course.findMany({
    where: { required: true, status: "ACTIVE" },
    select: { id: true, code: true, tier: true, required: true, competencies: true },
  });
  const refs: CourseRef[] = courses.map((c) => ({ ...c, active: true }));
  const existing = await tx.enrolment.findMany({
    where: everyone ? { courseId: { in: courses.map((c) => c.id) } } : { userId: { in: people.map((p) => p.id) } },
    select: { userId: true, courseId: true },
  });
  const byUser = new Map<string, { courseId: string }[]>();
  for (const e of existing) {
    const list = byUser.get(e.userId) ?? [];
    list.push({ courseId: e.courseId });
    byUser.set(e.userId, list);
  }
  const data = people.flatMap((p) =>
    requiredCoursesToAssign(p.grade, refs, byUser.get(p.id) ?? []).map((courseId) => ({ userId: p.id, courseId, origin: "REQUIRED" as const })),
  );
  let added = 0;
  for (let i = 0; i < data.length; i += 10000) {
    added += (await tx.enrolment.createMany({ data: data.slice(i, i + 10000), skipDuplicates: true })).count;
  }
  return added;
}
