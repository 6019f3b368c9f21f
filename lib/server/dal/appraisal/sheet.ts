import "server-only";
import { can, narrowToBranch, scopeOf } from "@/lib/server/auth/permissions";
import { branchAtDay, userScopeSql } from "@/lib/server/dal/scope";
import { db } from "@/lib/server/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { cachedByVersion, versionedCache, type DataTopic } from "@/lib/server/cache";
import type { Viewer } from "@/lib/server/auth/viewer";
import type { Scope } from "@/lib/server/auth/permissions";
import { previousQuarter, quarterEnd } from "@/lib/domain/dates";
import { excellentCap, type RatingBands, type ScorecardTemplate } from "@/lib/domain/scoring";
import { isRating, RATINGS, type Grade, type Rating } from "@/lib/domain/grades";
import type { RatingSource } from "@/lib/domain/appraisal";
import { findQuarter, type QuarterStatus } from "./shared";
import { learningMetricsOf } from "@/lib/server/dal/courses/metrics";
import type { LearningMetrics } from "@/lib/domain/curriculum";
import { actionPlanScores } from "@/lib/server/dal/programme-forms/plan-scores";
import { roracFigures, type RoracFigures } from "./rorac";

/** The LEARNING dimension's indicators that the learning records answer (DOMAIN §4, §7). */
function suggestedLearningValues(metrics: LearningMetrics | undefined): Record<string, number> {
  if (!metrics) return {};
  return {
    TRAINING_HOURS: metrics.completionRate,
    ...(metrics.examAverage !== null ? { TRAINING_EXAM: metrics.examAverage } : {}),
  };
}

export const SHEET_PAGE_SIZE = 25;

export type SheetStatusFilter = "ALL" | "UNRATED" | "RATED" | Rating;

export function isSheetStatusFilter(value: unknown): value is SheetStatusFilter {
  return value === "ALL" || value === "UNRATED" || value === "RATED" || isRating(value);
}

export interface SheetFilters {
  /** HR only: one branch. Ignored for a branch head, who always sees their own. */
  branchId?: string | null;
  /** Name (part) or employee number (prefix). */
  q?: string | null;
  status?: SheetStatusFilter;
  /** 1-based. */
  page?: number;
}

export interface SheetAppraisal {
  version: number;
  score: number | null;
  rating: Rating | null;
  source: RatingSource;
  reason: string | null;
  values: Record<string, number> | null;
}

export interface SheetRow {
  userId: string;
  name: string;
  employeeNo: string;
  branchName: string;
  grade: Grade | null;
  /** The two quarters before this one, newest first. */
  previous: { quarter: string; rating: Rating | null }[];
  appraisal: SheetAppraisal | null;
  /** Indicator values the learning records already answer (培训学时完成率, 培训考试成绩), to prefill. */
  suggested: Record<string, number>;
  /**
   * The final score of the person's action plan(s) linked to this quarter (mean if several): the
   * read-only value of 行动计划跟进评分; null = none, the indicator is left out.
   */
  actionPlanScore: number | null;
  /**
   * The business lines' RORAC (target, Σ lines, completion rate; the lines themselves are on the
   * person's RORAC page); null when none entered.
   */
  rorac: Pick<RoracFigures, "target" | "combined" | "rate"> | null;
}

export interface BranchProgress {
  branchId: string;
  branchName: string;
  total: number;
  rated: number;
  excellent: number;
  /** Most EXCELLENT ratings allowed under forced distribution (null when it is off). */
  cap: number | null;
}

export interface AppraisalSheet {
  quarter: { quarter: string; label: string; status: QuarterStatus; lockedAt: string | null; templateVersion: number; maxExcellentPct: number | null };
  template: ScorecardTemplate;
  bands: RatingBands;
  /** The branch the rows are limited to (always the own one for a branch head). */
  branchId: string | null;
  filters: { q: string; status: SheetStatusFilter; page: number };
  rows: SheetRow[];
  /** Rows matching the filters (all pages). */
  matching: number;
  pageCount: number;
  /** In the branch scope, regardless of search and status filter. */
  counts: { total: number; rated: number; byRating: Record<Rating, number> };
  branches: BranchProgress[];
}

type RawRow = Pick<SheetRow, "userId" | "name" | "employeeNo" | "branchName" | "grade"> & {
  prev1: Rating | null;
  prev2: Rating | null;
  version: number | null;
  score: number | null;
  rating: Rating | null;
  source: RatingSource | null;
  reason: string | null;
  values: Record<string, number> | null;
};

/** `%`, `_` and `\` typed into the search box match themselves. */
function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * What the sheet reads, by data version (lib/server/cache.ts): ratings, quarters, templates (never
 * changed in place: a new version is a new row), people, branches, memberships, grades and the
 * RORAC lines and targets bump "review"; enrolments and courses (the LEARNING prefill) "courses";
 * action plans (行动计划跟进评分) "programme".
 */
const SHEET_TOPICS: DataTopic[] = ["review", "courses", "programme"];
const FIGURE_TOPICS: DataTopic[] = ["review"];

type Counts = AppraisalSheet["counts"];
type BranchFigures = Omit<BranchProgress, "cap">[];

/** Pages of sheets (a branch head's first pages, HR's filters): a few per branch head at most. */
const sheetCache = versionedCache<AppraisalSheet | null>("appraisal-sheet", 400);
/** Per quarter and branch (or the bank): the rating counts above the list, whatever its filters. */
const countsCache = versionedCache<Counts>("appraisal-sheet-counts", 400);
/** Per quarter and viewer scope: each branch's progress (HR: all 300 branches by the quarter-end branch). */
const branchesCache = versionedCache<BranchFigures>("appraisal-sheet-branches", 16);

function scopeKey(scope: Scope): string {
  return scope.kind === "branch" ? `branch:${scope.branchId}` : scope.kind === "self" ? `self:${scope.userId}` : "bank";
}

/** The account managers of a scope, rated or not in the quarter, for the rating-count queries. */
function activeManagers(quarterCode: string, scope: Scope) {
  return Prisma.sql`
    FROM "User" u LEFT JOIN "Appraisal" a ON a."userId" = u.id AND a.quarter = ${quarterCode}
    WHERE u.role = 'ACCOUNT_MANAGER' AND u.status = 'ACTIVE' AND ${userScopeSql(scope)}`;
}

async function ratingCounts(quarterCode: string, scope: Scope): Promise<Counts> {
  const rows = await db.$queryRaw<{ rating: Rating | null; n: bigint }[]>`
    SELECT a.rating::text AS rating, count(*) AS n ${activeManagers(quarterCode, scope)}
    GROUP BY a.rating`;
  const byRating = Object.fromEntries(RATINGS.map((r) => [r, 0])) as Record<Rating, number>;
  let total = 0;
  let rated = 0;
  for (const r of rows) {
    total += Number(r.n);
    if (r.rating) {
      byRating[r.rating] = Number(r.n);
      rated += Number(r.n);
    }
  }
  return { total, rated, byRating };
}

async function branchFigures(quarterCode: string, ownScope: Scope): Promise<BranchFigures> {
  // HR's per-branch figures count a quarter for the branch the person was in at its end (DOMAIN
  // §2); a branch head's stay within their current team.
  const atEnd =
    ownScope.kind === "bank" ? branchAtDay(Prisma.sql`${quarterEnd(quarterCode)}::date`) : { join: Prisma.empty, branchId: Prisma.sql`u."branchId"` };
  const rows = await db.$queryRaw<{ branchId: string; branchName: string; total: bigint; rated: bigint; excellent: bigint }[]>`
    SELECT b.id AS "branchId", b.name AS "branchName", count(*) AS total, count(a.rating) AS rated,
           count(*) FILTER (WHERE a.rating = 'EXCELLENT') AS excellent
    FROM "User" u
    ${atEnd.join}
    JOIN "Branch" b ON b.id = ${atEnd.branchId}
    LEFT JOIN "Appraisal" a ON a."userId" = u.id AND a.quarter = ${quarterCode}
    WHERE u.role = 'ACCOUNT_MANAGER' AND u.status = 'ACTIVE'
      AND ${userScopeSql(ownScope)}
    GROUP BY b.id, b.name, b.code
    ORDER BY b.code`;
  return rows.map((b) => ({ branchId: b.branchId, branchName: b.branchName, total: Number(b.total), rated: Number(b.rated), excellent: Number(b.excellent) }));
}

/** People matching the status filter, from the scope's rating counts (without a search, no query needed). */
function matchingFromCounts(counts: Counts, status: SheetStatusFilter): number {
  if (status === "ALL") return counts.total;
  if (status === "UNRATED") return counts.total - counts.rated;
  if (status === "RATED") return counts.rated;
  return counts.byRating[status];
}

/**
 * One page of a quarter's appraisal sheet for the viewer: HR sees every active account manager
 * (optionally one branch), a branch head only their own branch's. Filtering, counting and paging
 * happen in SQL, so the page stays fast with 10,000 people; a page is computed once per data
 * version and shared by every view of it until a write to what it shows.
 */
export async function getAppraisalSheet(viewer: Viewer, quarterCode: string, filters: SheetFilters = {}): Promise<AppraisalSheet | null> {
  if (!can(viewer.role, "appraisal.rate")) return null;
  const ownScope = scopeOf(viewer);
  const scope = narrowToBranch(ownScope, filters.branchId);
  const q = (filters.q ?? "").trim().slice(0, 50);
  const status = filters.status ?? "ALL";
  const page = Math.max(1, Math.floor(filters.page ?? 1));
  const slot = JSON.stringify([quarterCode, scopeKey(ownScope), scopeKey(scope), q, status, page]);
  return cachedByVersion(sheetCache, SHEET_TOPICS, slot, () => computeSheet(ownScope, scope, quarterCode, { q, status, page }));
}

async function computeSheet(
  ownScope: Scope,
  scope: Scope,
  quarterCode: string,
  filters: { q: string; status: SheetStatusFilter; page: number },
): Promise<AppraisalSheet | null> {
  const quarter = await findQuarter(db, quarterCode);
  if (!quarter) return null;
  const branchId = scope.kind === "branch" ? scope.branchId : null;
  const { q, status } = filters;
  const namePattern = q ? `%${likeEscape(q)}%` : null;
  const numberPattern = q ? `${likeEscape(q)}%` : null;
  const prev1 = previousQuarter(quarterCode);
  const prev2 = previousQuarter(prev1);
  const matches = Prisma.sql`
      AND (${namePattern}::text IS NULL OR u.name ILIKE ${namePattern} OR u."employeeNo" LIKE ${numberPattern})
      AND (${status}::text = 'ALL' OR (${status}::text = 'UNRATED' AND a.rating IS NULL)
           OR (${status}::text = 'RATED' AND a.rating IS NOT NULL) OR a.rating::text = ${status})`;

  const [counts, branches, searched] = await Promise.all([
    cachedByVersion(countsCache, FIGURE_TOPICS, JSON.stringify([quarterCode, scopeKey(scope)]), () => ratingCounts(quarterCode, scope)),
    cachedByVersion(branchesCache, FIGURE_TOPICS, JSON.stringify([quarterCode, scopeKey(ownScope)]), () => branchFigures(quarterCode, ownScope)),
    // Without a search the status filter's count is one of the counts above.
    q ? db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n ${activeManagers(quarterCode, scope)} ${matches}` : null,
  ]);
  const matching = searched ? Number(searched[0]?.n ?? 0) : matchingFromCounts(counts, status);
  const pageCount = Math.max(1, Math.ceil(matching / SHEET_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const offset = (page - 1) * SHEET_PAGE_SIZE;

  const raw = await db.$queryRaw<RawRow[]>`
    SELECT u.id AS "userId", u.name, u."employeeNo", b.name AS "branchName", cg.grade::text AS grade,
           p1.rating::text AS prev1, p2.rating::text AS prev2,
           a.version, a.score::float8 AS score, a.rating::text AS rating, a.source::text AS source, a.reason, a.values
    FROM "User" u
    JOIN "Branch" b ON b.id = u."branchId"
    LEFT JOIN "CurrentGrade" cg ON cg."userId" = u.id
    LEFT JOIN "Appraisal" a ON a."userId" = u.id AND a.quarter = ${quarterCode}
    LEFT JOIN "Appraisal" p1 ON p1."userId" = u.id AND p1.quarter = ${prev1}
    LEFT JOIN "Appraisal" p2 ON p2."userId" = u.id AND p2.quarter = ${prev2}
    WHERE u.role = 'ACCOUNT_MANAGER' AND u.status = 'ACTIVE'
      AND ${userScopeSql(scope)} ${matches}
    ORDER BY b.code, u."employeeNo"
    LIMIT ${SHEET_PAGE_SIZE} OFFSET ${offset}`;
  const ids = raw.map((r) => r.userId);
  const [learning, plans, rorac] = await Promise.all([
    learningMetricsOf(
      raw.map((r) => ({ userId: r.userId, grade: r.grade })),
      quarterCode,
    ),
    actionPlanScores(db, quarterCode, ids),
    roracFigures(db, quarterCode, ids),
  ]);

  const pct = quarter.template.maxExcellentPct;
  return {
    quarter: {
      quarter: quarter.quarter,
      label: quarter.label,
      status: quarter.status,
      lockedAt: quarter.lockedAt ? quarter.lockedAt.toISOString() : null,
      templateVersion: quarter.template.version,
      maxExcellentPct: pct,
    },
    template: quarter.template.template,
    bands: quarter.template.bands,
    branchId,
    filters: { q, status, page },
    rows: raw.map((r) => {
      const figures = rorac.get(r.userId);
      return {
        userId: r.userId,
        name: r.name,
        employeeNo: r.employeeNo,
        branchName: r.branchName,
        grade: r.grade,
        previous: [
          { quarter: prev1, rating: r.prev1 },
          { quarter: prev2, rating: r.prev2 },
        ],
        appraisal: r.version === null ? null : { version: r.version, score: r.score, rating: r.rating, source: r.source!, reason: r.reason, values: r.values },
        suggested: suggestedLearningValues(learning.get(r.userId)),
        actionPlanScore: plans.get(r.userId) ?? null,
        rorac: figures ? { target: figures.target, combined: figures.combined, rate: figures.rate } : null,
      };
    }),
    matching,
    pageCount,
    counts,
    branches: branches.map((b) => ({ ...b, cap: pct === null ? null : excellentCap(b.rated, pct) })),
  };
}
