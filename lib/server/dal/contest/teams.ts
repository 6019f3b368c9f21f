import "server-only";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { auditRow } from "@/lib/server/audit-row";
import { AuthorizationError, DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { teamSizeProblem } from "@/lib/domain/contest";
import { entrantOrder, entrantSelect, entrantView, isUniqueViolation, type Client } from "./shared";
import type { EntrantView, TeamView } from "./views";

function assertTeamEditor(viewer: Viewer): void {
  if (viewer.role !== "HR" && viewer.role !== "BRANCH_HEAD") throw new AuthorizationError();
}

/** Teams of a contest; a branch head sees only their own branch's. */
export async function listTeams(viewer: Viewer, phaseId: string): Promise<TeamView[]> {
  assertTeamEditor(viewer);
  const rows = await db.contestTeam.findMany({
    where: { phaseId, ...(viewer.role === "HR" ? {} : { branchId: viewer.branchId }) },
    select: {
      id: true,
      name: true,
      branchId: true,
      branch: { select: { name: true } },
      members: { select: { entrantId: true, entrant: { select: { user: { select: { name: true, employeeNo: true } } } } } },
      _count: { select: { scores: true } },
    },
    orderBy: [{ branch: { code: "asc" } }, { name: "asc" }],
  });
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    branchId: t.branchId,
    branchName: t.branch.name,
    members: t.members
      .map((m) => ({ entrantId: m.entrantId, name: m.entrant.user.name, employeeNo: m.entrant.user.employeeNo }))
      .sort((a, b) => a.employeeNo.localeCompare(b.employeeNo)),
    scored: t._count.scores > 0,
  }));
}

/** Active entrants a viewer may put in teams (a branch head: their own branch), with their team. */
export async function teamCandidates(viewer: Viewer, phaseId: string): Promise<EntrantView[]> {
  assertTeamEditor(viewer);
  const rows = await db.contestEntrant.findMany({
    where: { phaseId, withdrawnAt: null, ...(viewer.role === "HR" ? {} : { branchId: viewer.branchId }) },
    select: entrantSelect,
    orderBy: entrantOrder,
  });
  return rows.map(entrantView);
}

/** A team as a change or its dissolution reads it (the audit row's before). */
const teamForChange = { id: true, name: true, branchId: true, members: { select: { entrantId: true } } } as const;

async function teamEventLocked(tx: Client, phaseId: string): Promise<boolean> {
  const event = await tx.contestEvent.findUnique({ where: { phaseId_kind: { phaseId, kind: "TEAM_PROPOSAL" } }, select: { lockedAt: true } });
  return event?.lockedAt != null;
}

/**
 * Creates or changes a team: 3–6 active entrants of one branch (a branch head's own), none in
 * another team of the contest. The database's unique index on (contest, entrant) backs the check.
 */
export async function saveTeam(
  viewer: Viewer,
  input: { phaseId: string; teamId?: string; name: string; entrantIds: string[] },
): Promise<{ id: string; name: string }> {
  assertTeamEditor(viewer);
  const ids = [...new Set(input.entrantIds)];
  const sizeProblem = teamSizeProblem(ids.length);
  if (sizeProblem) throw new DomainError(sizeProblem, { entrantIds: [sizeProblem] });
  try {
    return await db.$transaction(async (tx) => {
      const phase = await tx.phase.findFirst({ where: { id: input.phaseId, kind: "SKILLS_CONTEST" }, select: { id: true } });
      if (!phase) throw new DomainError("找不到该业务技能大比拼");
      if (await teamEventLocked(tx, input.phaseId)) throw new DomainError("团队项目已锁定，不能再调整团队");
      const existing = input.teamId
        ? await tx.contestTeam.findFirst({
            where: { id: input.teamId, phaseId: input.phaseId },
            select: teamForChange,
          })
        : null;
      if (input.teamId && !existing) throw new DomainError("找不到该团队");
      if (existing && viewer.role !== "HR" && existing.branchId !== viewer.branchId) throw new AuthorizationError();
      const entrants = await tx.contestEntrant.findMany({
        where: { id: { in: ids }, phaseId: input.phaseId },
        select: {
          id: true,
          branchId: true,
          withdrawnAt: true,
          user: { select: { name: true } },
          memberships: { select: { teamId: true, team: { select: { name: true } } } },
        },
      });
      if (entrants.length !== ids.length) throw new DomainError("有成员不是本次比赛的参赛人员");
      const withdrawn = entrants.filter((e) => e.withdrawnAt);
      if (withdrawn.length) throw new DomainError(`${withdrawn.map((e) => e.user.name).join("、")}已退赛，不能组队`);
      const branches = new Set(entrants.map((e) => e.branchId));
      if (branches.size !== 1) throw new DomainError("团队成员必须来自同一支行");
      const branchId = entrants[0].branchId;
      if (viewer.role !== "HR" && branchId !== viewer.branchId) throw new AuthorizationError("只能为本支行的参赛人员组队");
      if (existing && existing.branchId !== branchId) throw new DomainError("团队成员必须来自该团队所属的支行");
      const elsewhere = entrants.filter((e) => e.memberships.some((m) => m.teamId !== existing?.id));
      if (elsewhere.length) {
        throw new DomainError(elsewhere.map((e) => `${e.user.name}已在团队「${e.memberships[0].team.name}」中`).join("；") + "，每人只能参加一支团队");
      }
      const name = input.name.trim();
      const team = existing
        ? await tx.contestTeam.update({ where: { id: existing.id }, data: { name }, select: { id: true, name: true } })
        : await tx.contestTeam.create({ data: { phaseId: input.phaseId, branchId, name, createdById: viewer.id }, select: { id: true, name: true } });
      if (existing) await tx.contestTeamMember.deleteMany({ where: { teamId: existing.id } });
      await tx.contestTeamMember.createMany({ data: ids.map((entrantId) => ({ teamId: team.id, entrantId, phaseId: input.phaseId })) });
      await audit(tx, {
        ...auditRow(viewer.id, existing ? "CONTEST_TEAM_UPDATE" : "CONTEST_TEAM_CREATE", "ContestTeam", team.id),
        before: existing ? { name: existing.name, entrantIds: existing.members.map((m) => m.entrantId) } : null,
        after: { name, branchId, entrantIds: ids },
      });
      return team;
    });
  } catch (error) {
    if (isUniqueViolation(error, "name")) throw new DomainError("本次比赛已有同名团队，请换一个名称", { name: ["已有同名团队"] });
    if (isUniqueViolation(error)) throw new DomainError("有成员已在另一支团队中，每人只能参加一支团队");
    throw error;
  }
}

/** Dissolves a team that has no scores and no awards yet. */
export async function dissolveTeam(viewer: Viewer, teamId: string): Promise<string> {
  assertTeamEditor(viewer);
  return db.$transaction(async (tx) => {
    const team = await tx.contestTeam.findUnique({
      where: { id: teamId },
      select: { ...teamForChange, phaseId: true, _count: { select: { scores: true, awards: true } } },
    });
    if (!team || (viewer.role !== "HR" && team.branchId !== viewer.branchId)) throw new DomainError("找不到该团队");
    if (team._count.scores > 0 || team._count.awards > 0) throw new DomainError("该团队已有评分或奖项，不能解散");
    if (await teamEventLocked(tx, team.phaseId)) throw new DomainError("团队项目已锁定，不能再调整团队");
    await tx.contestTeam.delete({ where: { id: team.id } });
    await audit(tx, {
      ...auditRow(viewer.id, "CONTEST_TEAM_DISSOLVE", "ContestTeam", team.id),
      before: { name: team.name, entrantIds: team.members.map((m) => m.entrantId) },
    });
    return team.name;
  });
}
