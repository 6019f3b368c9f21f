import "server-only";
import { assertCan, scopeOf } from "@/lib/server/auth/permissions";
import { db } from "@/lib/server/db";
import type { Viewer } from "@/lib/server/auth/viewer";
import type { Quarter } from "@/lib/domain/dates";
import type { Grade, Rating } from "@/lib/domain/grades";
import type { GradeRule } from "@/lib/domain/promotion";
import type { Quotas } from "@/lib/domain/review";
import { computeReview, REVIEW_CATEGORIES, type ComputedRow, type ReviewCategory, type ReviewCounts } from "./compute";
import { lastFourQuarters, requireLockedQuarter, type Client } from "./population";

export interface ReviewFilters {
  branchId?: string | null;
  category?: ReviewCategory | null;
  /** 1-based. */
  page?: number;
  pageSize?: number;
}

export interface ReviewRowView {
  userId: string;
  name: string;
  employeeNo: string;
  branchId: string;
  branchName: string;
  grade: Grade;
  tenureMonths: number;
  ratings: { quarter: Quarter; rating: Rating | null }[];
  category: ReviewCategory;
  /** Grade after the review (null for 退出). */
  to: Grade | null;
  reason: string;
  /** The rules' proposal when the person is excluded (what they would have had). */
  proposedReason: string | null;
  blockedDetails: string[];
  excludedReason: string | null;
  rank: number | null;
}

export interface LiveReviewView {
  id: string;
  status: "DRAFT" | "COMMITTED";
  quotas: unknown;
}

export interface ReviewPreviewView {
  quarter: Quarter;
  review: LiveReviewView | null;
  rules: { ruleSetId: string | null; effectiveFromQuarter: Quarter | null; rules: Record<Grade, GradeRule> };
  quotas: Quotas;
  /** The whole review: what a commit would do. */
  counts: ReviewCounts;
  /** Counts within the branch filter, for the outcome filter's labels. */
  scopeCounts: ReviewCounts;
  /** Rows matching both filters (before paging). */
  matching: number;
  page: number;
  pageSize: number;
  pageCount: number;
  rows: ReviewRowView[];
  ratingQuarters: Quarter[];
  ungraded: { count: number; names: string[] };
  /** People the rules propose to promote into each grade (excluded people left out), for quota inputs. */
  promotionCandidates: Partial<Record<Grade, number>>;
  branches: { id: string; name: string }[];
}

/** The DRAFT or COMMITTED review of a quarter (the database allows at most one). */
export async function liveReview(client: Client, quarter: Quarter): Promise<LiveReviewView | null> {
  const row = await client.promotionReview.findFirst({
    where: { quarter, status: { in: ["DRAFT", "COMMITTED"] } },
    select: { id: true, status: true, quotas: true },
  });
  return row ? { id: row.id, status: row.status as "DRAFT" | "COMMITTED", quotas: row.quotas } : null;
}

const emptyCounts = (): ReviewCounts => ({ PROMOTE: 0, DEMOTE: 0, EXIT: 0, BLOCKED: 0, NONE: 0, EXCLUDED: 0 });

function toView(row: ComputedRow, ratingQuarters: Quarter[]): ReviewRowView {
  return {
    userId: row.person.id,
    name: row.person.name,
    employeeNo: row.person.employeeNo,
    branchId: row.person.branchId,
    branchName: row.person.branchName,
    grade: row.grade,
    tenureMonths: row.tenureMonths,
    ratings: ratingQuarters.map((q) => ({ quarter: q, rating: row.person.ratings[q] ?? null })),
    category: row.category,
    to: row.decision.to,
    reason: row.decision.reason,
    proposedReason: row.excluded ? row.proposed.reason : null,
    blockedDetails: row.blockedDetails,
    excludedReason: row.excluded?.reason ?? null,
    rank: row.rank ?? null,
  };
}

/**
 * Dry run of the quarter's promotion review (DOMAIN §5.8): every active account manager with the
 * proposed outcome and its reason. HR only; the quarter must be locked. Filters apply after the
 * whole review is computed, so quotas and counts are those of the whole bank.
 */
export async function previewReview(viewer: Viewer, quarter: string, filters: ReviewFilters = {}): Promise<ReviewPreviewView> {
  assertCan(viewer, "review.prepare");
  const q = await requireLockedQuarter(db, quarter);
  const review = await liveReview(db, q);
  const computed = await computeReview(db, q, review, scopeOf(viewer));
  const ratingQuarters = lastFourQuarters(q);

  const branches = new Map<string, string>();
  for (const r of computed.rows) branches.set(r.person.branchId, r.person.branchName);

  const inBranch = filters.branchId ? computed.rows.filter((r) => r.person.branchId === filters.branchId) : computed.rows;
  const scopeCounts = emptyCounts();
  for (const r of inBranch) scopeCounts[r.category] += 1;
  const category = filters.category && REVIEW_CATEGORIES.includes(filters.category) ? filters.category : null;
  const matching = category ? inBranch.filter((r) => r.category === category) : inBranch;

  const pageSize = Math.min(200, Math.max(10, Math.floor(filters.pageSize ?? 50)));
  const pageCount = Math.max(1, Math.ceil(matching.length / pageSize));
  const page = Math.min(pageCount, Math.max(1, Math.floor(filters.page ?? 1)));
  const rows = matching.slice((page - 1) * pageSize, page * pageSize).map((r) => toView(r, ratingQuarters));

  const promotionCandidates: Partial<Record<Grade, number>> = {};
  for (const r of computed.rows) {
    if (!r.excluded && r.proposed.outcome === "PROMOTE" && r.proposed.to) {
      promotionCandidates[r.proposed.to] = (promotionCandidates[r.proposed.to] ?? 0) + 1;
    }
  }

  return {
    quarter: q,
    review,
    promotionCandidates,
    rules: computed.rules,
    quotas: computed.quotas,
    counts: computed.counts,
    scopeCounts,
    matching: matching.length,
    page,
    pageSize,
    pageCount,
    rows,
    ratingQuarters,
    ungraded: { count: computed.ungraded.length, names: computed.ungraded.slice(0, 5).map((u) => u.name) },
    branches: [...branches].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, "zh-CN")),
  };
}

/** The appraisal status of a quarter, or null when the quarter has no appraisal record. */
export async function appraisalQuarterStatus(viewer: Viewer, quarter: string): Promise<"OPEN" | "LOCKED" | null> {
  assertCan(viewer, "review.prepare");
  const row = await db.appraisalQuarter.findUnique({ where: { quarter }, select: { status: true } });
  return row?.status ?? null;
}
