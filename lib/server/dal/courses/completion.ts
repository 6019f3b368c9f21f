import "server-only";
import { assertCan, scopeOf } from "@/lib/server/auth/permissions";
import { scopeWhere } from "@/lib/server/dal/scope";
import { db, type Tx } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { auditRow } from "@/lib/server/audit-row";
import { AuthorizationError, DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { isIsoDate, todayInShanghai } from "@/lib/domain/dates";
import { validateCompletion } from "@/lib/domain/curriculum";
import type { RosterInput } from "@/lib/schemas/courses";

/** One UPDATE for any number of completions (no per-row round trips). */
export async function writeCompletions(
  tx: Tx,
  actorId: string,
  rows: { enrolmentId: string; completedOn: string; hours: number; examScore: number | null }[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    UPDATE "Enrolment" e
    SET status = 'COMPLETED', "completedOn" = v.d, hours = v.h, "examScore" = v.s, "updatedById" = ${actorId}, "updatedAt" = now()
    FROM unnest(${rows.map((r) => r.enrolmentId)}::text[], ${rows.map((r) => r.completedOn)}::date[],
                ${rows.map((r) => r.hours)}::numeric[], ${rows.map((r) => r.examScore)}::numeric[]) AS v(id, d, h, s)
    WHERE e.id = v.id`;
}

/**
 * A session roster: everyone ticked completed the course on one date (DOMAIN §7). All or nothing:
 * a person not enrolled, out of the viewer's scope (branch heads: own branch, decided from the
 * enrolment's person, never from the form) or with bad hours/score refuses the whole roster.
 */
export async function recordCompletions(viewer: Viewer, input: RosterInput, today = todayInShanghai()): Promise<{ count: number }> {
  assertCan(viewer, "course.record");
  if (!isIsoDate(input.completedOn)) throw new DomainError("完成日期无效", { completedOn: ["完成日期无效"] });
  if (input.completedOn > today) throw new DomainError("完成日期不能晚于今天", { completedOn: ["完成日期不能晚于今天"] });
  const ids = [...new Set(input.rows.map((r) => r.userId))];
  if (ids.length !== input.rows.length) throw new DomainError("同一名学员不能重复登记");
  for (const row of input.rows) {
    const errors = validateCompletion({ hours: row.hours, examScore: row.examScore });
    if (errors.length) throw new DomainError(errors[0]);
  }
  const enrolments = await db.enrolment.findMany({
    where: { courseId: input.courseId, userId: { in: ids } },
    select: { id: true, userId: true, status: true, user: { select: { name: true, branchId: true, status: true } } },
  });
  const byUser = new Map(enrolments.map((e) => [e.userId, e]));
  const missing = ids.filter((id) => !byUser.has(id));
  if (missing.length) throw new DomainError(`有 ${missing.length} 名学员未报名该课程，不能登记完成`);
  const outside = enrolments.filter((e) => viewer.role === "BRANCH_HEAD" && e.user.branchId !== viewer.branchId);
  if (outside.length) throw new AuthorizationError("只能为本机构的学员登记");
  const waived = enrolments.filter((e) => e.status === "WAIVED");
  if (waived.length) throw new DomainError(`${waived.map((e) => e.user.name).join("、")} 已免修该课程，不能登记完成`);

  return db.$transaction(async (tx) => {
    await writeCompletions(
      tx,
      viewer.id,
      input.rows.map((row) => ({ enrolmentId: byUser.get(row.userId)!.id, completedOn: input.completedOn, hours: row.hours, examScore: row.examScore })),
    );
    await audit(
      tx,
      input.rows.map((row) => ({
        actorId: viewer.id,
        action: "COMPLETION",
        entity: "Enrolment",
        entityId: byUser.get(row.userId)!.id,
        before: { status: byUser.get(row.userId)!.status },
        after: { status: "COMPLETED", completedOn: input.completedOn, hours: row.hours, examScore: row.examScore },
      })),
    );
    return { count: input.rows.length };
  });
}

/** HR excuses a person from a course, with a reason (DOMAIN §7). */
export async function waiveEnrolment(viewer: Viewer, enrolmentId: string, reason: string): Promise<void> {
  assertCan(viewer, "course.waive");
  const e = await db.enrolment.findUnique({ where: { id: enrolmentId }, select: { id: true, status: true } });
  if (!e) throw new DomainError("找不到该报名记录");
  if (e.status === "COMPLETED") throw new DomainError("已完成的课程不能免修");
  await db.$transaction(async (tx) => {
    await tx.enrolment.update({ where: { id: e.id }, data: { status: "WAIVED", waivedReason: reason, updatedById: viewer.id } });
    await audit(tx, { ...auditRow(viewer.id, "WAIVE", "Enrolment", e.id), before: { status: e.status }, after: { status: "WAIVED" }, note: reason });
  });
}

export interface RosterPerson {
  userId: string;
  name: string;
  employeeNo: string;
  branchName: string;
  enrolmentId: string;
  status: "ASSIGNED" | "IN_PROGRESS" | "COMPLETED" | "WAIVED";
  completedOn: string | null;
  examScore: number | null;
}

/** Who is enrolled in a course, within the viewer's scope (for the roster page). */
export async function listCourseRoster(viewer: Viewer, courseId: string): Promise<RosterPerson[]> {
  assertCan(viewer, "course.record");
  const rows = await db.enrolment.findMany({
    where: { courseId, user: { status: "ACTIVE", ...scopeWhere(scopeOf(viewer)) } },
    select: {
      id: true,
      status: true,
      completedOn: true,
      examScore: true,
      user: { select: { id: true, name: true, employeeNo: true, branch: { select: { name: true } } } },
    },
    orderBy: [{ user: { branch: { name: "asc" } } }, { user: { employeeNo: "asc" } }],
  });
  return rows.map((r) => ({
    userId: r.user.id,
    name: r.user.name,
    employeeNo: r.user.employeeNo,
    branchName: r.user.branch.name,
    enrolmentId: r.id,
    status: r.status,
    completedOn: r.completedOn ? r.completedOn.toISOString().slice(0, 10) : null,
    examScore: r.examScore === null ? null : Number(r.examScore),
  }));
}

/**
 * HR (anyone) or a branch head (own branch) assigns a course to people by employee number
 * (origin ASSIGNED). Unknown or out-of-scope numbers refuse the whole request; people already
 * enrolled are skipped. Returns how many were assigned.
 */
export async function assignCourse(
  viewer: Viewer,
  courseId: string,
  employeeNos: string[],
  dueDate: string | null,
): Promise<{ assigned: number; skipped: number }> {
  assertCan(viewer, "course.record");
  const course = await db.course.findUnique({ where: { id: courseId }, select: { id: true, status: true } });
  if (!course) throw new DomainError("课程不存在");
  if (course.status !== "ACTIVE") throw new DomainError("该课程已停用，不能指派");
  const numbers = [...new Set(employeeNos.map((n) => n.trim()).filter(Boolean))];
  if (numbers.length === 0) throw new DomainError("请填写至少一个工号", { employeeNos: ["请填写至少一个工号"] });
  const people = await db.user.findMany({
    where: { employeeNo: { in: numbers }, status: "ACTIVE", role: { in: ["ACCOUNT_MANAGER", "ASSISTANT"] }, ...scopeWhere(scopeOf(viewer)) },
    select: { id: true, employeeNo: true },
  });
  const found = new Set(people.map((p) => p.employeeNo));
  const unknown = numbers.filter((n) => !found.has(n));
  if (unknown.length) {
    const message = `以下工号不存在、不在您的管理范围或不是在职学员：${unknown.join("、")}`;
    throw new DomainError(message, { employeeNos: [message] });
  }
  return db.$transaction(async (tx) => {
    const result = await tx.enrolment.createMany({
      data: people.map((p) => ({
        userId: p.id,
        courseId,
        origin: "ASSIGNED" as const,
        status: "ASSIGNED" as const,
        dueDate: dueDate ? new Date(`${dueDate}T00:00:00Z`) : null,
        updatedById: viewer.id,
      })),
      skipDuplicates: true,
    });
    await audit(tx, { ...auditRow(viewer.id, "COURSE_ASSIGN", "Course", courseId), after: { employeeNos: numbers, assigned: result.count, dueDate } });
    return { assigned: result.count, skipped: people.length - result.count };
  });
}

/** The roster page's data: the course and its enrolled people in the viewer's scope; null when there is no such course. */
export async function getCourseRoster(viewer: Viewer, courseId: string) {
  assertCan(viewer, "course.record");
  const course = await db.course.findUnique({
    where: { id: courseId },
    select: { id: true, title: true, tier: true, category: true, delivery: true, hours: true, status: true },
  });
  if (!course) return null;
  return { course: { ...course, hours: Number(course.hours) }, people: await listCourseRoster(viewer, course.id) };
}
