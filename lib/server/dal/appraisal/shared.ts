import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { ConflictError, DomainError } from "@/lib/server/errors";
import { db, type Tx } from "@/lib/server/db";
import { assertCan } from "@/lib/server/auth/permissions";
import type { Viewer } from "@/lib/server/auth/viewer";
import { capProblems, lockImport, readUpload, type ImportData, type Table } from "@/lib/server/import";
import type { FileImportReport, ImportProblem } from "@/lib/domain/appraisal-import";
import { validateBands, validateTemplate, type RatingBands, type ScorecardTemplate } from "@/lib/domain/scoring";
import { isQuarter, quarterLabel } from "@/lib/domain/dates";
import { APPRAISAL_CONFLICT_MESSAGE } from "@/lib/domain/appraisal";

export { APPRAISAL_CONFLICT_MESSAGE };

/** A scorecard template as stored: the dimensions JSON may also keep the AHP matrix it came from. */
export interface StoredTemplate {
  id: string;
  version: number;
  name: string;
  template: ScorecardTemplate;
  bands: RatingBands;
  maxExcellentPct: number | null;
  /** The pairwise matrix the dimension weights were computed from, when they were. */
  ahpMatrix: number[][] | null;
  /** Second-level AHP: per dimension code, the pairwise matrix its indicator weights came from. */
  indicatorAhp: Record<string, number[][]>;
  createdAt: Date;
}

type TemplateRecord = { id: string; version: number; name: string; dimensions: unknown; bands: unknown; maxExcellentPct: number | null; createdAt: Date };

/** Reads a stored template, refusing one that is not usable (it was validated when saved). */
export function toStoredTemplate(row: TemplateRecord): StoredTemplate {
  const json = row.dimensions as { dimensions?: unknown; ahpMatrix?: unknown; indicatorAhp?: unknown };
  const template = { dimensions: json?.dimensions } as ScorecardTemplate;
  const bands = row.bands as RatingBands;
  const errors = [...validateTemplate(template), ...validateBands(bands)];
  if (errors.length > 0) throw new Error(`评分模板第 ${row.version} 版无效：${errors.join("；")}`);
  const ahp = Array.isArray(json.ahpMatrix) ? (json.ahpMatrix as number[][]) : null;
  const indicatorAhp = json.indicatorAhp && typeof json.indicatorAhp === "object" ? (json.indicatorAhp as Record<string, number[][]>) : {};
  return {
    id: row.id,
    version: row.version,
    name: row.name,
    template,
    bands,
    maxExcellentPct: row.maxExcellentPct,
    ahpMatrix: ahp,
    indicatorAhp,
    createdAt: row.createdAt,
  };
}

export type QuarterStatus = "OPEN" | "LOCKED";

export interface QuarterWithTemplate {
  quarter: string;
  label: string;
  status: QuarterStatus;
  lockedAt: Date | null;
  template: StoredTemplate;
}

/** A quarter and its template, or null when there is no such quarter. */
export async function findQuarter(tx: Pick<Tx, "appraisalQuarter">, quarter: string): Promise<QuarterWithTemplate | null> {
  if (!isQuarter(quarter)) return null;
  const row = await tx.appraisalQuarter.findUnique({ where: { quarter }, include: { template: true } });
  if (!row) return null;
  return { quarter: row.quarter, label: quarterLabel(row.quarter), status: row.status, lockedAt: row.lockedAt, template: toStoredTemplate(row.template) };
}

/**
 * The quarter's status read with a share lock, inside a write transaction: a concurrent lock
 * (which updates the row) waits for this transaction, and this one waits for a lock in progress,
 * so no save can slip in after the quarter was locked.
 */
export async function quarterStatusForWrite(tx: Tx, quarter: string, mode: "share" | "update" = "share"): Promise<QuarterStatus> {
  const rows =
    mode === "share"
      ? await tx.$queryRaw<{ status: QuarterStatus }[]>`SELECT status::text AS status FROM "AppraisalQuarter" WHERE quarter = ${quarter} FOR SHARE`
      : await tx.$queryRaw<{ status: QuarterStatus }[]>`SELECT status::text AS status FROM "AppraisalQuarter" WHERE quarter = ${quarter} FOR UPDATE`;
  if (rows.length === 0) throw new DomainError("考评季度不存在");
  return rows[0].status;
}

/** Runs a write, turning a lost race on a unique key into the optimistic-concurrency refusal. */
export async function withConflictAsRefusal<T>(work: () => Promise<T>, message = APPRAISAL_CONFLICT_MESSAGE): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ConflictError(message);
    throw error;
  }
}

/** What the audit log keeps of an appraisal. */
export function appraisalSnapshot(
  a: { rating: string | null; score: unknown; source: string; reason: string | null; values: unknown; version: number } | null,
) {
  if (!a) return null;
  return {
    rating: a.rating,
    score: a.score === null || a.score === undefined ? null : Number(a.score),
    source: a.source,
    reason: a.reason,
    values: a.values ?? null,
    version: a.version,
  };
}

/** Long writes (bulk import, lock with forced distribution over a whole bank) need more than Prisma's 5 s default. */
export const LONG_TRANSACTION = { timeout: 120_000, maxWait: 10_000 } as const;

/** An uploaded appraisal-area file (ratings, RORAC lines) read through the one import module; HR only. */
/** What every quarter-file import reports (ratings, RORAC lines): the file, its problems, and the rows ready, replacing and written. */
export function fileImportReport(
  quarter: string,
  fileName: string,
  table: Table,
  result: { fileErrors: string[]; problems: ImportProblem[]; ignoredColumns: string[] },
  counts: Pick<FileImportReport, "ready" | "replacing" | "written">,
): FileImportReport {
  const { fileErrors, ignoredColumns } = result;
  return { quarter, fileName, rowCount: table.rows.length, fileErrors, ...capProblems(result.problems), ignoredColumns, ...counts };
}

export async function readQuarterFile(viewer: Viewer, data: ImportData, fileName: string): Promise<Table> {
  assertCan(viewer, "appraisal.import");
  return readUpload(data, fileName);
}

/**
 * Writes an uploaded file of a quarter: read, then one transaction under the appraisal import lock
 * in which `run` checks the file against the database as it is (is the quarter locked now?) and
 * writes it only when clean.
 */
export async function writeQuarterFile<R>(
  viewer: Viewer,
  quarter: string,
  data: ImportData,
  fileName: string,
  run: (tx: Tx, table: Table, locked: boolean) => Promise<R>,
): Promise<R> {
  const table = await readQuarterFile(viewer, data, fileName);
  return db.$transaction(async (tx) => {
    await lockImport(tx, "appraisal");
    const status = await quarterStatusForWrite(tx, quarter);
    return run(tx, table, status === "LOCKED");
  }, LONG_TRANSACTION);
}
