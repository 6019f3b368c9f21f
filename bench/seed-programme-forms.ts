// A 金鹰-sized phase for the benchmark bank, for the phase report and the branch head's action
// plans: every account manager in 4 of 40 sessions, ~90 % attendance, evaluations, action plans,
// follow-ups and final scores, generated in SQL. The phase lies in the sixth of the eight rated
// quarters, so the report's before/after quarters both have ratings.
import { quarterStart } from "../lib/domain/dates";
import type { BenchContext } from "./types";

export const BENCH_PHASE = { programmeId: "bpf-programme", phaseId: "bpf-phase" } as const;

export async function seed(ctx: BenchContext): Promise<void> {
  const db = ctx.db;
  const quarter = ctx.quarters[5];
  const start = quarterStart(quarter);
  const startsOn = `${start.slice(0, 8)}10`;
  const endsOn = `${start.slice(0, 8)}20`;
  await db.$executeRawUnsafe(`INSERT INTO "ProgrammeYear" (id, year, name, "updatedAt") VALUES ('${BENCH_PHASE.programmeId}', 2090, '基准测试项目', now())`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Phase" (id, "programmeId", kind, name, "startsOn", "endsOn", grades, "includeAssistants", "feedsQuarter", status, "updatedAt")
    VALUES ('${BENCH_PHASE.phaseId}', '${BENCH_PHASE.programmeId}', 'GOLDEN_EAGLE_CAMP', '金鹰训练营', date '${startsOn}', date '${endsOn}',
            ARRAY['INTERMEDIATE','SENIOR','PRINCIPAL']::"Grade"[], false, '${quarter}', 'CLOSED', now())`);
  await db.$executeRawUnsafe(`
    INSERT INTO "TrainingSession" (id, "checkInToken", "phaseId", title, "startsAt", "endsAt", place, "lecturerName", capacity, "updatedAt")
    SELECT 'bpf-s' || g, 'bpf-token-' || g, '${BENCH_PHASE.phaseId}', '课程 ' || g, timestamptz '${startsOn} 09:00+08' + (g % 8) * interval '1 day',
           timestamptz '${startsOn} 12:00+08' + (g % 8) * interval '1 day', '培训中心', '讲师 ' || (g % 12), NULL, now()
    FROM generate_series(1, 40) g`);
  await db.$executeRawUnsafe(`
    INSERT INTO "PhaseParticipant" (id, "phaseId", "userId", status, origin, "updatedAt")
    SELECT 'bpf-p-' || u.id, '${BENCH_PHASE.phaseId}', u.id, 'ENROLLED', 'GRADE', now() FROM "User" u WHERE u.role = 'ACCOUNT_MANAGER'`);
  await db.$executeRawUnsafe(`
    INSERT INTO "SessionSeat" ("sessionId", "userId", status, "updatedAt")
    SELECT 'bpf-s' || (1 + (abs(hashtext(u.id)) + k * 10) % 40), u.id, 'ENROLLED', now()
    FROM "User" u CROSS JOIN generate_series(0, 3) k WHERE u.role = 'ACCOUNT_MANAGER'`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Attendance" ("sessionId", "userId", status, source, "updatedAt")
    SELECT x."sessionId", x."userId",
           (CASE WHEN r < 0.85 THEN 'PRESENT' WHEN r < 0.9 THEN 'LATE' WHEN r < 0.96 THEN 'ABSENT' ELSE 'EXCUSED' END)::"AttendanceStatus", 'ROSTER', now()
    FROM "SessionSeat" x CROSS JOIN LATERAL (SELECT abs(hashtext(x."userId" || x."sessionId")) / 2147483647.0 AS r) rr
    WHERE x."sessionId" LIKE 'bpf-s%'`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Evaluation" (id, "sessionId", "userId", content, delivery, organisation, applicability, comments, status, "submittedAt", "updatedAt")
    SELECT 'bpf-e-' || a."sessionId" || '-' || a."userId", a."sessionId", a."userId",
           3 + (h % 3), 2 + (h / 3 % 4), 3 + (h / 12 % 3), 2 + (h / 36 % 4),
           CASE WHEN h % 10 = 0 THEN '希望增加案例讨论' END, 'SUBMITTED', now(), now()
    FROM "Attendance" a CROSS JOIN LATERAL (SELECT abs(hashtext(a."userId" || 'e' || a."sessionId")) AS h) hh
    WHERE a."sessionId" LIKE 'bpf-s%' AND a.status IN ('PRESENT', 'LATE') AND h % 5 <> 0`);
  await db.$executeRawUnsafe(`
    INSERT INTO "ActionPlan" (id, "phaseId", "userId", goals, actions, deadline, "successMeasure", status, "submittedAt", quarter, "finalScore", "scoredAt", "updatedAt")
    SELECT 'bpf-a-' || t."userId", '${BENCH_PHASE.phaseId}', t."userId", '新增有效客户', '每周拜访两家企业', date '${endsOn}' + 90, '新增 5 户', 'SUBMITTED',
           timestamp '${endsOn} 02:00', '${quarter}', CASE WHEN h % 10 < 6 THEN 60 + h % 40 END, CASE WHEN h % 10 < 6 THEN now() END, now()
    FROM (SELECT DISTINCT a."userId" FROM "Attendance" a WHERE a."sessionId" LIKE 'bpf-s%' AND a.status IN ('PRESENT', 'LATE')) t
    CROSS JOIN LATERAL (SELECT abs(hashtext(t."userId" || 'plan')) AS h) hh
    WHERE h % 100 < 85`);
  await db.$executeRawUnsafe(`
    INSERT INTO "ActionPlanFollowUp" ("actionPlanId", checkpoint, status, note)
    SELECT p.id, c, 'ON_TRACK', '进展顺利' FROM "ActionPlan" p CROSS JOIN (VALUES (30), (60), (90)) v(c)
    WHERE p.id LIKE 'bpf-a-%' AND abs(hashtext(p.id || c)) % 10 < 7`);
  const [{ count }] = await db.$queryRawUnsafe<{ count: bigint }[]>(`SELECT count(*) FROM "Evaluation" WHERE id LIKE 'bpf-e-%'`);
  const [{ plans }] = await db.$queryRawUnsafe<{ plans: bigint }[]>(`SELECT count(*) AS plans FROM "ActionPlan" WHERE id LIKE 'bpf-a-%'`);
  console.log(`  培训：40 场、${count} 份评估表、${plans} 份行动计划`);
}
