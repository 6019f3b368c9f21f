// UI wording of the appraisal area in one place, so pages and forms say the same thing.
export const QUARTER_STATUS_LABELS = { OPEN: "评分中", LOCKED: "已锁定" } as const;

export const SHEET_STATUS_LABELS = {
  ALL: "全部",
  UNRATED: "未评级",
  RATED: "已评级",
} as const;


export const LOCKED_NOTICE_FOR_HEAD = "本季度考评已由人力资源部锁定，结果不能再修改。如需更正，请联系人力资源部。";

export const LOCKED_NOTICE_FOR_HR = "本季度已锁定：支行长不能再修改。人力资源部可逐条更正，更正必须填写原因并记入审计日志。";

export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined ? "—" : score.toFixed(2);
}

/** "2026-10-08 14:03" in Asia/Shanghai. */
export function formatDateTime(iso: string | Date | null | undefined): string {
  if (!iso) return "—";
  const d = typeof iso === "string" ? new Date(iso) : iso;
  const parts = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}
