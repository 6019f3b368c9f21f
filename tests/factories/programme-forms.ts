// Builders for the after-phase forms: a programme year with one phase, sessions and attendance.
import { getDb } from "@/lib/server/db";
import { isoToDate } from "@/lib/domain/dates";

let year = 3000;

export async function createPhase(
  options: { startsOn?: string; endsOn?: string; feedsQuarter?: string | null; kind?: "EAGLET_CAMP" | "GOLDEN_EAGLE_CAMP" } = {},
) {
  const db = getDb();
  year += 1;
  const programme = await db.programmeYear.create({ data: { year, name: `${year}年对公客户经理素质提升项目` } });
  return db.phase.create({
    data: {
      programmeId: programme.id,
      kind: options.kind ?? "EAGLET_CAMP",
      name: "雏鹰训练营",
      startsOn: isoToDate(options.startsOn ?? "2026-04-13"),
      endsOn: isoToDate(options.endsOn ?? "2026-04-17"),
      grades: ["TRAINEE", "JUNIOR"],
      includeAssistants: true,
      feedsQuarter: options.feedsQuarter === undefined ? null : options.feedsQuarter,
      status: "EVALUATING",
    },
  });
}

export async function createSession(
  phaseId: string,
  options: { title?: string; startsAt?: string; lecturerId?: string | null; lecturerName?: string | null } = {},
) {
  const startsAt = new Date(options.startsAt ?? "2026-04-13T01:00:00Z");
  return getDb().trainingSession.create({
    data: {
      phaseId,
      title: options.title ?? "对公产品知识",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * 3600_000),
      place: "总行培训中心 301",
      lecturerId: options.lecturerId ?? null,
      lecturerName: options.lecturerId ? null : (options.lecturerName ?? "王老师"),
    },
  });
}

/** Enrols people in the phase with a seat in each given session, and records their attendance. */
export async function attend(phaseId: string, sessionId: string, people: { userId: string; status: "PRESENT" | "LATE" | "ABSENT" | "EXCUSED" | null }[]) {
  const db = getDb();
  for (const p of people) {
    await db.phaseParticipant.upsert({
      where: { phaseId_userId: { phaseId, userId: p.userId } },
      create: { phaseId, userId: p.userId, status: "ENROLLED", origin: "GRADE" },
      update: {},
    });
    await db.sessionSeat.create({ data: { sessionId, userId: p.userId, status: "ENROLLED" } });
    if (p.status) await db.attendance.create({ data: { sessionId, userId: p.userId, status: p.status, source: "ROSTER" } });
  }
}
