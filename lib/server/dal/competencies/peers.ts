import "server-only";
import { assertCan, can } from "@/lib/server/auth/permissions";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { ConflictError, DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import type { Grade } from "@/lib/domain/grades";
import { usablePeerAnswers, validatePeerChange } from "@/lib/domain/competency";
import type { NominatePeersInput } from "@/lib/schemas/competencies";
import { peopleScope } from "../scope";
import { cycleSelect, currentGrades, deadlinePassedMessage, isAcceptingAnswers, toCycleRef, type CycleRef } from "./shared";

export interface PeerCandidate {
  id: string;
  name: string;
  employeeNo: string;
  grade: Grade | null;
  named: boolean;
  /** Named and has submitted: can no longer be removed. */
  answered: boolean;
  /** Whether the form may tick or untick this person now. */
  changeable: boolean;
}

export interface PeerNominationView {
  cycle: CycleRef;
  assessee: { id: string; name: string; employeeNo: string; grade: Grade | null; branchId: string; branchName: string };
  candidates: PeerCandidate[];
  /** Why nothing (or only removals) can change, if so. */
  lockedReason: string | null;
}

/** The assessee, if the viewer (HR, or the head of their branch) may name their peers in this cycle. */
async function assesseeInScope(viewer: Viewer, cycleId: string, assesseeId: string) {
  if (!can(viewer.role, "competency.nominate")) return null;
  const user = await db.user.findFirst({
    where: { AND: [{ id: assesseeId, role: "ACCOUNT_MANAGER" }, peopleScope(viewer), viewer.role === "BRANCH_HEAD" ? { branchId: viewer.branchId } : {}] },
    select: { id: true, name: true, employeeNo: true, branchId: true, branch: { select: { name: true } } },
  });
  if (!user) return null;
  // Only people assessed in this cycle.
  const participant = await db.assessment.findFirst({ where: { cycleId, assesseeId, source: "SELF" }, select: { id: true } });
  return participant ? user : null;
}

/** The peer nomination page: the assessee's branch colleagues, who is named and who has answered. */
export async function getPeerNomination(viewer: Viewer, cycleId: string, assesseeId: string, now = new Date()): Promise<PeerNominationView | null> {
  const assessee = await assesseeInScope(viewer, cycleId, assesseeId);
  if (!assessee) return null;
  const cycleRow = await db.assessmentCycle.findUnique({ where: { id: cycleId }, select: cycleSelect });
  if (!cycleRow) return null;
  const cycle = toCycleRef(cycleRow, now);
  const [colleagues, named] = await Promise.all([
    db.user.findMany({
      where: { branchId: assessee.branchId, role: "ACCOUNT_MANAGER", status: "ACTIVE", id: { not: assessee.id } },
      orderBy: { employeeNo: "asc" },
      select: { id: true, name: true, employeeNo: true },
    }),
    db.assessment.findMany({ where: { cycleId, assesseeId, source: "PEER" }, select: { assessorId: true, submittedAt: true } }),
  ]);
  const grades = await currentGrades([assessee.id, ...colleagues.map((c) => c.id)]);
  const answered = named.filter((n) => n.submittedAt).length;
  const addLocked = usablePeerAnswers({ answered, named: named.length, acceptingAnswers: true }) > 0;
  const lockedReason = !cycle.acceptingAnswers
    ? cycle.status === "CLOSED"
      ? "评估周期已关闭，同事评估人不能再调整"
      : "评估已过截止日期，同事评估人不能再调整"
    : addLocked
      ? "同事评价结果已生成：只能移除尚未提交的同事，不能再增加（否则可推算出新增同事的评分）"
      : answered > 0
        ? "已提交评价的同事不能移除"
        : null;
  const candidates = colleagues.map((c) => {
    const row = named.find((n) => n.assessorId === c.id);
    const isAnswered = !!row?.submittedAt;
    const changeable = cycle.acceptingAnswers && !isAnswered && (row ? true : !addLocked);
    return { ...c, grade: grades.get(c.id) ?? null, named: !!row, answered: isAnswered, changeable };
  });
  // Named peers from elsewhere (e.g. since transferred) still show, so the list is complete.
  const others = named.filter((n) => !colleagues.some((c) => c.id === n.assessorId));
  if (others.length > 0) {
    const users = await db.user.findMany({ where: { id: { in: others.map((o) => o.assessorId) } }, select: { id: true, name: true, employeeNo: true } });
    for (const u of users) {
      const row = others.find((o) => o.assessorId === u.id)!;
      candidates.push({ ...u, grade: null, named: true, answered: !!row.submittedAt, changeable: cycle.acceptingAnswers && !row.submittedAt });
    }
  }
  return {
    cycle,
    assessee: {
      id: assessee.id,
      name: assessee.name,
      employeeNo: assessee.employeeNo,
      grade: grades.get(assessee.id) ?? null,
      branchId: assessee.branchId,
      branchName: assessee.branch.name,
    },
    candidates,
    lockedReason,
  };
}

/**
 * HR or the assessee's branch head names 2–5 peers (active account managers of the assessee's
 * branch, never the assessee). Peers added get a pending PEER form; peers removed lose theirs
 * (only while unanswered). The rules on what may change are lib/domain/competency's.
 */
export async function nominatePeers(viewer: Viewer, input: NominatePeersInput, now = new Date()): Promise<{ added: number; removed: number }> {
  assertCan(viewer, "competency.nominate");
  const assessee = await assesseeInScope(viewer, input.cycleId, input.assesseeId);
  if (!assessee) throw new DomainError("该客户经理不在此评估周期中，或不在您的管辖范围内");
  const cycle = await db.assessmentCycle.findUnique({ where: { id: input.cycleId }, select: { status: true, deadline: true } });
  if (!cycle) throw new DomainError("评估周期不存在");
  if (cycle.status === "CLOSED") throw new DomainError("评估周期已关闭，同事评估人不能再调整");
  if (!isAcceptingAnswers(cycle, now)) throw new DomainError(deadlinePassedMessage(cycle.deadline));
  const next = input.peerIds;
  if (next.includes(assessee.id)) throw new DomainError("不能将被评估人本人列为同事评估人", { peerIds: ["不能将被评估人本人列为同事评估人"] });
  const peers = await db.user.findMany({
    where: { id: { in: next }, branchId: assessee.branchId, role: "ACCOUNT_MANAGER", status: "ACTIVE" },
    select: { id: true },
  });

  return db.$transaction(async (tx) => {
    const current = await tx.assessment.findMany({
      where: { cycleId: input.cycleId, assesseeId: assessee.id, source: "PEER" },
      select: { id: true, assessorId: true, submittedAt: true },
    });
    const currentIds = current.map((c) => c.assessorId);
    const added = next.filter((id) => !currentIds.includes(id));
    // Peers already named stay valid even if they moved; new ones must be colleagues now.
    const notColleagues = added.filter((id) => !peers.some((p) => p.id === id));
    if (notColleagues.length > 0) {
      throw new DomainError("同事评估人须为被评估人所在机构的在职客户经理", { peerIds: ["同事评估人须为被评估人所在机构的在职客户经理"] });
    }
    const refusal = validatePeerChange({
      assesseeId: assessee.id,
      current: current.map((c) => ({ assessorId: c.assessorId, answered: !!c.submittedAt })),
      next,
    });
    if (refusal) throw new DomainError(refusal, { peerIds: [refusal] });
    const removed = current.filter((c) => !next.includes(c.assessorId));
    if (removed.length > 0) {
      // Only forms still unanswered go; a peer who submitted meanwhile makes this a conflict.
      const { count } = await tx.assessment.deleteMany({ where: { id: { in: removed.map((r) => r.id) }, submittedAt: null } });
      if (count !== removed.length) throw new ConflictError("有同事刚刚提交了评价，请刷新后重试");
    }
    if (added.length > 0) {
      await tx.assessment.createMany({
        data: added.map((assessorId) => ({ cycleId: input.cycleId, assesseeId: assessee.id, assessorId, source: "PEER" as const, createdAt: now })),
      });
    }
    if (added.length + removed.length > 0) {
      await audit(tx, {
        actorId: viewer.id,
        action: "NOMINATE_PEERS",
        entity: "User",
        entityId: assessee.id,
        before: { cycleId: input.cycleId, peers: currentIds },
        after: { cycleId: input.cycleId, peers: next },
      });
    }
    return { added: added.length, removed: removed.length };
  });
}
