// Small builders for integration tests, writing straight to the test database.
import { getDb } from "@/lib/server/db";
import { isoToDate, quarterOf } from "@/lib/domain/dates";
import type { Grade, Role } from "@/lib/domain/grades";
import type { Viewer } from "@/lib/server/auth/viewer";
import { hashPassword } from "@/lib/server/auth/password";

let counter = 0;
const next = () => ++counter;

export async function createBranch(name = `测试支行${next()}`) {
  return getDb().branch.create({ data: { code: `T${next()}-${Math.random().toString(36).slice(2, 6)}`, name } });
}

/** Two new branches with their heads, and HR (in the other branch): the cast of a branch-scope test. */
export async function createTwoBranches() {
  const branch = await createBranch();
  const other = await createBranch();
  const head = viewerOf(await createUser({ role: "BRANCH_HEAD", branchId: branch.id }));
  const otherHead = viewerOf(await createUser({ role: "BRANCH_HEAD", branchId: other.id }));
  const hr = viewerOf(await createUser({ role: "HR", branchId: other.id }));
  return { branch, other, head, otherHead, hr };
}

/** HR and the head of `branchId`, and the head of another branch: the cast of a scope test. */
export async function createHrAndHeads(branchId: string, otherBranchId: string) {
  const hr = viewerOf(await createUser({ role: "HR", branchId }));
  const head = viewerOf(await createUser({ role: "BRANCH_HEAD", branchId }));
  const otherHead = viewerOf(await createUser({ role: "BRANCH_HEAD", branchId: otherBranchId }));
  return { hr, head, otherHead };
}

/** An active account manager of a new branch who signs in with `password`. */
export async function createSignInUser(password: string) {
  const branch = await createBranch();
  return createUser({ branchId: branch.id, passwordHash: await hashPassword(password) });
}

export async function createUser(options: {
  role?: Role;
  branchId: string;
  name?: string;
  roleStartDate?: string;
  grade?: Grade;
  gradedOn?: string;
  passwordHash?: string;
}) {
  const n = next();
  const user = await getDb().user.create({
    data: {
      employeeNo: `T${process.pid}${n}`,
      name: options.name ?? `测试用户${n}`,
      email: `t${process.pid}-${n}@eagle.test`,
      passwordHash: options.passwordHash ?? "x",
      role: options.role ?? "ACCOUNT_MANAGER",
      branchId: options.branchId,
      roleStartDate: options.roleStartDate ? isoToDate(options.roleStartDate) : null,
    },
  });
  // The branch history every real hire has (people administration writes it; reports read it).
  await getDb().branchMembership.create({
    data: { userId: user.id, branchId: options.branchId, role: user.role, startDate: isoToDate(options.roleStartDate ?? "2000-01-01"), startReason: "HIRE" },
  });
  if (options.grade) {
    const on = options.gradedOn ?? options.roleStartDate ?? "2025-01-01";
    await getDb().gradeChange.create({
      data: { userId: user.id, toGrade: options.grade, effectiveDate: isoToDate(on), quarter: quarterOf(on), reason: "INITIAL" },
    });
  }
  return user;
}

export function viewerOf(user: { id: string; name: string; employeeNo: string; role: Role; branchId: string }): Viewer {
  return { id: user.id, name: user.name, employeeNo: user.employeeNo, role: user.role, branchId: user.branchId, branchName: "" };
}
