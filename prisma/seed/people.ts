// Generates people with grades, role start dates, certifications and ratings consistent with
// the ladder (DOMAIN §3): shared by the demo data and the benchmark data.
import { GRADES, type Grade, type Rating } from "../../lib/domain/grades";
import { addQuarters, compareQuarters, formatIsoDate, parseIsoDate, quarterEnd, quarterOf, type IsoDate, type Quarter } from "../../lib/domain/dates";
import { SURNAMES, GIVEN_NAMES } from "../../lib/domain/defaults/people-names";
import { DEFAULT_GRADE_RULES } from "../../lib/domain/promotion";
import { tenureReachedOn } from "../../lib/domain/next-grade";
import type { Random } from "./random";

/** Months in role that each grade is generated with: consistent with the default entry rules. */
const TENURE_RANGE: Record<Grade, [number, number]> = {
  TRAINEE: [1, 10],
  JUNIOR: [7, 23],
  INTERMEDIATE: [25, 40],
  SENIOR: [38, 60],
  PRINCIPAL: [50, 110],
};

export const GRADE_MIX: readonly (readonly [Grade, number])[] = [
  ["TRAINEE", 0.16],
  ["JUNIOR", 0.24],
  ["INTERMEDIATE", 0.28],
  ["SENIOR", 0.2],
  ["PRINCIPAL", 0.12],
];

const RATING_MIX: readonly (readonly [Rating, number])[] = [
  ["EXCELLENT", 0.2],
  ["GOOD", 0.34],
  ["QUALIFIED", 0.3],
  ["BASIC", 0.11],
  ["UNQUALIFIED", 0.05],
];

export function monthsBefore(date: IsoDate, months: number, day = 1): IsoDate {
  const { y, m } = parseIsoDate(date);
  return formatIsoDate(y, m - months, day);
}

export function chineseName(random: Random): string {
  return random.pick(SURNAMES) + random.pick(GIVEN_NAMES);
}

export interface GeneratedManager {
  grade: Grade;
  roleStartDate: IsoDate;
  /** Date of the initial grading (定级) that put them on their grade. */
  gradedOn: IsoDate;
  probationPassedOn: IsoDate | null;
  ratings: Partial<Record<Quarter, Rating>>;
}

/**
 * One account manager as of `today`: a grade drawn from the mix (or given), a role start date
 * whose tenure fits that grade, a probation certificate for everyone past TRAINEE, and a rating
 * for each of `quarters` that began after they started.
 */
export function generateManager(random: Random, today: IsoDate, quarters: Quarter[], grade?: Grade): GeneratedManager {
  const g = grade ?? random.weighted(GRADE_MIX);
  const [min, max] = TENURE_RANGE[g];
  const roleStartDate = monthsBefore(today, random.int(min, max), random.int(1, 28));
  const gradingFloor = "2025-01-01";
  // The probation assessment closes the first six months in the role (passed on the 10th of the
  // seventh month), never before the role started. Trainees have not passed it yet: a pass would
  // promote them at the next review by the probation path, and the demo's quarter-end flow
  // expects one promotion only. (The draw is kept so every later random draw stays the same.)
  if (g === "TRAINEE") random.next();
  const probationPassedOn =
    g === "TRAINEE"
      ? null
      : [monthsBefore(roleStartDate, -7, 10), today].sort()[0] < tenureReachedOn(roleStartDate, 6)
        ? tenureReachedOn(roleStartDate, 6)
        : [monthsBefore(roleStartDate, -7, 10), today].sort()[0];
  // Nobody is graded above what their tenure (and, for 初级, the probation pass) allows on the day
  // of grading: the bank's first 定级 on 2025-01-01, or later once the requirement was met.
  const tenureMet = tenureReachedOn(roleStartDate, DEFAULT_GRADE_RULES[g]!.minTenureMonths);
  const readyOn = [gradingFloor, roleStartDate, tenureMet, ...(g === "JUNIOR" && probationPassedOn ? [probationPassedOn] : [])].sort().at(-1)!;
  const gradedOn = readyOn;
  const ratings: Partial<Record<Quarter, Rating>> = {};
  const startQuarter = quarterOf(roleStartDate);
  for (const q of quarters) {
    if (compareQuarters(q, startQuarter) > 0 && quarterEnd(q) < today) ratings[q] = random.weighted(RATING_MIX);
  }
  return { grade: g, roleStartDate, gradedOn, probationPassedOn, ratings };
}

/** The `count` quarters ending with `last`, oldest first. */
export function quartersEndingWith(last: Quarter, count: number): Quarter[] {
  return Array.from({ length: count }, (_, i) => addQuarters(last, i - count + 1));
}

export { GRADES };
