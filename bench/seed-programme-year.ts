// (The page stage's programme year; seed-programme.ts is the planning cases' next year.)
// A programme year for the benchmark bank: 雏鹰训练营 (见习/初级) and 金鹰训练营 (中级 and up), each
// with ~6 % of its target grades enrolled, twelve sessions, a seat per participant and session,
// attendance for the sessions already held and evaluation forms — generated in SQL.
import type { BenchContext } from "./types";

export async function seed(ctx: BenchContext): Promise<void> {
  const { db } = ctx;
  const year = Number(ctx.today.slice(0, 4));
  await db.programmeYear.create({ data: { id: "bench-programme", year, name: `${year}年对公客户经理素质提升项目` } });
  const phases = [
    { id: "bench-phase-eaglet", kind: "EAGLET_CAMP" as const, name: "雏鹰训练营", grades: ["TRAINEE", "JUNIOR"] as const, month: 3 },
    { id: "bench-phase-golden", kind: "GOLDEN_EAGLE_CAMP" as const, name: "金鹰训练营", grades: ["INTERMEDIATE", "SENIOR", "PRINCIPAL"] as const, month: 6 },
  ];
  for (const p of phases) {
    await db.phase.create({
      data: {
        id: p.id,
        programmeId: "bench-programme",
        kind: p.kind,
        name: p.name,
        startsOn: new Date(Date.UTC(year, p.month - 1, 1)),
        endsOn: new Date(Date.UTC(year, p.month + 4, 28)),
        grades: [...p.grades],
        status: "RUNNING",
      },
    });
    await db.$executeRaw`
      INSERT INTO "PhaseParticipant" (id, "phaseId", "userId", status, origin, "createdAt", "updatedAt")
      SELECT ${p.id} || '-' || u.id, ${p.id}, u.id, 'ENROLLED', 'GRADE', now(), now()
      FROM "User" u JOIN "CurrentGrade" cg ON cg."userId" = u.id
      WHERE u.role = 'ACCOUNT_MANAGER' AND u.status = 'ACTIVE' AND cg.grade::text = ANY(${[...p.grades]}::text[])
        AND abs(hashtext(u.id || ${p.id})) % 100 < 6`;
    await db.$executeRaw`
      INSERT INTO "TrainingSession" (id, "phaseId", title, "startsAt", "endsAt", place, "lecturerName", capacity, "checkInToken", "createdAt", "updatedAt")
      SELECT ${p.id} || '-s' || k, ${p.id}, ${p.name} || ' 第' || k || '讲',
        make_timestamptz(${year}, ${p.month}, 1, 9, 0, 0, 'Asia/Shanghai') + (k * 7) * interval '1 day',
        make_timestamptz(${year}, ${p.month}, 1, 17, 0, 0, 'Asia/Shanghai') + (k * 7) * interval '1 day',
        '总行培训中心', '外聘讲师', 800, md5(${p.id} || k), now(), now()
      FROM generate_series(1, 12) k`;
    await db.$executeRaw`
      INSERT INTO "SessionSeat" ("sessionId", "userId", status, "createdAt", "updatedAt")
      SELECT s.id, pp."userId", 'ENROLLED', now(), now()
      FROM "TrainingSession" s JOIN "PhaseParticipant" pp ON pp."phaseId" = s."phaseId"
      WHERE s."phaseId" = ${p.id}`;
    await db.$executeRaw`
      INSERT INTO "Attendance" ("sessionId", "userId", status, source, "checkedInAt", "updatedAt")
      SELECT s.id, pp."userId",
        (CASE WHEN abs(hashtext(s.id || pp."userId")) % 20 = 0 THEN 'ABSENT' WHEN abs(hashtext(s.id || pp."userId")) % 20 = 1 THEN 'LATE' ELSE 'PRESENT' END)::"AttendanceStatus",
        'SELF_CHECK_IN', s."startsAt", now()
      FROM "TrainingSession" s JOIN "PhaseParticipant" pp ON pp."phaseId" = s."phaseId"
      WHERE s."phaseId" = ${p.id} AND s."startsAt" < now()`;
    await db.$executeRaw`
      INSERT INTO "Evaluation" (id, "sessionId", "userId", content, delivery, organisation, applicability, status, "submittedAt", "createdAt", "updatedAt")
      SELECT a."sessionId" || '-' || a."userId", a."sessionId", a."userId",
        3 + abs(hashtext(a."userId" || 'c')) % 3, 3 + abs(hashtext(a."userId" || 'd')) % 3,
        3 + abs(hashtext(a."userId" || 'o')) % 3, 3 + abs(hashtext(a."userId" || 'a')) % 3,
        'SUBMITTED', now(), now(), now()
      FROM "Attendance" a JOIN "TrainingSession" s ON s.id = a."sessionId"
      WHERE s."phaseId" = ${p.id} AND a.status <> 'ABSENT'`;
  }
  const [counts] = await db.$queryRaw<{ participants: number; seats: number; attendance: number; evaluations: number }[]>`
    SELECT (SELECT count(*) FROM "PhaseParticipant")::int AS participants, (SELECT count(*) FROM "SessionSeat")::int AS seats,
           (SELECT count(*) FROM "Attendance")::int AS attendance, (SELECT count(*) FROM "Evaluation")::int AS evaluations`;
  console.log(`  培养项目：${counts.participants} 名学员、${counts.seats} 个座位、${counts.attendance} 条签到、${counts.evaluations} 份评估`);
}
