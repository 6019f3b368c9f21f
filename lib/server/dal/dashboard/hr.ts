import "server-only";
import { db } from "@/lib/server/db";
import { AuthorizationError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { dateToIso, isQuarter, quarterEnd, quarterOf, todayInShanghai, type IsoDate, type Quarter } from "@/lib/domain/dates";
import { GRADES, RATINGS, type Grade, type Rating } from "@/lib/domain/grades";
import { mergeGradeRules } from "@/lib/domain/promotion";
import { nineBoxCell, nineBoxCounts, newInRoleShare, type NineBoxCell } from "@/lib/domain/dashboard";
import { cycleSelect, toCycleRef, type CycleRef } from "../competencies/shared";
import { competencyAboveByPerson } from "../competencies/results";
import { cachedByVersion, dataVersion, versionedCache } from "@/lib/server/cache";
import { rulesInForce } from "../review/population";
import type {
  BranchProgressRow,
  CertificationRateRow,
  CycleOption,
  DistributionRow,
  NineBoxView,
  ProgrammeProgressView,
  ReviewSummaryView,
  HrTodo,
  NewInRoleView,
} from "./views";
import { getCertificationNames, nameOfCertification } from "../certification-names";

// HR's home (DOMAIN §11): each panel one set-based query, aggregated in SQL; nothing per person or
// per branch in a loop. Filters come from the URL and are checked here.

function assertHr(viewer: Viewer) {
  if (viewer.role !== "HR") throw new AuthorizationError();
}

// The per-branch panels read ratings, quarters, people, branches, grades and certifications: all
// behind the "review" data version (lib/server/cache.ts), as do the certification rates and the
// count of people waiting for 定级. Each is computed once per version and
// arguments instead of on every view of /hr (a dozen queries per request at 10,000 people).
const panelCache = versionedCache<unknown>("hr-panels", 24);
async function perReviewVersion<T>(slot: string, compute: () => Promise<T>): Promise<T> {
  const version = await dataVersion("review");
  return panelCache.get(slot, version, compute) as Promise<T>;
}

const countRows = <T extends Record<string, unknown>>(rows: T[]) =>
  rows.map(
    (r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])) as {
        [K in keyof T]: T[K] extends bigint ? number : T[K];
      },
  );

/** The appraisal quarters (newest first) with status: for the quarter filter and the to-do list. */
export async function listQuarterStatuses(viewer: Viewer): Promise<{ quarter: Quarter; status: "OPEN" | "LOCKED" }[]> {
  assertHr(viewer);
  return db.appraisalQuarter.findMany({ orderBy: { quarter: "desc" }, select: { quarter: true, status: true } });
}

/** Rating progress of one (open) quarter per branch: rated / active account managers today. */
export async function ratingProgressByBranch(viewer: Viewer, quarter: Quarter): Promise<BranchProgressRow[]> {
  assertHr(viewer);
  return perReviewVersion(`progress|${quarter}`, () => progressRows(quarter));
}

async function progressRows(quarter: Quarter): Promise<BranchProgressRow[]> {
  const rows = await db.$queryRaw<{ branchId: string; branchName: string; total: bigint; rated: bigint }[]>`
    SELECT b.id AS "branchId", b.name AS "branchName", count(u.id) AS total, count(a.id) AS rated
    FROM "User" u
    JOIN "Branch" b ON b.id = u."branchId"
    LEFT JOIN "Appraisal" a ON a."userId" = u.id AND a.quarter = ${quarter} AND a.rating IS NOT NULL
    WHERE u.role = 'ACCOUNT_MANAGER' AND u.status = 'ACTIVE'
    GROUP BY b.id, b.name, b.code
    ORDER BY b.code`;
  return countRows(rows);
}

/** Ratings of one quarter per branch (people rated in it who are active today). */
export async function ratingDistributionByBranch(viewer: Viewer, quarter: Quarter): Promise<DistributionRow[]> {
  assertHr(viewer);
  return perReviewVersion(`distribution|${quarter}`, () => distributionRows(quarter));
}

async function distributionRows(quarter: Quarter): Promise<DistributionRow[]> {
  const rows = await db.$queryRaw<{ branchId: string; branchName: string; rating: Rating; n: bigint }[]>`
    SELECT b.id AS "branchId", b.name AS "branchName", a.rating, count(*) AS n
    FROM "Appraisal" a
    JOIN "User" u ON u.id = a."userId"
    JOIN "Branch" b ON b.id = u."branchId"
    WHERE a.quarter = ${quarter} AND a.rating IS NOT NULL AND u.role = 'ACCOUNT_MANAGER' AND u.status = 'ACTIVE'
    GROUP BY b.id, b.name, b.code, a.rating
    ORDER BY b.code`;
  const byBranch = new Map<string, DistributionRow>();
  for (const r of rows) {
    const row = byBranch.get(r.branchId) ?? {
      branchId: r.branchId,
      branchName: r.branchName,
      counts: Object.fromEntries(RATINGS.map((x) => [x, 0])) as Record<Rating, number>,
      total: 0,
    };
    row.counts[r.rating] = Number(r.n);
    row.total += Number(r.n);
    byBranch.set(r.branchId, row);
  }
  return [...byBranch.values()];
}

/**
 * The review of the latest locked quarter: its status and, while it is not committed, the
 * preview's counts. The counts come from the review DAL's own computation (`previewCounts`), passed
 * in by the page, so the bank is computed once per view.
 */
export async function reviewSummaryQuarter(viewer: Viewer): Promise<{ quarter: Quarter | null; status: "NONE" | "DRAFT" | "COMMITTED" }> {
  assertHr(viewer);
  const locked = await db.appraisalQuarter.findFirst({ where: { status: "LOCKED" }, orderBy: { quarter: "desc" }, select: { quarter: true } });
  if (!locked) return { quarter: null, status: "NONE" };
  const review = await db.promotionReview.findFirst({ where: { quarter: locked.quarter, status: { in: ["DRAFT", "COMMITTED"] } }, select: { status: true } });
  return { quarter: locked.quarter, status: (review?.status as "DRAFT" | "COMMITTED" | undefined) ?? "NONE" };
}

export type { ReviewSummaryView };

/** Cycles for the 9-box's cycle filter, newest first; the default is the newest closed one. */
export async function listCycleOptions(viewer: Viewer, now = new Date()): Promise<{ cycles: CycleRef[]; defaultId: string | null }> {
  assertHr(viewer);
  const rows = await db.assessmentCycle.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: cycleSelect });
  const cycles = rows.map((r) => toCycleRef(r, now));
  return { cycles, defaultId: (cycles.find((c) => c.status === "CLOSED") ?? cycles[0])?.id ?? null };
}

// The 9-box's people (ratings of the last two locked quarters, grade, competency axis) per cycle,
// branch filter and "review" + "competency" data versions: 10,000 rows, read on every view of /hr.
type NineBoxPerson = {
  id: string;
  name: string;
  employeeNo: string;
  branchName: string;
  grade: Grade;
  r1: Rating | null;
  r2: Rating | null;
  above: number | null;
  cell: NineBoxCell | null;
};
type NineBoxPeople = { quarters: Quarter[]; people: NineBoxPerson[] } & ReturnType<typeof nineBoxCounts>;
const nineBoxCache = versionedCache<NineBoxPeople>("hr-nine-box", 8);

async function nineBoxPeople(cycle: CycleRef | null, branchId: string | null): Promise<NineBoxPeople> {
  const locked = await db.appraisalQuarter.findMany({ where: { status: "LOCKED" }, orderBy: { quarter: "desc" }, take: 2, select: { quarter: true } });
  const quarters = locked.map((q) => q.quarter);
  // The competency axis comes from the competency DAL's cached per-person computation.
  const [above, rows] = await Promise.all([
    cycle ? competencyAboveByPerson(cycle) : Promise.resolve(new Map<string, number>()),
    db.$queryRaw<{ id: string; name: string; employeeNo: string; branchName: string; grade: Grade; r1: Rating | null; r2: Rating | null }[]>`
      SELECT u.id, u.name, u."employeeNo", b.name AS "branchName", g.grade, a1.rating AS r1, a2.rating AS r2
      FROM "User" u
      JOIN "Branch" b ON b.id = u."branchId"
      JOIN "CurrentGrade" g ON g."userId" = u.id AND g.grade IS NOT NULL
      LEFT JOIN "Appraisal" a1 ON a1."userId" = u.id AND a1.quarter = ${quarters[0] ?? null}::text
      LEFT JOIN "Appraisal" a2 ON a2."userId" = u.id AND a2.quarter = ${quarters[1] ?? null}::text
      WHERE u.role = 'ACCOUNT_MANAGER' AND u.status = 'ACTIVE'
        AND (${branchId}::text IS NULL OR u."branchId" = ${branchId}::text)
      ORDER BY b.code, u."employeeNo"`,
  ]);
  const people = rows.map((r) => {
    const a = above.get(r.id) ?? null;
    return { ...r, above: a, cell: nineBoxCell([r.r1, r.r2], a) };
  });
  return { quarters, people, ...nineBoxCounts(people) };
}

/**
 * The 9-box: performance = the last two LOCKED quarters' ratings, competency = the mean over
 * competencies of (result − level required for the person's current grade) in the chosen cycle
 * (competencyAboveByPerson: the bank heatmap's SQL, cached per cycle and data version). One query
 * returns one row per graded active account manager (two ratings each); cells and counts come from
 * lib/domain/dashboard. `cell` asks for the names in one cell (at most `limit`).
 */
export async function nineBox(
  viewer: Viewer,
  options: { cycle: CycleRef | null; branchId?: string | null; cell?: string | null; limit?: number },
): Promise<NineBoxView> {
  assertHr(viewer);
  const cycle = options.cycle;
  const branchId = options.branchId ?? null;
  // Everything of the cycle the computation reads is in the slot (the caller read the cycle first).
  const cycleKey = cycle ? `${cycle.id}|${cycle.acceptingAnswers}|${cycle.weights.SELF}|${cycle.weights.MANAGER}|${cycle.weights.PEER}` : "none";
  const { quarters, people, counts, unplaced } = await cachedByVersion(nineBoxCache, ["review", "competency"], `${cycleKey}|${branchId ?? "bank"}`, () =>
    nineBoxPeople(cycle, branchId),
  );
  const key = (c: NineBoxCell) => `${c.performance}-${c.competency}`;
  const inCell = options.cell ? people.filter((p) => p.cell && key(p.cell) === options.cell) : [];
  const limit = options.limit ?? 50;
  return {
    quarters: quarters.slice().reverse(),
    cycle: cycle ? { id: cycle.id, name: cycle.name } : null,
    counts,
    unplaced,
    placed: people.length - unplaced,
    cell: options.cell ?? null,
    members: inCell
      .slice(0, limit)
      .map((p) => ({ id: p.id, name: p.name, employeeNo: p.employeeNo, branchName: p.branchName, grade: p.grade, ratings: [p.r2, p.r1], above: p.above })),
    membersTotal: inCell.length,
  };
}

/** Active account managers under one year in role, for the bank and per branch. */
export async function newInRole(viewer: Viewer, today: IsoDate = todayInShanghai()): Promise<NewInRoleView> {
  assertHr(viewer);
  return perReviewVersion(`new-in-role|${today}`, () => newInRoleShares(today));
}

async function newInRoleShares(today: IsoDate): Promise<NewInRoleView> {
  const rows = await db.$queryRaw<{ branchId: string; branchName: string; roleStartDate: Date | null }[]>`
    SELECT b.id AS "branchId", b.name AS "branchName", u."roleStartDate"
    FROM "User" u JOIN "Branch" b ON b.id = u."branchId"
    WHERE u.role = 'ACCOUNT_MANAGER' AND u.status = 'ACTIVE'
    ORDER BY b.code`;
  const dates = rows.map((r) => (r.roleStartDate ? dateToIso(r.roleStartDate) : null));
  const byBranch = new Map<string, { name: string; dates: (string | null)[] }>();
  rows.forEach((r, i) => {
    const entry = byBranch.get(r.branchId) ?? { name: r.branchName, dates: [] };
    entry.dates.push(dates[i]);
    byBranch.set(r.branchId, entry);
  });
  return {
    bank: newInRoleShare(dates, today),
    branches: [...byBranch].map(([branchId, b]) => ({ branchId, branchName: b.name, ...newInRoleShare(b.dates, today) })),
  };
}

/**
 * Certification coverage: for each certification a grade rule requires, the active account
 * managers whose NEXT grade requires it, and how many of them hold it valid today. (Failed
 * attempts are not recorded, so this is the holding rate among those who need it.)
 */
export async function certificationRates(viewer: Viewer, today: IsoDate = todayInShanghai()): Promise<CertificationRateRow[]> {
  assertHr(viewer);
  // Rules, certifications, their names, grades and people are all behind the "review" version.
  return perReviewVersion(`certifications|${today}`, () => certificationRows(today));
}

async function certificationRows(today: IsoDate): Promise<CertificationRateRow[]> {
  const rules = mergeGradeRules((await rulesInForce(db, quarterOf(today))).rules);
  const needs: { code: string; grades: Grade[] }[] = [];
  for (const g of GRADES) {
    for (const code of rules[g].certifications ?? []) {
      const entry = needs.find((n) => n.code === code) ?? needs[needs.push({ code, grades: [] }) - 1];
      // People whose NEXT grade is g hold the grade below it.
      const below = GRADES[GRADES.indexOf(g) - 1];
      if (below) entry.grades.push(below);
    }
  }
  if (needs.length === 0) return [];
  const rows = await db.$queryRaw<{ code: string; needing: bigint; holding: bigint }[]>`
    WITH need AS (
      SELECT n.code, unnest(n.grades) AS grade FROM json_to_recordset(${JSON.stringify(needs)}::json) AS n(code text, grades text[])
    )
    SELECT need.code, count(u.id) AS needing,
      count(u.id) FILTER (WHERE EXISTS (
        SELECT 1 FROM "Certification" c WHERE c."userId" = u.id AND c.code = need.code
          AND c."passedOn" <= ${today}::date AND (c."validUntil" IS NULL OR c."validUntil" >= ${today}::date)
      )) AS holding
    FROM need
    JOIN "CurrentGrade" g ON g.grade::text = need.grade
    JOIN "User" u ON u.id = g."userId" AND u.role = 'ACCOUNT_MANAGER' AND u.status = 'ACTIVE'
    GROUP BY need.code
    ORDER BY need.code`;
  const names = await getCertificationNames();
  return needs.map((n) => {
    const r = rows.find((x) => x.code === n.code);
    return { code: n.code, name: nameOfCertification(names, n.code), forGrades: n.grades, needing: Number(r?.needing ?? 0), holding: Number(r?.holding ?? 0) };
  });
}

/** What HR should do next: people waiting for 定级, finished quarters still open, cycles past their deadline, a locked quarter without a committed review. */
export async function hrTodos(viewer: Viewer, today: IsoDate = todayInShanghai(), now = new Date()): Promise<HrTodo[]> {
  assertHr(viewer);
  const [[{ ungraded }], open, cycles, review] = await Promise.all([
    perReviewVersion(
      "ungraded",
      () =>
        db.$queryRaw<{ ungraded: bigint }[]>`
        SELECT count(*) AS ungraded FROM "User" u LEFT JOIN "CurrentGrade" g ON g."userId" = u.id
        WHERE u.role = 'ACCOUNT_MANAGER' AND u.status = 'ACTIVE' AND g.grade IS NULL`,
    ),
    db.appraisalQuarter.findMany({ where: { status: "OPEN" }, orderBy: { quarter: "asc" }, select: { quarter: true } }),
    db.assessmentCycle.findMany({
      where: { status: "OPEN", deadline: { lt: now } },
      orderBy: { deadline: "asc" },
      select: { id: true, name: true, deadline: true },
    }),
    reviewSummaryQuarter(viewer),
  ]);
  const todos: HrTodo[] = [];
  if (Number(ungraded) > 0) todos.push({ kind: "GRADING", count: Number(ungraded), href: "/hr/grading" });
  for (const q of open) if (quarterEnd(q.quarter) < today) todos.push({ kind: "LOCK_QUARTER", quarter: q.quarter, href: `/hr/appraisal/${q.quarter}` });
  if (review.quarter && review.status !== "COMMITTED") todos.push({ kind: "REVIEW", quarter: review.quarter, href: `/hr/review/${review.quarter}` });
  for (const c of cycles) todos.push({ kind: "CLOSE_CYCLE", name: c.name, deadline: dateToIso(c.deadline), href: "/hr/competencies/cycles" });
  return todos;
}

/**
 * Programme progress of the newest programme year, per phase: participants enrolled, sessions,
 * attendance (present or late ÷ recorded), the mean of submitted evaluations (1–5 over the four
 * questions), action plans submitted and their follow-ups. One grouped query.
 */
export async function programmeProgress(viewer: Viewer): Promise<ProgrammeProgressView | null> {
  assertHr(viewer);
  // ~150,000 attendance, evaluation and follow-up rows at 10,000 people: once per "programme" version.
  return cachedByVersion(programmeCache, ["programme"], "newest", programmeRows);
}

const programmeCache = versionedCache<ProgrammeProgressView | null>("hr-programme", 1);

async function programmeRows(): Promise<ProgrammeProgressView | null> {
  const year = await db.programmeYear.findFirst({ orderBy: { year: "desc" }, select: { id: true, year: true, name: true } });
  if (!year) return null;
  const rows = await db.$queryRaw<
    {
      id: string;
      name: string;
      kind: string;
      status: string;
      participants: bigint;
      sessions: bigint;
      attended: bigint;
      recorded: bigint;
      evaluations: bigint;
      evaluationMean: number | null;
      plans: bigint;
      followUps: bigint;
      offTrack: bigint;
    }[]
  >`
    SELECT p.id, p.name, p.kind::text, p.status::text,
      (SELECT count(*) FROM "PhaseParticipant" pp WHERE pp."phaseId" = p.id AND pp.status = 'ENROLLED') AS participants,
      (SELECT count(*) FROM "TrainingSession" s WHERE s."phaseId" = p.id) AS sessions,
      (SELECT count(*) FROM "Attendance" at JOIN "TrainingSession" s ON s.id = at."sessionId" WHERE s."phaseId" = p.id AND at.status IN ('PRESENT', 'LATE')) AS attended,
      (SELECT count(*) FROM "Attendance" at JOIN "TrainingSession" s ON s.id = at."sessionId" WHERE s."phaseId" = p.id) AS recorded,
      (SELECT count(*) FROM "Evaluation" e JOIN "TrainingSession" s ON s.id = e."sessionId" WHERE s."phaseId" = p.id AND e.status = 'SUBMITTED') AS evaluations,
      (SELECT avg((coalesce(e.content, 0) + coalesce(e.delivery, 0) + coalesce(e.organisation, 0) + coalesce(e.applicability, 0))::float8
                  / nullif(num_nonnulls(e.content, e.delivery, e.organisation, e.applicability), 0))
         FROM "Evaluation" e JOIN "TrainingSession" s ON s.id = e."sessionId" WHERE s."phaseId" = p.id AND e.status = 'SUBMITTED') AS "evaluationMean",
      (SELECT count(*) FROM "ActionPlan" ap WHERE ap."phaseId" = p.id AND ap.status = 'SUBMITTED') AS plans,
      (SELECT count(*) FROM "ActionPlanFollowUp" f JOIN "ActionPlan" ap ON ap.id = f."actionPlanId" WHERE ap."phaseId" = p.id) AS "followUps",
      (SELECT count(*) FROM "ActionPlanFollowUp" f JOIN "ActionPlan" ap ON ap.id = f."actionPlanId" WHERE ap."phaseId" = p.id AND f.status IN ('AT_RISK', 'OFF_TRACK')) AS "offTrack"
    FROM "Phase" p WHERE p."programmeId" = ${year.id}
    ORDER BY p."startsOn"`;
  return {
    year: year.year,
    name: year.name,
    phases: countRows(rows).map((r) => ({ ...r, evaluationMean: r.evaluationMean === null ? null : Number(r.evaluationMean) })),
  };
}

/** A quarter from the URL, or null when it is not one. */
export function quarterParam(value: string | string[] | undefined): Quarter | null {
  return typeof value === "string" && isQuarter(value) ? value : null;
}

export type { CycleOption };
