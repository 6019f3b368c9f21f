import "server-only";
import { assertCan, scopeOf } from "@/lib/server/auth/permissions";
import { userScopeSql } from "@/lib/server/dal/scope";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { todayInShanghai } from "@/lib/domain/dates";
import { cycleDeadline } from "@/lib/domain/competency";
import { weightsOf, type OpenCycleInput } from "@/lib/schemas/competencies";
import { cycleSelect, toCycleRef, type CycleRef } from "./shared";

export interface CycleListItem extends CycleRef {
  createdAt: Date;
  branches: { id: string; name: string }[];
  /** Account managers assessed (within the viewer's branch for a branch head). */
  participants: number;
  forms: number;
  submitted: number;
}

/**
 * Cycles the viewer may see, newest first: HR all of them, a branch head those covering their
 * branch (with counts for that branch only), an account manager those they are assessed in.
 */
export async function listCycles(viewer: Viewer, now = new Date()): Promise<CycleListItem[]> {
  const where: Prisma.AssessmentCycleWhereInput =
    viewer.role === "HR"
      ? {}
      : viewer.role === "BRANCH_HEAD"
        ? { branches: { some: { branchId: viewer.branchId } } }
        : { assessments: { some: { assesseeId: viewer.id, source: "SELF" } } };
  const cycles = await db.assessmentCycle.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { ...cycleSelect, createdAt: true, branches: { select: { branchId: true } } },
  });
  if (cycles.length === 0) return [];
  const branchNames = new Map((await db.branch.findMany({ select: { id: true, name: true } })).map((b) => [b.id, b.name]));
  const scope = Prisma.sql`AND a."assesseeId" IN (SELECT u.id FROM "User" u WHERE ${userScopeSql(scopeOf(viewer))})`;
  const counts = await db.$queryRaw<{ cycleId: string; participants: number; forms: number; submitted: number }[]>`
    SELECT a."cycleId", count(*) FILTER (WHERE a.source = 'SELF')::int AS participants, count(*)::int AS forms, count(a."submittedAt")::int AS submitted
    FROM "Assessment" a
    WHERE a."cycleId" IN (${Prisma.join(cycles.map((c) => c.id))}) ${scope}
    GROUP BY a."cycleId"`;
  const byCycle = new Map(counts.map((c) => [c.cycleId, c]));
  return cycles.map((c) => ({
    ...toCycleRef(c, now),
    createdAt: c.createdAt,
    branches: c.branches.map((b) => ({ id: b.branchId, name: branchNames.get(b.branchId) ?? b.branchId })).sort((a, b) => a.name.localeCompare(b.name, "zh")),
    participants: byCycle.get(c.id)?.participants ?? 0,
    forms: byCycle.get(c.id)?.forms ?? 0,
    submitted: byCycle.get(c.id)?.submitted ?? 0,
  }));
}

/** The branches a cycle can cover (every branch but the head office). */
export async function listAssessableBranches(viewer: Viewer) {
  assertCan(viewer, "competency.cycle");
  return db.branch.findMany({ where: { isHeadOffice: false }, orderBy: { code: "asc" }, select: { id: true, name: true } });
}

/**
 * HR opens a cycle on the current model version: for every active account manager of the chosen
 * branches a self-assessment form and a manager form (assessed by the branch head) are created;
 * peers are named afterwards, person by person. A branch can be in one open cycle at a time.
 */
export async function openCycle(
  viewer: Viewer,
  input: OpenCycleInput,
  now = new Date(),
): Promise<{ id: string; participants: number; withoutManager: number }> {
  assertCan(viewer, "competency.cycle");
  const today = todayInShanghai(now);
  if (input.deadline < today) throw new DomainError("截止日期不能早于今天", { deadline: ["截止日期不能早于今天"] });
  const branchIds = [...new Set(input.branchIds)];
  const branches = await db.branch.findMany({ where: { id: { in: branchIds }, isHeadOffice: false }, select: { id: true, name: true } });
  if (branches.length !== branchIds.length) throw new DomainError("所选机构不存在或不能参加评估", { branchIds: ["所选机构不存在或不能参加评估"] });
  const model = await db.competencyModel.findFirst({ where: { isCurrent: true }, orderBy: { version: "desc" }, select: { id: true, version: true } });
  if (!model) throw new DomainError("尚未建立胜任力模型，请先在「胜任力模型」中保存模型");
  const name = input.name.trim();
  const weights = weightsOf(input);
  const deadline = cycleDeadline(input.deadline);

  return db.$transaction(async (tx) => {
    // One opening at a time, so that two cycles cannot both claim a branch.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('open-assessment-cycle'))`;
    if (await tx.assessmentCycle.findFirst({ where: { name }, select: { id: true } })) {
      throw new DomainError("已有同名的评估周期", { name: ["已有同名的评估周期，请换一个名称"] });
    }
    const busy = await tx.assessmentCycle.findFirst({
      where: { status: "OPEN", branches: { some: { branchId: { in: branchIds } } } },
      select: { name: true, branches: { select: { branchId: true } } },
    });
    if (busy) {
      const names = branches.filter((b) => busy.branches.some((x) => x.branchId === b.id)).map((b) => b.name);
      const message = `${names.join("、")}已在进行中的评估周期「${busy.name}」中，请先关闭该周期`;
      throw new DomainError(message, { branchIds: [message] });
    }
    const cycle = await tx.assessmentCycle.create({ data: { name, modelId: model.id, deadline, weights, status: "OPEN", createdById: viewer.id } });
    await tx.assessmentCycleBranch.createMany({ data: branchIds.map((branchId) => ({ cycleId: cycle.id, branchId })) });
    const participants = await tx.$executeRaw`
      INSERT INTO "Assessment" (id, "cycleId", "assesseeId", "assessorId", source, "createdAt")
      SELECT gen_random_uuid()::text, ${cycle.id}, u.id, u.id, 'SELF'::"AssessmentSource", now()
      FROM "User" u
      WHERE u.role = 'ACCOUNT_MANAGER' AND u.status = 'ACTIVE' AND u."branchId" IN (${Prisma.join(branchIds)})`;
    if (participants === 0) throw new DomainError("所选机构没有在职的对公客户经理", { branchIds: ["所选机构没有在职的对公客户经理"] });
    // The manager form goes to the branch head (the first by employee number if a branch has two).
    const managerForms = await tx.$executeRaw`
      INSERT INTO "Assessment" (id, "cycleId", "assesseeId", "assessorId", source, "createdAt")
      SELECT gen_random_uuid()::text, ${cycle.id}, u.id, h.id, 'MANAGER'::"AssessmentSource", now()
      FROM "User" u
      JOIN LATERAL (
        SELECT h.id FROM "User" h
        WHERE h."branchId" = u."branchId" AND h.role = 'BRANCH_HEAD' AND h.status = 'ACTIVE'
        ORDER BY h."employeeNo" LIMIT 1
      ) h ON true
      WHERE u.role = 'ACCOUNT_MANAGER' AND u.status = 'ACTIVE' AND u."branchId" IN (${Prisma.join(branchIds)})`;
    await audit(tx, {
      actorId: viewer.id,
      action: "OPEN_ASSESSMENT_CYCLE",
      entity: "AssessmentCycle",
      entityId: cycle.id,
      after: { name, modelVersion: model.version, deadline: input.deadline, weights, branches: branches.map((b) => b.name), participants },
    });
    return { id: cycle.id, participants, withoutManager: participants - managerForms };
  });
}

/** HR closes an open cycle: no more answers; forms not submitted stay unanswered. */
export async function closeCycle(viewer: Viewer, cycleId: string): Promise<void> {
  assertCan(viewer, "competency.cycle");
  await db.$transaction(async (tx) => {
    const cycle = await tx.assessmentCycle.findUnique({ where: { id: cycleId }, select: { id: true, name: true, status: true } });
    if (!cycle) throw new DomainError("评估周期不存在");
    const { count } = await tx.assessmentCycle.updateMany({ where: { id: cycleId, status: "OPEN" }, data: { status: "CLOSED" } });
    if (count === 0) throw new DomainError("该评估周期已经关闭");
    const pending = await tx.assessment.count({ where: { cycleId, submittedAt: null } });
    await audit(tx, {
      actorId: viewer.id,
      action: "CLOSE_ASSESSMENT_CYCLE",
      entity: "AssessmentCycle",
      entityId: cycleId,
      before: { status: "OPEN" },
      after: { status: "CLOSED", unansweredForms: pending },
      note: cycle.name,
    });
  });
}
