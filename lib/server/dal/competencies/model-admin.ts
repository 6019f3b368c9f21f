import "server-only";
import { assertCan } from "@/lib/server/auth/permissions";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { ConflictError, DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { GRADES } from "@/lib/domain/grades";
import { COMPETENCY_CODES, validateRequiredLevels, type CompetencyCode } from "@/lib/domain/competency";
import type { CompetencyModelInput } from "@/lib/schemas/competencies";
import { modelInclude, toView, type CompetencyModelView } from "./model";

// HR's side of the competency model: the version history and saving a new version.

export interface ModelVersionRow {
  id: string;
  version: number;
  note: string | null;
  isCurrent: boolean;
  createdAt: Date;
  createdByName: string | null;
  cycles: string[];
}

/** Every model version with the cycles that use it (HR). */
export async function listModelVersions(viewer: Viewer): Promise<ModelVersionRow[]> {
  assertCan(viewer, "competency.model");
  const rows = await db.competencyModel.findMany({
    orderBy: { version: "desc" },
    select: {
      id: true,
      version: true,
      note: true,
      isCurrent: true,
      createdAt: true,
      createdById: true,
      cycles: { select: { name: true }, orderBy: { createdAt: "asc" } },
    },
  });
  const authorIds = [...new Set(rows.map((r) => r.createdById).filter((id): id is string => !!id))];
  const authors = new Map((await db.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    note: r.note,
    isCurrent: r.isCurrent,
    createdAt: r.createdAt,
    createdByName: r.createdById ? (authors.get(r.createdById) ?? null) : null,
    cycles: r.cycles.map((c) => c.name),
  }));
}

type Change = { code: CompetencyCode; field: string; before: unknown; after: unknown };

function diff(current: CompetencyModelView, input: CompetencyModelInput): Change[] {
  const changes: Change[] = [];
  for (const draft of input.competencies) {
    const old = current.competencies.find((c) => c.code === draft.code);
    if (!old) {
      changes.push({ code: draft.code, field: "competency", before: null, after: draft.name });
      continue;
    }
    if (old.name !== draft.name) changes.push({ code: draft.code, field: "name", before: old.name, after: draft.name });
    if (old.definition !== draft.definition) changes.push({ code: draft.code, field: "definition", before: old.definition, after: draft.definition });
    draft.indicators.forEach((list, i) => {
      if (JSON.stringify(old.indicators[i]) !== JSON.stringify(list))
        changes.push({ code: draft.code, field: `indicators.${i + 1}`, before: old.indicators[i], after: list });
    });
    for (const grade of GRADES) {
      if (old.required[grade] !== input.required[draft.code][grade]) {
        changes.push({ code: draft.code, field: `required.${grade}`, before: old.required[grade], after: input.required[draft.code][grade] });
      }
    }
  }
  return changes;
}

/**
 * HR saves the model: a NEW version (the current one copied with the changes) becomes current;
 * the old version stays as it was, and cycles keep the version they were opened with.
 * `baseVersion` is the version the editor started from: a save over someone else's is refused.
 */
export async function saveCompetencyModel(viewer: Viewer, input: CompetencyModelInput): Promise<{ id: string; version: number; changes: number }> {
  assertCan(viewer, "competency.model");
  const codes = input.competencies.map((c) => c.code);
  if (codes.length !== COMPETENCY_CODES.length || COMPETENCY_CODES.some((c) => !codes.includes(c))) {
    throw new DomainError("胜任力模型须包含全部九项能力");
  }
  const matrixErrors = validateRequiredLevels(input.required);
  if (Object.keys(matrixErrors).length > 0) {
    throw new DomainError("岗位要求等级有误，请检查标红的格子", Object.fromEntries(Object.entries(matrixErrors).map(([k, m]) => [`req.${k}`, [m]])));
  }
  for (const c of input.competencies) {
    if (!c.name.trim() || !c.definition.trim()) throw new DomainError("每项能力都须有名称和定义");
    if (c.indicators.length !== 5 || c.indicators.some((level) => level.length === 0)) throw new DomainError("每项能力的五个等级都须至少有一条行为指标");
  }

  try {
    return await db.$transaction(async (tx) => {
      const currentRow = await tx.competencyModel.findFirst({ where: { isCurrent: true }, orderBy: { version: "desc" }, include: modelInclude });
      if (!currentRow) throw new DomainError("尚未建立胜任力模型");
      if (currentRow.version !== input.baseVersion) {
        throw new ConflictError(`胜任力模型已被他人修改（当前为第 ${currentRow.version} 版），请刷新后重新编辑`);
      }
      const current = toView(currentRow);
      const changes = diff(current, input);
      if (changes.length === 0) throw new DomainError("内容没有变化，无需保存新版本");

      const latest = await tx.competencyModel.aggregate({ _max: { version: true } });
      const version = (latest._max.version ?? 0) + 1;
      await tx.competencyModel.updateMany({ where: { isCurrent: true }, data: { isCurrent: false } });
      const model = await tx.competencyModel.create({ data: { version, isCurrent: true, note: input.note || null, createdById: viewer.id } });
      const competencies = await tx.competency.createManyAndReturn({
        data: input.competencies.map((c) => ({
          modelId: model.id,
          code: c.code,
          name: c.name,
          definition: c.definition,
          sortOrder: COMPETENCY_CODES.indexOf(c.code) + 1,
          indicators: c.indicators,
        })),
        select: { id: true, code: true },
      });
      await tx.competencyRequirement.createMany({
        data: competencies.flatMap((c) => GRADES.map((grade) => ({ competencyId: c.id, grade, level: input.required[c.code as CompetencyCode][grade] }))),
      });
      await audit(tx, {
        actorId: viewer.id,
        action: "COMPETENCY_MODEL_VERSION",
        entity: "CompetencyModel",
        entityId: model.id,
        before: { version: current.version, changes: changes.map(({ code, field, before }) => ({ code, field, value: before })) },
        after: { version, changes: changes.map(({ code, field, after }) => ({ code, field, value: after })) },
        note: input.note || null,
      });
      return { id: model.id, version, changes: changes.length };
    });
  } catch (error) {
    // Two saves from the same base: the second loses on the unique version number.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConflictError("胜任力模型刚刚被他人修改，请刷新后重新编辑");
    }
    throw error;
  }
}
