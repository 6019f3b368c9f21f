// UI wording and formatting of the contest area, in one place.
import { parseIsoDate, quarterLabel, type IsoDate } from "@/lib/domain/dates";
import { AWARD_LABELS, RANKING_LABELS, type AwardKind, type Ranking } from "@/lib/domain/contest";

/** 2026-11-10 → 2026年11月10日 */
export function formatDate(iso: IsoDate): string {
  const { y, m, d } = parseIsoDate(iso);
  return `${y}年${m}月${d}日`;
}

/** A time stamp as 11-30 14:05 (Asia/Shanghai). */
export function formatStamp(iso: string | null | undefined): string {
  if (!iso) return "—";
  const parts = new Intl.DateTimeFormat("zh-CN", {
    timeZone: "Asia/Shanghai",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}

export function formatPoints(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0$/, "");
}

export function priorityText(from: string, to: string): string {
  return `${quarterLabel(from)}至${quarterLabel(to)}`;
}

export const LOCKED_NOTE_HR = "已锁定：评委不能再评分。人力资源部可逐条更正，须填写原因并记入审计日志。";
export const CONFLICT_NOTE = "评委回避本支行：本支行的参赛人员和团队不会出现在评委的评分表中，系统也会拒绝此类评分。";

/** An award's name: 综合排名 一等奖, or the award alone when it belongs to no ranking. */
export function awardTitle(a: { kind: AwardKind; ranking: Ranking | null }): string {
  return `${a.ranking ? `${RANKING_LABELS[a.ranking]} ` : ""}${AWARD_LABELS[a.kind]}`;
}
