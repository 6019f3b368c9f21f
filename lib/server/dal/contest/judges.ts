import "server-only";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { auditRow } from "@/lib/server/audit-row";
import { DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { CONTEST_EVENT_LABELS, isJudgedEvent, type ContestEventKind } from "@/lib/domain/contest";
import { assertHr, eventOrThrow, isUniqueViolation, judgedEventHead, judgedEventSelect, personAndBranch } from "./shared";
import type { JudgeView } from "./views";

/** A judge as the list shows them and their removal audits them: a user of the bank or an external judge. */
const judgeSelect = {
  id: true,
  eventId: true,
  userId: true,
  externalName: true,
  branchId: true,
  ...personAndBranch,
  _count: { select: { scores: true } },
} as const;

const judgeName = (j: { user: { name: string } | null; externalName: string | null }) => j.user?.name ?? j.externalName ?? "";

/** Judges of the judged events of a contest. */
export async function listJudges(viewer: Viewer, phaseId: string): Promise<JudgeView[]> {
  assertHr(viewer);
  const rows = await db.contestJudge.findMany({
    where: { event: { phaseId } },
    select: judgeSelect,
    orderBy: [{ createdAt: "asc" }],
  });
  return rows.map((j) => ({
    id: j.id,
    eventId: j.eventId,
    name: judgeName(j),
    employeeNo: j.user?.employeeNo ?? null,
    branchName: j.branch?.name ?? null,
    external: j.user === null,
    scores: j._count.scores,
  }));
}

/**
 * Assigns a judge to a judged event: an active user by employee number (any role; their branch
 * is recorded, so they never score their own branch) or an external judge by name.
 */
export async function addJudge(viewer: Viewer, input: { eventId: string; employeeNo?: string; externalName?: string }): Promise<string> {
  assertHr(viewer);
  try {
    return await db.$transaction(async (tx) => {
      const event = await eventOrThrow(tx, input.eventId);
      if (!isJudgedEvent(event.kind)) throw new DomainError(`${CONTEST_EVENT_LABELS[event.kind]}由人力资源部录入成绩，不设评委`);
      if (event.lockedAt) throw new DomainError("该项目已锁定，不能再调整评委");
      let data: { userId?: string; externalName?: string; branchId?: string | null };
      let name: string;
      if (input.employeeNo) {
        const user = await tx.user.findFirst({ where: { employeeNo: input.employeeNo, status: "ACTIVE" }, select: { id: true, name: true, branchId: true } });
        if (!user) throw new DomainError(`工号 ${input.employeeNo} 不存在或已离岗`, { employeeNo: ["找不到该在职人员"] });
        data = { userId: user.id, branchId: user.branchId };
        name = user.name;
      } else if (input.externalName) {
        data = { externalName: input.externalName, branchId: null };
        name = input.externalName;
      } else {
        throw new DomainError("请填写评委的工号或外部评委姓名");
      }
      const judge = await tx.contestJudge.create({ data: { eventId: event.id, createdById: viewer.id, ...data }, select: { id: true } });
      await audit(tx, { ...auditRow(viewer.id, "CONTEST_JUDGE_ADD", "ContestJudge", judge.id), after: { eventId: event.id, kind: event.kind, name, ...data } });
      return name;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("该评委已在本项目的评委名单中");
    throw error;
  }
}

/** Removes a judge who has not scored anyone yet. */
export async function removeJudge(viewer: Viewer, judgeId: string): Promise<string> {
  assertHr(viewer);
  return db.$transaction(async (tx) => {
    const judge = await tx.contestJudge.findUnique({ where: { id: judgeId }, select: { ...judgeSelect, event: { select: { lockedAt: true } } } });
    if (!judge) throw new DomainError("找不到该评委");
    if (judge.event.lockedAt) throw new DomainError("该项目已锁定，不能再调整评委");
    if (judge._count.scores > 0) throw new DomainError("该评委已经评分，不能移除");
    await tx.contestJudge.delete({ where: { id: judge.id } });
    const name = judgeName(judge);
    await audit(tx, {
      ...auditRow(viewer.id, "CONTEST_JUDGE_REMOVE", "ContestJudge", judge.id),
      before: { eventId: judge.eventId, name, userId: judge.userId, branchId: judge.branchId },
    });
    return name;
  });
}

export interface MyJudgeEventView {
  eventId: string;
  kind: ContestEventKind;
  contestName: string;
  heldOn: string;
  maxScore: number;
  locked: boolean;
  scored: number;
}

/** The events the viewer judges, newest contest first. */
export async function myJudgeEvents(viewer: Viewer): Promise<MyJudgeEventView[]> {
  const rows = await db.contestJudge.findMany({
    where: { userId: viewer.id },
    select: { event: { select: judgedEventSelect }, _count: { select: { scores: true } } },
    orderBy: [{ event: { heldOn: "desc" } }],
  });
  return rows.map((r) => ({ ...judgedEventHead(r.event), scored: r._count.scores }));
}
