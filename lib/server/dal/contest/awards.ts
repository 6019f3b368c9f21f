import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { auditRow } from "@/lib/server/audit-row";
import { DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import {
  AWARD_LABELS,
  RANKING_LABELS,
  awardGoesToTeam,
  awardQuartersCovering,
  awardShape,
  priorityWindow,
  priorityCovers,
  type AwardKind,
  type Ranking,
} from "@/lib/domain/contest";
import { quarterOf, todayInShanghai, type Quarter } from "@/lib/domain/dates";
import { assertHr, contestOrThrow, type Client } from "./shared";
import type { PriorityHolderView, PriorityMarkView } from "./views";

/** HR grants a prize in a ranking or a title, to an entrant or a team of the contest. */
export async function grantAward(
  viewer: Viewer,
  input: { phaseId: string; kind: AwardKind; ranking: Ranking | null; holderId: string; note?: string | null },
): Promise<string> {
  assertHr(viewer);
  const shape = awardShape(input.kind);
  if (shape.ranked && !input.ranking) throw new DomainError("请选择该奖项所属的排名", { ranking: ["请选择排名"] });
  const ranking = shape.ranked ? input.ranking : null;
  const toTeam = awardGoesToTeam(input.kind, ranking);
  return db.$transaction(async (tx) => {
    const contest = await contestOrThrow(tx, input.phaseId);
    let holderName: string;
    if (toTeam) {
      const team = await tx.contestTeam.findFirst({ where: { id: input.holderId, phaseId: contest.id }, select: { name: true } });
      if (!team) throw new DomainError("该奖项颁给团队，请选择本次比赛的团队", { holderId: ["请选择团队"] });
      holderName = team.name;
    } else {
      const entrant = await tx.contestEntrant.findFirst({
        where: { id: input.holderId, phaseId: contest.id },
        select: { withdrawnAt: true, user: { select: { name: true } } },
      });
      if (!entrant) throw new DomainError("该奖项颁给个人，请选择本次比赛的参赛人员", { holderId: ["请选择参赛人员"] });
      if (entrant.withdrawnAt) throw new DomainError(`${entrant.user.name}已退赛，不能获奖`);
      holderName = entrant.user.name;
    }
    const duplicate = await tx.contestAward.findFirst({
      where: { phaseId: contest.id, kind: input.kind, ranking, revokedAt: null, ...(toTeam ? { teamId: input.holderId } : { entrantId: input.holderId }) },
      select: { id: true },
    });
    if (duplicate) throw new DomainError(`${holderName}已获得该奖项`);
    const award = await tx.contestAward.create({
      data: {
        phaseId: contest.id,
        kind: input.kind,
        ranking,
        quarter: contest.awardQuarter,
        note: input.note?.trim() || null,
        grantedById: viewer.id,
        ...(toTeam ? { teamId: input.holderId } : { entrantId: input.holderId }),
      },
      select: { id: true },
    });
    await audit(tx, {
      ...auditRow(viewer.id, "CONTEST_AWARD", "ContestAward", award.id),
      after: {
        phaseId: contest.id,
        kind: input.kind,
        ranking,
        holder: holderName,
        holderId: input.holderId,
        team: toTeam,
        quarter: contest.awardQuarter,
        priority: priorityWindow(contest.awardQuarter),
      },
    });
    return `${holderName}：${ranking ? `${RANKING_LABELS[ranking]} ` : ""}${AWARD_LABELS[input.kind]}`;
  });
}

/** HR revokes an award granted by mistake, with a reason; the row stays as history. */
export async function revokeAward(viewer: Viewer, awardId: string, reason: string): Promise<void> {
  assertHr(viewer);
  await db.$transaction(async (tx) => {
    const award = await tx.contestAward.findUnique({ where: { id: awardId }, select: { id: true, kind: true, revokedAt: true } });
    if (!award) throw new DomainError("找不到该奖项");
    if (award.revokedAt) throw new DomainError("该奖项已撤销");
    await tx.contestAward.update({ where: { id: award.id }, data: { revokedAt: new Date(), revokedReason: reason } });
    await audit(tx, {
      ...auditRow(viewer.id, "CONTEST_AWARD_REVOKE", "ContestAward", award.id),
      before: { revoked: false },
      after: { revoked: true, reason },
      note: reason,
    });
  });
}

/**
 * Skills-contest honours per person for a reviewed quarter (DOMAIN §5.9): the number of live
 * awards — their own or their team's — whose priority window (the four quarters after the award's
 * quarter) covers it. One set-based query; people without honours are absent.
 */
export async function honoursForQuarter(client: Client, quarter: Quarter): Promise<Map<string, number>> {
  const { from, to } = awardQuartersCovering(quarter);
  const rows = await client.$queryRaw<{ userId: string; honours: number }[]>(Prisma.sql`
    SELECT holder."userId", count(DISTINCT holder."awardId")::int AS honours
    FROM (
      SELECT e."userId", a.id AS "awardId"
      FROM "ContestAward" a JOIN "ContestEntrant" e ON e.id = a."entrantId"
      WHERE a."revokedAt" IS NULL AND a.quarter BETWEEN ${from} AND ${to}
      UNION ALL
      SELECT e."userId", a.id AS "awardId"
      FROM "ContestAward" a
      JOIN "ContestTeamMember" m ON m."teamId" = a."teamId"
      JOIN "ContestEntrant" e ON e.id = m."entrantId"
      WHERE a."revokedAt" IS NULL AND a.quarter BETWEEN ${from} AND ${to}
    ) holder
    GROUP BY holder."userId"`);
  return new Map(rows.map((r) => [r.userId, Number(r.honours)]));
}

/** A person's awards with their priority windows (newest first); `active` for today's quarter. */
export async function priorityMarks(userIds: string[], today = todayInShanghai()): Promise<Map<string, PriorityMarkView[]>> {
  const result = new Map<string, PriorityMarkView[]>();
  if (userIds.length === 0) return result;
  const awards = await db.contestAward.findMany({
    where: {
      revokedAt: null,
      OR: [{ entrant: { userId: { in: userIds } } }, { team: { members: { some: { entrant: { userId: { in: userIds } } } } } }],
    },
    select: {
      kind: true,
      ranking: true,
      quarter: true,
      phase: { select: { name: true, programme: { select: { year: true } } } },
      entrant: { select: { userId: true } },
      team: { select: { name: true, members: { select: { entrant: { select: { userId: true } } } } } },
    },
    orderBy: [{ quarter: "desc" }, { createdAt: "asc" }],
  });
  const wanted = new Set(userIds);
  const current = quarterOf(today);
  for (const a of awards) {
    const holders = a.entrant ? [a.entrant.userId] : (a.team?.members.map((m) => m.entrant.userId) ?? []);
    const window = priorityWindow(a.quarter);
    const label = `${a.ranking && a.ranking in RANKING_LABELS ? `${RANKING_LABELS[a.ranking as Ranking]}` : ""}${AWARD_LABELS[a.kind as AwardKind]}${a.team ? `（团队「${a.team.name}」）` : ""}`;
    for (const userId of holders) {
      if (!wanted.has(userId)) continue;
      const mark: PriorityMarkView = {
        awardLabel: label,
        contestName: `${a.phase.programme.year}年${a.phase.name}`,
        from: window.from,
        to: window.to,
        active: priorityCovers(a.quarter, current),
      };
      result.set(userId, [...(result.get(userId) ?? []), mark]);
    }
  }
  return result;
}

/**
 * People in the viewer's scope (HR: the bank; a branch head: their branch) who carry
 * 晋升和调配优先 today, for the branch and HR dashboards. Others get an empty list.
 */
export async function priorityHoldersForViewer(viewer: Viewer, today = todayInShanghai()): Promise<PriorityHolderView[]> {
  if (viewer.role !== "HR" && viewer.role !== "BRANCH_HEAD") return [];
  const { from, to } = awardQuartersCovering(quarterOf(today));
  const branchFilter = viewer.role === "HR" ? Prisma.empty : Prisma.sql`AND u."branchId" = ${viewer.branchId}`;
  const rows = await db.$queryRaw<
    { userId: string; name: string; employeeNo: string; branchName: string; kind: string; ranking: string | null; quarter: string }[]
  >(Prisma.sql`
    SELECT u.id AS "userId", u.name, u."employeeNo", b.name AS "branchName", a.kind::text AS kind, a.ranking, a.quarter
    FROM "ContestAward" a
    LEFT JOIN "ContestTeamMember" m ON m."teamId" = a."teamId"
    JOIN "ContestEntrant" e ON e.id = COALESCE(a."entrantId", m."entrantId")
    JOIN "User" u ON u.id = e."userId" AND u.status = 'ACTIVE'
    JOIN "Branch" b ON b.id = u."branchId"
    WHERE a."revokedAt" IS NULL AND a.quarter BETWEEN ${from} AND ${to} ${branchFilter}
    ORDER BY b.code, u."employeeNo", a.quarter`);
  const byUser = new Map<string, PriorityHolderView>();
  for (const r of rows) {
    const label = `${r.ranking && r.ranking in RANKING_LABELS ? RANKING_LABELS[r.ranking as Ranking] : ""}${AWARD_LABELS[r.kind as AwardKind]}`;
    const until = priorityWindow(r.quarter).to;
    const current = byUser.get(r.userId);
    if (current) {
      current.awards.push(label);
      if (until > current.until) current.until = until;
    } else {
      byUser.set(r.userId, { userId: r.userId, name: r.name, employeeNo: r.employeeNo, branchName: r.branchName, awards: [label], until });
    }
  }
  return [...byUser.values()];
}
