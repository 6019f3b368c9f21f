// ~200,000 enrolments for the benchmark bank: each account manager's required courses of their
// tier plus electives, with a realistic mix of statuses, generated in SQL (INSERT … SELECT).
import type { BenchContext } from "./types";

export async function seed(ctx: BenchContext): Promise<void> {
  await ctx.db.$executeRawUnsafe(`
    INSERT INTO "Enrolment" (id, "userId", "courseId", status, origin, "assignedAt", "dueDate", "completedOn", hours, "examScore", "updatedAt")
    SELECT 'be-' || u.id || '-' || c.code, u.id, c.id,
           s.status::"EnrolmentStatus",
           (CASE WHEN c.required THEN 'REQUIRED' ELSE 'SELF' END)::"EnrolmentOrigin",
           now(), date '2026-12-31' - (CASE WHEN r < 0.1 THEN 120 ELSE 0 END),
           CASE WHEN s.status = 'COMPLETED' THEN date '2026-01-01' + (r * 300)::int END,
           CASE WHEN s.status = 'COMPLETED' THEN c.hours END,
           CASE WHEN s.status = 'COMPLETED' THEN 60 + round((r * 40)::numeric, 0) END,
           now()
    FROM "User" u
    JOIN "CurrentGrade" cg ON cg."userId" = u.id
    JOIN "Course" c ON c.tier = (CASE WHEN cg.grade = 'INTERMEDIATE' THEN 'ADVANCED' WHEN cg.grade IN ('SENIOR', 'PRINCIPAL') THEN 'EXPERT' ELSE 'FOUNDATION' END)::"CourseTier"
                    OR (NOT c.required AND abs(hashtext(u.id || c.code)) % 2 = 0)
    CROSS JOIN LATERAL (SELECT abs(hashtext(u.id || c.code)) / 2147483647.0 AS r) rr
    CROSS JOIN LATERAL (SELECT CASE WHEN r < 0.55 THEN 'COMPLETED' WHEN r < 0.7 THEN 'IN_PROGRESS' WHEN r < 0.97 THEN 'ASSIGNED' ELSE 'WAIVED' END AS status) s
    WHERE u.role = 'ACCOUNT_MANAGER'`);
  const [{ count }] = await ctx.db.$queryRawUnsafe<{ count: bigint }[]>(`SELECT count(*) FROM "Enrolment"`);
  console.log(`  课程：${count} 条学习记录`);
}
