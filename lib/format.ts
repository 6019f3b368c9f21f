// The one place where dates, quarters, percentages and scores become text on screen (DOMAIN §13:
// times in Asia/Shanghai). Pure: no I/O, no React; every page and component formats through here.

import { parseIsoDate, parseQuarter, quarterLabel as longQuarterLabel, shanghaiParts, type IsoDate, type Quarter } from "@/lib/domain/dates";

const EMPTY = "—";

function calendarParts(value: IsoDate | Date): { y: number; m: number; d: number } {
  if (typeof value === "string") return parseIsoDate(value.slice(0, 10));
  return shanghaiParts(value);
}

/**
 * A calendar date as 2026年12月1日. Accepts "YYYY-MM-DD" (taken as is, no time zone can move it)
 * or a Date (its day in Asia/Shanghai; a @db.Date at UTC midnight stays on its day). "—" when empty.
 */
export function formatDate(value: IsoDate | Date | null | undefined): string {
  if (value === null || value === undefined || value === "") return EMPTY;
  const { y, m, d } = calendarParts(value);
  return `${y}年${m}月${d}日`;
}

/**
 * An instant as 12-01 14:05 in Asia/Shanghai; the year is put in front (2025-12-01 14:05) when it
 * is not the year of `now`, so an old timestamp is never mistaken for this year's.
 */
export function formatDateTime(value: Date | string | null | undefined, now: Date = new Date()): string {
  if (value === null || value === undefined || value === "") return EMPTY;
  const instant = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(instant.getTime())) return EMPTY;
  const p = shanghaiParts(instant);
  const md = `${String(p.m).padStart(2, "0")}-${String(p.d).padStart(2, "0")} ${p.hh}:${p.mm}`;
  return p.y === shanghaiParts(now).y ? md : `${p.y}-${md}`;
}

/** An instant as 2026/04/14 09:05 in Asia/Shanghai (with seconds: 09:05:07): the time stamp of exported files. */
export function formatStamp(value: Date | string, { seconds = false }: { seconds?: boolean } = {}): string {
  const p = shanghaiParts(value);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${p.y}/${pad(p.m)}/${pad(p.d)} ${p.hh}:${p.mm}${seconds ? `:${p.ss}` : ""}`;
}

/** 2026Q3 → 2026年第三季度 (the long form, for headings and sentences). */
export function quarterLabel(quarter: Quarter): string {
  return longQuarterLabel(quarter);
}

/** 2026Q3 → 2026Q3: the ONE short form (chips, chart axes, narrow columns). */
export function quarterShort(quarter: Quarter): string {
  const { year, q } = parseQuarter(quarter);
  return `${year}Q${q}`;
}

/**
 * A ratio 0…1 as a percentage: 0.5 → 50%, 1/3 → 33.3% with digits = 1. "—" for null or a
 * non-finite value (e.g. 0/0).
 */
export function formatPercent(ratio: number | null | undefined, digits = 0): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return EMPTY;
  return `${(ratio * 100).toFixed(digits)}%`;
}

/** part of whole as a percentage; "—" when whole is 0. */
export function formatShare(part: number, whole: number, digits = 0): string {
  return whole === 0 ? EMPTY : formatPercent(part / whole, digits);
}

/** A score or mean with a fixed number of decimals (85.5 → 85.50); "—" when missing. */
export function formatScore(score: number | null | undefined, digits = 2): string {
  if (score === null || score === undefined || !Number.isFinite(score)) return EMPTY;
  return score.toFixed(digits);
}

/** A signed difference, e.g. a competency gap: +0.50 / −0.25 / 0.00. */
export function formatSigned(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return EMPTY;
  const fixed = Math.abs(value).toFixed(digits);
  if (Number(fixed) === 0) return (0).toFixed(digits);
  return `${value > 0 ? "+" : "−"}${fixed}`;
}

/** A count with its unit: 12 人. */
export function formatCount(n: number, unit = "人"): string {
  return `${n} ${unit}`;
}
