import "server-only";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { auditRow } from "@/lib/server/audit-row";
import { AuthorizationError, DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { checkInOpen } from "@/lib/domain/programme";
import { toShanghaiIso } from "@/lib/domain/programme-plan";
import type { AttendanceInput } from "@/lib/schemas/programme";
import { assertHr, assertNotClosed, sessionSelect, toSessionCard } from "./shared";
import type { AttendanceStatus, CheckInState, CheckInView } from "./views";

/** HR marks one person's attendance on the roster; only people holding a seat in the session. */
export async function recordAttendance(viewer: Viewer, input: AttendanceInput): Promise<{ name: string }> {
  assertHr(viewer);
  const seat = await db.sessionSeat.findUnique({
    where: { sessionId_userId: { sessionId: input.sessionId, userId: input.userId } },
    select: { status: true, user: { select: { name: true } }, session: { select: { phase: { select: { status: true } } } } },
  });
  if (!seat || seat.status !== "ENROLLED") throw new DomainError("此人不在本场培训名单中，不能登记出勤");
  assertNotClosed(seat.session.phase);
  await db.$transaction(async (tx) => {
    const before = await tx.attendance.findUnique({
      where: { sessionId_userId: { sessionId: input.sessionId, userId: input.userId } },
      select: { status: true, source: true },
    });
    await tx.attendance.upsert({
      where: { sessionId_userId: { sessionId: input.sessionId, userId: input.userId } },
      create: { sessionId: input.sessionId, userId: input.userId, status: input.status, source: "ROSTER", recordedById: viewer.id },
      update: { status: input.status, source: "ROSTER", recordedById: viewer.id },
    });
    await audit(tx, {
      ...auditRow(viewer.id, "ATTENDANCE", "Attendance", `${input.sessionId}:${input.userId}`),
      before: before ?? undefined,
      after: { status: input.status, source: "ROSTER" },
    });
  });
  return { name: seat.user.name };
}

const REFUSALS: Record<Exclude<CheckInState, "OPEN" | "DONE">, string> = {
  NOT_YET: "未到签到时间：签到在培训开始前 30 分钟开放",
  ENDED: "签到已结束",
  NOT_LISTED: "您不在本场培训名单中",
  CLOSED: "签到已结束：该培训阶段已结束",
};

async function loadCheckIn(viewer: Viewer, token: string, now: Date) {
  const s = await db.trainingSession.findUnique({
    where: { checkInToken: token },
    select: {
      ...sessionSelect,
      phase: { select: { name: true, status: true } },
      seats: { where: { userId: viewer.id }, select: { status: true } },
      attendance: { where: { userId: viewer.id }, select: { status: true } },
    },
  });
  if (!s) return null;
  const attendance = (s.attendance[0]?.status ?? null) as AttendanceStatus | null;
  let state: CheckInState;
  if (s.seats[0]?.status !== "ENROLLED") state = "NOT_LISTED";
  else if (attendance === "PRESENT" || attendance === "LATE") state = "DONE";
  else if (s.phase.status === "CLOSED") state = "CLOSED";
  else if (checkInOpen({ start: toShanghaiIso(s.startsAt), end: toShanghaiIso(s.endsAt) }, toShanghaiIso(now))) state = "OPEN";
  else state = now.getTime() < s.startsAt.getTime() ? "NOT_YET" : "ENDED";
  const view: CheckInView = {
    session: toSessionCard(s),
    state,
    attendance,
  };
  return view;
}

/** What the check-in page shows the signed-in viewer (no write). */
export async function getCheckIn(viewer: Viewer, token: string, now = new Date()): Promise<CheckInView | null> {
  return loadCheckIn(viewer, token, now);
}

export function checkInRefusal(state: CheckInState): string | null {
  return state === "OPEN" || state === "DONE" ? null : REFUSALS[state];
}

/**
 * Self check-in through the session's link: the viewer (never anyone else) holding a seat is
 * marked present while the window is open. An attendance already recorded (present, late, or
 * set by HR) is kept as it is.
 */
export async function checkIn(viewer: Viewer, token: string, now = new Date()): Promise<{ title: string; already: boolean }> {
  if (viewer.role !== "ACCOUNT_MANAGER" && viewer.role !== "ASSISTANT") throw new AuthorizationError("您不在本场培训名单中");
  const view = await loadCheckIn(viewer, token, now);
  if (!view) throw new DomainError("签到链接无效，请重新扫描现场的二维码");
  if (view.state === "DONE") return { title: view.session.title, already: true };
  const refusal = checkInRefusal(view.state);
  if (refusal) throw new DomainError(refusal);
  return db.$transaction(async (tx) => {
    const created = await tx.attendance.createMany({
      data: [{ sessionId: view.session.id, userId: viewer.id, status: "PRESENT", source: "SELF_CHECK_IN", checkedInAt: now, recordedById: viewer.id }],
      skipDuplicates: true,
    });
    if (created.count === 0) return { title: view.session.title, already: true };
    await audit(tx, {
      ...auditRow(viewer.id, "CHECK_IN", "Attendance", `${view.session.id}:${viewer.id}`),
      after: { status: "PRESENT", source: "SELF_CHECK_IN", at: now.toISOString() },
    });
    return { title: view.session.title, already: false };
  });
}
