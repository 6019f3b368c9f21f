import "server-only";
import { assertCan } from "@/lib/server/auth/permissions";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { quarterLabel, type Quarter } from "@/lib/domain/dates";
import { GRADES, GRADE_LABELS } from "@/lib/domain/grades";
import type { Quotas } from "@/lib/domain/review";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isLiveReviewViolation } from "./commit";
import { quotasFromJson } from "./compute";
import { requireLockedQuarter, type Client } from "./population";

// HR's edits before a commit — exclusions and quotas — live on the quarter's DRAFT review,
// created on the first edit.

async function draftFor(tx: Client, viewer: Viewer, quarter: Quarter): Promise<{ id: string; quotas: unknown }> {
  const live = await tx.promotionReview.findFirst({
    where: { quarter, status: { in: ["DRAFT", "COMMITTED"] } },
    select: { id: true, status: true, quotas: true },
  });
  if (live?.status === "COMMITTED") {
    throw new DomainError(`${quarterLabel(quarter)}的晋级评审已提交，不能再修改；如需调整，请先撤销该评审`);
  }
  if (live) return live;
  return tx.promotionReview.create({ data: { quarter, status: "DRAFT", createdById: viewer.id }, select: { id: true, quotas: true } });
}

async function inDraft<T>(viewer: Viewer, quarter: string, work: (tx: Client, q: Quarter, draft: { id: string; quotas: unknown }) => Promise<T>): Promise<T> {
  assertCan(viewer, "review.prepare");
  try {
    return await db.$transaction(async (tx) => {
      const q = await requireLockedQuarter(tx, quarter);
      const draft = await draftFor(tx, viewer, q);
      return work(tx, q, draft);
    });
  } catch (error) {
    // Two first edits at once: the database let only one create the draft.
    if (isLiveReviewViolation(error)) throw new DomainError("评审草稿刚刚被他人创建，请重试");
    throw error;
  }
}

/** Leaves one person out of the quarter's review, with a reason (DOMAIN §5.8). */
export async function excludeFromReview(viewer: Viewer, quarter: string, userId: string, reason: string): Promise<void> {
  const why = reason.trim();
  if (why.length < 2) throw new DomainError("请填写排除原因", { reason: ["请填写排除原因（至少 2 个字）"] });
  await inDraft(viewer, quarter, async (tx, q, draft) => {
    const person = await tx.user.findFirst({
      where: { id: userId, role: "ACCOUNT_MANAGER", status: "ACTIVE" },
      select: { id: true, name: true },
    });
    if (!person) throw new DomainError("找不到该在职客户经理");
    const before = await tx.reviewExclusion.findUnique({ where: { reviewId_userId: { reviewId: draft.id, userId } }, select: { reason: true } });
    await tx.reviewExclusion.upsert({
      where: { reviewId_userId: { reviewId: draft.id, userId } },
      create: { reviewId: draft.id, userId, reason: why, createdById: viewer.id },
      update: { reason: why, createdById: viewer.id },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "REVIEW_EXCLUDE",
      entity: "PromotionReview",
      entityId: draft.id,
      before: before ? { userId, reason: before.reason } : null,
      after: { userId, name: person.name, quarter: q, reason: why },
    });
  });
}

/** Puts an excluded person back into the review. */
export async function includeAgain(viewer: Viewer, quarter: string, userId: string): Promise<void> {
  await inDraft(viewer, quarter, async (tx, q, draft) => {
    const existing = await tx.reviewExclusion.findUnique({ where: { reviewId_userId: { reviewId: draft.id, userId } }, select: { reason: true } });
    if (!existing) return;
    // The exclusion is working state of a draft; the audit row keeps what it said.
    await tx.reviewExclusion.delete({ where: { reviewId_userId: { reviewId: draft.id, userId } } });
    await audit(tx, {
      actorId: viewer.id,
      action: "REVIEW_INCLUDE",
      entity: "PromotionReview",
      entityId: draft.id,
      before: { userId, reason: existing.reason },
      after: { userId, quarter: q },
    });
  });
}

/** Sets the maximum promotions into each grade for this review (omitted grade = no limit). */
export async function setReviewQuotas(viewer: Viewer, quarter: string, quotas: Quotas): Promise<void> {
  for (const [grade, n] of Object.entries(quotas)) {
    if (!GRADES.includes(grade as (typeof GRADES)[number])) throw new DomainError(`未知等级：${grade}`);
    if (n !== undefined && (!Number.isInteger(n) || n < 0 || n > 100000)) {
      throw new DomainError(`${GRADE_LABELS[grade as (typeof GRADES)[number]]}名额应为不小于 0 的整数`, { [grade]: ["请输入不小于 0 的整数"] });
    }
  }
  const clean = quotasFromJson(quotas);
  await inDraft(viewer, quarter, async (tx, q, draft) => {
    await tx.promotionReview.update({ where: { id: draft.id }, data: { quotas: clean as Prisma.InputJsonValue } });
    await audit(tx, {
      actorId: viewer.id,
      action: "REVIEW_QUOTAS",
      entity: "PromotionReview",
      entityId: draft.id,
      before: { quotas: quotasFromJson(draft.quotas) },
      after: { quotas: clean, quarter: q },
    });
  });
}
