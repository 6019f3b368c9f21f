import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db";
import type { Viewer } from "@/lib/server/auth/viewer";
import { AuthorizationError, DomainError } from "@/lib/server/errors";
import { priorityWindow, type ContestEventKind } from "@/lib/domain/contest";
import { dateToIso, quarterOf } from "@/lib/domain/dates";
import { phaseSelect } from "../programme/shared";
import type { ContestEventView, ContestSummaryView, ContestView, EntrantView } from "./views";

export type Client = Tx;

export function assertHr(viewer: Viewer): void {
  if (viewer.role !== "HR") throw new AuthorizationError();
}

export const num = (value: Prisma.Decimal | number | string | null | undefined): number => (value === null || value === undefined ? 0 : Number(value));

export function isUniqueViolation(error: unknown, fragment?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  if (!fragment) return true;
  return JSON.stringify(error.meta ?? {}).includes(fragment) || error.message.includes(fragment);
}

export const EVENT_ORDER: ContestEventKind[] = ["KNOWLEDGE_TEST", "OPERATIONS", "PITCH", "TEAM_PROPOSAL"];

/** A contest phase as its summary reads it: the phase (as every programme view reads it), its year and teams. */
export const contestPhaseSelect = { ...phaseSelect, programme: { select: { year: true } }, _count: { select: { contestTeams: true } } } as const;

/** Entrants and withdrawals per contest, in one grouped query. */
export async function entrantCounts(client: Client, phaseIds: string[]): Promise<Map<string, { _all: number; withdrawnAt: number }>> {
  const counts = await client.contestEntrant.groupBy({ by: ["phaseId"], where: { phaseId: { in: phaseIds } }, _count: { _all: true, withdrawnAt: true } });
  return new Map(counts.map((c) => [c.phaseId, c._count]));
}

export function contestSummary(
  phase: Prisma.PhaseGetPayload<{ select: typeof contestPhaseSelect }>,
  counts: { _all: number; withdrawnAt: number } | undefined,
  lockedEvents: number,
): ContestSummaryView {
  const withdrawn = counts?.withdrawnAt ?? 0;
  return {
    id: phase.id,
    year: phase.programme.year,
    name: `${phase.programme.year}年${phase.name}`,
    startsOn: dateToIso(phase.startsOn),
    endsOn: dateToIso(phase.endsOn),
    entrants: (counts?._all ?? 0) - withdrawn,
    withdrawn,
    teams: phase._count.contestTeams,
    lockedEvents,
  };
}

/** A contest (a SKILLS_CONTEST phase) with its events and counts, or null. */
export async function loadContest(client: Client, phaseId: string): Promise<ContestView | null> {
  const phase = await client.phase.findFirst({
    where: { id: phaseId, kind: "SKILLS_CONTEST" },
    select: {
      ...contestPhaseSelect,
      contestEvents: {
        select: { id: true, kind: true, heldOn: true, maxScore: true, weight: true, lockedAt: true, _count: { select: { judges: true, scores: true } } },
      },
    },
  });
  if (!phase) return null;
  const counts = await entrantCounts(client, [phaseId]);
  const events: ContestEventView[] = phase.contestEvents
    .map((e) => ({
      id: e.id,
      kind: e.kind as ContestEventKind,
      heldOn: dateToIso(e.heldOn),
      maxScore: num(e.maxScore),
      weight: num(e.weight),
      locked: e.lockedAt !== null,
      lockedAt: e.lockedAt?.toISOString() ?? null,
      judges: e._count.judges,
      scores: e._count.scores,
    }))
    .sort((a, b) => EVENT_ORDER.indexOf(a.kind) - EVENT_ORDER.indexOf(b.kind));
  const summary = contestSummary(phase, counts.get(phaseId), events.filter((e) => e.locked).length);
  const window = priorityWindow(quarterOf(summary.endsOn));
  return { ...summary, events, awardQuarter: quarterOf(summary.endsOn), priorityFrom: window.from, priorityTo: window.to };
}

export async function contestOrThrow(client: Client, phaseId: string): Promise<ContestView> {
  const contest = await loadContest(client, phaseId);
  if (!contest) throw new DomainError("找不到该业务技能大比拼");
  return contest;
}

/** The event with its contest; refuses a locked event unless `allowLocked`. */
export async function eventOrThrow(client: Client, eventId: string) {
  const event = await client.contestEvent.findUnique({
    where: { id: eventId },
    select: { id: true, kind: true, phaseId: true, heldOn: true, maxScore: true, weight: true, lockedAt: true, phase: { select: { kind: true } } },
  });
  if (!event || event.phase.kind !== "SKILLS_CONTEST") throw new DomainError("找不到该比赛项目");
  return { ...event, kind: event.kind as ContestEventKind, maxScore: num(event.maxScore), weight: num(event.weight) };
}

/** A judged event as a judge's list and score sheet head it: contest, event, date, maximum and lock. */
export const judgedEventSelect = {
  id: true,
  kind: true,
  phaseId: true,
  heldOn: true,
  maxScore: true,
  lockedAt: true,
  phase: { select: { name: true, programme: { select: { year: true } } } },
} satisfies Prisma.ContestEventSelect;

export function judgedEventHead(e: Prisma.ContestEventGetPayload<{ select: typeof judgedEventSelect }>) {
  const contestName = `${e.phase.programme.year}年${e.phase.name}`;
  return { eventId: e.id, kind: e.kind as ContestEventKind, contestName, heldOn: dateToIso(e.heldOn), maxScore: num(e.maxScore), locked: e.lockedAt !== null };
}

export const LOCKED_MESSAGE = "该项目已锁定，评分已截止；如需更正，请由人力资源部填写原因后更正";

/** Who an entrant or judge is: the person's name and number, and the branch. */
export const personAndBranch = { user: { select: { name: true, employeeNo: true } }, branch: { select: { name: true } } } as const;

/** What an entrant list reads: the person, the branch, the withdrawal and the team. */
export const entrantSelect = {
  id: true,
  userId: true,
  branchId: true,
  withdrawnAt: true,
  withdrawnReason: true,
  ...personAndBranch,
  memberships: { select: { team: { select: { name: true } } } },
} satisfies Prisma.ContestEntrantSelect;

/** Entrant lists are ordered by branch, then employee number. */
export const entrantOrder: Prisma.ContestEntrantOrderByWithRelationInput[] = [{ branch: { code: "asc" } }, { user: { employeeNo: "asc" } }];

export function entrantView(r: Prisma.ContestEntrantGetPayload<{ select: typeof entrantSelect }>): EntrantView {
  return {
    id: r.id,
    userId: r.userId,
    name: r.user.name,
    employeeNo: r.user.employeeNo,
    branchId: r.branchId,
    branchName: r.branch.name,
    withdrawn: r.withdrawnAt ? { at: r.withdrawnAt.toISOString(), reason: r.withdrawnReason ?? "" } : null,
    teamName: r.memberships[0]?.team.name ?? null,
  };
}
