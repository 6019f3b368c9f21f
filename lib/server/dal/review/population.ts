import "server-only";
import type { Scope } from "@/lib/server/auth/permissions";
import { userScopeSql } from "@/lib/server/dal/scope";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db";
import { DomainError } from "@/lib/server/errors";
import { addQuarters, dateToIso, isQuarter, quarterLabel, type IsoDate, type Quarter } from "@/lib/domain/dates";
import { mergeGradeRules, type Certification, type GradeRule, type GradeRules } from "@/lib/domain/promotion";
import type { Grade, Rating } from "@/lib/domain/grades";

// Set-based loaders shared by the review, initial grading and the "path to the next grade" views.
// Each loads everyone it needs in ONE query (per-person data aggregated in SQL), never per person.

/** A Prisma client or an interactive transaction: the loaders run inside commit transactions too. */
export type Client = Tx;

export interface PersonFacts {
  id: string;
  name: string;
  employeeNo: string;
  branchId: string;
  branchName: string;
  roleStartDate: IsoDate | null;
  /** Current live grade (table "UserCurrentGrade", kept by triggers); null = needs initial grading. */
  grade: Grade | null;
  /** Greatest quarter of the person's live grade changes. */
  lastChangeQuarter: Quarter | null;
  /** Ratings of the requested quarters (missing = not rated). */
  ratings: Partial<Record<Quarter, Rating>>;
  /** Score of `scoreQuarter`, for ranking candidates within a quota. */
  score: number | null;
  certifications: Certification[];
}

interface RawPerson {
  id: string;
  name: string;
  employeeNo: string;
  branchId: string;
  branchName: string;
  roleStartDate: Date | null;
  grade: Grade | null;
  lastChangeQuarter: string | null;
  ratings: Record<string, Rating> | null;
  score: Prisma.Decimal | number | string | null;
  certifications: { code: string; passedOn: string; validUntil: string | null }[] | null;
}

export interface PeopleQuery {
  /** Quarters whose ratings to load. */
  quarters: Quarter[];
  /** Quarter whose score to load (the reviewed quarter). */
  scoreQuarter?: Quarter | null;
  /** Whose facts: the whole bank needs HR's bank scope (lib/server/auth/permissions.ts). */
  scope: Scope;
  userIds?: string[] | null;
}

/** Every ACTIVE account manager in the query's scope with the facts the ladder rules read. */
export async function loadAccountManagers(client: Client, query: PeopleQuery): Promise<PersonFacts[]> {
  const userIds = query.userIds ?? null;
  const scoreQuarter = query.scoreQuarter ?? null;
  const rows = await client.$queryRaw<RawPerson[]>`
    SELECT u.id, u.name, u."employeeNo", u."branchId", b.name AS "branchName", u."roleStartDate",
           cg.grade, cg."lastChangeQuarter", r.ratings, r.score, c.certifications
    FROM "User" u
    JOIN "Branch" b ON b.id = u."branchId"
    LEFT JOIN "UserCurrentGrade" cg ON cg."userId" = u.id
    LEFT JOIN LATERAL (
      SELECT json_object_agg(a.quarter, a.rating) AS ratings,
             max(a.score) FILTER (WHERE a.quarter = ${scoreQuarter}::text) AS score
      FROM "Appraisal" a
      WHERE a."userId" = u.id AND a.quarter = ANY(${query.quarters}::text[]) AND a.rating IS NOT NULL
    ) r ON true
    LEFT JOIN LATERAL (
      SELECT json_agg(json_build_object('code', ce.code, 'passedOn', ce."passedOn", 'validUntil', ce."validUntil")) AS certifications
      FROM "Certification" ce WHERE ce."userId" = u.id
    ) c ON true
    WHERE u.role = 'ACCOUNT_MANAGER' AND u.status = 'ACTIVE'
      AND ${userScopeSql(query.scope)}
      AND (${userIds}::text[] IS NULL OR u.id = ANY(${userIds}::text[]))
    ORDER BY b.name, u."employeeNo"`;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    employeeNo: r.employeeNo,
    branchId: r.branchId,
    branchName: r.branchName,
    roleStartDate: r.roleStartDate ? dateToIso(r.roleStartDate) : null,
    grade: r.grade,
    lastChangeQuarter: r.lastChangeQuarter,
    ratings: r.ratings ?? {},
    score: r.score === null ? null : Number(r.score),
    certifications: (r.certifications ?? []).map((c) => ({ code: c.code, passedOn: c.passedOn, validUntil: c.validUntil ?? null })),
  }));
}

/** The four quarters ending with `quarter`, oldest first (the review shows them; it reads the last two). */
export function lastFourQuarters(quarter: Quarter): Quarter[] {
  return [-3, -2, -1, 0].map((n) => addQuarters(quarter, n));
}

export interface RulesInForce {
  ruleSetId: string | null;
  effectiveFromQuarter: Quarter | null;
  /** Stored rules merged over the defaults: what the engine applies. */
  rules: Record<Grade, GradeRule>;
}

/** The rule set with the greatest effectiveFromQuarter ≤ `quarter`, merged over the defaults. */
export async function rulesInForce(client: Client, quarter: Quarter): Promise<RulesInForce> {
  // Quarter labels are fixed-width ("2026Q2"), so text order is chronological order.
  const set = await client.gradeRuleSet.findFirst({
    where: { effectiveFromQuarter: { lte: quarter } },
    orderBy: { effectiveFromQuarter: "desc" },
    select: { id: true, effectiveFromQuarter: true, rules: true },
  });
  if (!set) return { ruleSetId: null, effectiveFromQuarter: null, rules: mergeGradeRules(null) };
  return { ruleSetId: set.id, effectiveFromQuarter: set.effectiveFromQuarter, rules: mergeGradeRules(set.rules as GradeRules) };
}

/** Refuses anything but a LOCKED appraisal quarter, in Chinese. */
export async function requireLockedQuarter(client: Client, quarter: string): Promise<Quarter> {
  if (!isQuarter(quarter)) throw new DomainError("季度格式不正确，应为例如 2026Q2");
  const row = await client.appraisalQuarter.findUnique({ where: { quarter }, select: { status: true } });
  if (!row) throw new DomainError(`${quarterLabel(quarter)}还没有考评记录，不能进行晋级评审`);
  if (row.status !== "LOCKED") {
    throw new DomainError(`${quarterLabel(quarter)}的考评尚未锁定，请先由人力资源部锁定考评结果，再进行晋级评审`);
  }
  return quarter;
}

/** The latest LOCKED appraisal quarter, or null. */
export async function latestLockedQuarter(client: Client): Promise<Quarter | null> {
  const row = await client.appraisalQuarter.findFirst({ where: { status: "LOCKED" }, orderBy: { quarter: "desc" }, select: { quarter: true } });
  return row?.quarter ?? null;
}

/** The latest quarter with a COMMITTED review, or null. */
export async function latestCommittedReviewQuarter(client: Client): Promise<Quarter | null> {
  const row = await client.promotionReview.findFirst({ where: { status: "COMMITTED" }, orderBy: { quarter: "desc" }, select: { quarter: true } });
  return row?.quarter ?? null;
}
