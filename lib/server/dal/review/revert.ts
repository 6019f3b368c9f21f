import "server-only";
import { assertCan } from "@/lib/server/auth/permissions";
import { syncRequiredEnrolments } from "@/lib/server/dal/courses/assignment";
import { db } from "@/lib/server/db";
import { audit, type AuditEntry } from "@/lib/server/audit";
import { DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { isQuarter, quarterLabel } from "@/lib/domain/dates";
import { inChunks, lockReviewOrder, refuseIfLaterCommitted } from "./commit";

/**
 * Reverts a committed review as a whole (DOMAIN §5.8): its grade changes are voided (kept as
 * history), people it exited are active again, the review becomes REVERTED — which frees the
 * quarter for a new review. One transaction with its audit rows.
 */
export async function revertReview(viewer: Viewer, quarter: string, reason: string): Promise<{ voided: number; restored: number }> {
  assertCan(viewer, "review.commit");
  const why = reason.trim();
  if (why.length < 2) throw new DomainError("请填写撤销原因", { reason: ["请填写撤销原因（至少 2 个字）"] });
  if (!isQuarter(quarter)) throw new DomainError("季度格式不正确，应为例如 2026Q2");
  return db.$transaction(
    async (tx) => {
      await lockReviewOrder(tx);
      const review = await tx.promotionReview.findFirst({ where: { quarter, status: "COMMITTED" }, select: { id: true } });
      if (!review) throw new DomainError(`${quarterLabel(quarter)}没有已提交的晋级评审，无需撤销`);
      await refuseIfLaterCommitted(tx, quarter, "撤销");
      const now = new Date();
      const flipped = await tx.promotionReview.updateMany({
        where: { id: review.id, status: "COMMITTED" },
        data: { status: "REVERTED", revertedAt: now, revertedById: viewer.id, revertReason: why },
      });
      if (flipped.count !== 1) throw new DomainError("该评审刚刚已被撤销，请刷新页面");

      const changes = await tx.gradeChange.findMany({
        where: { reviewId: review.id, voidedAt: null },
        select: { id: true, userId: true, fromGrade: true, toGrade: true, reason: true },
      });
      const voidNote = `撤销${quarterLabel(quarter)}晋级评审：${why}`;
      await tx.gradeChange.updateMany({ where: { reviewId: review.id, voidedAt: null }, data: { voidedAt: now, voidNote } });
      const exitIds = changes.filter((c) => c.reason === "EXIT").map((c) => c.userId);
      const restored =
        exitIds.length > 0
          ? await tx.user.updateMany({ where: { id: { in: exitIds }, status: "EXITED" }, data: { status: "ACTIVE", exitedAt: null } })
          : { count: 0 };
      // Back on the old grade, the old tier's required courses apply again (none are removed).
      const userIds = changes.map((c) => c.userId);
      await syncRequiredEnrolments(tx, userIds);

      const entries: AuditEntry[] = changes.map((c) => ({
        actorId: viewer.id,
        action: "GRADE_CHANGE_VOID",
        entity: "User",
        entityId: c.userId,
        before: { grade: c.toGrade, changeId: c.id, ...(c.reason === "EXIT" ? { status: "EXITED" } : {}) },
        after: { grade: c.fromGrade, reviewId: review.id, ...(c.reason === "EXIT" ? { status: "ACTIVE" } : {}) },
        note: voidNote,
      }));
      entries.push({
        actorId: viewer.id,
        action: "REVIEW_REVERT",
        entity: "PromotionReview",
        entityId: review.id,
        before: { status: "COMMITTED", quarter },
        after: { status: "REVERTED", voided: changes.length, restored: restored.count },
        note: why,
      });
      await inChunks(entries, 5000, (chunk) => audit(tx, chunk));
      return { voided: changes.length, restored: restored.count };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
