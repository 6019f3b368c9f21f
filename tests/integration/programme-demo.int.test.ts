import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { seedDemo } from "@/prisma/seed/demo";
import { DEMO_PROGRAMME } from "@/prisma/seed/programme";
import { eligibleForPhase } from "@/lib/domain/programme";
import { dateToIso } from "@/lib/domain/dates";
import type { Grade } from "@/lib/domain/grades";

const today = "2026-11-30";
const db = getDb();

beforeAll(async () => {
  await seedDemo(db, { passwordHash: "x", today });
});

describe("the demo's programme year", () => {
  it("has 2026 with two closed camps with sessions and the contest under way (its events, not sessions)", async () => {
    const year = await db.programmeYear.findUniqueOrThrow({
      where: { year: 2026 },
      include: { phases: { orderBy: { startsOn: "asc" }, include: { _count: { select: { sessions: true } } } } },
    });
    expect(year.name).toBe("2026年对公客户经理素质提升项目");
    expect(year.phases.map((p) => [p.name, p.status, p.feedsQuarter, p._count.sessions > 2 || p.kind === "SKILLS_CONTEST" ? "ok" : "few"])).toEqual([
      ["雏鹰训练营", "CLOSED", "2026Q2", "ok"],
      ["金鹰训练营", "CLOSED", "2026Q3", "ok"],
      ["业务技能大比拼", "RUNNING", null, "ok"],
    ]);
    expect(year.phases[2]._count.sessions).toBe(0);
    const lecturers = await db.trainingSession.findMany({ select: { lecturerId: true, lecturerName: true, courseId: true } });
    expect(lecturers.some((s) => s.lecturerId) && lecturers.some((s) => s.lecturerName)).toBe(true);
    expect(lecturers.every((s) => s.courseId)).toBe(true);
  });

  it("proposed exactly the people eligible by their grade on each start date, in role by then", async () => {
    for (const phaseId of [DEMO_PROGRAMME.eagletPhaseId, DEMO_PROGRAMME.goldenPhaseId]) {
      const phase = await db.phase.findUniqueOrThrow({ where: { id: phaseId }, include: { participants: true } });
      const people = await db.user.findMany({ where: { role: { in: ["ACCOUNT_MANAGER", "ASSISTANT"] } }, include: { gradeChanges: true } });
      const expected = people
        .filter((p) => p.roleStartDate && dateToIso(p.roleStartDate) <= dateToIso(phase.startsOn))
        .filter((p) =>
          eligibleForPhase(
            { role: p.role, gradeHistory: p.gradeChanges.map((c) => ({ effectiveOn: dateToIso(c.effectiveDate), to: c.toGrade as Grade | null })) },
            { startsOn: dateToIso(phase.startsOn), grades: phase.grades as Grade[], includeAssistants: phase.includeAssistants },
          ),
        )
        .map((p) => p.id)
        .sort();
      expect(phase.participants.map((p) => p.userId).sort()).toEqual(expected);
      expect(expected.length).toBeGreaterThan(10);
    }
  });

  it("has mostly present attendance with some late, absent and excused, only for seated people, and one waiting list", async () => {
    const rows = await db.attendance.groupBy({ by: ["status"], _count: { _all: true } });
    const by = Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
    expect(by.PRESENT).toBeGreaterThan((by.LATE ?? 0) + (by.ABSENT ?? 0) + (by.EXCUSED ?? 0));
    expect(by.LATE && by.ABSENT && by.EXCUSED).toBeTruthy();
    const unseated = await db.attendance.count({ where: { NOT: { session: { seats: { some: {} } } } } });
    expect(unseated).toBe(0);
    const orphan = await db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM "Attendance" a LEFT JOIN "SessionSeat" s ON s."sessionId" = a."sessionId" AND s."userId" = a."userId" AND s.status = 'ENROLLED' WHERE s."userId" IS NULL`;
    expect(Number(orphan[0].n)).toBe(0);
    expect(await db.sessionSeat.count({ where: { status: "WAITLISTED" } })).toBeGreaterThan(0);
    const am1 = await db.attendance.count({ where: { userId: "demo-am-00001", status: { in: ["PRESENT", "LATE"] } } });
    expect(am1).toBeGreaterThan(0);
  });
});
