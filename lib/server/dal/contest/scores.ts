import "server-only";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { auditRow } from "@/lib/server/audit-row";
import { AuthorizationError, DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { CONTEST_EVENT_LABELS, isJudgedEvent, isTeamEvent, judgeHasConflict, scoreProblem } from "@/lib/domain/contest";
import { LOCKED_MESSAGE, assertHr, eventOrThrow, isUniqueViolation, judgedEventHead, judgedEventSelect, num, type Client } from "./shared";
import type { JudgeSheetView, ScoreRowView } from "./views";

type Judge = { id: string; userId: string | null; branchId: string | null; name: string; branchName: string | null };

/** The judge a viewer scores as: themselves, or (HR only) any judge of the event, e.g. an external one. */
async function judgeFor(tx: Client, viewer: Viewer, eventId: string, judgeId?: string | null): Promise<Judge> {
  const select = { id: true, userId: true, branchId: true, externalName: true, user: { select: { name: true } }, branch: { select: { name: true } } } as const;
  const row =
    judgeId && viewer.role === "HR"
      ? await tx.contestJudge.findFirst({ where: { id: judgeId, eventId }, select })
      : await tx.contestJudge.findFirst({ where: { eventId, userId: viewer.id }, select });
  if (!row) throw new AuthorizationError("您不是该项目的评委，不能评分");
  return { id: row.id, userId: row.userId, branchId: row.branchId, name: row.user?.name ?? row.externalName ?? "", branchName: row.branch?.name ?? null };
}

/** One judge's score for one entrant (PITCH) or team (TEAM_PROPOSAL): once, never for their own branch. */
export async function submitJudgeScore(viewer: Viewer, input: { eventId: string; judgeId?: string | null; targetId: string; score: number }): Promise<string> {
  try {
    return await db.$transaction(async (tx) => {
      const event = await eventOrThrow(tx, input.eventId);
      if (!isJudgedEvent(event.kind)) throw new DomainError(`${CONTEST_EVENT_LABELS[event.kind]}不由评委评分`);
      const judge = await judgeFor(tx, viewer, event.id, input.judgeId);
      if (event.lockedAt) throw new DomainError(LOCKED_MESSAGE);
      const team = isTeamEvent(event.kind);
      const target = team
        ? await tx.contestTeam.findFirst({ where: { id: input.targetId, phaseId: event.phaseId }, select: { id: true, name: true, branchId: true } })
        : await tx.contestEntrant
            .findFirst({
              where: { id: input.targetId, phaseId: event.phaseId },
              select: { id: true, branchId: true, withdrawnAt: true, user: { select: { name: true } } },
            })
            .then((e) => (e ? { id: e.id, name: e.user.name, branchId: e.branchId, withdrawn: e.withdrawnAt !== null } : null));
      if (!target) throw new DomainError(team ? "找不到该团队" : "找不到该参赛人员");
      if ("withdrawn" in target && target.withdrawn) throw new DomainError(`${target.name}已退赛，不能评分`);
      if (judgeHasConflict(judge.branchId, target.branchId)) {
        throw new DomainError(team ? "评委不能为本支行的团队评分（回避）" : "评委不能为本支行的参赛人员评分（回避）");
      }
      const problem = scoreProblem(input.score, event.maxScore);
      if (problem) throw new DomainError(problem, { score: [problem] });
      const already = await tx.contestScore.findFirst({
        where: { judgeId: judge.id, ...(team ? { teamId: target.id } : { entrantId: target.id }) },
        select: { id: true },
      });
      if (already) throw new DomainError(`已为${target.name}评过分，不能重复评分`);
      const created = await tx.contestScore.create({
        data: {
          eventId: event.id,
          judgeId: judge.id,
          enteredById: viewer.id,
          score: input.score,
          ...(team ? { teamId: target.id } : { entrantId: target.id }),
        },
        select: { id: true },
      });
      await audit(tx, {
        ...auditRow(viewer.id, "CONTEST_SCORE", "ContestScore", created.id),
        after: { eventId: event.id, kind: event.kind, judgeId: judge.id, judge: judge.name, target: target.name, targetId: target.id, score: input.score },
      });
      return target.name;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("该评委已为其评过分，不能重复评分");
    throw error;
  }
}

/**
 * Scores of the written test or the practical (one per entrant), entered by HR. Before the lock
 * they may be entered again (audited before/after); after it, only with a correction reason.
 */
export async function saveDirectScores(
  viewer: Viewer,
  input: { eventId: string; rows: { entrantId: string; score: number }[]; reason?: string | null },
  client?: Client,
): Promise<number> {
  assertHr(viewer);
  const run = async (tx: Client) => {
    const event = await eventOrThrow(tx, input.eventId);
    if (isJudgedEvent(event.kind)) throw new DomainError(`${CONTEST_EVENT_LABELS[event.kind]}由评委评分`);
    const reason = input.reason?.trim() ?? "";
    if (event.lockedAt && reason.length < 2) throw new DomainError("该项目已锁定，更正成绩须填写原因（至少 2 个字）", { reason: ["请填写更正原因"] });
    const ids = input.rows.map((r) => r.entrantId);
    if (new Set(ids).size !== ids.length) throw new DomainError("同一参赛人员出现了两次");
    const entrants = await tx.contestEntrant.findMany({
      where: { id: { in: ids }, phaseId: event.phaseId },
      select: { id: true, withdrawnAt: true, user: { select: { name: true } } },
    });
    const byId = new Map(entrants.map((e) => [e.id, e]));
    const problems: string[] = [];
    for (const row of input.rows) {
      const e = byId.get(row.entrantId);
      if (!e) problems.push("有人员不是本次比赛的参赛人员");
      else if (e.withdrawnAt) problems.push(`${e.user.name}已退赛`);
      const p = scoreProblem(row.score, event.maxScore);
      if (p) problems.push(`${e?.user.name ?? ""}：${p}`);
    }
    if (problems.length) throw new DomainError(problems.join("；"));
    const existing = await tx.contestScore.findMany({
      where: { eventId: event.id, judgeId: null, entrantId: { in: ids } },
      select: { id: true, entrantId: true, score: true },
    });
    const before = new Map(existing.map((s) => [s.entrantId!, s]));
    const entries = [];
    for (const row of input.rows) {
      const old = before.get(row.entrantId);
      if (old && num(old.score) === row.score) continue;
      const saved = old
        ? await tx.contestScore.update({
            where: { id: old.id },
            data: { score: row.score, enteredById: viewer.id, correctionNote: event.lockedAt ? reason : null },
            select: { id: true },
          })
        : await tx.contestScore.create({
            data: { eventId: event.id, entrantId: row.entrantId, score: row.score, enteredById: viewer.id, correctionNote: event.lockedAt ? reason : null },
            select: { id: true },
          });
      entries.push({
        actorId: viewer.id,
        action: event.lockedAt ? "CONTEST_SCORE_CORRECT" : "CONTEST_SCORE",
        entity: "ContestScore",
        entityId: saved.id,
        before: old ? { score: num(old.score) } : null,
        after: { eventId: event.id, kind: event.kind, entrantId: row.entrantId, score: row.score },
        note: event.lockedAt ? reason : null,
      });
    }
    await audit(tx, entries);
    return entries.length;
  };
  return client ? run(client) : db.$transaction(run);
}

/** HR corrects one score (any event, before or after the lock) with a reason; audited before/after. */
export async function correctScore(viewer: Viewer, input: { scoreId: string; score: number; reason: string }): Promise<void> {
  assertHr(viewer);
  await db.$transaction(async (tx) => {
    const row = await tx.contestScore.findUnique({
      where: { id: input.scoreId },
      select: { id: true, eventId: true, score: true, judgeId: true, entrantId: true, teamId: true },
    });
    if (!row) throw new DomainError("找不到该成绩");
    const event = await eventOrThrow(tx, row.eventId);
    const reason = input.reason.trim();
    if (reason.length < 2) throw new DomainError("请填写更正原因（至少 2 个字）", { reason: ["请填写更正原因"] });
    const problem = scoreProblem(input.score, event.maxScore);
    if (problem) throw new DomainError(problem, { score: [problem] });
    await tx.contestScore.update({ where: { id: row.id }, data: { score: input.score, correctionNote: reason, enteredById: viewer.id } });
    await audit(tx, {
      ...auditRow(viewer.id, "CONTEST_SCORE_CORRECT", "ContestScore", row.id),
      before: { score: num(row.score) },
      after: {
        score: input.score,
        eventId: event.id,
        kind: event.kind,
        judgeId: row.judgeId,
        entrantId: row.entrantId,
        teamId: row.teamId,
        locked: event.lockedAt !== null,
      },
      note: reason,
    });
  });
}

/**
 * A judge's scoring sheet: the event's entrants (or teams) NOT from the judge's own branch, with
 * the judge's own score where given. Own-branch entrants are never offered (only counted).
 * HR may open the sheet of any judge of the event (to enter an external judge's scores).
 */
export async function judgeSheet(viewer: Viewer, eventId: string, judgeId?: string | null): Promise<JudgeSheetView | null> {
  const event = await db.contestEvent.findUnique({ where: { id: eventId }, select: judgedEventSelect });
  if (!event || !isJudgedEvent(event.kind)) return null;
  let judge: Judge;
  try {
    judge = await judgeFor(db, viewer, event.id, judgeId);
  } catch {
    return null;
  }
  const team = isTeamEvent(event.kind);
  const mine = await db.contestScore.findMany({ where: { judgeId: judge.id }, select: { entrantId: true, teamId: true, score: true } });
  const myScore = new Map(mine.map((s) => [(team ? s.teamId : s.entrantId) ?? "", num(s.score)]));
  let all: { id: string; name: string; detail: string; branchId: string; branchName: string }[];
  if (team) {
    const teams = await db.contestTeam.findMany({
      where: { phaseId: event.phaseId },
      select: {
        id: true,
        name: true,
        branchId: true,
        branch: { select: { name: true, code: true } },
        members: { select: { entrant: { select: { user: { select: { name: true } } } } } },
      },
      orderBy: [{ branch: { code: "asc" } }, { name: "asc" }],
    });
    all = teams.map((t) => ({
      id: t.id,
      name: t.name,
      detail: t.members.map((m) => m.entrant.user.name).join("、"),
      branchId: t.branchId,
      branchName: t.branch.name,
    }));
  } else {
    const entrants = await db.contestEntrant.findMany({
      where: { phaseId: event.phaseId, withdrawnAt: null },
      select: { id: true, branchId: true, branch: { select: { name: true } }, user: { select: { name: true, employeeNo: true } } },
      orderBy: [{ branch: { code: "asc" } }, { user: { employeeNo: "asc" } }],
    });
    all = entrants.map((e) => ({ id: e.id, name: e.user.name, detail: `工号 ${e.user.employeeNo}`, branchId: e.branchId, branchName: e.branch.name }));
  }
  const allowed = all.filter((t) => !judgeHasConflict(judge.branchId, t.branchId));
  return {
    ...judgedEventHead(event),
    judge: { id: judge.id, name: judge.name, branchName: judge.branchName },
    targets: allowed.map((t) => ({ id: t.id, name: t.name, detail: t.detail, branchName: t.branchName, myScore: myScore.get(t.id) ?? null })),
    ownBranchLeftOut: all.length - allowed.length,
  };
}

/** Every score of an event, for HR's page (entering, checking and correcting). */
export async function eventScores(viewer: Viewer, eventId: string): Promise<ScoreRowView[]> {
  assertHr(viewer);
  const rows = await db.contestScore.findMany({
    where: { eventId },
    select: {
      id: true,
      score: true,
      correctionNote: true,
      entrantId: true,
      teamId: true,
      entrant: { select: { user: { select: { name: true, employeeNo: true } }, branch: { select: { name: true } } } },
      team: { select: { name: true, branch: { select: { name: true } } } },
      judge: { select: { externalName: true, user: { select: { name: true } } } },
    },
  });
  return rows
    .map((r) => ({
      id: r.id,
      targetId: (r.entrantId ?? r.teamId)!,
      targetName: r.entrant?.user.name ?? r.team?.name ?? "",
      targetDetail: r.entrant ? `工号 ${r.entrant.user.employeeNo}` : "",
      branchName: r.entrant?.branch.name ?? r.team?.branch.name ?? "",
      judgeName: r.judge ? (r.judge.user?.name ?? r.judge.externalName ?? "") : null,
      score: num(r.score),
      correctionNote: r.correctionNote,
    }))
    .sort(
      (a, b) =>
        a.branchName.localeCompare(b.branchName, "zh-CN") ||
        a.targetDetail.localeCompare(b.targetDetail) ||
        a.targetName.localeCompare(b.targetName, "zh-CN") ||
        (a.judgeName ?? "").localeCompare(b.judgeName ?? "", "zh-CN"),
    );
}
