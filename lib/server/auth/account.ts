import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { auditRow } from "@/lib/server/audit-row";
import { AuthorizationError, DomainError } from "@/lib/server/errors";
import { passwordProblems, temporaryPassword } from "@/lib/domain/password-policy";
import { ROLE_LABELS, type Role } from "@/lib/domain/grades";
import { hashPassword, verifyPassword } from "./password";
import { accountKey, clearKey } from "./throttle";

// Passwords: the user's own change and HR's reset. A new password hash raises the session
// version (a trigger on "User"), so every other open session of that person ends.

interface Actor {
  id: string;
  role: Role;
}

/** The viewer changes their own password; the current one must be right. */
export async function changeOwnPassword(viewer: Actor, currentPassword: string, newPassword: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: viewer.id }, select: { id: true, passwordHash: true, employeeNo: true, email: true, status: true } });
  if (!user || user.status !== "ACTIVE") throw new AuthorizationError("登录已失效，请重新登录");
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    throw new DomainError("当前密码不正确", { currentPassword: ["当前密码不正确"] });
  }
  const problems = passwordProblems(newPassword, { employeeNo: user.employeeNo, email: user.email });
  if (problems.length > 0) throw new DomainError(problems[0], { newPassword: problems });
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false } });
    await audit(tx, { actorId: viewer.id, action: "PASSWORD_CHANGED", entity: "User", entityId: user.id, note: "本人修改密码" });
  });
}

export interface ResetCandidate {
  id: string;
  name: string;
  employeeNo: string;
  roleLabel: string;
  branchName: string;
  active: boolean;
  mustChangePassword: boolean;
}

function requireHr(viewer: Actor) {
  if (viewer.role !== "HR") throw new AuthorizationError();
}

/** HR looks a person up by employee number (whole bank). */
export async function findPersonForReset(viewer: Actor, employeeNo: string): Promise<ResetCandidate | null> {
  requireHr(viewer);
  const user = await db.user.findUnique({
    where: { employeeNo },
    select: { id: true, name: true, employeeNo: true, role: true, status: true, mustChangePassword: true, branch: { select: { name: true } } },
  });
  if (!user) return null;
  return {
    id: user.id,
    name: user.name,
    employeeNo: user.employeeNo,
    roleLabel: ROLE_LABELS[user.role],
    branchName: user.branch.name,
    active: user.status === "ACTIVE",
    mustChangePassword: user.mustChangePassword,
  };
}

/**
 * HR resets a person's password to a temporary one (returned once, to be handed over in person);
 * the person must choose a new one at the next sign-in. Open sessions end; a lockout is lifted.
 */
export async function resetPassword(viewer: Actor, userId: string): Promise<{ name: string; employeeNo: string; temporaryPassword: string }> {
  requireHr(viewer);
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, employeeNo: true, status: true } });
  if (!user) throw new DomainError("人员不存在");
  if (user.status !== "ACTIVE") throw new DomainError("该人员已离职，不能重置密码");
  if (user.id === viewer.id) throw new DomainError("不能重置自己的密码，请在「修改密码」中修改");
  const password = temporaryPassword((n) => crypto.randomBytes(n));
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: true } });
    await audit(tx, {
      ...auditRow(viewer.id, "PASSWORD_RESET", "User", user.id),
      after: { mustChangePassword: true },
      note: "人力资源部重置密码，下次登录须修改",
    });
  });
  await clearKey(accountKey(user.id));
  return { name: user.name, employeeNo: user.employeeNo, temporaryPassword: password };
}
