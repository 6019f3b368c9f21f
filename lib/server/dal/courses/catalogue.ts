import "server-only";
import { assertCan } from "@/lib/server/auth/permissions";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { auditRow } from "@/lib/server/audit-row";
import { DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import type { CourseInput } from "@/lib/schemas/courses";
import type { Category, Delivery, Tier } from "@/lib/domain/curriculum";
import type { CourseCardView } from "./learner";
import { syncRequiredEnrolments } from "./assignment";

export interface CourseRow extends CourseCardView {
  status: "ACTIVE" | "RETIRED";
  enrolled: number;
  completed: number;
}

export interface CourseFilters {
  tier?: Tier;
  category?: Category;
  delivery?: Delivery;
  status?: "ACTIVE" | "RETIRED";
  kind?: "required" | "elective";
  /** Courses that build this competency (a competency code). */
  competency?: string;
  q?: string;
}

/** The catalogue with enrolment counts (one grouped query), filtered on the server. */
export async function listCourses(viewer: Viewer, filters: CourseFilters = {}): Promise<CourseRow[]> {
  assertCan(viewer, "course.catalogue");
  const q = filters.q?.trim();
  const courses = await db.course.findMany({
    where: {
      tier: filters.tier,
      category: filters.category,
      delivery: filters.delivery,
      status: filters.status,
      required: filters.kind ? filters.kind === "required" : undefined,
      ...(filters.competency ? { competencies: { has: filters.competency } } : {}),
      ...(q ? { OR: [{ title: { contains: q, mode: "insensitive" } }, { code: { contains: q, mode: "insensitive" } }] } : {}),
    },
    orderBy: { code: "asc" },
  });
  const counts = await db.enrolment.groupBy({ by: ["courseId", "status"], where: { courseId: { in: courses.map((c) => c.id) } }, _count: { _all: true } });
  const tally = new Map<string, { enrolled: number; completed: number }>();
  for (const c of counts) {
    const t = tally.get(c.courseId) ?? { enrolled: 0, completed: 0 };
    t.enrolled += c._count._all;
    if (c.status === "COMPLETED") t.completed += c._count._all;
    tally.set(c.courseId, t);
  }
  return courses.map((c) => ({ ...c, hours: Number(c.hours), enrolled: tally.get(c.id)?.enrolled ?? 0, completed: tally.get(c.id)?.completed ?? 0 }));
}

export async function getCourse(viewer: Viewer, id: string) {
  assertCan(viewer, "course.assign");
  const c = await db.course.findUnique({ where: { id } });
  return c ? { ...c, hours: Number(c.hours) } : null;
}

/** Create or edit a course; the code must stay unique. Audited. */
export async function saveCourse(viewer: Viewer, input: CourseInput): Promise<{ id: string }> {
  assertCan(viewer, "course.catalogue");
  const clash = await db.course.findFirst({ where: { code: input.code, ...(input.id ? { NOT: { id: input.id } } : {}) }, select: { id: true } });
  if (clash) throw new DomainError("课程编号已存在", { code: ["该课程编号已被使用"] });
  const data = {
    code: input.code,
    title: input.title,
    description: input.description,
    tier: input.tier,
    category: input.category,
    delivery: input.delivery,
    hours: input.hours,
    competencies: input.competencies,
    required: input.required,
  };
  return db.$transaction(async (tx) => {
    if (input.id) {
      const before = await tx.course.findUnique({ where: { id: input.id } });
      if (!before) throw new DomainError("课程不存在");
      await tx.course.update({ where: { id: input.id }, data });
      await audit(tx, { actorId: viewer.id, action: "COURSE_UPDATE", entity: "Course", entityId: input.id, before, after: data });
      return { id: input.id };
    }
    const created = await tx.course.create({ data });
    await audit(tx, { actorId: viewer.id, action: "COURSE_CREATE", entity: "Course", entityId: created.id, after: data });
    return { id: created.id };
  });
}

/** Retire (keeps every past record; no longer assigned or recommended) or reactivate a course. */
export async function setCourseStatus(viewer: Viewer, id: string, status: "ACTIVE" | "RETIRED"): Promise<void> {
  assertCan(viewer, "course.catalogue");
  await db.$transaction(async (tx) => {
    const before = await tx.course.findUnique({ where: { id }, select: { status: true } });
    if (!before) throw new DomainError("课程不存在");
    await tx.course.update({ where: { id }, data: { status } });
    await audit(tx, { ...auditRow(viewer.id, status === "RETIRED" ? "COURSE_RETIRE" : "COURSE_REACTIVATE", "Course", id), before, after: { status } });
  });
}

/** HR: make sure everyone has their tier's required courses (idempotent). */
export async function syncAllRequired(viewer: Viewer): Promise<number> {
  assertCan(viewer, "course.catalogue");
  return db.$transaction(
    async (tx) => {
      const added = await syncRequiredEnrolments(tx);
      await audit(tx, { actorId: viewer.id, action: "SYNC_REQUIRED_COURSES", entity: "System", entityId: "courses", after: { added } });
      return added;
    },
    { timeout: 60_000 },
  );
}
