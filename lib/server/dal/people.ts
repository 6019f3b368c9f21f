import "server-only";
import { db } from "@/lib/server/db";
import type { Viewer } from "@/lib/server/auth/viewer";
import { peopleScope, userScopeSql } from "./scope";
import { can, isBankScope, narrowToBranch, scopeOf, type Scope } from "@/lib/server/auth/permissions";
import { cachedByVersion, versionedCache } from "@/lib/server/cache";
import { dateToIso, todayInShanghai } from "@/lib/domain/dates";
import { tenureMonths } from "@/lib/domain/tenure";
import { currentGrade, gradeSince, type GradeChangeRecord } from "@/lib/domain/grade-history";
import type { Grade, GradeChangeReason, Role } from "@/lib/domain/grades";
import { getCertificationNames, nameOfCertification } from "./certification-names";

export interface ProfileView {
  id: string;
  name: string;
  employeeNo: string;
  email: string;
  role: Role;
  status: "ACTIVE" | "EXITED";
  branchName: string;
  roleStartDate: string | null;
  tenureMonths: number | null;
  grade: Grade | null;
  gradeSince: string | null;
  history: {
    id: string;
    effectiveDate: string;
    quarter: string;
    from: Grade | null;
    to: Grade | null;
    reason: GradeChangeReason;
    note: string | null;
    voided: boolean;
  }[];
  certifications: { code: string; name: string; passedOn: string; validUntil: string | null }[];
}

/** A stored grade change as the grade-history rules read it. */
export function toGradeChangeRecord(
  c: Omit<GradeChangeRecord, "effectiveDate" | "voided"> & { effectiveDate: Date; voidedAt: Date | null },
): GradeChangeRecord {
  const { toGrade, fromGrade, quarter, reason, createdAt } = c;
  return { toGrade, fromGrade, effectiveDate: dateToIso(c.effectiveDate), quarter, reason, createdAt, voided: c.voidedAt !== null };
}

/** A person's profile if the viewer may see them; null otherwise (the page shows 404). */
export async function getProfileForViewer(viewer: Viewer, personId: string, today = todayInShanghai()): Promise<ProfileView | null> {
  const user = await db.user.findFirst({
    where: { AND: [{ id: personId }, peopleScope(viewer)] },
    select: {
      id: true,
      name: true,
      employeeNo: true,
      email: true,
      role: true,
      status: true,
      roleStartDate: true,
      branch: { select: { name: true } },
      gradeChanges: { orderBy: [{ effectiveDate: "desc" }, { createdAt: "desc" }] },
      certifications: { orderBy: { passedOn: "desc" } },
    },
  });
  if (!user) return null;
  const names = await getCertificationNames();
  const records = user.gradeChanges.map(toGradeChangeRecord);
  const roleStart = user.roleStartDate ? dateToIso(user.roleStartDate) : null;
  const { id, name, employeeNo, email, role, status } = user;
  return {
    id,
    name,
    employeeNo,
    email,
    role,
    status,
    branchName: user.branch.name,
    roleStartDate: roleStart,
    tenureMonths: roleStart ? tenureMonths(roleStart, today) : null,
    grade: currentGrade(records),
    gradeSince: gradeSince(records),
    history: user.gradeChanges.map((c) => ({
      id: c.id,
      effectiveDate: dateToIso(c.effectiveDate),
      quarter: c.quarter,
      from: c.fromGrade,
      to: c.toGrade,
      reason: c.reason,
      note: c.note,
      voided: c.voidedAt !== null,
    })),
    certifications: user.certifications.map((c) => ({
      code: c.code,
      name: nameOfCertification(names, c.code),
      passedOn: dateToIso(c.passedOn),
      validUntil: c.validUntil ? dateToIso(c.validUntil) : null,
    })),
  };
}

export interface HeadcountRow {
  branchId: string;
  branchName: string;
  grade: Grade | null;
  count: number;
}

/** Active account managers by branch and current grade, counted in SQL, within the viewer's scope. */
export async function headcountsByGrade(viewer: Viewer): Promise<HeadcountRow[]> {
  const scope = scopeOf(viewer);
  // People, branches and grades are behind the "review" data version; one entry per scope.
  const slot = isBankScope(scope) ? "bank" : scope.kind === "branch" ? `branch|${scope.branchId}` : `self|${scope.userId}`;
  return cachedByVersion(headcountCache, ["review"], slot, () => headcountRows(scope));
}

const headcountCache = versionedCache<HeadcountRow[]>("headcounts", 16);

async function headcountRows(scope: Scope): Promise<HeadcountRow[]> {
  const rows = await db.$queryRaw<{ branchId: string; branchName: string; grade: Grade | null; count: bigint }[]>`
    SELECT b.id AS "branchId", b.name AS "branchName", cg.grade, count(*) AS count
    FROM "User" u
    JOIN "Branch" b ON b.id = u."branchId"
    LEFT JOIN "CurrentGrade" cg ON cg."userId" = u.id
    WHERE u.role = 'ACCOUNT_MANAGER' AND u.status = 'ACTIVE'
      AND ${userScopeSql(scope)}
    GROUP BY b.id, b.name, cg.grade
    ORDER BY b.name`;
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

export interface RosterRow {
  id: string;
  name: string;
  employeeNo: string;
  role: Role;
  grade: Grade | null;
  roleStartDate: string | null;
}

/** The people of the viewer's branch (branch head) or of one branch (HR), for rosters. */
export async function listBranchRoster(viewer: Viewer, branchId?: string): Promise<RosterRow[]> {
  if (!can(viewer.role, "branch.view")) return [];
  const scope = narrowToBranch(scopeOf(viewer), branchId);
  if (scope.kind !== "branch") return [];
  const target = scope.branchId;
  const rows = await db.$queryRaw<{ id: string; name: string; employeeNo: string; role: Role; grade: Grade | null; roleStartDate: Date | null }[]>`
    SELECT u.id, u.name, u."employeeNo", u.role, cg.grade, u."roleStartDate"
    FROM "User" u LEFT JOIN "CurrentGrade" cg ON cg."userId" = u.id
    WHERE u."branchId" = ${target} AND u.status = 'ACTIVE' AND u.role IN ('ACCOUNT_MANAGER', 'ASSISTANT')
    ORDER BY u.role, cg.grade DESC NULLS LAST, u."employeeNo"`;
  return rows.map((r) => ({ ...r, roleStartDate: r.roleStartDate ? dateToIso(r.roleStartDate) : null }));
}

/** One branch's name and people, for HR (null when there is no such branch or the viewer is not HR). */
export async function getBranchRoster(viewer: Viewer, branchId: string): Promise<{ name: string; roster: RosterRow[] } | null> {
  if (!can(viewer.role, "hr.view")) return null;
  const branch = await db.branch.findUnique({ where: { id: branchId }, select: { name: true } });
  if (!branch) return null;
  return { name: branch.name, roster: await listBranchRoster(viewer, branchId) };
}
