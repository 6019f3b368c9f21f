// UI wording of the review area, in one place.
import type { ReviewCategory } from "@/lib/server/dal/review/compute";

export const CATEGORY_LABELS: Record<ReviewCategory, string> = {
  PROMOTE: "晋级",
  DEMOTE: "降级",
  EXIT: "退出",
  BLOCKED: "条件未满足",
  EXCLUDED: "已排除",
  NONE: "不变",
};

/** Order of the counts at the top of a review. */
export const COUNT_ORDER: ReviewCategory[] = ["PROMOTE", "DEMOTE", "EXIT", "BLOCKED", "NONE", "EXCLUDED"];

export const REVIEW_STATUS_LABELS = {
  NONE: "未评审",
  DRAFT: "草稿（未提交）",
  COMMITTED: "已提交",
  REVERTED: "已撤销",
} as const;

export const QUARTER_STATUS_LABELS = { OPEN: "考评进行中", LOCKED: "已锁定" } as const;

export const HONOURS_NOTE =
  "名额不足时的排序：业务技能大比拼获奖（获奖季度之后四个季度内享有晋升和调配优先，奖项多者在前）→ 本季度考评得分（高者优先，无得分者排后）→ 任职年限（长者优先）。";
