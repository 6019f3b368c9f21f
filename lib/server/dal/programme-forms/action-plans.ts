import "server-only";
import { db, type Tx } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { auditRow } from "@/lib/server/audit-row";
import { AuthorizationError, DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { Prisma } from "@/lib/generated/prisma/client";
import { dateToIso, isoToDate, quarterLabel, todayInShanghai, type IsoDate } from "@/lib/domain/dates";
import { scorecardForPerson, withActionPlanValue } from "@/lib/domain/scoring";
import { scoreAndRate } from "@/lib/domain/appraisal";
import { FOLLOW_UP_CHECKPOINTS, type ActionPlanInput, type FinalScoreInput, type FollowUpInput } from "@/lib/schemas/programme-forms";
import { findQuarter, quarterStatusForWrite } from "@/lib/server/dal/appraisal/shared";
import { actionPlanScoreFor } from "./plan-scores";
import type { ActionPlanFormView, BranchActionPlanView, FollowUpDue, FollowUpView } from "./views";
import { ATTENDED, iso, isoDay, num, requireParticipantRole } from "./shared";

/** The day a checkpoint (30/60/90 days after submission) falls due. */
export function checkpointDueOn(submittedAt: Date, checkpoint: number): IsoDate {
  const d = new Date(submittedAt.getTime() + checkpoint * 86_400_000);
  return todayInShanghai(d);
}

type FollowUpRow = { checkpoint: number; status: FollowUpView["status"]; note: string; recordedAt: Date; recordedById: string | null };

/** The names of the people who recorded these follow-ups, in one query. */
async function recorderNames(rows: FollowUpRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.recordedById).filter((x): x is string => !!x))];
  if (ids.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

function toFollowUpViews(rows: FollowUpRow[], names: Map<string, string>): FollowUpView[] {
  return [...rows]
    .sort((a, b) => a.checkpoint - b.checkpoint)
    .map((r) => ({
      checkpoint: r.checkpoint,
      status: r.status,
      note: r.note,
      recordedAt: r.recordedAt.toISOString(),
      recordedBy: r.recordedById ? (names.get(r.recordedById) ?? null) : null,
    }));
}

async function followUpViews(rows: FollowUpRow[]): Promise<FollowUpView[]> {
  return toFollowUpViews(rows, await recorderNames(rows));
}

/**
 * The viewer's 行动计划表 for a phase. Null (→ 404) when the viewer is neither a participant of the
 * phase nor recorded in any of its sessions.
 */
export async function getActionPlanForm(viewer: Viewer, phaseId: string): Promise<ActionPlanFormView | null> {
  if (viewer.role !== "ACCOUNT_MANAGER" && viewer.role !== "ASSISTANT") return null;
  const phase = await db.phase.findFirst({
    where: {
      id: phaseId,
      OR: [
        { participants: { some: { userId: viewer.id } } },
        { sessions: { some: { OR: [{ seats: { some: { userId: viewer.id } } }, { attendance: { some: { userId: viewer.id } } }] } } },
      ],
    },
    select: {
      id: true,
      name: true,
      startsOn: true,
      endsOn: true,
      feedsQuarter: true,
      actionPlans: { where: { userId: viewer.id }, include: { followUps: true } },
    },
  });
  if (!phase) return null;
  const attendedSessions = await db.attendance.count({ where: { userId: viewer.id, status: { in: [...ATTENDED] }, session: { phaseId: phase.id } } });
  const p = phase.actionPlans[0];
  return {
    phase: { id: phase.id, name: phase.name, startsOn: dateToIso(phase.startsOn), endsOn: dateToIso(phase.endsOn), feedsQuarter: phase.feedsQuarter },
    attendedSessions,
    canFill: attendedSessions > 0,
    plan: p
      ? {
          id: p.id,
          goals: p.goals,
          actions: p.actions,
          deadline: isoDay(p.deadline),
          resources: p.resources,
          successMeasure: p.successMeasure,
          status: p.status,
          submittedAt: iso(p.submittedAt),
          quarter: p.quarter,
          finalScore: num(p.finalScore),
          scoredAt: iso(p.scoredAt),
          // The participant sees the follow-ups only once submitted (there are none before).
          followUps: await followUpViews(p.followUps),
        }
      : null,
  };
}

/**
 * Saves the viewer's action plan for a phase as a draft or submits it. Only people who attended at
 * least one session of the phase may; a submitted plan is final and takes the phase's feedsQuarter.
 */
export async function saveActionPlan(viewer: Viewer, input: ActionPlanInput): Promise<{ submitted: boolean; quarter: string | null }> {
  requireParticipantRole(viewer);
  return db.$transaction(async (tx) => {
    const phase = await tx.phase.findUnique({ where: { id: input.phaseId }, select: { id: true, name: true, feedsQuarter: true } });
    if (!phase) throw new DomainError("找不到这个培训阶段");
    const attended = await tx.attendance.count({ where: { userId: viewer.id, status: { in: [...ATTENDED] }, session: { phaseId: phase.id } } });
    if (attended === 0) throw new DomainError("只有参加了本阶段培训（至少出勤一场）的学员才能填写行动计划表");
    const existing = await tx.$queryRaw<{ id: string; status: string }[]>`
      SELECT id, status::text AS status FROM "ActionPlan" WHERE "phaseId" = ${phase.id} AND "userId" = ${viewer.id} FOR UPDATE`;
    if (existing[0]?.status === "SUBMITTED") throw new DomainError("行动计划表已提交，不能再修改");
    const submit = input.intent === "submit";
    const data = {
      goals: input.goals,
      actions: input.actions,
      deadline: input.deadline ? isoToDate(input.deadline) : null,
      resources: input.resources,
      successMeasure: input.successMeasure,
      status: submit ? ("SUBMITTED" as const) : ("DRAFT" as const),
      submittedAt: submit ? new Date() : null,
      quarter: submit ? phase.feedsQuarter : null,
    };
    const saved = existing[0]
      ? await tx.actionPlan.update({ where: { id: existing[0].id }, data })
      : await tx.actionPlan.create({ data: { phaseId: phase.id, userId: viewer.id, ...data } });
    await audit(tx, {
      ...auditRow(viewer.id, submit ? "ACTION_PLAN_SUBMIT" : "ACTION_PLAN_SAVE_DRAFT", "ActionPlan", saved.id),
      before: existing[0] ? { status: existing[0].status } : null,
      after: { phaseId: phase.id, ...data, deadline: input.deadline },
    });
    return { submitted: submit, quarter: data.quarter };
  });
}

// ─────────────────────────── branch head: follow-up and final score ───────────────────────────

/** The submitted plan of one of the branch head's own people, locked for the write; else a refusal. */
async function ownPlanForWrite(tx: Tx, viewer: Viewer, actionPlanId: string) {
  if (viewer.role !== "BRANCH_HEAD") throw new AuthorizationError("只有学员所在支行的支行长可以跟进和评分");
  const rows = await tx.$queryRaw<
    { id: string; userId: string; status: string; quarter: string | null; finalScore: number | null; name: string; branchId: string }[]
  >`
    SELECT p.id, p."userId", p.status::text AS status, p.quarter, p."finalScore"::float8 AS "finalScore", u.name, u."branchId"
    FROM "ActionPlan" p JOIN "User" u ON u.id = p."userId"
    WHERE p.id = ${actionPlanId}
    FOR UPDATE OF p`;
  const plan = rows[0];
  // Another branch's plan is refused exactly like a missing one.
  if (!plan || plan.branchId !== viewer.branchId || plan.status !== "SUBMITTED") throw new DomainError("找不到这份行动计划，或其不属于您支行的员工");
  return plan;
}

/** Records (or corrects) the follow-up at 30, 60 or 90 days of one of the branch's own people's plans. */
export async function recordFollowUp(viewer: Viewer, input: FollowUpInput): Promise<{ name: string }> {
  return db.$transaction(async (tx) => {
    const plan = await ownPlanForWrite(tx, viewer, input.actionPlanId);
    const before = await tx.actionPlanFollowUp.findUnique({ where: { actionPlanId_checkpoint: { actionPlanId: plan.id, checkpoint: input.checkpoint } } });
    const data = { status: input.status, note: input.note, recordedById: viewer.id, recordedAt: new Date() };
    await tx.actionPlanFollowUp.upsert({
      where: { actionPlanId_checkpoint: { actionPlanId: plan.id, checkpoint: input.checkpoint } },
      create: { actionPlanId: plan.id, checkpoint: input.checkpoint, ...data },
      update: data,
    });
    await audit(tx, {
      ...auditRow(viewer.id, "ACTION_PLAN_FOLLOW_UP", "ActionPlan", plan.id),
      before: before ? { checkpoint: before.checkpoint, status: before.status, note: before.note } : null,
      after: { checkpoint: input.checkpoint, status: input.status, note: input.note },
    });
    return { name: plan.name };
  });
}

/**
 * The branch head's final score (0–100) of a plan. Refused once the linked quarter is locked. When
 * the person already has a rating from indicator values in that quarter, it is re-scored in the same
 * transaction with the new action-plan score (audited); direct ratings stay as they are.
 */
export async function scoreActionPlan(viewer: Viewer, input: FinalScoreInput): Promise<{ name: string; rescored: boolean }> {
  return db.$transaction(async (tx) => {
    const plan = await ownPlanForWrite(tx, viewer, input.actionPlanId);
    let quarterOpen = false;
    if (plan.quarter) {
      const exists = await tx.appraisalQuarter.findUnique({ where: { quarter: plan.quarter }, select: { quarter: true } });
      if (exists) {
        const status = await quarterStatusForWrite(tx, plan.quarter);
        if (status === "LOCKED") throw new DomainError(`${quarterLabel(plan.quarter)}考评已锁定，不能再给行动计划评分`);
        quarterOpen = true;
      }
    }
    await tx.actionPlan.update({ where: { id: plan.id }, data: { finalScore: input.score, scoredById: viewer.id, scoredAt: new Date() } });
    await audit(tx, {
      ...auditRow(viewer.id, "ACTION_PLAN_SCORE", "ActionPlan", plan.id),
      before: { finalScore: plan.finalScore },
      after: { finalScore: input.score, quarter: plan.quarter },
    });
    const rescored = quarterOpen && plan.quarter ? await rescoreForActionPlan(tx, viewer, plan.quarter, plan.userId) : false;
    return { name: plan.name, rescored };
  });
}

/** Re-scores the person's indicator-based rating of the quarter with their current action-plan score. */
async function rescoreForActionPlan(tx: Tx, viewer: Viewer, quarterCode: string, userId: string): Promise<boolean> {
  const appraisal = await tx.appraisal.findUnique({ where: { userId_quarter: { userId, quarter: quarterCode } } });
  if (!appraisal || appraisal.values === null || appraisal.source === "MANUAL") return false;
  const quarter = await findQuarter(tx, quarterCode);
  if (!quarter) return false;
  const planScore = await actionPlanScoreFor(tx, quarterCode, userId);
  const values = withActionPlanValue(appraisal.values as Record<string, number>, planScore) as Record<string, number>;
  const { score, rating } = scoreAndRate(scorecardForPerson(quarter.template.template, planScore), quarter.template.bands, values);
  await tx.appraisal.update({
    where: { id: appraisal.id },
    data: { values: values as Prisma.InputJsonValue, score, rating, version: { increment: 1 }, updatedById: viewer.id },
  });
  await audit(tx, {
    ...auditRow(viewer.id, "APPRAISAL_RESCORE", "Appraisal", `${quarterCode}:${userId}`),
    before: { score: num(appraisal.score), rating: appraisal.rating, values: appraisal.values, version: appraisal.version },
    after: { score, rating, values, version: appraisal.version + 1 },
    note: "行动计划最终评分变更后重新计算",
  });
  return true;
}

/** The branch head's own people's submitted plans, newest phase first, with follow-ups and what is due. */
export async function listBranchActionPlans(viewer: Viewer, today: IsoDate = todayInShanghai()): Promise<BranchActionPlanView[] | null> {
  if (viewer.role !== "BRANCH_HEAD") return null;
  const plans = await db.actionPlan.findMany({
    where: { status: "SUBMITTED", user: { branchId: viewer.branchId } },
    include: { followUps: true, user: { select: { id: true, name: true, employeeNo: true } }, phase: { select: { name: true, startsOn: true } } },
    orderBy: [{ phase: { startsOn: "desc" } }, { user: { employeeNo: "asc" } }],
  });
  const quarters = [...new Set(plans.map((p) => p.quarter).filter((q): q is string => !!q))];
  const locked = new Set(
    (await db.appraisalQuarter.findMany({ where: { quarter: { in: quarters }, status: "LOCKED" }, select: { quarter: true } })).map((q) => q.quarter),
  );
  const names = await recorderNames(plans.flatMap((p) => p.followUps));
  return plans.map((p) => {
    const followUps = toFollowUpViews(p.followUps, names);
    const done = new Set(p.followUps.map((f) => f.checkpoint));
    return {
      id: p.id,
      userId: p.user.id,
      name: p.user.name,
      employeeNo: p.user.employeeNo,
      phaseName: p.phase.name,
      goals: p.goals,
      actions: p.actions,
      deadline: isoDay(p.deadline),
      resources: p.resources,
      successMeasure: p.successMeasure,
      submittedAt: p.submittedAt!.toISOString(),
      quarter: p.quarter,
      quarterLocked: p.quarter ? locked.has(p.quarter) : false,
      finalScore: num(p.finalScore),
      followUps,
      dueCheckpoints: FOLLOW_UP_CHECKPOINTS.filter((c) => !done.has(c) && checkpointDueOn(p.submittedAt!, c) <= today),
    };
  });
}

/**
 * Follow-ups the branch head owes: checkpoints whose day has come without a follow-up, on plans not
 * yet given a final score. For the branch home page panel.
 */
export async function listFollowUpsDue(viewer: Viewer, today: IsoDate = todayInShanghai()): Promise<FollowUpDue[]> {
  if (viewer.role !== "BRANCH_HEAD") return [];
  const rows = await db.$queryRaw<{ id: string; name: string; phaseName: string; checkpoint: number; dueOn: string }[]>`
    SELECT p.id, u.name, ph.name AS "phaseName", c.checkpoint, ((p."submittedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date + c.checkpoint)::text AS "dueOn"
    FROM "ActionPlan" p
    JOIN "User" u ON u.id = p."userId"
    JOIN "Phase" ph ON ph.id = p."phaseId"
    CROSS JOIN (VALUES (30), (60), (90)) AS c(checkpoint)
    WHERE p.status = 'SUBMITTED' AND p."finalScore" IS NULL AND u."branchId" = ${viewer.branchId}
      AND (p."submittedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date + c.checkpoint <= ${today}::date
      AND NOT EXISTS (SELECT 1 FROM "ActionPlanFollowUp" f WHERE f."actionPlanId" = p.id AND f.checkpoint = c.checkpoint)
    ORDER BY 5, u."employeeNo"`;
  return rows.map((r) => ({ actionPlanId: r.id, name: r.name, phaseName: r.phaseName, checkpoint: Number(r.checkpoint), dueOn: r.dueOn }));
}
