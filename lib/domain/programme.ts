// The programme year's pure rules (DOMAIN §8 and §10): session conflicts, the self check-in
// window, eligibility by the grade held on a phase's start date, and overdue mentee reflections.
// The four exports below are a published contract (issue 8): names, arguments and meaning stay.
import type { Grade, Role } from "./grades";
import { parseIsoDate, type IsoDate } from "./dates";

export interface ConflictSession {
  id: string;
  /** ISO date-time with an offset, e.g. 2026-04-13T09:00:00+08:00 */
  start: string;
  end: string;
  lecturer: string | null;
  participants: string[];
}

function instant(value: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`Invalid date-time: ${value}`);
  return ms;
}

function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Pairs of sessions whose half-open intervals [start, end) overlap and that share a non-null
 * lecturer or at least one participant. Each pair once as [smallerId, largerId], sorted by the
 * first id, then the second.
 */
export function sessionConflicts(sessions: ConflictSession[]): [string, string][] {
  const prepared = sessions.map((s) => ({
    id: s.id,
    start: instant(s.start),
    end: instant(s.end),
    lecturer: s.lecturer,
    participants: new Set(s.participants),
  }));
  // Sweep in start order so that only sessions that can still overlap are compared.
  const ordered = [...prepared].sort((a, b) => a.start - b.start);
  const pairs: [string, string][] = [];
  const seen = new Set<string>();
  for (let i = 0; i < ordered.length; i++) {
    const a = ordered[i];
    for (let j = i + 1; j < ordered.length; j++) {
      const b = ordered[j];
      if (b.start >= a.end) break;
      if (!(a.start < b.end && b.start < a.end)) continue;
      const sharesLecturer = a.lecturer !== null && a.lecturer === b.lecturer;
      let sharesParticipant = false;
      if (!sharesLecturer) {
        const [small, large] = a.participants.size <= b.participants.size ? [a.participants, b.participants] : [b.participants, a.participants];
        for (const p of small) {
          if (large.has(p)) {
            sharesParticipant = true;
            break;
          }
        }
      }
      if (!sharesLecturer && !sharesParticipant) continue;
      const pair: [string, string] = byId(a.id, b.id) <= 0 ? [a.id, b.id] : [b.id, a.id];
      const key = `${pair[0]}\u0000${pair[1]}`;
      if (seen.has(key) || pair[0] === pair[1]) continue;
      seen.add(key);
      pairs.push(pair);
    }
  }
  return pairs.sort((x, y) => byId(x[0], y[0]) || byId(x[1], y[1]));
}

/** Self check-in is open from 30 minutes before the start (inclusive) until the end (exclusive). */
export const CHECK_IN_OPENS_MINUTES_BEFORE = 30;

export function checkInOpen(session: { start: string; end: string }, now: string): boolean {
  const t = instant(now);
  return t >= instant(session.start) - CHECK_IN_OPENS_MINUTES_BEFORE * 60_000 && t < instant(session.end);
}

export interface EligibilityPerson {
  role: Role;
  gradeHistory: { effectiveOn: IsoDate; to: Grade | null }[];
}

export interface EligibilityPhase {
  startsOn: IsoDate;
  grades: Grade[];
  includeAssistants: boolean;
}

/**
 * Whether a person belongs in a phase: assistants when the phase takes them; account managers by
 * the grade they held on the phase's start date (the latest history entry effective on or before
 * it, whatever the input order; `to: null` means exited; no entry yet counts as TRAINEE); nobody else.
 */
export function eligibleForPhase(person: EligibilityPerson, phase: EligibilityPhase): boolean {
  if (person.role === "ASSISTANT") return phase.includeAssistants;
  if (person.role !== "ACCOUNT_MANAGER") return false;
  let latest: { effectiveOn: IsoDate; to: Grade | null } | null = null;
  for (const entry of person.gradeHistory) {
    if (entry.effectiveOn > phase.startsOn) continue;
    // Ties on the same day: the entry given later wins (the order the changes were recorded in).
    if (latest === null || entry.effectiveOn >= latest.effectiveOn) latest = entry;
  }
  const grade: Grade | null = latest === null ? "TRAINEE" : latest.to;
  return grade !== null && phase.grades.includes(grade);
}

/** A month as "YYYY-MM". */
export type YearMonth = string;

function monthKey(y: number, m: number): YearMonth {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`;
}

/** The day a month's reflection is due: the 5th of the following month. */
export function reflectionDueOn(month: YearMonth): IsoDate {
  const [y, m] = month.split("-").map(Number);
  const next = m === 12 ? { y: y + 1, m: 1 } : { y, m: m + 1 };
  return `${monthKey(next.y, next.m)}-05`;
}

/**
 * Months ("YYYY-MM", ascending) from the mentorship's start month through its end month (if any)
 * whose reflection was due (the 5th of the following month) before `today` and is not in `submitted`.
 */
export function overdueReflections(mentorship: { startsOn: IsoDate; endsOn?: IsoDate | null }, today: IsoDate, submitted: string[]): string[] {
  const start = parseIsoDate(mentorship.startsOn);
  const end = mentorship.endsOn ? parseIsoDate(mentorship.endsOn) : null;
  const done = new Set(submitted);
  const overdue: string[] = [];
  let y = start.y;
  let m = start.m;
  for (;;) {
    if (end && (y > end.y || (y === end.y && m > end.m))) break;
    const month = monthKey(y, m);
    if (!(reflectionDueOn(month) < today)) break;
    if (!done.has(month)) overdue.push(month);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return overdue;
}
