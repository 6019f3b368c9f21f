// Deriving a person's grade from their GradeChange history (DOMAIN §3). Pure.
import type { Grade, GradeChangeReason } from "./grades";
import { compareQuarters, type IsoDate, type Quarter } from "./dates";

export interface GradeChangeRecord {
  toGrade: Grade | null;
  fromGrade: Grade | null;
  effectiveDate: IsoDate;
  quarter: Quarter;
  reason: GradeChangeReason;
  /** Order of recording, to break ties between changes effective on the same day. */
  createdAt: Date | string;
  voided?: boolean;
}

function live(history: GradeChangeRecord[], asOf?: IsoDate): GradeChangeRecord[] {
  return history
    .filter((c) => !c.voided && (asOf === undefined || c.effectiveDate <= asOf))
    .sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime());
}

/** The grade held on `asOf` (default: the latest), or null for no grade / exited. */
export function currentGrade(history: GradeChangeRecord[], asOf?: IsoDate): Grade | null {
  const changes = live(history, asOf);
  return changes.length ? changes[changes.length - 1].toGrade : null;
}

/** The date the current grade was reached (gradeSince), or null. */
export function gradeSince(history: GradeChangeRecord[], asOf?: IsoDate): IsoDate | null {
  const changes = live(history, asOf);
  return changes.length ? changes[changes.length - 1].effectiveDate : null;
}

/** The latest quarter in which the grade changed: ratings up to it never count toward a streak again. */
export function lastChangeQuarter(history: GradeChangeRecord[]): Quarter | null {
  let last: Quarter | null = null;
  for (const change of history) {
    if (change.voided) continue;
    if (last === null || compareQuarters(change.quarter, last) > 0) last = change.quarter;
  }
  return last;
}
