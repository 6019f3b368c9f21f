import "server-only";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { auditRow } from "@/lib/server/audit-row";
import { AuthorizationError, DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { dateToIso } from "@/lib/domain/dates";
import { sessionTimeProblem } from "@/lib/domain/programme-plan";
import type { SessionInput } from "@/lib/schemas/programme";
import { addSeats, assertHr, assertNotClosed, lockSessions, promoteWaiting, seatCounts, sessionSelect, toSessionSummary } from "./shared";
import type { SessionDetailView } from "./views";

/**
 * HR creates or edits a session. It must lie within the phase's dates and end after it starts;
 * an internal lecturer is found by employee number (or name), an external one is a name. A new
 * session seats the phase's participants (in the order they joined) up to its capacity, the rest
 * wait; a larger capacity moves the waiting list up, a smaller one may not drop below the seats
 * already taken.
 */
export async function saveSession(viewer: Viewer, input: SessionInput): Promise<{ id: string; programmeId: string }> {
  assertHr(viewer);
  const phase = await db.phase.findUnique({
    where: { id: input.phaseId },
    select: { id: true, programmeId: true, status: true, startsOn: true, endsOn: true },
  });
  if (!phase) throw new DomainError("找不到该培训阶段");
  assertNotClosed(phase);
  const problem = sessionTimeProblem(input, { startsOn: dateToIso(phase.startsOn), endsOn: dateToIso(phase.endsOn) });
  if (problem) throw new DomainError(problem, { startsAt: [problem] });

  let course: { id: string; title: string } | null = null;
  if (input.courseId) {
    course = await db.course.findUnique({ where: { id: input.courseId }, select: { id: true, title: true } });
    if (!course) throw new DomainError("所选课程不存在", { courseId: ["所选课程不存在"] });
  }
  let lecturerId: string | null = null;
  if (input.lecturerNo) {
    const matches = await db.user.findMany({
      where: { status: "ACTIVE", OR: [{ employeeNo: input.lecturerNo }, { name: input.lecturerNo }] },
      select: { id: true },
      take: 2,
    });
    if (matches.length === 0) throw new DomainError("找不到该内部讲师，请填写在职员工的工号或姓名", { lecturerNo: ["找不到该内部讲师"] });
    if (matches.length > 1) throw new DomainError("有多名员工同名，请填写工号", { lecturerNo: ["有多名员工同名，请填写工号"] });
    lecturerId = matches[0].id;
  }
  const data = {
    courseId: course?.id ?? null,
    title: input.title ?? course!.title,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    place: input.place,
    lecturerId,
    lecturerName: lecturerId ? null : input.lecturerName,
    capacity: input.capacity,
  };

  if (!input.sessionId) {
    return db.$transaction(async (tx) => {
      const created = await tx.trainingSession.create({ data: { phaseId: phase.id, ...data }, select: { id: true } });
      const people = await tx.phaseParticipant.findMany({
        where: { phaseId: phase.id, status: "ENROLLED" },
        orderBy: [{ createdAt: "asc" }, { user: { employeeNo: "asc" } }],
        select: { userId: true },
      });
      await lockSessions(tx, [created.id]);
      await addSeats(
        tx,
        [created.id],
        people.map((p) => p.userId),
      );
      await audit(tx, { actorId: viewer.id, action: "SESSION_CREATE", entity: "TrainingSession", entityId: created.id, after: { ...data, phaseId: phase.id } });
      return { id: created.id, programmeId: phase.programmeId };
    });
  }

  const existing = await db.trainingSession.findFirst({ where: { id: input.sessionId, phaseId: phase.id } });
  if (!existing) throw new DomainError("找不到该培训场次");
  return db.$transaction(async (tx) => {
    await lockSessions(tx, [existing.id]);
    const taken = await tx.sessionSeat.count({ where: { sessionId: existing.id, status: "ENROLLED" } });
    if (data.capacity !== null && data.capacity < taken)
      throw new DomainError(`已有 ${taken} 人入座，容量不能小于 ${taken}`, { capacity: [`容量不能小于已入座的 ${taken} 人`] });
    await tx.trainingSession.update({ where: { id: existing.id }, data });
    await promoteWaiting(tx, viewer.id, [existing.id]);
    const { id, checkInToken: _t, createdAt: _c, updatedAt: _u, ...before } = existing;
    await audit(tx, { actorId: viewer.id, action: "SESSION_UPDATE", entity: "TrainingSession", entityId: id, before, after: data });
    return { id, programmeId: phase.programmeId };
  });
}

export async function getSessionDetail(viewer: Viewer, programmeId: string, phaseId: string, sessionId: string): Promise<SessionDetailView | null> {
  assertHr(viewer);
  const s = await db.trainingSession.findFirst({
    where: { id: sessionId, phaseId, phase: { programmeId } },
    select: {
      ...sessionSelect,
      courseId: true,
      lecturerId: true,
      checkInToken: true,
      lecturer: { select: { name: true, employeeNo: true } },
      phase: { select: { id: true, name: true, startsOn: true, endsOn: true, status: true, programme: { select: { id: true, year: true, name: true } } } },
      seats: {
        select: {
          userId: true,
          status: true,
          waitlistedAt: true,
          createdAt: true,
          reason: true,
          user: { select: { name: true, employeeNo: true, branch: { select: { name: true } } } },
        },
      },
      attendance: { select: { userId: true, status: true, source: true } },
      course: { select: { code: true, title: true } },
    },
  });
  if (!s) return null;
  const [counts, courses] = await Promise.all([
    seatCounts(db, [s.id]),
    db.course.findMany({ where: { status: "ACTIVE" }, orderBy: { code: "asc" }, select: { id: true, code: true, title: true } }),
  ]);
  const attendance = new Map(s.attendance.map((a) => [a.userId, a]));
  const waiting = s.seats
    .filter((x) => x.status === "WAITLISTED")
    .sort((a, b) => (a.waitlistedAt ?? a.createdAt).getTime() - (b.waitlistedAt ?? b.createdAt).getTime() || (a.userId < b.userId ? -1 : 1));
  const position = new Map(waiting.map((x, i) => [x.userId, i + 1]));
  const statusOrder = { ENROLLED: 0, WAITLISTED: 1, WITHDRAWN: 2 } as const;
  return {
    programme: s.phase.programme,
    phase: { id: s.phase.id, name: s.phase.name, startsOn: dateToIso(s.phase.startsOn), endsOn: dateToIso(s.phase.endsOn), status: s.phase.status },
    session: {
      ...toSessionSummary(s, counts.get(s.id)),
      courseId: s.courseId,
      freeTitle: s.courseId && s.course?.title === s.title ? null : s.title,
      lecturerId: s.lecturerId,
      lecturerNo: s.lecturer?.employeeNo ?? null,
      lecturerName: s.lecturerName,
      checkInToken: s.checkInToken,
    },
    seats: s.seats
      .map((x) => ({
        userId: x.userId,
        name: x.user.name,
        employeeNo: x.user.employeeNo,
        branchName: x.user.branch.name,
        status: x.status,
        waitingPosition: position.get(x.userId) ?? null,
        reason: x.reason,
        attendance: attendance.get(x.userId)?.status ?? null,
        attendanceSource: attendance.get(x.userId)?.source ?? null,
      }))
      .sort(
        (a, b) =>
          statusOrder[a.status] - statusOrder[b.status] ||
          (a.waitingPosition ?? 0) - (b.waitingPosition ?? 0) ||
          a.branchName.localeCompare(b.branchName, "zh") ||
          a.employeeNo.localeCompare(b.employeeNo),
      ),
    courses,
  };
}

/**
 * A seat given up — by HR for anyone (with a reason) or by the participant for themselves before
 * the session starts; the longest waiting person moves up.
 */
export async function withdrawSeat(
  viewer: Viewer,
  input: { sessionId: string; userId: string; reason: string },
  now = new Date(),
): Promise<{ promoted: number }> {
  const self = viewer.id === input.userId && (viewer.role === "ACCOUNT_MANAGER" || viewer.role === "ASSISTANT");
  if (viewer.role !== "HR" && !self) throw new AuthorizationError();
  const session = await db.trainingSession.findUnique({
    where: { id: input.sessionId },
    select: { id: true, startsAt: true, phase: { select: { status: true } } },
  });
  if (!session) throw new DomainError("找不到该培训场次");
  assertNotClosed(session.phase);
  if (viewer.role !== "HR" && session.startsAt.getTime() <= now.getTime()) throw new DomainError("培训已开始，不能再退出；如有特殊情况请联系人力资源部");
  return db.$transaction(async (tx) => {
    await lockSessions(tx, [session.id]);
    const seat = await tx.sessionSeat.findUnique({ where: { sessionId_userId: { sessionId: session.id, userId: input.userId } }, select: { status: true } });
    if (!seat || seat.status === "WITHDRAWN") throw new DomainError(viewer.role === "HR" ? "此人不在本场名单或候补中" : "您不在本场培训名单中");
    await tx.sessionSeat.update({
      where: { sessionId_userId: { sessionId: session.id, userId: input.userId } },
      data: { status: "WITHDRAWN", reason: input.reason },
    });
    await audit(tx, {
      ...auditRow(viewer.id, "SEAT_WITHDRAW", "SessionSeat", `${session.id}:${input.userId}`),
      before: { status: seat.status },
      after: { status: "WITHDRAWN" },
      note: input.reason,
    });
    const promoted = await promoteWaiting(tx, viewer.id, [session.id]);
    return { promoted };
  });
}
