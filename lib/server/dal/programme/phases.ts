import "server-only";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { auditRow } from "@/lib/server/audit-row";
import { DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { dateToIso, isoToDate } from "@/lib/domain/dates";
import { sessionConflicts } from "@/lib/domain/programme";
import { nextPhaseStatus, sessionTimeProblem, shanghaiDay, toShanghaiIso, type PhaseStatus } from "@/lib/domain/programme-plan";
import type { Grade } from "@/lib/domain/grades";
import type { PhaseInput } from "@/lib/schemas/programme";
import { assertHr, assertNotClosed, seatCounts, sessionSelect, toPhaseBase, toSessionSummary } from "./shared";
import { phaseCandidates } from "./participants";
import type { PhaseDetailView, SessionSummary } from "./views";

const DAY = 86_400_000;

/** Session pairs that clash (shared lecturer or participant) among this phase's sessions and those of any phase overlapping it. */
async function phaseConflicts(phase: { id: string; startsOn: Date; endsOn: Date }, phaseNames: Map<string, string>): Promise<PhaseDetailView["conflicts"]> {
  const from = new Date(phase.startsOn.getTime() - 8 * 3600_000);
  const to = new Date(phase.endsOn.getTime() + DAY - 8 * 3600_000);
  const sessions = await db.trainingSession.findMany({
    where: { OR: [{ phaseId: phase.id }, { startsAt: { lt: to }, endsAt: { gt: from } }] },
    select: {
      ...sessionSelect,
      lecturerId: true,
      phase: { select: { name: true, programme: { select: { year: true } } } },
      seats: { where: { status: "ENROLLED" }, select: { userId: true } },
    },
  });
  const pairs = sessionConflicts(
    sessions.map((s) => ({
      id: s.id,
      start: toShanghaiIso(s.startsAt),
      end: toShanghaiIso(s.endsAt),
      lecturer: s.lecturerId ? `user:${s.lecturerId}` : s.lecturerName ? `name:${s.lecturerName}` : null,
      participants: s.seats.map((x) => x.userId),
    })),
  );
  const byId = new Map(sessions.map((s) => [s.id, s]));
  return pairs
    .filter(([a, b]) => byId.get(a)!.phaseId === phase.id || byId.get(b)!.phaseId === phase.id)
    .map(([a, b]) => {
      const sa = byId.get(a)!;
      const sb = byId.get(b)!;
      const sameLecturer = (sa.lecturerId && sa.lecturerId === sb.lecturerId) || (!sa.lecturerId && sa.lecturerName && sa.lecturerName === sb.lecturerName);
      const seatsB = new Set(sb.seats.map((x) => x.userId));
      const shared = sa.seats.filter((x) => seatsB.has(x.userId)).length;
      const reasons = [sameLecturer ? `同一讲师（${sa.lecturer?.name ?? sa.lecturerName}）` : null, shared ? `${shared} 名学员同时在两场` : null].filter(
        Boolean,
      );
      const label = (s: typeof sa) => ({ ...toSessionSummary(s), phaseName: phaseNames.get(s.phaseId) ?? `${s.phase.programme.year}年${s.phase.name}` });
      return { a: label(sa), b: label(sb), reason: reasons.join("；") };
    });
}

export async function getPhaseDetail(viewer: Viewer, programmeId: string, phaseId: string): Promise<PhaseDetailView | null> {
  assertHr(viewer);
  const p = await db.phase.findFirst({
    where: { id: phaseId, programmeId },
    include: {
      programme: { select: { id: true, year: true, name: true } },
      sessions: { orderBy: { startsAt: "asc" }, select: sessionSelect },
      participants: {
        select: {
          userId: true,
          status: true,
          origin: true,
          reason: true,
          user: { select: { name: true, employeeNo: true, role: true, branch: { select: { name: true } } } },
        },
      },
    },
  });
  if (!p) return null;
  const phase = { ...p, grades: p.grades as Grade[] };
  const [counts, candidates, courses, conflicts] = await Promise.all([
    seatCounts(
      db,
      p.sessions.map((s) => s.id),
    ),
    phaseCandidates(db, phase),
    db.course.findMany({ where: { status: "ACTIVE" }, orderBy: { code: "asc" }, select: { id: true, code: true, title: true } }),
    phaseConflicts(p, new Map([[p.id, p.name]])),
  ]);
  const inPhase = new Set(p.participants.map((x) => x.userId));
  const gradeBy = new Map(candidates.map((c) => [c.id, c.gradeOnStart]));
  const order = { PROPOSED: 0, ENROLLED: 1, REMOVED: 2 } as const;
  const sessions: SessionSummary[] = p.sessions.map((s) => toSessionSummary(s, counts.get(s.id)));
  return {
    programme: p.programme,
    phase: {
      ...toPhaseBase(p),
      grades: phase.grades,
      includeAssistants: p.includeAssistants,
      goal: p.goal,
      budget: p.budget === null ? null : Number(p.budget),
      participants: p.participants.filter((x) => x.status === "ENROLLED").length,
      proposals: p.participants.filter((x) => x.status === "PROPOSED").length,
      sessions,
    },
    participants: p.participants
      .map((x) => ({
        userId: x.userId,
        name: x.user.name,
        employeeNo: x.user.employeeNo,
        branchName: x.user.branch.name,
        role: x.user.role,
        status: x.status,
        origin: x.origin,
        reason: x.reason,
        gradeOnStart: gradeBy.get(x.userId) ?? null,
      }))
      .sort((a, b) => order[a.status] - order[b.status] || a.branchName.localeCompare(b.branchName, "zh") || a.employeeNo.localeCompare(b.employeeNo)),
    eligibleNotInPhase: candidates.filter((c) => c.eligible && !inPhase.has(c.id)).length,
    conflicts,
    courses,
  };
}

/** HR edits a phase's plan; its sessions must still fit the new dates. */
export async function updatePhase(viewer: Viewer, input: PhaseInput): Promise<void> {
  assertHr(viewer);
  const phase = await db.phase.findUnique({ where: { id: input.phaseId }, include: { sessions: { select: { startsAt: true, endsAt: true } } } });
  if (!phase) throw new DomainError("找不到该培训阶段");
  assertNotClosed(phase);
  const outside = phase.sessions.filter((s) => sessionTimeProblem(s, input) !== null);
  if (outside.length) {
    const first = outside.map((s) => shanghaiDay(s.startsAt)).sort()[0];
    throw new DomainError(`有 ${outside.length} 场培训（最早 ${first}）不在新的起止日期内，请先调整这些场次`);
  }
  const before = {
    name: phase.name,
    startsOn: dateToIso(phase.startsOn),
    endsOn: dateToIso(phase.endsOn),
    grades: phase.grades,
    includeAssistants: phase.includeAssistants,
    goal: phase.goal,
    budget: phase.budget,
    feedsQuarter: phase.feedsQuarter,
  };
  await db.$transaction(async (tx) => {
    await tx.phase.update({
      where: { id: phase.id },
      data: {
        name: input.name,
        startsOn: isoToDate(input.startsOn),
        endsOn: isoToDate(input.endsOn),
        grades: input.grades,
        includeAssistants: input.includeAssistants,
        goal: input.goal,
        budget: input.budget,
        feedsQuarter: input.feedsQuarter,
      },
    });
    await audit(tx, { actorId: viewer.id, action: "PHASE_UPDATE", entity: "Phase", entityId: phase.id, before, after: { ...input, phaseId: undefined } });
  });
}

/** HR moves a phase one step forward: 筹备中 → 进行中 → 评估中 → 已结束. */
export async function advancePhaseStatus(viewer: Viewer, phaseId: string, expected: PhaseStatus): Promise<PhaseStatus> {
  assertHr(viewer);
  const phase = await db.phase.findUnique({ where: { id: phaseId }, select: { id: true, status: true } });
  if (!phase) throw new DomainError("找不到该培训阶段");
  const next = nextPhaseStatus(phase.status);
  if (!next) throw new DomainError("该阶段已结束");
  if (phase.status !== expected) throw new DomainError("该阶段的状态已被他人修改，请刷新后再试");
  await db.$transaction(async (tx) => {
    const changed = await tx.phase.updateMany({ where: { id: phase.id, status: phase.status }, data: { status: next } });
    if (changed.count !== 1) throw new DomainError("该阶段的状态已被他人修改，请刷新后再试");
    await audit(tx, { ...auditRow(viewer.id, "PHASE_STATUS", "Phase", phase.id), before: { status: phase.status }, after: { status: next } });
  });
  return next;
}

/** The conflicts one session is part of (shown where HR edits it). */
export async function getSessionConflicts(viewer: Viewer, phaseId: string, sessionId: string): Promise<PhaseDetailView["conflicts"]> {
  assertHr(viewer);
  const phase = await db.phase.findUnique({ where: { id: phaseId }, select: { id: true, name: true, startsOn: true, endsOn: true } });
  if (!phase) return [];
  const all = await phaseConflicts(phase, new Map([[phase.id, phase.name]]));
  return all.filter((c) => c.a.id === sessionId || c.b.id === sessionId);
}
