// Benchmark data for the competency area: two cycles over every branch (one CLOSED with every
// form answered, one OPEN with ~85 % answered), each account manager assessed by themselves,
// their branch head and three colleagues — 50,000 forms and ~450,000 ratings per cycle, written
// with INSERT … SELECT in SQL.
import { DEFAULT_SOURCE_WEIGHTS } from "../lib/domain/competency";
import type { BenchContext } from "./types";

export async function seed(ctx: BenchContext) {
  const { db } = ctx;
  const model = await db.competencyModel.findFirstOrThrow({ where: { isCurrent: true }, select: { id: true } });
  const day = 86_400_000;
  const cycles = [
    { id: "bench-cycle-closed", name: "基准 上半年", status: "CLOSED" as const, deadline: new Date(Date.now() - 120 * day), answered: 100 },
    { id: "bench-cycle-open", name: "基准 下半年", status: "OPEN" as const, deadline: new Date(Date.now() + 30 * day), answered: 85 },
  ];
  for (const c of cycles) {
    await db.assessmentCycle.create({
      data: { id: c.id, name: c.name, modelId: model.id, deadline: c.deadline, weights: DEFAULT_SOURCE_WEIGHTS, status: c.status },
    });
    await db.assessmentCycleBranch.createMany({ data: ctx.branchIds.map((branchId) => ({ cycleId: c.id, branchId })) });
    // Self, manager (the branch head) and three peers: the next three colleagues of the branch.
    await db.$executeRaw`
      WITH am AS (
        SELECT u.id, u."branchId",
          row_number() OVER (PARTITION BY u."branchId" ORDER BY u.id) - 1 AS rn,
          count(*) OVER (PARTITION BY u."branchId") AS n
        FROM "User" u WHERE u.role = 'ACCOUNT_MANAGER' AND u.status = 'ACTIVE'
      ), forms AS (
        SELECT am.id AS assessee, am.id AS assessor, 'SELF'::"AssessmentSource" AS source FROM am
        UNION ALL
        SELECT am.id, h.id, 'MANAGER' FROM am JOIN "User" h ON h."branchId" = am."branchId" AND h.role = 'BRANCH_HEAD'
        UNION ALL
        SELECT am.id, p.id, 'PEER' FROM am CROSS JOIN generate_series(1, 3) k
          JOIN am p ON p."branchId" = am."branchId" AND p.rn = (am.rn + k) % am.n
      )
      INSERT INTO "Assessment" (id, "cycleId", "assesseeId", "assessorId", source, "submittedAt", "createdAt")
      SELECT ${c.id} || '-' || md5(assessee || assessor), ${c.id}, assessee, assessor, source,
        CASE WHEN abs(hashtext(assessee || assessor)) % 100 < ${c.answered} THEN now() END, now()
      FROM forms`;
    await db.$executeRaw`
      INSERT INTO "AssessmentRating" ("assessmentId", "competencyId", level)
      SELECT a.id, c.id, 2 + abs(hashtext(a.id || c.code)) % 3
      FROM "Assessment" a CROSS JOIN "Competency" c
      WHERE a."cycleId" = ${c.id} AND a."submittedAt" IS NOT NULL AND c."modelId" = ${model.id}`;
  }
  const [counts] = await db.$queryRaw<{ forms: number; ratings: number }[]>`
    SELECT (SELECT count(*) FROM "Assessment")::int AS forms, (SELECT count(*) FROM "AssessmentRating")::int AS ratings`;
  console.log(`  胜任力：${cycles.length} 个评估周期、${counts.forms} 份评估表、${counts.ratings} 条评分`);
  ctx.extra.competencyCycles = { closed: cycles[0].id, open: cycles[1].id };
}
