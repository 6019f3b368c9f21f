import "server-only";
import { db, type Tx } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { auditRow } from "@/lib/server/audit-row";
import { AuthorizationError, DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { dateToIso } from "@/lib/domain/dates";
import { eligibleForPhase } from "@/lib/domain/programme";
import type { Grade, Role } from "@/lib/domain/grades";
import type { AddParticipantsInput, BranchProposalInput, DecideProposalInput } from "@/lib/schemas/programme";
import { addSeats, assertHr, assertNotClosed, lockSessions, promoteWaiting } from "./shared";

export interface Candidate {
  id: string;
  role: Role;
  employeeNo: string;
  gradeOnStart: Grade | null;
  eligible: boolean;
}

type PhaseTarget = { id: string; startsOn: Date; grades: Grade[]; includeAssistants: boolean };

/** The grade held on a day: the latest non-voided change effective on or before it. */
function gradeOn(history: { effectiveOn: string; to: Grade | null }[], day: string, role: Role): Grade | null {
  if (role !== "ACCOUNT_MANAGER") return null;
  let latest: { effectiveOn: string; to: Grade | null } | null = null;
  for (const h of history) if (h.effectiveOn <= day && (latest === null || h.effectiveOn >= latest.effectiveOn)) latest = h;
  return latest === null ? "TRAINEE" : latest.to;
}

/**
 * Active account managers and assistants with their grade on the phase's start date, by the
 * grade history (eligibleForPhase): two queries whatever the size of the bank.
 */
export async function phaseCandidates(tx: Pick<Tx, "user" | "gradeChange">, phase: PhaseTarget, userIds?: string[]): Promise<Candidate[]> {
  const startsOn = dateToIso(phase.startsOn);
  const people = await tx.user.findMany({
    where: { status: "ACTIVE", role: { in: ["ACCOUNT_MANAGER", "ASSISTANT"] }, ...(userIds ? { id: { in: userIds } } : {}) },
    select: { id: true, role: true, employeeNo: true },
    orderBy: { employeeNo: "asc" },
  });
  const changes = await tx.gradeChange.findMany({
    where: {
      voidedAt: null,
      effectiveDate: { lte: phase.startsOn },
      ...(userIds ? { userId: { in: userIds } } : { user: { status: "ACTIVE", role: "ACCOUNT_MANAGER" } }),
    },
    select: { userId: true, toGrade: true, effectiveDate: true },
    orderBy: [{ effectiveDate: "asc" }, { createdAt: "asc" }],
  });
  const history = new Map<string, { effectiveOn: string; to: Grade | null }[]>();
  for (const c of changes) {
    const list = history.get(c.userId) ?? [];
    list.push({ effectiveOn: dateToIso(c.effectiveDate), to: c.toGrade as Grade | null });
    history.set(c.userId, list);
  }
  const target = { startsOn, grades: phase.grades, includeAssistants: phase.includeAssistants };
  return people.map((p) => {
    const h = history.get(p.id) ?? [];
    return {
      id: p.id,
      role: p.role,
      employeeNo: p.employeeNo,
      gradeOnStart: gradeOn(h, startsOn, p.role),
      eligible: eligibleForPhase({ role: p.role, gradeHistory: h }, target),
    };
  });
}

async function phaseForChange(phaseId: string) {
  const phase = await db.phase.findUnique({
    where: { id: phaseId },
    select: { id: true, name: true, status: true, startsOn: true, grades: true, includeAssistants: true, programmeId: true },
  });
  if (!phase) throw new DomainError("找不到该培训阶段");
  assertNotClosed(phase);
  return { ...phase, grades: phase.grades as Grade[] };
}

/** Enrols people in a phase and gives them seats (or a waiting place) in each of its sessions. */
async function enrolInPhase(tx: Tx, phaseId: string, userIds: string[]) {
  const sessions = await tx.trainingSession.findMany({ where: { phaseId }, select: { id: true } });
  const ids = sessions.map((s) => s.id);
  await lockSessions(tx, ids);
  await addSeats(tx, ids, userIds);
}

/** Withdraws people's seats in a phase's sessions and moves the waiting lists up. */
async function releaseSeats(tx: Tx, actorId: string, phaseId: string, userId: string, reason: string) {
  const sessions = await tx.trainingSession.findMany({ where: { phaseId }, select: { id: true } });
  const ids = sessions.map((s) => s.id);
  await lockSessions(tx, ids);
  await tx.sessionSeat.updateMany({
    where: { sessionId: { in: ids }, userId, status: { in: ["ENROLLED", "WAITLISTED"] } },
    data: { status: "WITHDRAWN", reason },
  });
  await promoteWaiting(tx, actorId, ids);
}

/**
 * HR proposes the phase's participants from the target grades held on its start date: everyone
 * eligible who is not in the phase yet is enrolled (people HR removed earlier stay removed).
 */
export async function proposeByGrade(viewer: Viewer, phaseId: string): Promise<{ added: number }> {
  assertHr(viewer);
  const phase = await phaseForChange(phaseId);
  // Reading grades needs no lock; the unique (phase, person) key keeps a concurrent run from adding anyone twice.
  const candidates = await phaseCandidates(db, phase);
  return db.$transaction(
    async (tx) => {
      const existing = await tx.phaseParticipant.findMany({ where: { phaseId }, select: { userId: true } });
      const taken = new Set(existing.map((e) => e.userId));
      const adding = candidates.filter((c) => c.eligible && !taken.has(c.id));
      if (adding.length === 0) return { added: 0 };
      const base = Date.now();
      // One INSERT … FROM unnest (Prisma's createMany takes seconds for thousands of rows); the
      // joining order, one millisecond apart, decides who waits when a session fills up.
      await tx.$executeRaw`
      INSERT INTO "PhaseParticipant" (id, "phaseId", "userId", status, origin, "createdById", "decidedById", "createdAt", "updatedAt")
      SELECT gen_random_uuid()::text, ${phaseId}, v.u, 'ENROLLED', 'GRADE', ${viewer.id}, ${viewer.id}, v.t AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM unnest(${adding.map((c) => c.id)}::text[], ${adding.map((_, i) => new Date(base + i).toISOString())}::timestamptz[]) AS v(u, t)
      ON CONFLICT ("phaseId", "userId") DO NOTHING`;
      await enrolInPhase(
        tx,
        phaseId,
        adding.map((c) => c.id),
      );
      await audit(tx, {
        ...auditRow(viewer.id, "PHASE_PROPOSE_BY_GRADE", "Phase", phaseId),
        after: { added: adding.length, employeeNos: adding.map((c) => c.employeeNo) },
      });
      return { added: adding.length };
    },
    { timeout: 30_000 },
  );
}

/**
 * HR adds people by employee number (active account managers or assistants; any grade — HR
 * decides). Unknown numbers refuse the whole request; people already enrolled are skipped; a
 * removed person or an open branch proposal is enrolled.
 */
export async function addParticipants(viewer: Viewer, input: AddParticipantsInput): Promise<{ added: number; skipped: number }> {
  assertHr(viewer);
  const phase = await phaseForChange(input.phaseId);
  const numbers = [...new Set(input.employeeNos.map((n) => n.trim()).filter(Boolean))];
  const people = await db.user.findMany({
    where: { employeeNo: { in: numbers }, status: "ACTIVE", role: { in: ["ACCOUNT_MANAGER", "ASSISTANT"] } },
    select: { id: true, employeeNo: true },
  });
  const found = new Set(people.map((p) => p.employeeNo));
  const unknown = numbers.filter((n) => !found.has(n));
  if (unknown.length) {
    const message = `以下工号不存在或不是在职的客户经理/业务助理：${unknown.join("、")}`;
    throw new DomainError(message, { employeeNos: [message] });
  }
  const ordered = numbers.map((n) => people.find((p) => p.employeeNo === n)!);
  return db.$transaction(async (tx) => {
    const existing = await tx.phaseParticipant.findMany({
      where: { phaseId: phase.id, userId: { in: ordered.map((p) => p.id) } },
      select: { userId: true, status: true },
    });
    const status = new Map(existing.map((e) => [e.userId, e.status]));
    const adding = ordered.filter((p) => status.get(p.id) !== "ENROLLED");
    const base = Date.now();
    for (const [i, p] of adding.entries()) {
      // Joining order decides who waits when a session fills up.
      await tx.phaseParticipant.upsert({
        where: { phaseId_userId: { phaseId: phase.id, userId: p.id } },
        create: {
          createdAt: new Date(base + i),
          phaseId: phase.id,
          userId: p.id,
          status: "ENROLLED",
          origin: "HR",
          reason: input.reason,
          createdById: viewer.id,
          decidedById: viewer.id,
        },
        update: { status: "ENROLLED", origin: "HR", reason: input.reason, decidedById: viewer.id },
      });
    }
    await enrolInPhase(
      tx,
      phase.id,
      adding.map((p) => p.id),
    );
    if (adding.length) {
      await audit(
        tx,
        adding.map((p) => ({
          ...auditRow(viewer.id, "PHASE_PARTICIPANT_ADD", "PhaseParticipant", `${phase.id}:${p.id}`),
          before: { status: status.get(p.id) ?? null },
          after: { status: "ENROLLED", employeeNo: p.employeeNo },
          note: input.reason,
        })),
      );
    }
    return { added: adding.length, skipped: ordered.length - adding.length };
  });
}

/** HR takes a person off a phase with a reason; their seats go to the waiting lists. */
export async function removeParticipant(viewer: Viewer, input: { phaseId: string; userId: string; reason: string }): Promise<void> {
  assertHr(viewer);
  const phase = await phaseForChange(input.phaseId);
  const row = await db.phaseParticipant.findUnique({ where: { phaseId_userId: { phaseId: phase.id, userId: input.userId } }, select: { status: true } });
  if (!row || row.status === "REMOVED") throw new DomainError("此人不在该阶段的名单中");
  await db.$transaction(async (tx) => {
    await tx.phaseParticipant.update({
      where: { phaseId_userId: { phaseId: phase.id, userId: input.userId } },
      data: { status: "REMOVED", reason: input.reason, decidedById: viewer.id },
    });
    await releaseSeats(tx, viewer.id, phase.id, input.userId, input.reason);
    await audit(tx, {
      ...auditRow(viewer.id, "PHASE_PARTICIPANT_REMOVE", "PhaseParticipant", `${phase.id}:${input.userId}`),
      before: { status: row.status },
      after: { status: "REMOVED" },
      note: input.reason,
    });
  });
}

/** HR approves (enrols) or declines (removes, with the reason) a branch head's proposal. */
export async function decideProposal(viewer: Viewer, input: DecideProposalInput): Promise<void> {
  assertHr(viewer);
  const phase = await phaseForChange(input.phaseId);
  const row = await db.phaseParticipant.findUnique({ where: { phaseId_userId: { phaseId: phase.id, userId: input.userId } }, select: { status: true } });
  if (!row || row.status !== "PROPOSED") throw new DomainError("该推荐已处理或不存在");
  if (input.decision === "DECLINE" && !input.reason) throw new DomainError("不批准时请填写原因", { reason: ["不批准时请填写原因"] });
  await db.$transaction(async (tx) => {
    const status = input.decision === "APPROVE" ? "ENROLLED" : "REMOVED";
    await tx.phaseParticipant.update({
      where: { phaseId_userId: { phaseId: phase.id, userId: input.userId } },
      data: { status, decidedById: viewer.id, ...(input.reason ? { reason: input.reason } : {}) },
    });
    if (status === "ENROLLED") await enrolInPhase(tx, phase.id, [input.userId]);
    await audit(tx, {
      ...auditRow(
        viewer.id,
        input.decision === "APPROVE" ? "PHASE_PROPOSAL_APPROVE" : "PHASE_PROPOSAL_DECLINE",
        "PhaseParticipant",
        `${phase.id}:${input.userId}`,
      ),
      before: { status: "PROPOSED" },
      after: { status },
      note: input.reason,
    });
  });
}

/** A branch head proposes a person of their own branch for a phase; HR decides. */
export async function proposeFromBranch(viewer: Viewer, input: BranchProposalInput): Promise<{ name: string; phaseName: string }> {
  if (viewer.role !== "BRANCH_HEAD") throw new AuthorizationError();
  const phase = await phaseForChange(input.phaseId);
  const person = await db.user.findFirst({
    where: { employeeNo: input.employeeNo, branchId: viewer.branchId, status: "ACTIVE", role: { in: ["ACCOUNT_MANAGER", "ASSISTANT"] } },
    select: { id: true, name: true },
  });
  if (!person) throw new DomainError("该工号不是本支行在职的客户经理或业务助理", { employeeNo: ["该工号不是本支行在职的客户经理或业务助理"] });
  const row = await db.phaseParticipant.findUnique({ where: { phaseId_userId: { phaseId: phase.id, userId: person.id } }, select: { status: true } });
  if (row?.status === "ENROLLED") throw new DomainError(`${person.name} 已在${phase.name}名单中`);
  if (row?.status === "PROPOSED") throw new DomainError(`${person.name} 已推荐，等待人力资源部审批`);
  await db.$transaction(async (tx) => {
    await tx.phaseParticipant.upsert({
      where: { phaseId_userId: { phaseId: phase.id, userId: person.id } },
      create: { phaseId: phase.id, userId: person.id, status: "PROPOSED", origin: "BRANCH_HEAD", reason: input.reason, createdById: viewer.id },
      update: { status: "PROPOSED", origin: "BRANCH_HEAD", reason: input.reason, createdById: viewer.id, decidedById: null },
    });
    await audit(tx, {
      ...auditRow(viewer.id, "PHASE_PROPOSAL", "PhaseParticipant", `${phase.id}:${person.id}`),
      before: row ? { status: row.status } : undefined,
      after: { status: "PROPOSED" },
      note: input.reason,
    });
  });
  return { name: person.name, phaseName: phase.name };
}
