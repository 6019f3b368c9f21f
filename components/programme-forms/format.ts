// Wording and formatting of the after-phase forms and mentoring, in one place.

const shanghai = (iso: string, opts: Intl.DateTimeFormatOptions) => {
  const parts = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", hour12: false, ...opts }).formatToParts(new Date(iso));
  return (t: string) => parts.find((p) => p.type === t)?.value ?? "";
};

/** "2026-12-01" (or a date-time) → 2026年12月1日 */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "—";
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split("-").map(Number);
    return `${y}年${m}月${d}日`;
  }
  const get = shanghai(value, { year: "numeric", month: "numeric", day: "numeric" });
  return `${get("year")}年${get("month")}月${get("day")}日`;
}

/** A date-time as 12-01 14:05 (Asia/Shanghai). */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "—";
  const get = shanghai(value, { month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
  return `${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}

/** "2026-03" → 2026年3月 */
export function monthLabel(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return `${y}年${m}月`;
}

export function formatPercent(rate: number | null): string {
  return rate === null ? "—" : `${(rate * 100).toFixed(1)}%`;
}

export function formatMean(v: number | null, digits = 2): string {
  return v === null ? "—" : v.toFixed(digits);
}

export const ASPECT_LABELS = {
  content: "课程内容",
  delivery: "讲师讲授",
  organisation: "培训组织",
  applicability: "实用性",
} as const;

export const ASPECT_HINTS = {
  content: "内容是否系统、准确，贴合工作需要",
  delivery: "讲师表达是否清晰，能否调动互动",
  organisation: "时间安排、场地、后勤是否周到",
  applicability: "所学能否直接用到日常工作中",
} as const;

export const SCORE_WORDS: Record<number, string> = { 1: "很差", 2: "较差", 3: "一般", 4: "较好", 5: "很好" };

export const FOLLOW_UP_STATUS_LABELS = {
  ON_TRACK: "进展顺利",
  AT_RISK: "存在风险",
  OFF_TRACK: "明显滞后",
  DONE: "已完成",
} as const;

export const FOLLOW_UP_STATUS_TONES = {
  ON_TRACK: "bg-emerald-50 text-emerald-800",
  AT_RISK: "bg-amber-100 text-amber-900",
  OFF_TRACK: "bg-red-50 text-red-800",
  DONE: "bg-sky-50 text-sky-800",
} as const;

// The programme area's wording of attendance and session times, shared so both read the same.
export { ATTENDANCE_LABELS, formatSessionTime } from "@/lib/domain/programme-labels";

export const FORM_STATUS_LABELS = { DRAFT: "草稿", SUBMITTED: "已提交" } as const;
