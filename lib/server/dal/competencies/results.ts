import "server-only";
import { can, narrowToBranch, scopeOf } from "@/lib/server/auth/permissions";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import type { Viewer } from "@/lib/server/auth/viewer";
import type { Grade } from "@/lib/domain/grades";
import { round } from "@/lib/domain/scoring";
import {
  COMPETENCY_CODES,
  PEER_ANONYMITY_THRESHOLD,
  competencyGaps,
  largestGaps,
  meanOf,
  nextGradeFor,
  type CompetencyCode,
  type Source,
} from "@/lib/domain/competency";
import { peopleScope } from "../scope";
import { cachedByVersion, dataVersion, versionedCache } from "@/lib/server/cache";
import { getModel, requiredLevelsOf, type CompetencyModelView } from "./model";
import { listPendingForms, pendingFormsUntil, type PendingForm } from "./assessments";
import { currentGrades, cycleSelect, hasAnyResult, loadPersonResults, requiredLevelsByModel, toCycleRef, type CycleRef, type PersonResult } from "./shared";

// Every DTO here carries results, per-source means of self and manager, and at most the peer
// MEAN (only when ≥ 3 peers answered and the answers are final): never an individual peer's
// level, comment or identity next to an answer.

type ByCode<T> = Record<CompetencyCode, T>;

export interface CompetencyName {
  code: CompetencyCode;
  name: string;
}

export interface CompetencyResultRow {
  code: CompetencyCode;
  name: string;
  self: number | null;
  manager: number | null;
  peerMean: number | null;
  result: number | null;
  required: number | null;
  gap: number | null;
  nextRequired: number | null;
  nextGap: number | null;
}

/** Whether the peers are in a result: in, not yet (answers still coming), or too few. */
export type PeerStatus = "included" | "pending" | "insufficient";

export interface GapFocus {
  code: CompetencyCode;
  name: string;
  nextGap: number;
  nextRequired: number;
  /** The behaviours that describe the next grade's required level. */
  indicators: string[];
}

export interface MyCompetenciesView {
  grade: Grade | null;
  nextGrade: Grade | null;
  /** Cycles I am assessed in, newest first. */
  cycles: (Pick<CycleRef, "id" | "name" | "status" | "deadline"> & { hasResult: boolean })[];
  cycle: CycleRef | null;
  rows: CompetencyResultRow[];
  peerStatus: PeerStatus;
  largest: GapFocus[];
  history: { cycleId: string; cycleName: string; results: ByCode<number | null> }[];
  pending: PendingForm[];
}

function peerStatus(person: PersonResult | undefined, cycle: CycleRef): PeerStatus {
  if (person?.peersIncluded) return "included";
  if (!cycle.acceptingAnswers) return "insufficient";
  return (person?.peersNamed ?? 0) >= PEER_ANONYMITY_THRESHOLD ? "pending" : "insufficient";
}

async function cyclesWhereAssessed(userId: string, now: Date): Promise<(CycleRef & { createdAt: Date })[]> {
  return (await cyclesWhereAssessedUntil(userId, now)).refs;
}

/** The same, with the instants of the open cycles' deadlines (when "taking answers" changes). */
async function cyclesWhereAssessedUntil(userId: string, now: Date): Promise<{ refs: (CycleRef & { createdAt: Date })[]; deadlines: Date[] }> {
  const rows = await db.assessmentCycle.findMany({
    where: { assessments: { some: { assesseeId: userId, source: "SELF" } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { ...cycleSelect, createdAt: true },
  });
  return {
    refs: rows.map((r) => ({ ...toCycleRef(r, now), createdAt: r.createdAt })),
    deadlines: rows.filter((r) => r.status === "OPEN").map((r) => r.deadline),
  };
}

/**
 * My competency profile (an account manager): for the chosen cycle (default: the newest with a
 * result) my result per competency against my grade and the next, the three largest gaps to the
 * next grade with the behaviours that describe it, my results in every cycle, and my open forms.
 */
export async function getMyCompetencies(viewer: Viewer, cycleId?: string, now = new Date()): Promise<MyCompetenciesView> {
  // The version first, then the data (lib/server/cache.ts). My cycles and open forms are cached until
  // the first deadline ahead (myCyclesAndForms); my results, grade and the model per person, chosen
  // cycle, "competency" version and the cycles' state now.
  const version = await dataVersion("competency");
  const { cycles, pending } = await myCyclesAndForms(viewer, now);
  const cyclesKey = cycles.map((c) => `${c.id}:${c.status}:${c.acceptingAnswers}`).join(",");
  const view = await myCompetencyCache.get(`${viewer.id}|${cycleId ?? ""}`, `${version}|${cyclesKey}`, () => myCompetencies(viewer.id, cycles, cycleId));
  return { ...view, pending };
}

interface MyCyclesAndForms {
  cycles: (CycleRef & { createdAt: Date })[];
  pending: PendingForm[];
  /** The instants this answer holds for: computed at `from`, good until the first deadline ahead. */
  from: number;
  until: number;
}

/**
 * My cycles and my open forms move with writes (the "competency" version: cycles, forms, names)
 * and with time — at a cycle's deadline it stops taking answers and its forms stop being due. So
 * they are cached per person (role and branch decide whose manager forms are theirs) and version,
 * and recomputed once `now` passes the first deadline that was still ahead (or goes back before
 * the computation: tests pass their own `now`).
 */
const myFormsCache = versionedCache<MyCyclesAndForms>("my-cycles-and-forms", 512);

async function myCyclesAndForms(viewer: Viewer, now: Date): Promise<MyCyclesAndForms> {
  const at = now.getTime();
  const compute = async (): Promise<MyCyclesAndForms> => {
    const [cycles, pending] = await Promise.all([cyclesWhereAssessedUntil(viewer.id, now), pendingFormsUntil(viewer, {}, now)]);
    const ahead = [...cycles.deadlines, ...pending.deadlines].map((d) => d.getTime()).filter((t) => t >= at);
    return { cycles: cycles.refs, pending: pending.forms, from: at, until: ahead.length > 0 ? Math.min(...ahead) : Infinity };
  };
  const slot = `${viewer.id}|${viewer.role}|${viewer.branchId}`;
  return cachedByVersion(myFormsCache, ["competency"], slot, compute, (v) => v.from <= at && at <= v.until);
}

// One person's competency picture: at most a few hundred people open their home in a day.
const myCompetencyCache = versionedCache<Omit<MyCompetenciesView, "pending">>("my-competencies", 512);

async function myCompetencies(userId: string, cycles: CycleRef[], cycleId: string | undefined): Promise<Omit<MyCompetenciesView, "pending">> {
  const [grades, results] = await Promise.all([currentGrades([userId]), loadPersonResults(cycles, { userIds: [userId] })]);
  const grade = grades.get(userId) ?? null;
  const mine = (id: string) => results.get(id)?.get(userId);
  const cycle = (cycleId ? cycles.find((c) => c.id === cycleId) : undefined) ?? cycles.find((c) => hasAnyResult(mine(c.id))) ?? cycles[0] ?? null;
  const view: Omit<MyCompetenciesView, "pending"> = {
    grade,
    nextGrade: grade ? nextGradeFor(grade) : null,
    cycles: cycles.map((c) => ({ id: c.id, name: c.name, status: c.status, deadline: c.deadline, hasResult: hasAnyResult(mine(c.id)) })),
    cycle,
    rows: [],
    peerStatus: "insufficient",
    largest: [],
    history: cycles.filter((c) => hasAnyResult(mine(c.id))).map((c) => ({ cycleId: c.id, cycleName: c.name, results: mine(c.id)!.results })),
  };
  if (!cycle) return view;
  const model = await getModel(cycle.modelId);
  if (!model) return view;
  const person = mine(cycle.id);
  view.peerStatus = peerStatus(person, cycle);
  const gaps = grade ? competencyGaps(person?.results ?? {}, grade, requiredLevelsOf(model)) : null;
  view.rows = model.competencies.map((c) => {
    const g = gaps?.find((x) => x.code === c.code);
    return {
      code: c.code,
      name: c.name,
      self: person?.self[c.code] ?? null,
      manager: person?.manager[c.code] ?? null,
      peerMean: person?.peerMean[c.code] ?? null,
      result: person?.results[c.code] ?? null,
      required: g?.required ?? null,
      gap: g?.gap ?? null,
      nextRequired: g?.nextRequired ?? null,
      nextGap: g?.nextGap ?? null,
    };
  });
  view.largest = gaps ? largestGaps(gaps, 3, "next").map((g) => focus(model, g.code, g.nextGap!, g.nextRequired)) : [];
  return view;
}

function focus(model: CompetencyModelView, code: CompetencyCode, nextGap: number, nextRequired: number): GapFocus {
  const c = model.competencies.find((x) => x.code === code)!;
  return { code, name: c.name, nextGap, nextRequired, indicators: c.indicators[nextRequired - 1] ?? [] };
}

export interface MemberGapRow {
  id: string;
  name: string;
  employeeNo: string;
  grade: Grade | null;
  /** Gap to the current grade's requirement per competency (null: no result or no grade). */
  gaps: ByCode<number | null>;
  meanGap: number | null;
}

export interface ProgressRow {
  id: string;
  name: string;
  employeeNo: string;
  selfDone: boolean;
  /** null: the branch had no head when the cycle opened. */
  managerDone: boolean | null;
  peersNamed: number;
  peersAnswered: number;
  /** Names of named peers who have not answered yet (for reminders). */
  waitingFor: string[];
}

export interface TeamRadarRow {
  code: CompetencyCode;
  name: string;
  /** Mean result of the members with a grade and a result. */
  result: number | null;
  /** Mean of those members' required levels for their grade, and for their next grade. */
  required: number | null;
  nextRequired: number | null;
}

export interface BranchCompetenciesView {
  branch: { id: string; name: string };
  cycles: Pick<CycleRef, "id" | "name" | "status" | "deadline">[];
  cycle: CycleRef | null;
  competencies: CompetencyName[];
  team: TeamRadarRow[];
  members: MemberGapRow[];
  progress: ProgressRow[];
  /** The viewer's own manager forms still to fill in this cycle (a branch head; empty when not asked for). */
  myManagerForms: PendingForm[];
}

/**
 * One branch's competency picture for a cycle (default: the newest covering the branch): team
 * radar, member × competency gaps, and who has not answered yet. A branch head sees their own
 * branch only; HR any branch (drill-down from the bank heatmap). Null when out of scope.
 */
export async function getBranchCompetencies(
  viewer: Viewer,
  options: { branchId?: string; cycleId?: string; managerForms?: boolean } = {},
  now = new Date(),
): Promise<BranchCompetenciesView | null> {
  if (!can(viewer.role, "branch.view")) return null;
  const scope = narrowToBranch(scopeOf(viewer), options.branchId);
  if (scope.kind !== "branch") return null;
  const branchId = scope.branchId;
  // The version first, then the data (lib/server/cache.ts).
  const version = await dataVersion("competency");
  // The branch and its cycles' rows per version; their state (open, accepting answers) is worked out now.
  const { branch, cycleRows } = await branchCyclesCache.get(branchId, version, async () => {
    const [branch, cycleRows] = await Promise.all([
      db.branch.findUnique({ where: { id: branchId }, select: { id: true, name: true } }),
      db.assessmentCycle.findMany({ where: { branches: { some: { branchId } } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: cycleSelect }),
    ]);
    return { branch, cycleRows };
  });
  if (!branch) return null;
  const cycles = cycleRows.map((r) => toCycleRef(r, now));
  const cycle = (options.cycleId ? cycles.find((c) => c.id === options.cycleId) : cycles[0]) ?? null;
  const view: BranchCompetenciesView = {
    branch,
    cycles: cycles.map(({ id, name, status, deadline }) => ({ id, name, status, deadline })),
    cycle,
    competencies: [],
    team: [],
    members: [],
    progress: [],
    myManagerForms: [],
  };
  if (options.cycleId && !cycle) return null;
  if (!cycle) return view;
  const [team, myManagerForms] = await Promise.all([
    // The branch's picture per cycle and data version; the deadline passing changes the peer rule.
    branchCache.get(`${branchId}|${cycle.id}`, `${version}|${cycle.acceptingAnswers}`, () => branchTeamCompetencies(branchId, cycle)),
    viewer.role === "BRANCH_HEAD" && options.managerForms !== false
      ? listPendingForms(viewer, { cycleId: cycle.id, source: "MANAGER" }, now)
      : Promise.resolve([]),
  ]);
  if (!team) return view;
  return { ...view, ...team, myManagerForms };
}

const branchCyclesCache = versionedCache<{
  branch: { id: string; name: string } | null;
  cycleRows: Parameters<typeof toCycleRef>[0][];
}>("branch-cycles", 64);

type BranchTeamCompetencies = Pick<BranchCompetenciesView, "competencies" | "team" | "members" | "progress">;

// A branch head opens their team page (and home) often; the answers behind it change a few times
// a day. Bounded: 64 branch × cycle pictures of at most a few hundred people each.
const branchCache = versionedCache<BranchTeamCompetencies | null>("branch-competencies", 64);

async function branchTeamCompetencies(branchId: string, cycle: CycleRef): Promise<BranchTeamCompetencies | null> {
  const model = await getModel(cycle.modelId);
  if (!model) return null;
  const competencies = model.competencies.map((c) => ({ code: c.code, name: c.name }));
  const required = requiredLevelsOf(model);

  // Every form of the branch's people in this cycle: who assesses whom and whether it is in.
  // No levels here; those come aggregated from loadPersonResults.
  const forms = await db.$queryRaw<{ assesseeId: string; assessorId: string; source: Source; submitted: boolean }[]>`
    SELECT a."assesseeId", a."assessorId", a.source, a."submittedAt" IS NOT NULL AS submitted
    FROM "Assessment" a JOIN "User" u ON u.id = a."assesseeId"
    WHERE a."cycleId" = ${cycle.id} AND u."branchId" = ${branchId}`;
  const memberIds = [...new Set(forms.filter((f) => f.source === "SELF").map((f) => f.assesseeId))];
  const [names, grades, results] = await Promise.all([
    db.user
      .findMany({ where: { id: { in: [...new Set(forms.map((f) => f.assessorId).concat(memberIds))] } }, select: { id: true, name: true, employeeNo: true } })
      .then((rows) => new Map(rows.map((u) => [u.id, u]))),
    currentGrades(memberIds),
    loadPersonResults([cycle], { branchId }),
  ]);
  const people = results.get(cycle.id) ?? new Map<string, PersonResult>();
  const sortedIds = memberIds.sort((a, b) => (names.get(a)?.employeeNo ?? "").localeCompare(names.get(b)?.employeeNo ?? ""));
  const formsOf = new Map<string, typeof forms>();
  for (const f of forms) formsOf.set(f.assesseeId, [...(formsOf.get(f.assesseeId) ?? []), f]);

  const members = sortedIds.map((id) => {
    const grade = grades.get(id) ?? null;
    const person = people.get(id);
    const gaps = Object.fromEntries(COMPETENCY_CODES.map((c) => [c, null])) as ByCode<number | null>;
    if (grade && person) for (const g of competencyGaps(person.results, grade, required)) gaps[g.code] = g.gap;
    return {
      id,
      name: names.get(id)?.name ?? "",
      employeeNo: names.get(id)?.employeeNo ?? "",
      grade,
      gaps,
      meanGap: meanOf(COMPETENCY_CODES.map((c) => gaps[c])),
    };
  });

  const team = model.competencies.map((c) => {
    const withResult = sortedIds.filter((id) => grades.get(id) && people.get(id)?.results[c.code] != null);
    return {
      code: c.code,
      name: c.name,
      result: meanOf(withResult.map((id) => people.get(id)!.results[c.code])),
      required: meanOf(withResult.map((id) => c.required[grades.get(id)!])),
      nextRequired: meanOf(withResult.map((id) => c.required[nextGradeFor(grades.get(id)!)])),
    };
  });

  const progress = sortedIds.map((id) => {
    const own = formsOf.get(id) ?? [];
    const manager = own.find((f) => f.source === "MANAGER");
    const peers = own.filter((f) => f.source === "PEER");
    return {
      id,
      name: names.get(id)?.name ?? "",
      employeeNo: names.get(id)?.employeeNo ?? "",
      selfDone: own.some((f) => f.source === "SELF" && f.submitted),
      managerDone: manager ? manager.submitted : null,
      peersNamed: peers.length,
      peersAnswered: peers.filter((p) => p.submitted).length,
      waitingFor: peers.filter((p) => !p.submitted).map((p) => names.get(p.assessorId)?.name ?? ""),
    };
  });
  return { competencies, team, members, progress };
}

export interface BankHeatmapRow {
  branchId: string;
  branchName: string;
  participants: number;
  /** People with a result and a grade (the mean gap is over them). */
  assessed: number;
  meanGaps: ByCode<number | null>;
  pending: Record<Source, number>;
  /** People with fewer than three peers named. */
  needPeers: number;
}

export interface BankHeatmapView {
  cycles: Pick<CycleRef, "id" | "name" | "status" | "deadline">[];
  cycle: CycleRef | null;
  competencies: CompetencyName[];
  branches: BankHeatmapRow[];
  /** Mean gap over every assessed person of the bank. */
  bank: ByCode<number | null>;
}

/**
 * HR's branch × competency heatmap of mean gaps (required for each person's grade − their
 * result), computed entirely in SQL: per (person, competency) means per source, the peer rule,
 * the weighted renormalised result (the same arithmetic as lib/domain/competency, checked by the
 * integration tests), then the mean gap per branch. Plus each branch's pending forms.
 */
export async function getBankHeatmap(viewer: Viewer, cycleId?: string, now = new Date()): Promise<BankHeatmapView | null> {
  if (!can(viewer.role, "hr.view")) return null;
  // The version first, then the data (lib/server/cache.ts).
  const version = await dataVersion("competency");
  const cycleRows = await db.assessmentCycle.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: cycleSelect });
  const cycles = cycleRows.map((r) => toCycleRef(r, now));
  const cycle = (cycleId ? cycles.find((c) => c.id === cycleId) : cycles[0]) ?? null;
  const empty = Object.fromEntries(COMPETENCY_CODES.map((c) => [c, null])) as ByCode<number | null>;
  const view: BankHeatmapView = {
    cycles: cycles.map(({ id, name, status, deadline }) => ({ id, name, status, deadline })),
    cycle,
    competencies: [],
    branches: [],
    bank: empty,
  };
  if (cycleId && !cycle) return null;
  if (!cycle) return view;
  const model = await getModel(cycle.modelId);
  if (!model) return view;
  view.competencies = model.competencies.map((c) => ({ code: c.code, name: c.name }));
  // Whether answers are still accepted (the deadline passing) changes the peer rule: part of the key.
  const { gaps, progress, branches } = await heatmapCache.get(cycle.id, `${version}|${cycle.acceptingAnswers}`, () => heatmapAggregates(cycle));
  return fillHeatmap(view, gaps, progress, branches);
}

type HeatmapGapRow = { branchId: string; code: string; meanGap: number; people: number };
type HeatmapProgressRow = { branchId: string; participants: number; assessed: number; self: number; manager: number; peer: number; needPeers: number };
interface HeatmapAggregates {
  gaps: HeatmapGapRow[];
  progress: HeatmapProgressRow[];
  branches: { id: string; name: string }[];
}

// Per cycle, per "competency" data version (assessments, ratings, cycles, the model, grades,
// people, branches): a closed cycle is aggregated once, until someone's grade or branch changes.
const heatmapCache = versionedCache<HeatmapAggregates>("bank-heatmap", 4);

async function heatmapAggregates(cycle: CycleRef): Promise<HeatmapAggregates> {
  const w = cycle.weights;
  // No transaction (a `SET LOCAL work_mem` needs one, and it held a pool connection for the whole
  // query while other requests timed out waiting): the query runs once per data version.
  const [gaps, progress, branches] = await Promise.all([
    db.$queryRaw<HeatmapGapRow[]>`
      ${cycleResultsCte(cycle)}
      -- A cycle counts for the branch each person was in when it opened (DOMAIN §2).
      SELECT branch_at(u.id, (SELECT ac."createdAt"::date FROM "AssessmentCycle" ac WHERE ac.id = ${cycle.id})) AS "branchId",
             c.code, avg(req.level - res.result)::float8 AS "meanGap", count(*)::int AS people
      FROM results res
      JOIN "User" u ON u.id = res.uid
      JOIN "Competency" c ON c.id = res.cid
      JOIN "CurrentGrade" g ON g."userId" = res.uid
      JOIN "CompetencyRequirement" req ON req."competencyId" = res.cid AND req.grade = g.grade
      WHERE res.result IS NOT NULL
      GROUP BY 1, c.code`,
    db.$queryRaw<HeatmapProgressRow[]>`
      WITH per AS (
        SELECT a."assesseeId" AS uid,
          bool_or(a.source = 'SELF') AS participant,
          count(*) FILTER (WHERE a.source = 'SELF' AND a."submittedAt" IS NULL) AS self,
          count(*) FILTER (WHERE a.source = 'MANAGER' AND a."submittedAt" IS NULL) AS manager,
          count(*) FILTER (WHERE a.source = 'PEER' AND a."submittedAt" IS NULL) AS peer,
          count(*) FILTER (WHERE a.source = 'PEER') AS named,
          count(*) FILTER (WHERE a.source = 'PEER' AND a."submittedAt" IS NOT NULL) AS "peersAnswered",
          bool_or(a.source = 'SELF' AND a."submittedAt" IS NOT NULL) AS "selfIn",
          bool_or(a.source = 'MANAGER' AND a."submittedAt" IS NOT NULL) AS "managerIn"
        FROM "Assessment" a WHERE a."cycleId" = ${cycle.id}
        GROUP BY a."assesseeId"
      ), scored AS (
        -- "Assessed" = has a result: a weighted source is in (self, manager, or peers once usable),
        -- the same sources the results above combine. A peer form alone below the threshold is not a result.
        SELECT per.*, (
          (${w.SELF}::float8 > 0 AND per."selfIn") OR (${w.MANAGER}::float8 > 0 AND per."managerIn")
          OR (${w.PEER}::float8 > 0 AND per."peersAnswered" >= ${PEER_ANONYMITY_THRESHOLD} AND (NOT ${cycle.acceptingAnswers} OR per."peersAnswered" = per.named))
        ) AS answered
        FROM per
      )
      SELECT branch_at(u.id, (SELECT ac."createdAt"::date FROM "AssessmentCycle" ac WHERE ac.id = ${cycle.id})) AS "branchId",
        count(*) FILTER (WHERE per.participant)::int AS participants,
        count(*) FILTER (WHERE per.answered AND g.grade IS NOT NULL)::int AS assessed,
        sum(per.self)::int AS self, sum(per.manager)::int AS manager, sum(per.peer)::int AS peer,
        count(*) FILTER (WHERE per.participant AND per.named < ${PEER_ANONYMITY_THRESHOLD})::int AS "needPeers"
      FROM scored per JOIN "User" u ON u.id = per.uid LEFT JOIN "CurrentGrade" g ON g."userId" = per.uid
      GROUP BY 1`,
    db.branch.findMany({
      where: { id: { in: (await db.assessmentCycleBranch.findMany({ where: { cycleId: cycle.id }, select: { branchId: true } })).map((b) => b.branchId) } },
      orderBy: { code: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return { gaps, progress, branches };
}

/**
 * `WITH … results(uid, cid, result)`: every person's combined result per competency in one cycle,
 * in SQL — per-source means, the peer rule (≥ 3 answered, and final while answers are accepted),
 * the weighted mean renormalised over the sources present (lib/domain/competency's arithmetic,
 * checked by the integration tests). The bank heatmap and HR's 9-box both read it.
 */
function cycleResultsCte(cycle: CycleRef): Prisma.Sql {
  const w = cycle.weights;
  return Prisma.sql`
    WITH peers AS (
      SELECT a."assesseeId" AS uid, count(*) AS named, count(a."submittedAt") AS answered
      FROM "Assessment" a WHERE a."cycleId" = ${cycle.id} AND a.source = 'PEER'
      GROUP BY a."assesseeId"
    ), means AS (
      SELECT a."assesseeId" AS uid, r."competencyId" AS cid,
        avg(r.level) FILTER (WHERE a.source = 'SELF')::float8 AS s,
        avg(r.level) FILTER (WHERE a.source = 'MANAGER')::float8 AS m,
        avg(r.level) FILTER (WHERE a.source = 'PEER')::float8 AS p
      FROM "Assessment" a JOIN "AssessmentRating" r ON r."assessmentId" = a.id
      WHERE a."cycleId" = ${cycle.id} AND a."submittedAt" IS NOT NULL
      GROUP BY a."assesseeId", r."competencyId"
    ), usable AS (
      SELECT m.uid, m.cid, m.s, m.m,
        CASE WHEN coalesce(p.answered, 0) >= ${PEER_ANONYMITY_THRESHOLD} AND (NOT ${cycle.acceptingAnswers} OR p.answered = p.named) THEN m.p END AS p
      FROM means m LEFT JOIN peers p ON p.uid = m.uid
    ), results AS (
      SELECT uid, cid, round((
        (coalesce(${w.SELF}::float8 * s, 0) + coalesce(${w.MANAGER}::float8 * m, 0) + coalesce(${w.PEER}::float8 * p, 0))
        / nullif((CASE WHEN s IS NULL THEN 0 ELSE ${w.SELF}::float8 END) + (CASE WHEN m IS NULL THEN 0 ELSE ${w.MANAGER}::float8 END) + (CASE WHEN p IS NULL THEN 0 ELSE ${w.PEER}::float8 END), 0)
      )::numeric, 2) AS result
      FROM usable
    )`;
}

// Per cycle and "competency" data version, like the heatmap: 10,000 numbers per cycle.
const aboveCache = versionedCache<Map<string, number>>("competency-above", 4);

/**
 * Each person's mean of (result − required level of their current grade) over the competencies
 * with a result in one cycle: the 9-box's competency axis. Computed once per cycle and data version.
 */
export function competencyAboveByPerson(cycle: CycleRef): Promise<Map<string, number>> {
  return dataVersion("competency").then((version) =>
    // Everything of the cycle the query uses is in the key (the caller read the cycle before this version).
    aboveCache.get(cycle.id, `${version}|${cycle.acceptingAnswers}|${cycle.weights.SELF}|${cycle.weights.MANAGER}|${cycle.weights.PEER}`, async () => {
      const rows = await db.$queryRaw<{ uid: string; above: number }[]>`
        ${cycleResultsCte(cycle)}
        SELECT res.uid, avg(res.result - req.level)::float8 AS above
        FROM results res
        JOIN "CurrentGrade" g ON g."userId" = res.uid
        JOIN "CompetencyRequirement" req ON req."competencyId" = res.cid AND req.grade = g.grade
        WHERE res.result IS NOT NULL
        GROUP BY res.uid`;
      return new Map(rows.map((r) => [r.uid, r.above]));
    }),
  );
}

function fillHeatmap(view: BankHeatmapView, gaps: HeatmapGapRow[], progress: HeatmapProgressRow[], branches: { id: string; name: string }[]): BankHeatmapView {
  const gapOf = new Map(gaps.map((g) => [`${g.branchId}|${g.code}`, g]));
  const progressOf = new Map(progress.map((p) => [p.branchId, p]));
  view.branches = branches.map((b) => {
    const p = progressOf.get(b.id);
    const meanGaps = Object.fromEntries(
      COMPETENCY_CODES.map((code) => {
        const cell = gapOf.get(`${b.id}|${code}`);
        return [code, cell ? round(cell.meanGap, 2) : null];
      }),
    ) as ByCode<number | null>;
    return {
      branchId: b.id,
      branchName: b.name,
      participants: p?.participants ?? 0,
      assessed: p?.assessed ?? 0,
      meanGaps,
      pending: { SELF: p?.self ?? 0, MANAGER: p?.manager ?? 0, PEER: p?.peer ?? 0 },
      needPeers: p?.needPeers ?? 0,
    };
  });
  view.bank = Object.fromEntries(
    COMPETENCY_CODES.map((code) => {
      const cells = gaps.filter((g) => g.code === code);
      const people = cells.reduce((s, c) => s + c.people, 0);
      return [code, people === 0 ? null : round(cells.reduce((s, c) => s + c.meanGap * c.people, 0) / people, 2)];
    }),
  ) as ByCode<number | null>;
  return view;
}

/**
 * A person's gaps from the newest cycle in which they have a result, against their current grade
 * (and the next), with that cycle's required levels: `{ code, gap, nextGap }` per competency.
 * Empty when the viewer may not see the person, the person has no grade or no result yet.
 * Used by the curricula area to recommend courses, largest positive gap first.
 */
export async function getLatestCompetencyGaps(
  viewer: Viewer,
  userId: string,
  now = new Date(),
): Promise<{ code: CompetencyCode; gap: number | null; nextGap: number | null }[]> {
  const person = await db.user.findFirst({ where: { AND: [{ id: userId }, peopleScope(viewer)] }, select: { id: true } });
  if (!person) return [];
  const grade = (await currentGrades([userId])).get(userId) ?? null;
  if (!grade) return [];
  const cycles = await cyclesWhereAssessed(userId, now);
  const results = await loadPersonResults(cycles, { userIds: [userId] });
  const latest = cycles.find((c) => hasAnyResult(results.get(c.id)?.get(userId)));
  if (!latest) return [];
  const required = (await requiredLevelsByModel([latest.modelId])).get(latest.modelId);
  if (!required) return [];
  return competencyGaps(results.get(latest.id)!.get(userId)!.results, grade, required).map(({ code, gap, nextGap }) => ({ code, gap, nextGap }));
}
