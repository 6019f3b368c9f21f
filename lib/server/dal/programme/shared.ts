import "server-only";
import type { Tx } from "@/lib/server/db";
import { AuthorizationError, DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { audit } from "@/lib/server/audit";
import { allocateSeats, seatsToPromote, type PhaseKind, type PhaseStatus, type PhasePlan } from "@/lib/domain/programme-plan";
import { dateToIso, isoToDate } from "@/lib/domain/dates";
import type { SessionSummary } from "./views";

export function assertHr(viewer: Viewer) {
  if (viewer.role !== "HR") throw new AuthorizationError();
}

/** A phase's own fields as every programme view reads them, and as they go on screen. */
export const phaseSelect = { id: true, kind: true, name: true, status: true, startsOn: true, endsOn: true, feedsQuarter: true } as const;

export function toPhaseBase(p: { id: string; kind: PhaseKind; name: string; status: PhaseStatus; startsOn: Date; endsOn: Date; feedsQuarter: string | null }) {
  return { id: p.id, kind: p.kind, name: p.name, status: p.status, startsOn: dateToIso(p.startsOn), endsOn: dateToIso(p.endsOn), feedsQuarter: p.feedsQuarter };
}

/** A planned phase as the row `phase.createMany` writes (in planning, like every new phase). */
export function phaseData<P extends Pick<PhasePlan, "startsOn" | "endsOn">>(programmeId: string, p: P) {
  const { startsOn, endsOn, ...rest } = p;
  return { programmeId, ...rest, startsOn: isoToDate(startsOn), endsOn: isoToDate(endsOn) };
}

export const sessionSelect = {
  id: true,
  phaseId: true,
  title: true,
  startsAt: true,
  endsAt: true,
  place: true,
  capacity: true,
  lecturerName: true,
  course: { select: { code: true } },
  lecturer: { select: { name: true } },
} as const;

export interface SessionRow {
  id: string;
  phaseId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  capacity: number | null;
  lecturerName: string | null;
  course: { code: string } | null;
  lecturer: { name: string } | null;
}

/** A session as a card (check-in page, evaluation form): what, when, where, who teaches, in which phase. */
export function toSessionCard(s: SessionRow & { phase: { name: string } }) {
  const { id, title, place } = s;
  return {
    id,
    title,
    phaseName: s.phase.name,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    place,
    lecturer: s.lecturer?.name ?? s.lecturerName,
  };
}

export function toSessionSummary(s: SessionRow, counts?: { enrolled: number; waiting: number }): SessionSummary {
  return {
    id: s.id,
    phaseId: s.phaseId,
    title: s.title,
    courseCode: s.course?.code ?? null,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    place: s.place,
    lecturer: s.lecturer?.name ?? s.lecturerName ?? null,
    lecturerExternal: !s.lecturer && !!s.lecturerName,
    capacity: s.capacity,
    enrolled: counts?.enrolled ?? 0,
    waiting: counts?.waiting ?? 0,
  };
}

/** Seat counts per session in one grouped query. */
export async function seatCounts(tx: Pick<Tx, "sessionSeat">, sessionIds: string[]): Promise<Map<string, { enrolled: number; waiting: number }>> {
  const counts = new Map<string, { enrolled: number; waiting: number }>();
  if (sessionIds.length === 0) return counts;
  const rows = await tx.sessionSeat.groupBy({
    by: ["sessionId", "status"],
    where: { sessionId: { in: sessionIds }, status: { in: ["ENROLLED", "WAITLISTED"] } },
    _count: { _all: true },
  });
  for (const id of sessionIds) counts.set(id, { enrolled: 0, waiting: 0 });
  for (const r of rows) {
    const c = counts.get(r.sessionId)!;
    if (r.status === "ENROLLED") c.enrolled = r._count._all;
    else c.waiting = r._count._all;
  }
  return counts;
}

/** Serialises seat changes of these sessions (capacity is checked and filled under the lock). */
export async function lockSessions(tx: Tx, sessionIds: string[]): Promise<void> {
  if (sessionIds.length === 0) return;
  await tx.$queryRaw`SELECT id FROM "TrainingSession" WHERE id = ANY(${sessionIds}::text[]) ORDER BY id FOR UPDATE`;
}

/**
 * Fills free seats of the given sessions from their waiting lists (longest waiting first) and
 * writes an audit row per person moved up. Call under lockSessions.
 */
export async function promoteWaiting(tx: Tx, actorId: string | null, sessionIds: string[]): Promise<number> {
  if (sessionIds.length === 0) return 0;
  const sessions = await tx.trainingSession.findMany({ where: { id: { in: sessionIds } }, select: { id: true, capacity: true } });
  const seats = await tx.sessionSeat.findMany({
    where: { sessionId: { in: sessionIds }, status: { in: ["ENROLLED", "WAITLISTED"] } },
    select: { sessionId: true, userId: true, status: true, waitlistedAt: true, createdAt: true },
  });
  let moved = 0;
  for (const s of sessions) {
    const mine = seats.filter((x) => x.sessionId === s.id);
    const enrolled = mine.filter((x) => x.status === "ENROLLED").length;
    const waiting = mine.filter((x) => x.status === "WAITLISTED").map((x) => ({ userId: x.userId, waitlistedAt: x.waitlistedAt ?? x.createdAt }));
    const up = seatsToPromote(s.capacity, enrolled, waiting);
    if (up.length === 0) continue;
    await tx.sessionSeat.updateMany({ where: { sessionId: s.id, userId: { in: up } }, data: { status: "ENROLLED", reason: "候补递补" } });
    await audit(
      tx,
      up.map((userId) => ({
        actorId,
        action: "SEAT_PROMOTE",
        entity: "SessionSeat",
        entityId: `${s.id}:${userId}`,
        before: { status: "WAITLISTED" },
        after: { status: "ENROLLED" },
      })),
    );
    moved += up.length;
  }
  return moved;
}

/**
 * Gives people (in the order given) a place in each of the sessions: a seat while there is
 * room, otherwise the waiting list. People who already hold a seat or wait keep their place; a
 * withdrawn seat is taken up again. Call under lockSessions.
 */
export async function addSeats(tx: Tx, sessionIds: string[], userIds: string[], now = new Date()): Promise<void> {
  if (sessionIds.length === 0 || userIds.length === 0) return;
  const sessions = await tx.trainingSession.findMany({ where: { id: { in: sessionIds } }, select: { id: true, capacity: true } });
  const existing = await tx.sessionSeat.findMany({ where: { sessionId: { in: sessionIds } }, select: { sessionId: true, userId: true, status: true } });
  for (const s of sessions) {
    const mine = existing.filter((x) => x.sessionId === s.id);
    const active = new Set(mine.filter((x) => x.status !== "WITHDRAWN").map((x) => x.userId));
    const withdrawn = new Set(mine.filter((x) => x.status === "WITHDRAWN").map((x) => x.userId));
    const enrolled = mine.filter((x) => x.status === "ENROLLED").length;
    const joining = userIds.filter((u) => !active.has(u));
    const placed = allocateSeats(s.capacity, enrolled, joining);
    // Later joiners wait behind earlier ones even within one request: one millisecond apart.
    const rows = placed.map((p, i) => ({ sessionId: s.id, userId: p.userId, status: p.status, waitlistedAt: new Date(now.getTime() + i), reason: null }));
    const fresh = rows.filter((r) => !withdrawn.has(r.userId));
    // One INSERT … FROM unnest per session: Prisma's createMany takes seconds for a few thousand rows.
    if (fresh.length) {
      await tx.$executeRaw`
        INSERT INTO "SessionSeat" ("sessionId", "userId", status, "waitlistedAt", "createdAt", "updatedAt")
        SELECT ${s.id}, v.u, v.s::"SeatStatus", v.w AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
        FROM unnest(${fresh.map((r) => r.userId)}::text[], ${fresh.map((r) => r.status)}::text[], ${fresh.map((r) => r.waitlistedAt.toISOString())}::timestamptz[]) AS v(u, s, w)`;
    }
    for (const r of rows.filter((x) => withdrawn.has(x.userId))) {
      await tx.sessionSeat.update({
        where: { sessionId_userId: { sessionId: s.id, userId: r.userId } },
        data: { status: r.status, waitlistedAt: r.waitlistedAt, reason: null },
      });
    }
  }
}

export function notFoundError(what = "记录"): DomainError {
  return new DomainError(`找不到该${what}，可能已被删除或不在您的管理范围内`);
}

/** Phases that are closed take no more changes to their plan, people or attendance. */
export function assertNotClosed(phase: { status: string }) {
  if (phase.status === "CLOSED") throw new DomainError("该阶段已结束，不能再修改");
}
