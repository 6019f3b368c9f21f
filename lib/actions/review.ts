"use server";

import { defineFormAction, type RevalidateTarget } from "@/lib/server/action";
import { excludeFromReview, includeAgain, setReviewQuotas } from "@/lib/server/dal/review/draft";
import { commitReview } from "@/lib/server/dal/review/commit";
import { revertReview } from "@/lib/server/dal/review/revert";
import { ExcludeInput, IncludeInput, QuotasInput, ReviewQuarterInput, RevertInput } from "@/lib/schemas/review";
import type { Grade } from "@/lib/domain/grades";
import type { Quotas } from "@/lib/domain/review";

const reviewPages = (quarter: string): RevalidateTarget[] => ["/hr/review", `/hr/review/${quarter}`];

export const excludeFromReviewAction = defineFormAction({
  permission: "review.prepare",
  schema: ExcludeInput,
  run: (viewer, input) => excludeFromReview(viewer, input.quarter, input.userId, input.reason),
  revalidate: (input) => reviewPages(input.quarter),
  done: () => ({ ok: true, message: "已排除，该人员本次不参加晋降级" }),
});

export const includeInReviewAction = defineFormAction({
  permission: "review.prepare",
  schema: IncludeInput,
  run: (viewer, input) => includeAgain(viewer, input.quarter, input.userId),
  revalidate: (input) => reviewPages(input.quarter),
  done: () => ({ ok: true, message: "已恢复参评" }),
});

export const setReviewQuotasAction = defineFormAction({
  permission: "review.prepare",
  schema: QuotasInput,
  run: (viewer, { quarter, ...fields }) => {
    const quotas: Quotas = {};
    for (const [key, n] of Object.entries(fields)) if (n !== undefined) quotas[key.slice("quota_".length) as Grade] = n;
    return setReviewQuotas(viewer, quarter, quotas);
  },
  revalidate: (input) => reviewPages(input.quarter),
  done: () => ({ ok: true, message: "晋升名额已保存" }),
});

export const commitReviewAction = defineFormAction({
  permission: "review.commit",
  schema: ReviewQuarterInput,
  run: (viewer, input) => commitReview(viewer, input.quarter),
  revalidate: (input) => [...reviewPages(input.quarter), ["/", "layout"]],
  done: (result) => ({ ok: true, message: `评审已提交：晋级 ${result.counts.PROMOTE} 人、降级 ${result.counts.DEMOTE} 人、退出 ${result.counts.EXIT} 人` }),
});

export const revertReviewAction = defineFormAction({
  permission: "review.commit",
  schema: RevertInput,
  run: (viewer, input) => revertReview(viewer, input.quarter, input.reason),
  revalidate: (input) => [...reviewPages(input.quarter), ["/", "layout"]],
  done: (result) => ({ ok: true, message: `评审已撤销：作废 ${result.voided} 条等级变动${result.restored ? `，恢复 ${result.restored} 人在职` : ""}` }),
});
