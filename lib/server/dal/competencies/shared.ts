import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import type { Grade } from "@/lib/domain/grades";
import { todayInShanghai, type IsoDate } from "@/lib/domain/dates";
import {
  COMPETENCY_CODES,
  DEFAULT_SOURCE_WEIGHTS,
  combineSourceMeans,
  usablePeerAnswers,
  type CompetencyCode,
  type RequiredLevels,
  type SourceWeights,
} from "@/lib/domain/competency";

/** A cycle as every view shows it. */
export interface CycleRef {
  id: string;
  name: string;
  status: "OPEN" | "CLOSED";
  /** The last day answers are taken (Asia/Shanghai). */
  deadline: IsoDate;
  modelId: string;
  modelVersion: number;
  weights: SourceWeights;
  /** OPEN and not past the deadline. */
  acceptingAnswers: boolean;
}

export const cycleSelect = {
  id: true,
  name: true,
  status: true,
  deadline: true,
  weights: true,
  modelId: true,
  model: { select: { version: true } },
} satisfies Prisma.AssessmentCycleSelect;

type CycleRow = Prisma.AssessmentCycleGetPayload<{ select: typeof cycleSelect }>;

export function isAcceptingAnswers(cycle: { status: string; deadline: Date }, now = new Date()): boolean {
  return cycle.status === "OPEN" && now.getTime() <= cycle.deadline.getTime();
}

export function weightsFromJson(value: unknown): SourceWeights {
  const w = (value ?? {}) as Partial<SourceWeights>;
  return {
    SELF: typeof w.SELF === "number" ? w.SELF : DEFAULT_SOURCE_WEIGHTS.SELF,
    MANAGER: typeof w.MANAGER === "number" ? w.MANAGER : DEFAULT_SOURCE_WEIGHTS.MANAGER,
    PEER: typeof w.PEER === "number" ? w.PEER : DEFAULT_SOURCE_WEIGHTS.PEER,
  };
}

export function toCycleRef(row: CycleRow, now = new Date()): CycleRef {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    deadline: todayInShanghai(row.deadline),
    modelId: row.modelId,
    modelVersion: row.model.version,
    weights: weightsFromJson(row.weights),
    acceptingAnswers: isAcceptingAnswers(row, now),
  };
}

export function deadlinePassedMessage(deadline: Date): string {
  return `评估已于 ${todayInShanghai(deadline)} 截止，不能再提交或修改`;
}

/** Required levels of one or more model versions. */
export async function requiredLevelsByModel(modelIds: string[]): Promise<Map<string, RequiredLevels>> {
  const rows = await db.competencyRequirement.findMany({
    where: { competency: { modelId: { in: modelIds } } },
    select: { grade: true, level: true, competency: { select: { code: true, modelId: true } } },
  });
  const result = new Map<string, RequiredLevels>();
  for (const row of rows) {
    const matrix = result.get(row.competency.modelId) ?? (Object.fromEntries(COMPETENCY_CODES.map((c) => [c, {}])) as RequiredLevels);
    const code = row.competency.code as CompetencyCode;
    if (matrix[code]) matrix[code][row.grade] = row.level;
    result.set(row.competency.modelId, matrix);
  }
  return result;
}

/** Current grades from the "CurrentGrade" view. */
export async function currentGrades(userIds: string[]): Promise<Map<string, Grade | null>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ userId: string; grade: Grade | null }[]>`
    SELECT "userId", grade FROM "CurrentGrade" WHERE "userId" IN (${Prisma.join(userIds)})`;
  return new Map(rows.map((r) => [r.userId, r.grade]));
}

/** One person's per-source means for one competency in one cycle, as SQL computes them. */
interface SourceMeanRow {
  cycleId: string;
  userId: string;
  code: string;
  self: number | null;
  manager: number | null;
  peerMean: number | null;
  peerNamed: number;
  peerAnswered: number;
}

export interface PersonResult {
  /** Combined result per competency (2 decimals) or null. */
  results: Record<CompetencyCode, number | null>;
  self: Record<CompetencyCode, number | null>;
  manager: Record<CompetencyCode, number | null>;
  /** Peer mean per competency; null unless the peer source is usable (≥ 3 answers, final). */
  peerMean: Record<CompetencyCode, number | null>;
  peersNamed: number;
  /** Whether the peers entered the result. */
  peersIncluded: boolean;
}

const emptyByCode = () => Object.fromEntries(COMPETENCY_CODES.map((c) => [c, null])) as Record<CompetencyCode, number | null>;

/**
 * Per-person results of the given cycles: SQL groups the submitted ratings by (cycle, person,
 * competency) with one mean per source, and counts each person's named and answered peers; the
 * combination (weights, renormalisation, the peer threshold) is lib/domain/competency's.
 * Individual peer answers never leave the database: only their mean, and only when usable.
 */
export async function loadPersonResults(
  cycles: CycleRef[],
  filter: { userIds?: string[]; branchId?: string },
): Promise<Map<string, Map<string, PersonResult>>> {
  const byCycle = new Map<string, Map<string, PersonResult>>();
  if (cycles.length === 0) return byCycle;
  const cycleIds = cycles.map((c) => c.id);
  const userFilter = filter.userIds
    ? filter.userIds.length === 0
      ? Prisma.sql`AND false`
      : Prisma.sql`AND a."assesseeId" IN (${Prisma.join(filter.userIds)})`
    : Prisma.empty;
  const branchFilter = filter.branchId ? Prisma.sql`AND a."assesseeId" IN (SELECT id FROM "User" WHERE "branchId" = ${filter.branchId})` : Prisma.empty;
  const rows = await db.$queryRaw<SourceMeanRow[]>`
    WITH peers AS (
      SELECT a."cycleId", a."assesseeId", count(*)::int AS named, count(a."submittedAt")::int AS answered
      FROM "Assessment" a
      WHERE a."cycleId" IN (${Prisma.join(cycleIds)}) AND a.source = 'PEER' ${userFilter} ${branchFilter}
      GROUP BY a."cycleId", a."assesseeId"
    ), means AS (
      SELECT a."cycleId", a."assesseeId", c.code,
        avg(r.level) FILTER (WHERE a.source = 'SELF')::float8 AS self,
        avg(r.level) FILTER (WHERE a.source = 'MANAGER')::float8 AS manager,
        avg(r.level) FILTER (WHERE a.source = 'PEER')::float8 AS "peerMean"
      FROM "Assessment" a
      JOIN "AssessmentRating" r ON r."assessmentId" = a.id
      JOIN "Competency" c ON c.id = r."competencyId"
      WHERE a."cycleId" IN (${Prisma.join(cycleIds)}) AND a."submittedAt" IS NOT NULL ${userFilter} ${branchFilter}
      GROUP BY a."cycleId", a."assesseeId", c.code
    )
    SELECT m."cycleId", m."assesseeId" AS "userId", m.code, m.self, m.manager, m."peerMean",
      coalesce(p.named, 0) AS "peerNamed", coalesce(p.answered, 0) AS "peerAnswered"
    FROM means m LEFT JOIN peers p ON p."cycleId" = m."cycleId" AND p."assesseeId" = m."assesseeId"`;

  const cycleById = new Map(cycles.map((c) => [c.id, c]));
  for (const row of rows) {
    const cycle = cycleById.get(row.cycleId)!;
    const code = row.code as CompetencyCode;
    if (!COMPETENCY_CODES.includes(code)) continue;
    const people = byCycle.get(row.cycleId) ?? new Map<string, PersonResult>();
    byCycle.set(row.cycleId, people);
    const person = people.get(row.userId) ?? {
      results: emptyByCode(),
      self: emptyByCode(),
      manager: emptyByCode(),
      peerMean: emptyByCode(),
      peersNamed: row.peerNamed,
      peersIncluded: false,
    };
    people.set(row.userId, person);
    const usable = usablePeerAnswers({ answered: row.peerAnswered, named: row.peerNamed, acceptingAnswers: cycle.acceptingAnswers });
    const aggregate = combineSourceMeans({ self: row.self, manager: row.manager, peerMean: row.peerMean, peerCount: usable }, cycle.weights);
    person.results[code] = aggregate.result;
    person.self[code] = row.self;
    person.manager[code] = row.manager === null ? null : Math.round(row.manager * 100) / 100;
    person.peerMean[code] = aggregate.peerMean;
    if (aggregate.sourcesUsed.includes("PEER")) person.peersIncluded = true;
  }
  return byCycle;
}

export function hasAnyResult(person: PersonResult | undefined): boolean {
  return !!person && COMPETENCY_CODES.some((c) => person.results[c] !== null);
}
