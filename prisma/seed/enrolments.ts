// Demo learning records: everyone's required courses of their tier, about half completed over the
// last year with hours and exam scores, some in progress, some overdue, and a few electives.
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { Prisma } from "../../lib/generated/prisma/client";
import { requiredCoursesToAssign, tierForGrade, type CourseRef } from "../../lib/domain/curriculum";
import { addQuarters, isoToDate, quarterEnd, quarterOf, quarterStart, type IsoDate } from "../../lib/domain/dates";
import type { Grade } from "../../lib/domain/grades";
import { createRandom } from "./random";

/** Left with nothing but assigned required courses: the end-to-end tests record their first completion. */
export const DEMO_LEARNER = "demo-am-00050";

export async function seedDemoEnrolments(db: PrismaClient, { today, people }: { today: IsoDate; people: { id: string; grade: Grade | null }[] }) {
  const random = createRandom(20260707);
  const courses = await db.course.findMany({ select: { id: true, code: true, tier: true, required: true, competencies: true, hours: true } });
  const refs: CourseRef[] = courses.map((c) => ({ ...c, active: true }));
  const hours = new Map(courses.map((c) => [c.id, Number(c.hours)]));
  const current = quarterOf(today);
  const due = isoToDate(quarterEnd(current));
  const overdue = isoToDate(quarterEnd(addQuarters(current, -1)));
  const yearAgo = quarterStart(addQuarters(current, -4));
  const span = (Date.parse(today) - Date.parse(yearAgo)) / 86400000;

  const rows: Prisma.EnrolmentCreateManyInput[] = [];
  for (const person of people) {
    const learner = person.id === DEMO_LEARNER;
    for (const courseId of requiredCoursesToAssign(person.grade, refs, [])) {
      const roll = learner ? 1 : random.next();
      if (roll < 0.5) {
        const completedOn = new Date(Date.parse(yearAgo) + Math.floor(random.next() * span) * 86400000);
        rows.push({
          userId: person.id,
          courseId,
          origin: "REQUIRED",
          status: "COMPLETED",
          dueDate: due,
          completedOn,
          hours: hours.get(courseId),
          examScore: random.int(70, 98),
          startedAt: completedOn,
        });
      } else if (roll < 0.65) {
        rows.push({ userId: person.id, courseId, origin: "REQUIRED", status: "IN_PROGRESS", dueDate: due, startedAt: new Date() });
      } else {
        rows.push({ userId: person.id, courseId, origin: "REQUIRED", status: "ASSIGNED", dueDate: !learner && random.next() < 0.15 ? overdue : due });
      }
    }
    if (!learner && random.next() < 0.3) {
      const electives = courses.filter((c) => !c.required && c.tier === tierForGrade(person.grade));
      const pick = electives[random.int(0, electives.length - 1)];
      if (pick) rows.push({ userId: person.id, courseId: pick.id, origin: "SELF", status: "ASSIGNED" });
    }
  }
  await db.enrolment.createMany({ data: rows });
  return rows.length;
}
