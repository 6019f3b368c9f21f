import "server-only";
import { assertCan, isBankScope, scopeOf, type Scope } from "@/lib/server/auth/permissions";
import { db } from "@/lib/server/db";
import { AuthorizationError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import type { Quarter } from "@/lib/domain/dates";
import type { Grade, Rating } from "@/lib/domain/grades";
import type { GradeRule } from "@/lib/domain/promotion";
import type { Quotas } from "@/lib/domain/review";
import { dataVersion, versionedCache } from "@/lib/server/cache";
import { computeReview, REVIEW_CATEGORIES, type ComputedReview, type ComputedRow, type ReviewCategory, type ReviewCounts } from "./compute";
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
  /** Skills-contest honours covering the quarter: shown as 晋升和调配优先, they rank first under a quota. */
  honours: number;
}

export interface LiveReviewView {
  id: string;
  status: "DRAFT" | "COMMITTED";
  quotas: unknown;
}

/** One page of a review's list (live or committed), with the counts its filters show. */
export interface ReviewListPage<Row> {
  quotas: Quotas;
  /** The whole review: what a commit would do (or did). */
  counts: ReviewCounts;
  /** Counts within the branch filter, for the outcome filter's labels. */
  scopeCounts: ReviewCounts;
  /** Rows matching both filters (before paging). */
  matching: number;
  page: number;
  pageSize: number;
  pageCount: number;
  rows: Row[];
}

export interface ReviewPreviewView extends ReviewListPage<ReviewRowView> {
  quarter: Quarter;
  review: LiveReviewView | null;
  rules: { ruleSetId: string | null; effectiveFromQuarter: Quarter | null; rules: Record<Grade, GradeRule> };
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
    honours: row.honours,
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
  // The review is bank-wide (HR only): the cached computation runs under HR's bank scope.
  const whole = await wholeReview(q, scopeOf(viewer));
  const { computed, review } = whole;
  const ratingQuarters = lastFourQuarters(q);

  const inBranch = filters.branchId ? computed.rows.filter((r) => r.person.branchId === filters.branchId) : computed.rows;
  const scopeCounts = filters.branchId ? emptyCounts() : computed.counts;
  if (filters.branchId) for (const r of inBranch) scopeCounts[r.category] += 1;
  const category = filters.category && REVIEW_CATEGORIES.includes(filters.category) ? filters.category : null;
  const matching = category ? inBranch.filter((r) => r.category === category) : inBranch;

  const pageSize = Math.min(200, Math.max(10, Math.floor(filters.pageSize ?? 50)));
  const pageCount = Math.max(1, Math.ceil(matching.length / pageSize));
  const page = Math.min(pageCount, Math.max(1, Math.floor(filters.page ?? 1)));
  const rows = matching.slice((page - 1) * pageSize, page * pageSize).map((r) => toView(r, ratingQuarters));

  return {
    quarter: q,
    review,
    promotionCandidates: { ...whole.promotionCandidates },
    rules: computed.rules,
    quotas: computed.quotas,
    counts: computed.counts,
    scopeCounts: { ...scopeCounts },
    matching: matching.length,
    page,
    pageSize,
    pageCount,
    rows,
    ratingQuarters,
    ungraded: { count: computed.ungraded.length, names: computed.ungraded.slice(0, 5).map((u) => u.name) },
    branches: whole.branches,
  };
}

interface WholeReview {
  review: LiveReviewView | null;
  computed: ComputedReview;
  promotionCandidates: Partial<Record<Grade, number>>;
  branches: { id: string; name: string }[];
}

// One computed review per quarter and data version (ratings, grade history, people, branches,
// certifications, rules, the review's quotas and exclusions: every table the computation reads
// bumps the "review" version, see lib/server/cache.ts). Filters and pages slice it. Two slots: the
// quarter under review and perhaps one more.
const reviewCache = versionedCache<WholeReview>("review-preview", 2);

/** The whole review of a locked quarter, computed once per data version. Shared: do not mutate. */
export async function wholeReview(q: Quarter, scope: Scope): Promise<WholeReview> {
  // Cached per quarter only, so only the bank-wide computation may be cached.
  if (!isBankScope(scope)) throw new AuthorizationError();
  // The version first, then the data: never an old computation under a new version.
  const version = await dataVersion("review");
  return reviewCache.get(q, version, async () => {
    const review = await liveReview(db, q);
    const computed = await computeReview(db, q, review, scope);
    const branches = new Map<string, string>();
    for (const r of computed.rows) branches.set(r.person.branchId, r.person.branchName);
    const promotionCandidates: Partial<Record<Grade, number>> = {};
    for (const r of computed.rows) {
      if (!r.excluded && r.proposed.outcome === "PROMOTE" && r.proposed.to) {
        promotionCandidates[r.proposed.to] = (promotionCandidates[r.proposed.to] ?? 0) + 1;
      }
    }
    return {
      review,
      computed,
      promotionCandidates,
      branches: [...branches].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, "zh-CN")),
    };
  });
}

/** The appraisal status of a quarter, or null when the quarter has no appraisal record. */
export async function appraisalQuarterStatus(viewer: Viewer, quarter: string): Promise<"OPEN" | "LOCKED" | null> {
  assertCan(viewer, "review.prepare");
  const row = await db.appraisalQuarter.findUnique({ where: { quarter }, select: { status: true } });
  return row?.status ?? null;
}
