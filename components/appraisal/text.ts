// UI wording of the appraisal area in one place, so pages and forms say the same thing.
export const QUARTER_STATUS_LABELS = { OPEN: "评分中", LOCKED: "已锁定" } as const;

export const SHEET_STATUS_LABELS = {
  ALL: "全部",
  UNRATED: "未评级",
  RATED: "已评级",
} as const;

export const LOCKED_NOTICE_FOR_HEAD = "本季度考评已由人力资源部锁定，结果不能再修改。如需更正，请联系人力资源部。";

export const LOCKED_NOTICE_FOR_HR = "本季度已锁定：支行长不能再修改。人力资源部可逐条更正，更正必须填写原因并记入审计日志。";

// Scores and times go through the one formatting module.
export { formatScore, formatDateTime } from "@/lib/format";

/** An amount in 万元 with two decimals and thousands separators (RORAC). */
export function formatAmount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return value.toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
