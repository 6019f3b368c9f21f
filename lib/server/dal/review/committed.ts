import "server-only";
import { assertCan } from "@/lib/server/auth/permissions";
import { db } from "@/lib/server/db";
import type { Viewer } from "@/lib/server/auth/viewer";
import { isQuarter, type Quarter } from "@/lib/domain/dates";
import type { Grade } from "@/lib/domain/grades";
import type { GradeRule } from "@/lib/domain/promotion";
import { REVIEW_CATEGORIES, quotasFromJson, type ReviewCategory, type ReviewCounts } from "./compute";
import type { ReviewFilters, ReviewListPage } from "./preview";
import { dataVersion, versionedCache } from "@/lib/server/cache";

export interface ReviewHistoryItem {
  id: string;
  status: "DRAFT" | "COMMITTED" | "REVERTED";
  createdAt: Date;
  committedAt: Date | null;
  committedBy: string | null;
  revertedAt: Date | null;
  revertedBy: string | null;
  revertReason: string | null;
  ruleSetId: string | null;
  ruleSetFrom: Quarter | null;
}

/** Every review of a quarter, newest first, with the names of who committed and reverted them. */
export async function reviewHistory(viewer: Viewer, quarter: string): Promise<ReviewHistoryItem[]> {
  assertCan(viewer, "review.prepare");
  if (!isQuarter(quarter)) return [];
  const reviews = await db.promotionReview.findMany({
    where: { quarter },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      status: true,
      createdAt: true,
      committedAt: true,
      committedById: true,
      revertedAt: true,
      revertedById: true,
      revertReason: true,
      ruleSetId: true,
      ruleSet: { select: { effectiveFromQuarter: true } },
    },
  });
  const ids = [...new Set(reviews.flatMap((r) => [r.committedById, r.revertedById]).filter((x): x is string => !!x))];
  const names = new Map((await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return reviews.map((r) => ({
    id: r.id,
    status: r.status,
    createdAt: r.createdAt,
    committedAt: r.committedAt,
    committedBy: r.committedById ? (names.get(r.committedById) ?? null) : null,
    revertedAt: r.revertedAt,
    revertedBy: r.revertedById ? (names.get(r.revertedById) ?? null) : null,
    revertReason: r.revertReason,
    ruleSetId: r.ruleSetId,
    ruleSetFrom: r.ruleSet?.effectiveFromQuarter ?? null,
  }));
}

export interface CommittedEntryView {
  userId: string;
  name: string;
  employeeNo: string;
  branchId: string;
  branchName: string;
  fromGrade: Grade;
  toGrade: Grade | null;
  category: ReviewCategory;
  applied: boolean;
  blockedBy: string[];
  reason: string;
}

export interface CommittedReviewView extends ReviewListPage<CommittedEntryView> {
  id: string;
  quarter: Quarter;
  committedAt: Date | null;
  committedBy: string | null;
  ruleSetId: string | null;
  ruleSetFrom: Quarter | null;
  rulesSnapshot: Record<Grade, GradeRule> | null;
  branches: { id: string; name: string }[];
}

function categoryOf(e: { outcome: string; applied: boolean; blockedBy: string[] }): ReviewCategory {
  if (e.blockedBy.includes("EXCLUDED")) return "EXCLUDED";
  if (e.applied && (e.outcome === "PROMOTE" || e.outcome === "DEMOTE" || e.outcome === "EXIT")) return e.outcome;
  return e.blockedBy.length > 0 ? "BLOCKED" : "NONE";
}

const emptyCounts = (): ReviewCounts => ({ PROMOTE: 0, DEMOTE: 0, EXIT: 0, BLOCKED: 0, NONE: 0, EXCLUDED: 0 });

/** The committed review of a quarter as recorded (read-only), or null when none is committed. */
export async function getCommittedReview(viewer: Viewer, quarter: string, filters: ReviewFilters = {}): Promise<CommittedReviewView | null> {
  assertCan(viewer, "review.prepare");
  if (!isQuarter(quarter)) return null;
  // The version first, then the data (lib/server/cache.ts).
  const version = await dataVersion("review");
  const review = await db.promotionReview.findFirst({
    where: { quarter, status: "COMMITTED" },
    select: {
      id: true,
      committedAt: true,
      committedById: true,
      ruleSetId: true,
      rulesSnapshot: true,
      quotas: true,
      ruleSet: { select: { effectiveFromQuarter: true } },
    },
  });
  if (!review) return null;
  const { all, counts, branches, committer } = await committedCache.get(review.id, version, () => loadCommitted(review.id, review.committedById));
  const inBranch = filters.branchId ? all.filter((e) => e.branchId === filters.branchId) : all;
  const scopeCounts = emptyCounts();
  for (const e of inBranch) scopeCounts[e.category] += 1;
  const matching = filters.category ? inBranch.filter((e) => e.category === filters.category) : inBranch;
  const pageSize = Math.min(200, Math.max(10, Math.floor(filters.pageSize ?? 50)));
  const pageCount = Math.max(1, Math.ceil(matching.length / pageSize));
  const page = Math.min(pageCount, Math.max(1, Math.floor(filters.page ?? 1)));

  return {
    id: review.id,
    quarter,
    committedAt: review.committedAt,
    committedBy: committer,
    ruleSetId: review.ruleSetId,
    ruleSetFrom: review.ruleSet?.effectiveFromQuarter ?? null,
    rulesSnapshot: (review.rulesSnapshot as Record<Grade, GradeRule> | null) ?? null,
    quotas: quotasFromJson(review.quotas),
    counts: { ...counts },
    scopeCounts,
    matching: matching.length,
    page,
    pageSize,
    pageCount,
    rows: matching.slice((page - 1) * pageSize, page * pageSize),
    branches,
  };
}

interface CommittedEntries {
  all: CommittedEntryView[];
  counts: ReviewCounts;
  branches: { id: string; name: string }[];
  committer: string | null;
}

// A committed review's entries never change; names and branches shown with them might (the
// "review" data version covers people and branches). Filters and pages slice the cached list.
const committedCache = versionedCache<CommittedEntries>("committed-review", 2);

async function loadCommitted(reviewId: string, committedById: string | null): Promise<CommittedEntries> {
  const [entries, committer] = await Promise.all([
    db.$queryRaw<(Omit<CommittedEntryView, "category"> & { outcome: string })[]>`
      SELECT e."userId", u.name, u."employeeNo", u."branchId", b.name AS "branchName", e."fromGrade", e."toGrade",
             e.outcome, e.applied, e."blockedBy", e.reason
      FROM "ReviewEntry" e
      JOIN "User" u ON u.id = e."userId"
      JOIN "Branch" b ON b.id = u."branchId"
      WHERE e."reviewId" = ${reviewId}
      ORDER BY b.name, u."employeeNo"`,
    committedById ? db.user.findUnique({ where: { id: committedById }, select: { name: true } }) : null,
  ]);
  const all: CommittedEntryView[] = entries.map(({ outcome, ...rest }) => ({ ...rest, category: categoryOf({ outcome, ...rest }) }));
  const order = new Map(REVIEW_CATEGORIES.map((c, i) => [c, i]));
  all.sort((a, b) => order.get(a.category)! - order.get(b.category)!);
  const counts = emptyCounts();
  const branches = new Map<string, string>();
  for (const e of all) {
    counts[e.category] += 1;
    branches.set(e.branchId, e.branchName);
  }
  return {
    all,
    counts,
    branches: [...branches].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, "zh-CN")),
    committer: committer?.name ?? null,
  };
}

export interface ReviewQuarterItem {
  quarter: Quarter;
  appraisalStatus: "OPEN" | "LOCKED";
  reviewStatus: "NONE" | "DRAFT" | "COMMITTED" | "REVERTED";
  committedAt: Date | null;
  gradeChanges: number;
}

/** Appraisal quarters, newest first, with the state of their promotion review. */
export async function listReviewQuarters(viewer: Viewer): Promise<ReviewQuarterItem[]> {
  assertCan(viewer, "review.prepare");
  const quarters = await db.appraisalQuarter.findMany({
    orderBy: { quarter: "desc" },
    select: {
      quarter: true,
      status: true,
      reviews: { orderBy: { createdAt: "desc" }, select: { status: true, committedAt: true, _count: { select: { gradeChanges: true } } } },
    },
  });
  return quarters.map((q) => {
    const live = q.reviews.find((r) => r.status !== "REVERTED");
    const latest = live ?? q.reviews[0];
    return {
      quarter: q.quarter,
      appraisalStatus: q.status,
      reviewStatus: latest ? latest.status : "NONE",
      committedAt: live?.status === "COMMITTED" ? live.committedAt : null,
      gradeChanges: live?.status === "COMMITTED" ? live._count.gradeChanges : 0,
    };
  });
}
