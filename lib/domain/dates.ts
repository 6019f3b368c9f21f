// Calendar dates as "YYYY-MM-DD" strings and calendar quarters as "2026Q2".
// Kept as strings so that no time zone can move a date by a day.

export type IsoDate = string;
export type Quarter = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const QUARTER_RE = /^(\d{4})Q([1-4])$/;

export function parseIsoDate(date: IsoDate): { y: number; m: number; d: number } {
  const match = DATE_RE.exec(date);
  if (!match) throw new Error(`Invalid date: ${date}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
    throw new Error(`Invalid date: ${date}`);
  }
  return { y, m, d };
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string") return false;
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

export function formatIsoDate(y: number, m: number, d: number): IsoDate {
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.toISOString().slice(0, 10);
}

/** A Date (UTC midnight, as Prisma returns @db.Date) to "YYYY-MM-DD". */
export function dateToIso(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" to a Date at UTC midnight, as Prisma stores @db.Date. */
export function isoToDate(date: IsoDate): Date {
  const { y, m, d } = parseIsoDate(date);
  return new Date(Date.UTC(y, m - 1, d));
}

/** Whole months from `from` to `to` (0 when `to` is before `from`). 2024-07-01 → 2026-07-01 = 24. */
export function wholeMonthsBetween(from: IsoDate, to: IsoDate): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  let months = (b.y - a.y) * 12 + (b.m - a.m);
  if (b.d < a.d) months -= 1;
  return Math.max(0, months);
}

export function isQuarter(value: unknown): value is Quarter {
  return typeof value === "string" && QUARTER_RE.test(value);
}

export function parseQuarter(quarter: Quarter): { year: number; q: number } {
  const match = QUARTER_RE.exec(quarter);
  if (!match) throw new Error(`Invalid quarter: ${quarter}`);
  return { year: Number(match[1]), q: Number(match[2]) };
}

export function quarterOf(date: IsoDate): Quarter {
  const { y, m } = parseIsoDate(date);
  return `${y}Q${Math.floor((m - 1) / 3) + 1}`;
}

export function addQuarters(quarter: Quarter, n: number): Quarter {
  const { year, q } = parseQuarter(quarter);
  const index = year * 4 + (q - 1) + n;
  return `${Math.floor(index / 4)}Q${(index % 4) + 1}`;
}

export function previousQuarter(quarter: Quarter): Quarter {
  return addQuarters(quarter, -1);
}

/** Negative when a is earlier, 0 when equal, positive when later. */
export function compareQuarters(a: Quarter, b: Quarter): number {
  const pa = parseQuarter(a);
  const pb = parseQuarter(b);
  return pa.year * 4 + pa.q - (pb.year * 4 + pb.q);
}

export function quarterStart(quarter: Quarter): IsoDate {
  const { year, q } = parseQuarter(quarter);
  return formatIsoDate(year, (q - 1) * 3 + 1, 1);
}

/** Last day of the quarter, e.g. 2026Q2 → 2026-06-30. */
export function quarterEnd(quarter: Quarter): IsoDate {
  const { year, q } = parseQuarter(quarter);
  return formatIsoDate(year, q * 3 + 1, 0);
}

/** First day after the quarter, e.g. 2026Q2 → 2026-07-01. */
export function dayAfterQuarter(quarter: Quarter): IsoDate {
  return quarterStart(addQuarters(quarter, 1));
}

/** 2026Q2 → 2026年第二季度 */
export function quarterLabel(quarter: Quarter): string {
  const { year, q } = parseQuarter(quarter);
  return `${year}年第${"一二三四"[q - 1]}季度`;
}

const shanghaiFormatter = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** An instant's calendar and clock in Asia/Shanghai (DOMAIN §13): numbers for the date, two digits for the time (00–23). */
export function shanghaiParts(instant: Date | string): { y: number; m: number; d: number; hh: string; mm: string; ss: string } {
  const parts = shanghaiFormatter.formatToParts(typeof instant === "string" ? new Date(instant) : instant);
  const get = (t: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === t)?.value ?? "";
  return { y: Number(get("year")), m: Number(get("month")), d: Number(get("day")), hh: get("hour"), mm: get("minute"), ss: get("second") };
}

/** Today's date in Asia/Shanghai (DOMAIN §13). */
export function todayInShanghai(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(now);
}

/** 2026-12-01 → 2026年12月1日 (the UI's date format). */
export function chineseDateLabel(date: IsoDate): string {
  const { y, m, d } = parseIsoDate(date);
  return `${y}年${m}月${d}日`;
}
