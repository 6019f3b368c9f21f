import "server-only";
import { assertCan } from "@/lib/server/auth/permissions";
import { syncRequiredEnrolments } from "@/lib/server/dal/courses/assignment";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { hashPassword } from "@/lib/server/auth/password";
import { isoToDate, quarterOf, type IsoDate } from "@/lib/domain/dates";
import type { Grade, Role } from "@/lib/domain/grades";

export interface NewPerson {
  employeeNo: string;
  name: string;
  email: string;
  password: string;
  role: Role;
  branchId: string;
  roleStartDate?: IsoDate | null;
  /** Initial grade (定级) for an account manager. */
  grade?: Grade | null;
}

/** HR creates a person, with their initial grading, in one transaction with its audit rows. */
export async function createPerson(viewer: Viewer, input: NewPerson): Promise<{ id: string }> {
  assertCan(viewer, "people.create");
  const branch = await db.branch.findUnique({ where: { id: input.branchId }, select: { id: true } });
  if (!branch) throw new DomainError("所选机构不存在", { branchId: ["所选机构不存在"] });
  const clash = await db.user.findFirst({
    where: { OR: [{ employeeNo: input.employeeNo }, { email: { equals: input.email, mode: "insensitive" } }] },
    select: { employeeNo: true },
  });
  if (clash) {
    throw clash.employeeNo === input.employeeNo
      ? new DomainError("工号已存在", { employeeNo: ["该工号已被使用"] })
      : new DomainError("邮箱已存在", { email: ["该邮箱已被使用"] });
  }
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        employeeNo: input.employeeNo,
        name: input.name,
        email: input.email.toLowerCase(),
        passwordHash,
        role: input.role,
        branchId: input.branchId,
        roleStartDate: input.roleStartDate ? isoToDate(input.roleStartDate) : null,
      },
      select: { id: true, employeeNo: true, name: true, role: true, branchId: true },
    });
    await audit(tx, { actorId: viewer.id, action: "CREATE_PERSON", entity: "User", entityId: user.id, after: user });
    if (input.grade && input.role === "ACCOUNT_MANAGER") {
      const effective = input.roleStartDate ?? new Date().toISOString().slice(0, 10);
      const change = await tx.gradeChange.create({
        data: {
          userId: user.id,
          fromGrade: null,
          toGrade: input.grade,
          effectiveDate: isoToDate(effective),
          quarter: quarterOf(effective),
          reason: "INITIAL",
          actorId: viewer.id,
          note: "新增人员定级",
        },
      });
      await audit(tx, { actorId: viewer.id, action: "GRADE_CHANGE", entity: "User", entityId: user.id, before: { grade: null }, after: { grade: input.grade, changeId: change.id } });
    }
    await syncRequiredEnrolments(tx, [user.id]);
    return { id: user.id };
  });
}
