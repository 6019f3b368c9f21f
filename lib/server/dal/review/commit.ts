import "server-only";
import { assertCan, scopeOf } from "@/lib/server/auth/permissions";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { audit, type AuditEntry } from "@/lib/server/audit";
import { DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { dayAfterQuarter, isoToDate, quarterLabel, type Quarter } from "@/lib/domain/dates";
import { computeReview, type ReviewCounts } from "./compute";
import { requireLockedQuarter, type Client } from "./population";
import { syncRequiredEnrolments } from "@/lib/server/dal/courses/assignment";

export const ALREADY_COMMITTED = "该季度的晋级评审已提交，不能重复提交";

/** The partial unique index that allows one DRAFT-or-COMMITTED review per quarter. */
const LIVE_REVIEW_INDEX = "PromotionReview_one_live_per_quarter";

/** True when `error` is the database refusing a second live review of a quarter. */
export function isLiveReviewViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  return JSON.stringify(error.meta ?? {}).includes(LIVE_REVIEW_INDEX) || error.message.includes(LIVE_REVIEW_INDEX);
}

/** Bulk inserts stay under PostgreSQL's 65,535 bind parameters per statement. */
export async function inChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Reviews of later quarters must be reverted first: grades build on each other quarter by quarter. */
/**
 * Reviews must be committed and reverted in quarter order, and a read-then-write check alone does
 * not hold when two quarters are fired together: every commit and revert first takes this one
 * transaction-scoped advisory lock, so they run one at a time and each re-checks the order after
 * the previous one is visible.
 */
export async function lockReviewOrder(client: Client): Promise<void> {
  await client.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('promotion-review-order'))`;
}

export async function refuseIfLaterCommitted(client: Client, quarter: Quarter, doing: string): Promise<void> {
  const later = await client.promotionReview.findFirst({
    where: { status: "COMMITTED", quarter: { gt: quarter } },
    orderBy: { quarter: "desc" },
    select: { quarter: true },
  });
  if (later) throw new DomainError(`${quarterLabel(later.quarter)}的晋级评审已提交，不能再${doing}${quarterLabel(quarter)}的评审`);
}

export interface CommitResult {
  reviewId: string;
  counts: ReviewCounts;
  gradeChanges: number;
}

/**
 * Commits the quarter's review in ONE transaction (DOMAIN §5.8): the review row (the draft flipped
 * to COMMITTED, or a new COMMITTED row — a second one is refused by the partial unique index), a
 * ReviewEntry per person, the GradeChange rows, exits, the rules snapshot and the audit rows.
 * Any failure rolls everything back.
 */
export async function commitReview(viewer: Viewer, quarter: string): Promise<CommitResult> {
  assertCan(viewer, "review.commit");
  try {
    return await db.$transaction(
      async (tx) => {
        await lockReviewOrder(tx);
        const q = await requireLockedQuarter(tx, quarter);
        await refuseIfLaterCommitted(tx, q, "提交");
        const now = new Date();

        // Claim the quarter first, so a second commit fails before any work is done.
        const draft = await tx.promotionReview.findFirst({ where: { quarter: q, status: "DRAFT" }, select: { id: true } });
        let reviewId: string;
        if (draft) {
          const flipped = await tx.promotionReview.updateMany({
            where: { id: draft.id, status: "DRAFT" },
            data: { status: "COMMITTED", committedAt: now, committedById: viewer.id },
          });
          // Someone else committed this draft between our read and our update.
          if (flipped.count !== 1) throw new DomainError(ALREADY_COMMITTED);
          reviewId = draft.id;
        } else {
          const created = await tx.promotionReview.create({
            data: { quarter: q, status: "COMMITTED", createdById: viewer.id, committedAt: now, committedById: viewer.id },
            select: { id: true },
          });
          reviewId = created.id;
        }
        const review = await tx.promotionReview.findUniqueOrThrow({ where: { id: reviewId }, select: { id: true, quotas: true } });

        const computed = await computeReview(tx, q, review, scopeOf(viewer));
        await tx.promotionReview.update({
          where: { id: reviewId },
          data: { ruleSetId: computed.rules.ruleSetId, rulesSnapshot: computed.rules.rules as unknown as Prisma.InputJsonValue },
        });

        await inChunks(computed.rows, 5000, (chunk) =>
          tx.reviewEntry.createMany({
            data: chunk.map((r) => ({
              reviewId,
              userId: r.person.id,
              fromGrade: r.grade,
              toGrade: r.excluded ? r.proposed.to : r.decision.to,
              outcome: r.excluded ? r.proposed.outcome : r.decision.outcome,
              applied: !r.excluded && r.decision.outcome !== "NONE",
              blockedBy: r.excluded ? ["EXCLUDED", ...r.proposed.blockedBy] : r.decision.blockedBy,
              reason: r.excluded ? `已排除（${r.excluded.reason}）；按规则原拟：${r.proposed.reason}` : r.decision.reason,
            })),
          }),
        );

        const effectiveDate = isoToDate(dayAfterQuarter(q));
        const changes = computed.rows
          .filter((r) => !r.excluded && r.decision.outcome !== "NONE")
          .map((r) => ({
            id: randomUUID(),
            userId: r.person.id,
            fromGrade: r.grade,
            toGrade: r.decision.to,
            effectiveDate,
            quarter: q,
            reason: r.decision.outcome === "PROMOTE" ? ("PROMOTION" as const) : r.decision.outcome === "DEMOTE" ? ("DEMOTION" as const) : ("EXIT" as const),
            reviewId,
            actorId: viewer.id,
            note: r.decision.reason,
          }));
        await inChunks(changes, 5000, (chunk) => tx.gradeChange.createMany({ data: chunk }));
        // A new grade may mean a new tier with its own required courses (DOMAIN §7).
        await syncRequiredEnrolments(
          tx,
          changes.filter((c) => c.reason !== "EXIT").map((c) => c.userId),
        );

        const exitIds = changes.filter((c) => c.reason === "EXIT").map((c) => c.userId);
        if (exitIds.length > 0) {
          await tx.user.updateMany({ where: { id: { in: exitIds }, status: "ACTIVE" }, data: { status: "EXITED", exitedAt: now } });
        }

        // The summary row goes last: if anything before it failed, nothing of this commit remains.
        const entries: AuditEntry[] = changes.map((c) => ({
          actorId: viewer.id,
          action: "GRADE_CHANGE",
          entity: "User",
          entityId: c.userId,
          before: { grade: c.fromGrade, ...(c.reason === "EXIT" ? { status: "ACTIVE" } : {}) },
          after: { grade: c.toGrade, reason: c.reason, changeId: c.id, reviewId, quarter: q, ...(c.reason === "EXIT" ? { status: "EXITED" } : {}) },
          note: c.note,
        }));
        entries.push({
          actorId: viewer.id,
          action: "REVIEW_COMMIT",
          entity: "PromotionReview",
          entityId: reviewId,
          before: { status: draft ? "DRAFT" : null },
          after: {
            status: "COMMITTED",
            quarter: q,
            counts: computed.counts,
            people: computed.rows.length,
            gradeChanges: changes.length,
            ruleSetId: computed.rules.ruleSetId,
            quotas: computed.quotas,
          },
        });
        await inChunks(entries, 5000, (chunk) => audit(tx, chunk));

        return { reviewId, counts: computed.counts, gradeChanges: changes.length };
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (isLiveReviewViolation(error)) throw new DomainError(ALREADY_COMMITTED);
    throw error;
  }
}
