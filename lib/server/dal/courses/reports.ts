import "server-only";
import { assertCan, narrowToBranch, scopeOf } from "@/lib/server/auth/permissions";
import { db } from "@/lib/server/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { branchAtDay } from "@/lib/server/dal/scope";
import { AuthorizationError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { todayInShanghai } from "@/lib/domain/dates";
import { cachedByVersion, dataVersion, versionedCache } from "@/lib/server/cache";

export interface CompletionRow {
  key: string;
  label: string;
  enrolled: number;
  assigned: number;
  inProgress: number;
  completed: number;
  waived: number;
  overdue: number;
  /** Completed ÷ (enrolled − waived), 0–100. */
  rate: number;
  completedHours: number;
  examAverage: number | null;
}

export interface CompletionReport {
  byTier: CompletionRow[];
  byBranch: CompletionRow[];
  byCategory: CompletionRow[];
}

type Raw = {
  key: string;
  label: string;
  enrolled: bigint;
  assigned: bigint;
  in_progress: bigint;
  completed: bigint;
  waived: bigint;
  overdue: bigint;
  completed_hours: string | null;
  exam_average: string | null;
};

function toRow(r: Raw): CompletionRow {
  const enrolled = Number(r.enrolled);
  const waived = Number(r.waived);
  const completed = Number(r.completed);
  const base = enrolled - waived;
  return {
    key: r.key,
    label: r.label,
    enrolled,
    assigned: Number(r.assigned),
    inProgress: Number(r.in_progress),
    completed,
    waived,
    overdue: Number(r.overdue),
    rate: base === 0 ? 100 : Math.round((completed / base) * 10000) / 100,
    completedHours: Math.round(Number(r.completed_hours ?? 0) * 10) / 10,
    examAverage: r.exam_average === null ? null : Math.round(Number(r.exam_average) * 100) / 100,
  };
}

/**
 * HR's completion report of REQUIRED courses for active people: by tier, by branch and by
 * category, each one GROUP BY over the enrolments (DOMAIN §11). One query for all three.
 */
export async function completionReport(viewer: Viewer, today = todayInShanghai()): Promise<CompletionReport> {
  assertCan(viewer, "course.report");
  // Per day (overdue counts move with it) and "courses" data version (enrolments, courses, people,
  // branches; lib/server/cache.ts). The version is read before the data.
  const version = await dataVersion("courses");
  return reportCache.get(today, version, () => computeCompletionReport(today));
}

const reportCache = versionedCache<CompletionReport>("course-completion-report", 2);

async function computeCompletionReport(today: string): Promise<CompletionReport> {
  // One pass over the enrolments with GROUPING SETS (tier, branch, category), instead of
  // grouping a three-fold UNION ALL of them.
  const completedAt = branchAtDay(Prisma.sql`COALESCE(e."completedOn", ${today}::date)`);
  const rows = await db.$queryRaw<(Raw & { dim: string })[]>`
    SELECT CASE WHEN GROUPING(c.tier) = 0 THEN 'tier' WHEN GROUPING(b.id) = 0 THEN 'branch' ELSE 'category' END AS dim,
           coalesce(c.tier::text, b.id, c.category::text) AS key,
           coalesce(c.tier::text, min(b.name), c.category::text) AS label,
           count(*) AS enrolled,
           count(*) FILTER (WHERE e.status = 'ASSIGNED') AS assigned,
           count(*) FILTER (WHERE e.status = 'IN_PROGRESS') AS in_progress,
           count(*) FILTER (WHERE e.status = 'COMPLETED') AS completed,
           count(*) FILTER (WHERE e.status = 'WAIVED') AS waived,
           count(*) FILTER (WHERE e.status IN ('ASSIGNED', 'IN_PROGRESS') AND e."dueDate" < ${today}::date) AS overdue,
           sum(e.hours) FILTER (WHERE e.status = 'COMPLETED')::text AS completed_hours,
           avg(e."examScore") FILTER (WHERE e.status = 'COMPLETED')::text AS exam_average
    FROM "Enrolment" e
    JOIN "Course" c ON c.id = e."courseId"
    JOIN "User" u ON u.id = e."userId"
    -- A course record counts for the branch the person was in when it was completed (DOMAIN §2).
    ${completedAt.join}
    JOIN "Branch" b ON b.id = ${completedAt.branchId}
    WHERE c.required AND u.status = 'ACTIVE'
    GROUP BY GROUPING SETS ((c.tier), (b.id), (c.category))
    ORDER BY 1, 3`;
  const pick = (dim: string) => rows.filter((r) => r.dim === dim).map(toRow);
  const order = (keys: string[]) => (a: CompletionRow, b: CompletionRow) => keys.indexOf(a.key) - keys.indexOf(b.key);
  return {
    byTier: pick("tier").sort(order(["FOUNDATION", "ADVANCED", "EXPERT"])),
    byBranch: pick("branch"),
    byCategory: pick("category").sort(order(["PROFESSIONALISM", "KNOWLEDGE", "SKILLS"])),
  };
}

export interface TeamMemberLearning {
  userId: string;
  name: string;
  employeeNo: string;
  requiredHours: number;
  completedHours: number;
  rate: number;
  examAverage: number | null;
  overdue: number;
}

export interface TeamCourseLearning {
  courseId: string;
  code: string;
  title: string;
  required: boolean;
  enrolled: number;
  completed: number;
  overdue: number;
}

/**
 * A branch's learning: per person (required hours of their current tier's courses) and per course.
 * Branch heads get their own branch; HR may name one.
 */
export async function branchLearning(
  viewer: Viewer,
  branchId?: string,
  today = todayInShanghai(),
): Promise<{ people: TeamMemberLearning[]; courses: TeamCourseLearning[] }> {
  assertCan(viewer, "branch.view");
  const scope = narrowToBranch(scopeOf(viewer), branchId);
  if (scope.kind !== "branch") throw new AuthorizationError();
  const target = scope.branchId;
  const people = await teamLearningPeople(target, today);
  const courses = await db.$queryRaw<
    { courseId: string; code: string; title: string; required: boolean; enrolled: bigint; completed: bigint; overdue: bigint }[]
  >`
    SELECT c.id AS "courseId", c.code, c.title, c.required,
           count(*) AS enrolled,
           count(*) FILTER (WHERE e.status = 'COMPLETED') AS completed,
           count(*) FILTER (WHERE e.status IN ('ASSIGNED', 'IN_PROGRESS') AND e."dueDate" < ${today}::date) AS overdue
    FROM "Enrolment" e JOIN "Course" c ON c.id = e."courseId" JOIN "User" u ON u.id = e."userId"
    WHERE u."branchId" = ${target} AND u.status = 'ACTIVE'
    GROUP BY c.id ORDER BY c.code`;
  return {
    people,
    courses: courses.map((c) => ({ ...c, enrolled: Number(c.enrolled), completed: Number(c.completed), overdue: Number(c.overdue) })),
  };
}

/**
 * The branch home's learning panel: one branch's people with their required hours (no per-course
 * table). Branch heads get their own branch.
 */
export async function teamLearning(viewer: Viewer, today = todayInShanghai()): Promise<TeamMemberLearning[]> {
  assertCan(viewer, "branch.view");
  const scope = narrowToBranch(scopeOf(viewer), undefined);
  if (scope.kind !== "branch") throw new AuthorizationError();
  return teamLearningPeople(scope.branchId, today);
}

// Per branch, day (overdue moves with it) and the "courses" (enrolments, courses, people) and
// "review" (current grades, which pick the tier) data versions: a branch head opens the home often.
const teamLearningCache = versionedCache<TeamMemberLearning[]>("team-learning", 64);

function teamLearningPeople(target: string, today: string): Promise<TeamMemberLearning[]> {
  return cachedByVersion(teamLearningCache, ["courses", "review"], `${target}|${today}`, async () => {
    const rows = await db.$queryRaw<
      {
        userId: string;
        name: string;
        employeeNo: string;
        required_hours: string | null;
        completed_hours: string | null;
        exam_average: string | null;
        overdue: bigint;
      }[]
    >`
      SELECT u.id AS "userId", u.name, u."employeeNo",
             sum(c.hours) FILTER (WHERE c.required AND c.tier = t.tier AND e.status <> 'WAIVED')::text AS required_hours,
             sum(c.hours) FILTER (WHERE c.required AND c.tier = t.tier AND e.status = 'COMPLETED')::text AS completed_hours,
             avg(e."examScore") FILTER (WHERE e.status = 'COMPLETED')::text AS exam_average,
             count(e.id) FILTER (WHERE c.required AND e.status IN ('ASSIGNED', 'IN_PROGRESS') AND e."dueDate" < ${today}::date) AS overdue
      FROM "User" u
      LEFT JOIN "CurrentGrade" cg ON cg."userId" = u.id
      CROSS JOIN LATERAL (SELECT CASE WHEN cg.grade = 'INTERMEDIATE' THEN 'ADVANCED' WHEN cg.grade IN ('SENIOR', 'PRINCIPAL') THEN 'EXPERT' ELSE 'FOUNDATION' END::"CourseTier" AS tier) t
      LEFT JOIN "Enrolment" e ON e."userId" = u.id
      LEFT JOIN "Course" c ON c.id = e."courseId"
      WHERE u."branchId" = ${target} AND u.status = 'ACTIVE' AND u.role IN ('ACCOUNT_MANAGER', 'ASSISTANT')
      GROUP BY u.id, u.name, u."employeeNo"
      ORDER BY u."employeeNo"`;
    return rows.map((p) => {
      const required = Number(p.required_hours ?? 0);
      const completed = Number(p.completed_hours ?? 0);
      return {
        userId: p.userId,
        name: p.name,
        employeeNo: p.employeeNo,
        requiredHours: required,
        completedHours: completed,
        rate: required === 0 ? 100 : Math.round((completed / required) * 10000) / 100,
        examAverage: p.exam_average === null ? null : Math.round(Number(p.exam_average) * 100) / 100,
        overdue: Number(p.overdue),
      };
    });
  });
}
