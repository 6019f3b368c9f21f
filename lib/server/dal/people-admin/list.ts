import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { AuthorizationError, type Viewer } from "@/lib/server/auth/viewer";
import { writeTable, type Column } from "@/lib/server/spreadsheet";
import { dateToIso, todayInShanghai } from "@/lib/domain/dates";
import { tenureMonths } from "@/lib/domain/tenure";
import { GRADE_LABELS, ROLE_LABELS, type Grade, type GradeChangeReason, type Role } from "@/lib/domain/grades";
import type { BranchOption, PeopleFilters, PeoplePage, PersonAdminView, PersonRowView } from "./views";

export const PEOPLE_PAGE_SIZE = 50;

function assertHr(viewer: Viewer): void {
  if (viewer.role !== "HR") throw new AuthorizationError();
}

/** A person's row as the SQL below reads it: the row on screen before the start date becomes a tenure. */
type RawRow = Omit<PersonRowView, "roleStartDate" | "tenureMonths"> & { roleStartDate: Date | null };

function whereOf(f: PeopleFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  const q = f.q?.trim();
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(Prisma.sql`(u.name ILIKE ${like} OR u."employeeNo" ILIKE ${like} OR u.email ILIKE ${like})`);
  }
  if (f.branchId) parts.push(Prisma.sql`u."branchId" = ${f.branchId}`);
  if (f.role) parts.push(Prisma.sql`u.role = ${f.role}::"Role"`);
  if (f.status) parts.push(Prisma.sql`u.status = ${f.status}::"UserStatus"`);
  if (f.grade === "NONE") parts.push(Prisma.sql`u.role = 'ACCOUNT_MANAGER' AND cg.grade IS NULL`);
  else if (f.grade) parts.push(Prisma.sql`cg.grade = ${f.grade}::"Grade"`);
  return Prisma.join(parts, " AND ");
}

function toRow({ roleStartDate, grade, ...person }: RawRow, today: string): PersonRowView {
  const start = roleStartDate ? dateToIso(roleStartDate) : null;
  return {
    ...person,
    grade: person.status === "ACTIVE" ? grade : null,
    roleStartDate: start,
    tenureMonths: start && start <= today ? tenureMonths(start, today) : start ? 0 : null,
  };
}

async function queryPeople(f: PeopleFilters, limit: number | null, offset: number) {
  return db.$queryRaw<RawRow[]>`
    SELECT u.id, u."employeeNo", u.name, u.email, u.role::text AS role, u.status::text AS status,
           b.name AS "branchName", cg.grade::text AS grade, u."roleStartDate"
    FROM "User" u JOIN "Branch" b ON b.id = u."branchId"
    LEFT JOIN "CurrentGrade" cg ON cg."userId" = u.id
    WHERE ${whereOf(f)}
    ORDER BY u.status, b.code, u."employeeNo"
    ${limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit} OFFSET ${offset}`}`;
}

/** HR's list of everyone, filtered in SQL and paginated (one count, one page query). */
export async function listPeople(viewer: Viewer, filters: PeopleFilters, today = todayInShanghai()): Promise<PeoplePage> {
  assertHr(viewer);
  const [{ n }] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM "User" u LEFT JOIN "CurrentGrade" cg ON cg."userId" = u.id WHERE ${whereOf(filters)}`;
  const total = Number(n);
  const pageCount = Math.max(1, Math.ceil(total / PEOPLE_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(filters.page ?? 1)), pageCount);
  const rows = await queryPeople(filters, PEOPLE_PAGE_SIZE, (page - 1) * PEOPLE_PAGE_SIZE);
  return { rows: rows.map((r) => toRow(r, today)), total, page, pageCount };
}

/** The same list, every matching row, as XLSX or CSV. */
export async function exportPeople(viewer: Viewer, filters: PeopleFilters, format: "xlsx" | "csv", today = todayInShanghai()): Promise<Buffer> {
  assertHr(viewer);
  const rows = (await queryPeople(filters, null, 0)).map((r) => toRow(r, today));
  const columns: Column<PersonRowView>[] = [
    { header: "工号", value: (r) => r.employeeNo, width: 12 },
    { header: "姓名", value: (r) => r.name, width: 12 },
    { header: "邮箱", value: (r) => r.email, width: 24 },
    { header: "机构", value: (r) => r.branchName, width: 14 },
    { header: "岗位", value: (r) => ROLE_LABELS[r.role], width: 14 },
    { header: "等级", value: (r) => (r.grade ? GRADE_LABELS[r.grade] : r.role === "ACCOUNT_MANAGER" && r.status === "ACTIVE" ? "未定级" : ""), width: 8 },
    { header: "状态", value: (r) => (r.status === "ACTIVE" ? "在职" : "已退出"), width: 8 },
    { header: "任职起始日", value: (r) => r.roleStartDate ?? "", width: 12 },
    { header: "任职月数", value: (r) => r.tenureMonths ?? "", width: 10 },
  ];
  return writeTable(format, "人员名单", columns, rows);
}

export async function listBranchOptions(): Promise<BranchOption[]> {
  return db.branch.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, name: true } });
}

/** One person for HR: the row, the branch history and the grade history; null when missing (404). */
export async function getPersonForHr(viewer: Viewer, id: string, today = todayInShanghai()): Promise<PersonAdminView | null> {
  if (viewer.role !== "HR") return null;
  const [raw] = await db.$queryRaw<(RawRow & { branchId: string; exitedAt: Date | null })[]>`
    SELECT u.id, u."employeeNo", u.name, u.email, u.role::text AS role, u.status::text AS status, u."branchId", u."exitedAt",
           b.name AS "branchName", cg.grade::text AS grade, u."roleStartDate"
    FROM "User" u JOIN "Branch" b ON b.id = u."branchId" LEFT JOIN "CurrentGrade" cg ON cg."userId" = u.id
    WHERE u.id = ${id}`;
  if (!raw) return null;
  const [memberships, changes] = await Promise.all([
    db.branchMembership.findMany({
      where: { userId: id },
      orderBy: [{ startDate: "desc" }, { createdAt: "desc" }],
      include: { branch: { select: { name: true } } },
    }),
    db.gradeChange.findMany({ where: { userId: id }, orderBy: [{ effectiveDate: "desc" }, { createdAt: "desc" }] }),
  ]);
  return {
    ...toRow(raw, today),
    branchId: raw.branchId,
    exitedAt: raw.exitedAt ? dateToIso(raw.exitedAt) : null,
    memberships: memberships.map((m) => ({
      id: m.id,
      branchName: m.branch.name,
      role: m.role as Role,
      startDate: dateToIso(m.startDate),
      endDate: m.endDate ? dateToIso(m.endDate) : null,
      startReason: m.startReason,
      endReason: m.endReason,
      note: m.note,
    })),
    gradeHistory: changes.map((c) => ({
      id: c.id,
      effectiveDate: dateToIso(c.effectiveDate),
      from: c.fromGrade as Grade | null,
      to: c.toGrade as Grade | null,
      reason: c.reason as GradeChangeReason,
      note: c.note,
      voided: c.voidedAt !== null,
    })),
  };
}
