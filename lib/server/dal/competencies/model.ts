import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { GRADES, type Grade } from "@/lib/domain/grades";
import { COMPETENCY_CODES, type CompetencyCode, type RequiredLevels } from "@/lib/domain/competency";

export interface CompetencyView {
  id: string;
  code: CompetencyCode;
  name: string;
  definition: string;
  /** Levels 1..5, each a list of behavioural indicators. */
  indicators: string[][];
  required: Record<Grade, number>;
}

export interface CompetencyModelView {
  id: string;
  version: number;
  note: string | null;
  isCurrent: boolean;
  createdAt: Date;
  competencies: CompetencyView[];
}

export const modelInclude = {
  competencies: { orderBy: { sortOrder: "asc" }, include: { requirements: { select: { grade: true, level: true } } } },
} satisfies Prisma.CompetencyModelInclude;

export type ModelRow = Prisma.CompetencyModelGetPayload<{ include: typeof modelInclude }>;

function indicatorsFromJson(value: unknown): string[][] {
  const levels = Array.isArray(value) ? value : [];
  return [0, 1, 2, 3, 4].map((i) => (Array.isArray(levels[i]) ? (levels[i] as unknown[]).map(String) : []));
}

export function toView(row: ModelRow): CompetencyModelView {
  return {
    id: row.id,
    version: row.version,
    note: row.note,
    isCurrent: row.isCurrent,
    createdAt: row.createdAt,
    competencies: row.competencies
      .filter((c) => (COMPETENCY_CODES as readonly string[]).includes(c.code))
      .map((c) => ({
        id: c.id,
        code: c.code as CompetencyCode,
        name: c.name,
        definition: c.definition,
        indicators: indicatorsFromJson(c.indicators),
        required: Object.fromEntries(GRADES.map((g) => [g, c.requirements.find((r) => r.grade === g)?.level ?? 1])) as Record<Grade, number>,
      })),
  };
}

/** The model version new cycles open with. The model is reference content: every role may read it. */
export async function getCurrentModel(): Promise<CompetencyModelView | null> {
  const row = await db.competencyModel.findFirst({ where: { isCurrent: true }, orderBy: { version: "desc" }, include: modelInclude });
  return row ? toView(row) : null;
}

/** One model version (a cycle's), with its competencies in order. */
export async function getModel(modelId: string): Promise<CompetencyModelView | null> {
  const row = await db.competencyModel.findUnique({ where: { id: modelId }, include: modelInclude });
  return row ? toView(row) : null;
}

export function requiredLevelsOf(model: CompetencyModelView): RequiredLevels {
  return Object.fromEntries(model.competencies.map((c) => [c.code, c.required])) as RequiredLevels;
}
