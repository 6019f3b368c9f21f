// Demo programme year (DOMAIN §8): 雏鹰训练营 in April and 金鹰训练营 in July, both closed, with
// sessions of catalogue courses (internal and external lecturers), participants proposed by the
// grade held on each start date, seats (one session over capacity, so a waiting list) and
// attendance; the November 业务技能大比拼 is still being planned, with no sessions.
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { Prisma } from "../../lib/generated/prisma/client";
import { dateToIso, isoToDate, type IsoDate } from "../../lib/domain/dates";
import type { Grade } from "../../lib/domain/grades";
import { eligibleForPhase } from "../../lib/domain/programme";
import { allocateSeats, defaultPhases, defaultProgrammeName, shanghaiLocalToDate } from "../../lib/domain/programme-plan";
import { createRandom } from "./random";
import { auditRow } from "../../lib/server/audit-row";

/** Ids other seeds and tests can build on (evaluations, action plans). */
export const DEMO_PROGRAMME = {
  programmeId: "demo-programme",
  eagletPhaseId: "demo-phase-eaglet",
  goldenPhaseId: "demo-phase-golden",
  contestPhaseId: "demo-phase-contest",
} as const;

interface SessionPlan {
  id: string;
  code: string;
  day: string;
  from: string;
  to: string;
  place: string;
  lecturerId?: string;
  lecturerName?: string;
  capacity: number | null;
}

/** The programme year shown in the demo: this year once July's camp is over, else last year. */
export function demoProgrammeYear(today: IsoDate): number {
  const y = Number(today.slice(0, 4));
  return today >= `${y}-08-01` ? y : y - 1;
}

export async function seedDemoProgramme(db: PrismaClient, { today }: { today: IsoDate }) {
  const random = createRandom(20260413);
  const year = demoProgrammeYear(today);
  const [eaglet, golden, contest] = defaultPhases(year);
  const ids = DEMO_PROGRAMME;
  const phaseIds = { EAGLET_CAMP: ids.eagletPhaseId, GOLDEN_EAGLE_CAMP: ids.goldenPhaseId, SKILLS_CONTEST: ids.contestPhaseId } as const;
  const budgets = { EAGLET_CAMP: 180000, GOLDEN_EAGLE_CAMP: 240000, SKILLS_CONTEST: 120000 } as const;

  const sessionsByPhase: Record<string, SessionPlan[]> = {
    [ids.eagletPhaseId]: [
      {
        id: "demo-session-e1",
        code: "F-PRO-01",
        day: "04-13",
        from: "09:00",
        to: "12:00",
        place: "总行培训中心 301 教室",
        lecturerId: "demo-head-00001",
        capacity: 80,
      },
      {
        id: "demo-session-e2",
        code: "F-KNO-02",
        day: "04-13",
        from: "14:00",
        to: "17:30",
        place: "总行培训中心 301 教室",
        lecturerName: "陈思远",
        capacity: 80,
      },
      {
        id: "demo-session-e3",
        code: "F-SKI-01",
        day: "04-14",
        from: "09:00",
        to: "17:00",
        place: "总行培训中心 302 教室",
        lecturerName: "刘晓梅",
        capacity: 24,
      },
      {
        id: "demo-session-e4",
        code: "F-PRO-02",
        day: "04-15",
        from: "09:00",
        to: "12:00",
        place: "总行培训中心 301 教室",
        lecturerId: "demo-hr-2",
        capacity: 80,
      },
    ],
    [ids.goldenPhaseId]: [
      {
        id: "demo-session-g1",
        code: "A-KNO-01",
        day: "07-13",
        from: "09:00",
        to: "12:00",
        place: "总行培训中心 501 报告厅",
        lecturerName: "赵启明",
        capacity: 60,
      },
      {
        id: "demo-session-g2",
        code: "A-SKI-03",
        day: "07-13",
        from: "14:00",
        to: "17:30",
        place: "总行培训中心 501 报告厅",
        lecturerId: "demo-head-00002",
        capacity: 60,
      },
      {
        id: "demo-session-g3",
        code: "E-SKI-01",
        day: "07-14",
        from: "09:00",
        to: "17:00",
        place: "总行培训中心 502 研讨室",
        lecturerName: "孙立",
        capacity: 60,
      },
      {
        id: "demo-session-g4",
        code: "A-SKI-04",
        day: "07-15",
        from: "09:00",
        to: "12:00",
        place: "总行培训中心 501 报告厅",
        lecturerId: "demo-head-00003",
        capacity: 60,
      },
    ],
  };

  const [courses, people, changes] = await Promise.all([
    db.course.findMany({ select: { id: true, code: true, title: true } }),
    db.user.findMany({
      where: { status: "ACTIVE", role: { in: ["ACCOUNT_MANAGER", "ASSISTANT"] } },
      select: { id: true, role: true, roleStartDate: true, branchId: true, employeeNo: true },
      orderBy: { employeeNo: "asc" },
    }),
    db.gradeChange.findMany({
      where: { voidedAt: null },
      select: { userId: true, toGrade: true, effectiveDate: true },
      orderBy: [{ effectiveDate: "asc" }, { createdAt: "asc" }],
    }),
  ]);
  const courseByCode = new Map(courses.map((c) => [c.code, c]));
  const history = new Map<string, { effectiveOn: IsoDate; to: Grade | null }[]>();
  for (const c of changes)
    history.set(c.userId, [...(history.get(c.userId) ?? []), { effectiveOn: dateToIso(c.effectiveDate), to: c.toGrade as Grade | null }]);

  const participants: Prisma.PhaseParticipantCreateManyInput[] = [];
  const sessions: Prisma.TrainingSessionCreateManyInput[] = [];
  const seats: Prisma.SessionSeatCreateManyInput[] = [];
  const attendance: Prisma.AttendanceCreateManyInput[] = [];

  for (const phase of [eaglet, golden]) {
    const phaseId = phaseIds[phase.kind];
    const proposedAt = new Date(`${year}-${phase.startsOn.slice(5, 7)}-01T00:00:00Z`);
    proposedAt.setUTCDate(proposedAt.getUTCDate() - 20);
    // People already in their role on the start date, by the grade they held that day.
    const chosen = people.filter(
      (p) =>
        p.roleStartDate !== null &&
        dateToIso(p.roleStartDate) <= phase.startsOn &&
        eligibleForPhase({ role: p.role, gradeHistory: history.get(p.id) ?? [] }, phase),
    );
    chosen.forEach((p, i) => {
      participants.push({
        phaseId,
        userId: p.id,
        status: "ENROLLED",
        origin: "GRADE",
        createdById: "demo-hr-1",
        decidedById: "demo-hr-1",
        createdAt: new Date(proposedAt.getTime() + i * 1000),
      });
    });
    for (const plan of sessionsByPhase[phaseId]) {
      const course = courseByCode.get(plan.code)!;
      const startsAt = shanghaiLocalToDate(`${year}-${plan.day}T${plan.from}`);
      const endsAt = shanghaiLocalToDate(`${year}-${plan.day}T${plan.to}`);
      sessions.push({
        id: plan.id,
        phaseId,
        courseId: course.id,
        title: course.title,
        startsAt,
        endsAt,
        place: plan.place,
        lecturerId: plan.lecturerId ?? null,
        lecturerName: plan.lecturerName ?? null,
        capacity: plan.capacity,
      });
      allocateSeats(
        plan.capacity,
        0,
        chosen.map((p) => p.id),
      ).forEach((seat, i) => {
        seats.push({
          sessionId: plan.id,
          userId: seat.userId,
          status: seat.status,
          waitlistedAt: new Date(proposedAt.getTime() + i * 1000),
          createdAt: proposedAt,
        });
        if (seat.status !== "ENROLLED") return;
        const roll = random.next();
        const status = roll < 0.84 ? "PRESENT" : roll < 0.92 ? "LATE" : roll < 0.96 ? "ABSENT" : "EXCUSED";
        const self = (status === "PRESENT" || status === "LATE") && random.next() < 0.6;
        const offset = status === "LATE" ? random.int(10, 40) : -random.int(2, 25);
        attendance.push({
          sessionId: plan.id,
          userId: seat.userId,
          status,
          source: self ? "SELF_CHECK_IN" : "ROSTER",
          checkedInAt: self ? new Date(startsAt.getTime() + offset * 60_000) : null,
          recordedById: self ? seat.userId : "demo-hr-1",
        });
      });
    }
  }

  await db.$transaction(
    async (tx) => {
      await tx.programmeYear.create({ data: { id: ids.programmeId, year, name: defaultProgrammeName(year), createdById: "demo-hr-1" } });
      await tx.phase.createMany({
        data: [eaglet, golden, contest].map((p) => ({
          id: phaseIds[p.kind],
          programmeId: ids.programmeId,
          kind: p.kind,
          name: p.name,
          startsOn: isoToDate(p.startsOn),
          endsOn: isoToDate(p.endsOn),
          grades: p.grades,
          includeAssistants: p.includeAssistants,
          goal: p.goal,
          budget: budgets[p.kind],
          feedsQuarter: p.feedsQuarter,
          status: p.kind === "SKILLS_CONTEST" ? ("PLANNING" as const) : ("CLOSED" as const),
        })),
      });
      await tx.phaseParticipant.createMany({ data: participants });
      await tx.trainingSession.createMany({ data: sessions });
      await tx.sessionSeat.createMany({ data: seats });
      await tx.attendance.createMany({ data: attendance });
      await tx.auditLog.create({
        data: {
          ...auditRow(null, "SEED_DEMO_PROGRAMME", "ProgrammeYear", ids.programmeId),
          after: { year, participants: participants.length, sessions: sessions.length, attendance: attendance.length },
        },
      });
    },
    { timeout: 60_000 },
  );
  return { year, participants: participants.length, sessions: sessions.length };
}
