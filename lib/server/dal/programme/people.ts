import "server-only";
import { db } from "@/lib/server/db";
import { AuthorizationError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { dateToIso } from "@/lib/domain/dates";
import { phaseSelect, seatCounts, sessionSelect, toPhaseBase, toSessionSummary } from "./shared";
import type { AttendanceStatus, BranchProgrammeView, MyPhaseView } from "./views";

/** Waiting-list positions (1-based) of the given people in the given sessions, in one query. */
async function waitingPositions(sessionIds: string[]): Promise<Map<string, number>> {
  const rows = await db.sessionSeat.findMany({
    where: { sessionId: { in: sessionIds }, status: "WAITLISTED" },
    orderBy: [{ waitlistedAt: "asc" }, { userId: "asc" }],
    select: { sessionId: true, userId: true },
  });
  const positions = new Map<string, number>();
  const counters = new Map<string, number>();
  for (const r of rows) {
    const n = (counters.get(r.sessionId) ?? 0) + 1;
    counters.set(r.sessionId, n);
    positions.set(`${r.sessionId}:${r.userId}`, n);
  }
  return positions;
}

/** An account manager's or assistant's own phases and sessions (DOMAIN §8), newest year first. */
export async function getMyProgramme(viewer: Viewer, now = new Date()): Promise<MyPhaseView[]> {
  if (viewer.role !== "ACCOUNT_MANAGER" && viewer.role !== "ASSISTANT") throw new AuthorizationError();
  const rows = await db.phaseParticipant.findMany({
    where: { userId: viewer.id, status: { in: ["ENROLLED", "PROPOSED"] } },
    select: {
      status: true,
      phase: {
        select: {
          ...phaseSelect,
          programme: { select: { name: true } },
          sessions: {
            orderBy: { startsAt: "asc" },
            where: { seats: { some: { userId: viewer.id } } },
            select: {
              ...sessionSelect,
              seats: { where: { userId: viewer.id }, select: { status: true } },
              attendance: { where: { userId: viewer.id }, select: { status: true } },
            },
          },
        },
      },
    },
    orderBy: { phase: { startsOn: "desc" } },
  });
  const sessionIds = rows.flatMap((r) => r.phase.sessions.map((s) => s.id));
  const [counts, positions] = await Promise.all([seatCounts(db, sessionIds), waitingPositions(sessionIds)]);
  return rows.map((r) => {
    const sessions = r.phase.sessions.map((s) => ({
      ...toSessionSummary(s, counts.get(s.id)),
      seat: s.seats[0].status,
      waitingPosition: positions.get(`${s.id}:${viewer.id}`) ?? null,
      attendance: (s.attendance[0]?.status ?? null) as AttendanceStatus | null,
      upcoming: s.startsAt.getTime() > now.getTime(),
    }));
    const { id: phaseId, ...phase } = toPhaseBase(r.phase);
    return {
      phaseId,
      programmeName: r.phase.programme.name,
      ...phase,
      participant: r.status,
      sessions,
      attendedAny: sessions.some((s) => s.attendance === "PRESENT" || s.attendance === "LATE"),
    };
  });
}

/**
 * A branch head's view: which of their people take part in which phase and session (with seat
 * and attendance), the phases still open for proposals, and their people to propose.
 */
export async function getBranchProgramme(viewer: Viewer): Promise<BranchProgrammeView> {
  if (viewer.role !== "BRANCH_HEAD") throw new AuthorizationError();
  const phases = await db.phase.findMany({
    where: { participants: { some: { user: { branchId: viewer.branchId } } } },
    orderBy: { startsOn: "desc" },
    select: {
      id: true,
      name: true,
      status: true,
      startsOn: true,
      endsOn: true,
      programme: { select: { name: true } },
      participants: {
        where: { user: { branchId: viewer.branchId } },
        select: { userId: true, status: true, origin: true, reason: true, user: { select: { name: true, employeeNo: true } } },
        orderBy: { user: { employeeNo: "asc" } },
      },
      sessions: {
        orderBy: { startsAt: "asc" },
        select: {
          id: true,
          title: true,
          startsAt: true,
          seats: { where: { user: { branchId: viewer.branchId } }, select: { userId: true, status: true } },
          attendance: { where: { user: { branchId: viewer.branchId } }, select: { userId: true, status: true } },
        },
      },
    },
  });
  const [open, people] = await Promise.all([
    db.phase.findMany({
      where: { status: { not: "CLOSED" } },
      orderBy: { startsOn: "asc" },
      select: { id: true, name: true, startsOn: true, programme: { select: { year: true } } },
    }),
    db.user.findMany({
      where: { branchId: viewer.branchId, status: "ACTIVE", role: { in: ["ACCOUNT_MANAGER", "ASSISTANT"] } },
      orderBy: { employeeNo: "asc" },
      select: { employeeNo: true, name: true, role: true },
    }),
  ]);
  return {
    phases: phases.map((p) => ({
      phaseId: p.id,
      programmeName: p.programme.name,
      name: p.name,
      status: p.status,
      startsOn: dateToIso(p.startsOn),
      endsOn: dateToIso(p.endsOn),
      people: p.participants.map((x) => ({
        userId: x.userId,
        name: x.user.name,
        employeeNo: x.user.employeeNo,
        status: x.status,
        origin: x.origin,
        reason: x.reason,
        sessions: p.sessions.flatMap((s) => {
          const seat = s.seats.find((y) => y.userId === x.userId);
          if (!seat) return [];
          return [
            {
              sessionId: s.id,
              title: s.title,
              startsAt: s.startsAt.toISOString(),
              seat: seat.status,
              attendance: (s.attendance.find((y) => y.userId === x.userId)?.status ?? null) as AttendanceStatus | null,
            },
          ];
        }),
      })),
    })),
    openPhases: open.map((p) => ({ id: p.id, label: `${p.programme.year}年 ${p.name}` })),
    people,
  };
}

/** HR's home-page summary: phases not yet closed, with people, sessions and open proposals. */
export async function getProgrammeOverview(viewer: Viewer): Promise<
  {
    programmeId: string;
    phaseId: string;
    label: string;
    status: MyPhaseView["status"];
    startsOn: string;
    participants: number;
    sessions: number;
    proposals: number;
  }[]
> {
  if (viewer.role !== "HR") throw new AuthorizationError();
  const phases = await db.phase.findMany({
    where: { status: { not: "CLOSED" } },
    orderBy: { startsOn: "asc" },
    take: 6,
    select: {
      id: true,
      name: true,
      status: true,
      startsOn: true,
      programme: { select: { id: true, year: true } },
      _count: { select: { sessions: true, participants: { where: { status: "ENROLLED" } } } },
    },
  });
  const proposals = await db.phaseParticipant.groupBy({
    by: ["phaseId"],
    where: { phaseId: { in: phases.map((p) => p.id) }, status: "PROPOSED" },
    _count: { _all: true },
  });
  const open = new Map(proposals.map((p) => [p.phaseId, p._count._all]));
  return phases.map((p) => ({
    programmeId: p.programme.id,
    phaseId: p.id,
    label: `${p.programme.year}年${p.name}`,
    status: p.status,
    startsOn: dateToIso(p.startsOn),
    participants: p._count.participants,
    sessions: p._count.sessions,
    proposals: open.get(p.id) ?? 0,
  }));
}
