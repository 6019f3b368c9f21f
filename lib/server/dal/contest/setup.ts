import "server-only";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { auditRow } from "@/lib/server/audit-row";
import { DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { DEFAULT_CONTEST_EVENTS, CONTEST_EVENT_LABELS } from "@/lib/domain/contest";
import { eligibleForPhase } from "@/lib/domain/programme";
import { GRADES, type Grade } from "@/lib/domain/grades";
import { dateToIso, formatIsoDate, isoToDate, parseIsoDate, type IsoDate } from "@/lib/domain/dates";
import {
  assertHr,
  contestOrThrow,
  contestPhaseSelect,
  contestSummary,
  entrantCounts,
  entrantOrder,
  entrantSelect,
  entrantView,
  eventOrThrow,
  loadContest,
  num,
  type Client,
} from "./shared";
import type { ContestSummaryView, ContestView, EntrantView } from "./views";

/** Every contest phase, newest first, with its counts (two queries, whatever the number of years). */
export async function listContests(): Promise<ContestSummaryView[]> {
  const phases = await db.phase.findMany({
    where: { kind: "SKILLS_CONTEST" },
    select: { ...contestPhaseSelect, contestEvents: { where: { lockedAt: { not: null } }, select: { id: true } } },
    orderBy: [{ startsOn: "desc" }],
  });
  const ids = phases.map((p) => p.id);
  const counts = await entrantCounts(db, ids);
  return phases.map((p) => contestSummary(p, counts.get(p.id), p.contestEvents.length));
}

export async function getContest(viewer: Viewer, phaseId: string): Promise<ContestView | null> {
  assertHr(viewer);
  return loadContest(db, phaseId);
}

/**
 * Opens a year's contest: the programme year (created if the year has none yet), its
 * 业务技能大比拼 phase for all account managers, the four events with default weights and
 * maximum scores, and the entrants eligible on the start date — in one transaction.
 */
export async function createContest(viewer: Viewer, input: { year: number; startsOn: IsoDate; endsOn: IsoDate }): Promise<{ id: string }> {
  assertHr(viewer);
  if (input.endsOn < input.startsOn) throw new DomainError("结束日期不能早于开始日期", { endsOn: ["结束日期不能早于开始日期"] });
  if (parseIsoDate(input.startsOn).y !== input.year) throw new DomainError("开始日期应在所选年度内", { startsOn: ["开始日期应在所选年度内"] });
  return db.$transaction(async (tx) => {
    const programme =
      (await tx.programmeYear.findUnique({ where: { year: input.year }, select: { id: true } })) ??
      (await tx.programmeYear.create({
        data: { year: input.year, name: `${input.year}年对公客户经理素质提升项目`, createdById: viewer.id },
        select: { id: true },
      }));
    const existing = await tx.phase.findUnique({ where: { programmeId_kind: { programmeId: programme.id, kind: "SKILLS_CONTEST" } }, select: { id: true } });
    if (existing) throw new DomainError(`${input.year}年已有业务技能大比拼，请直接打开它`);
    const phase = await tx.phase.create({
      data: {
        programmeId: programme.id,
        kind: "SKILLS_CONTEST",
        name: "业务技能大比拼",
        startsOn: isoToDate(input.startsOn),
        endsOn: isoToDate(input.endsOn),
        grades: [...GRADES],
        includeAssistants: false,
        status: "RUNNING",
      },
      select: { id: true },
    });
    const { y, m } = parseIsoDate(input.startsOn);
    const events = DEFAULT_CONTEST_EVENTS.map((e) => {
      let day = formatIsoDate(y, m, e.day);
      if (day < input.startsOn) day = input.startsOn;
      if (day > input.endsOn) day = input.endsOn;
      return { phaseId: phase.id, kind: e.kind, heldOn: isoToDate(day), maxScore: e.maxScore, weight: e.weight };
    });
    await tx.contestEvent.createMany({ data: events });
    await audit(tx, {
      ...auditRow(viewer.id, "CONTEST_CREATE", "Phase", phase.id),
      after: {
        year: input.year,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        events: events.map((e) => ({ kind: e.kind, heldOn: dateToIso(e.heldOn), maxScore: e.maxScore, weight: e.weight })),
      },
    });
    await addEligibleEntrants(tx, viewer.id, phase.id);
    return phase;
  });
}

/** Adds every eligible account manager not yet entered (in the role and eligible by the grade held on the start date). */
async function addEligibleEntrants(tx: Client, actorId: string, phaseId: string): Promise<number> {
  const phase = await tx.phase.findUniqueOrThrow({ where: { id: phaseId }, select: { startsOn: true, grades: true, includeAssistants: true } });
  const people = await tx.user.findMany({
    // In the role on the start date (someone who became an account manager later was not there).
    where: {
      role: "ACCOUNT_MANAGER",
      status: "ACTIVE",
      contestEntries: { none: { phaseId } },
      OR: [{ roleStartDate: null }, { roleStartDate: { lte: phase.startsOn } }],
    },
    select: {
      id: true,
      role: true,
      branchId: true,
      gradeChanges: { where: { voidedAt: null }, select: { effectiveDate: true, toGrade: true }, orderBy: [{ effectiveDate: "asc" }, { createdAt: "asc" }] },
    },
  });
  const startsOn = dateToIso(phase.startsOn);
  const eligible = people.filter((p) =>
    eligibleForPhase(
      { role: p.role, gradeHistory: p.gradeChanges.map((g) => ({ effectiveOn: dateToIso(g.effectiveDate), to: g.toGrade as Grade | null })) },
      { startsOn, grades: phase.grades as Grade[], includeAssistants: phase.includeAssistants },
    ),
  );
  if (eligible.length === 0) return 0;
  await tx.contestEntrant.createMany({ data: eligible.map((p) => ({ phaseId, userId: p.id, branchId: p.branchId })), skipDuplicates: true });
  await audit(tx, {
    actorId,
    action: "CONTEST_ENTRANTS_ADD",
    entity: "Phase",
    entityId: phaseId,
    after: { added: eligible.length, userIds: eligible.map((p) => p.id) },
  });
  return eligible.length;
}

export async function syncEntrants(viewer: Viewer, phaseId: string): Promise<number> {
  assertHr(viewer);
  return db.$transaction(async (tx) => {
    await contestOrThrow(tx, phaseId);
    return addEligibleEntrants(tx, viewer.id, phaseId);
  });
}

/** HR changes an event's date, maximum score and weight until it is locked. */
export async function saveEvent(viewer: Viewer, input: { eventId: string; heldOn: IsoDate; maxScore: number; weight: number }): Promise<string> {
  assertHr(viewer);
  return db.$transaction(async (tx) => {
    const event = await eventOrThrow(tx, input.eventId);
    if (event.lockedAt) throw new DomainError("该项目已锁定，不能再修改设置");
    const highest = await tx.contestScore.aggregate({ where: { eventId: event.id }, _max: { score: true } });
    const top = highest._max.score === null ? null : num(highest._max.score);
    if (top !== null && input.maxScore < top) {
      throw new DomainError(`已有 ${top} 分的成绩，满分不能低于它`, { maxScore: [`不能低于已录入的最高分 ${top}`] });
    }
    await tx.contestEvent.update({ where: { id: event.id }, data: { heldOn: isoToDate(input.heldOn), maxScore: input.maxScore, weight: input.weight } });
    await audit(tx, {
      ...auditRow(viewer.id, "CONTEST_EVENT_SAVE", "ContestEvent", event.id),
      before: { heldOn: dateToIso(event.heldOn), maxScore: event.maxScore, weight: event.weight },
      after: { heldOn: input.heldOn, maxScore: input.maxScore, weight: input.weight },
    });
    return CONTEST_EVENT_LABELS[event.kind];
  });
}

/** HR locks an event when it ends (irreversible): from then on only HR corrects, with a reason. */
export async function lockEvent(viewer: Viewer, eventId: string): Promise<string> {
  assertHr(viewer);
  return db.$transaction(async (tx) => {
    const event = await eventOrThrow(tx, eventId);
    if (event.lockedAt) throw new DomainError("该项目已经锁定");
    const updated = await tx.contestEvent.updateMany({ where: { id: event.id, lockedAt: null }, data: { lockedAt: new Date(), lockedById: viewer.id } });
    if (updated.count !== 1) throw new DomainError("该项目已经锁定");
    const scores = await tx.contestScore.count({ where: { eventId: event.id } });
    await audit(tx, { actorId: viewer.id, action: "CONTEST_EVENT_LOCK", entity: "ContestEvent", entityId: event.id, after: { kind: event.kind, scores } });
    return CONTEST_EVENT_LABELS[event.kind];
  });
}

export async function listEntrants(viewer: Viewer, phaseId: string): Promise<EntrantView[]> {
  assertHr(viewer);
  const rows = await db.contestEntrant.findMany({ where: { phaseId }, select: entrantSelect, orderBy: entrantOrder });
  return rows.map(entrantView);
}

/** HR withdraws an entrant with a reason; the row stays, and they leave the rankings. */
export async function withdrawEntrant(viewer: Viewer, entrantId: string, reason: string): Promise<string> {
  assertHr(viewer);
  return db.$transaction(async (tx) => {
    const entrant = await tx.contestEntrant.findUnique({
      where: { id: entrantId },
      select: { id: true, withdrawnAt: true, user: { select: { name: true } }, memberships: { select: { team: { select: { name: true } } } } },
    });
    if (!entrant) throw new DomainError("找不到该参赛人员");
    if (entrant.withdrawnAt) throw new DomainError(`${entrant.user.name}已经退赛`);
    if (entrant.memberships.length > 0)
      throw new DomainError(`${entrant.user.name}是团队「${entrant.memberships[0].team.name}」的成员，请先调整该团队的成员再退赛`);
    await tx.contestEntrant.update({ where: { id: entrantId }, data: { withdrawnAt: new Date(), withdrawnReason: reason, withdrawnById: viewer.id } });
    await audit(tx, {
      ...auditRow(viewer.id, "CONTEST_WITHDRAW", "ContestEntrant", entrantId),
      before: { withdrawn: false },
      after: { withdrawn: true, reason },
    });
    return entrant.user.name;
  });
}
