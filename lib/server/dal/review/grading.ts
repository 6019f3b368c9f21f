import "server-only";
import { assertCan } from "@/lib/server/auth/permissions";
import { syncRequiredEnrolments } from "@/lib/server/dal/courses/assignment";
import { db } from "@/lib/server/db";
import { audit, type AuditEntry } from "@/lib/server/audit";
import { DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { dateToIso, isoToDate, quarterOf, todayInShanghai, type IsoDate, type Quarter } from "@/lib/domain/dates";
import { GRADE_LABELS, isGrade, type Grade, type Rating } from "@/lib/domain/grades";
import { certificationValidOn, type Certification, type CertificationNames, type GradeRules } from "@/lib/domain/promotion";
import { getCertificationNames } from "../certification-names";
import { proposeInitialGrade, type InitialGradeProposal } from "@/lib/domain/review";
import { tenureMonths } from "@/lib/domain/tenure";
import { inChunks } from "./commit";
import { rulesInForce, type Client } from "./population";

// Initial grading (定级, DOMAIN §3): active account managers without a live grade get a proposed
// grade from tenure, certifications and the last annual appraisal; HR confirms in bulk.

export interface GradingCandidate {
  id: string;
  name: string;
  employeeNo: string;
  branchName: string;
  roleStartDate: IsoDate | null;
  tenureMonths: number | null;
  certifications: (Certification & { score: number | null })[];
  /**
   * The 岗位资格认证考试 result the proposal reads (DOMAIN §3): the latest certification other than
   * the probation assessment, with its score and whether it is valid on the grading day.
   */
  exam: { code: string; score: number | null; passedOn: IsoDate; validUntil: IsoDate | null; valid: boolean } | null;
  /** The "last annual appraisal" the proposal is capped by (see annualRatingQuarter). */
  annualRating: { rating: Rating; quarter: Quarter } | null;
  proposal: InitialGradeProposal;
}

interface RawCandidate {
  id: string;
  name: string;
  employeeNo: string;
  branchName: string;
  roleStartDate: Date | null;
  certifications: { code: string; passedOn: string; validUntil: string | null; score: number | string | null }[] | null;
  rating: Rating | null;
  ratingQuarter: string | null;
}

/**
 * The last annual appraisal: the person's rating in the bank's latest LOCKED fourth quarter (the
 * year-end appraisal); failing that, their most recent rating in any locked quarter; else none.
 */
async function loadCandidates(client: Client, userIds: string[] | null): Promise<RawCandidate[]> {
  const lastQ4 = await client.appraisalQuarter.findFirst({
    where: { status: "LOCKED", quarter: { endsWith: "Q4" } },
    orderBy: { quarter: "desc" },
    select: { quarter: true },
  });
  const q4 = lastQ4?.quarter ?? null;
  return client.$queryRaw<RawCandidate[]>`
    SELECT u.id, u.name, u."employeeNo", b.name AS "branchName", u."roleStartDate", c.certifications,
           ar.rating, ar.quarter AS "ratingQuarter"
    FROM "User" u
    JOIN "Branch" b ON b.id = u."branchId"
    LEFT JOIN "CurrentGrade" cg ON cg."userId" = u.id
    LEFT JOIN LATERAL (
      SELECT json_agg(json_build_object('code', ce.code, 'passedOn', ce."passedOn", 'validUntil', ce."validUntil", 'score', ce.score) ORDER BY ce."passedOn" DESC) AS certifications
      FROM "Certification" ce WHERE ce."userId" = u.id
    ) c ON true
    LEFT JOIN LATERAL (
      SELECT a.rating, a.quarter
      FROM "Appraisal" a JOIN "AppraisalQuarter" aq ON aq.quarter = a.quarter AND aq.status = 'LOCKED'
      WHERE a."userId" = u.id AND a.rating IS NOT NULL
      ORDER BY (a.quarter = ${q4}::text) DESC, a.quarter DESC
      LIMIT 1
    ) ar ON true
    WHERE u.role = 'ACCOUNT_MANAGER' AND u.status = 'ACTIVE' AND cg.grade IS NULL
      AND (${userIds}::text[] IS NULL OR u.id = ANY(${userIds}::text[]))
    ORDER BY b.name, u."employeeNo"`;
}

function toCandidate(r: RawCandidate, asOf: IsoDate, rules: GradeRules, certificationNames: CertificationNames): GradingCandidate {
  const certifications = (r.certifications ?? []).map((c) => ({
    code: c.code,
    passedOn: c.passedOn,
    validUntil: c.validUntil ?? null,
    score: c.score === null || c.score === undefined ? null : Number(c.score),
  }));
  const latestExam = certifications.find((c) => c.code !== "PROBATION") ?? null;
  const exam = latestExam ? { ...latestExam, valid: certificationValidOn(latestExam, asOf) } : null;
  const roleStartDate = r.roleStartDate ? dateToIso(r.roleStartDate) : null;
  const proposal: InitialGradeProposal = roleStartDate
    ? proposeInitialGrade({ roleStartDate, asOf, certifications, lastAnnualRating: r.rating, rules, certificationNames })
    : { grade: "TRAINEE", reason: "任职起始日未登记，按见习拟定级；请先核实任职起始日" };
  return {
    id: r.id,
    name: r.name,
    employeeNo: r.employeeNo,
    branchName: r.branchName,
    roleStartDate,
    tenureMonths: roleStartDate ? tenureMonths(roleStartDate, asOf) : null,
    certifications,
    exam,
    annualRating: r.rating && r.ratingQuarter ? { rating: r.rating, quarter: r.ratingQuarter } : null,
    proposal,
  };
}

/** Active account managers without a grade, each with a proposed grade and the reason. */
export async function listGradingCandidates(viewer: Viewer, asOf: IsoDate = todayInShanghai()): Promise<GradingCandidate[]> {
  assertCan(viewer, "grading.confirm");
  const [rows, rules, names] = await Promise.all([loadCandidates(db, null), rulesInForce(db, quarterOf(asOf)), getCertificationNames()]);
  return rows.map((r) => toCandidate(r, asOf, rules.rules, Object.fromEntries(names)));
}

export interface GradeDecision {
  userId: string;
  grade: Grade;
}

/**
 * Records the initial grades HR confirmed, effective `asOf`, as INITIAL grade changes in one
 * transaction with their audit rows. Refuses the whole batch if anyone already has a grade
 * (somebody graded them meanwhile) or is no longer an active account manager.
 */
export async function confirmInitialGrades(viewer: Viewer, decisions: GradeDecision[], asOf: IsoDate = todayInShanghai()): Promise<{ graded: number }> {
  assertCan(viewer, "grading.confirm");
  if (decisions.length === 0) throw new DomainError("请至少勾选一名人员");
  const seen = new Set<string>();
  for (const d of decisions) {
    if (!isGrade(d.grade)) throw new DomainError("等级不正确");
    if (seen.has(d.userId)) throw new DomainError("同一人员不能重复定级");
    seen.add(d.userId);
  }
  return db.$transaction(
    async (tx) => {
      // Lock the people first: a concurrent confirmation waits, then sees the grade given here.
      await tx.$queryRaw`SELECT id FROM "User" WHERE id = ANY(${[...seen]}::text[]) FOR UPDATE`;
      const rows = await loadCandidates(tx, [...seen]);
      const rules = await rulesInForce(tx, quarterOf(asOf));
      const names = Object.fromEntries(await getCertificationNames());
      const byId = new Map(rows.map((r) => [r.id, toCandidate(r, asOf, rules.rules, names)]));
      const missing = decisions.filter((d) => !byId.has(d.userId));
      if (missing.length > 0) {
        const names = await tx.user.findMany({ where: { id: { in: missing.map((m) => m.userId) } }, select: { name: true } });
        throw new DomainError(`${names.map((n) => n.name).join("、") || "部分人员"}已有等级或已不是在职客户经理，请刷新页面后重新确认`);
      }
      const effectiveDate = isoToDate(asOf);
      const quarter = quarterOf(asOf);
      const changes = decisions.map((d) => {
        const c = byId.get(d.userId)!;
        const overridden = d.grade !== c.proposal.grade;
        return {
          userId: d.userId,
          fromGrade: null,
          toGrade: d.grade,
          effectiveDate,
          quarter,
          reason: "INITIAL" as const,
          actorId: viewer.id,
          note: overridden
            ? `定级为${GRADE_LABELS[d.grade]}（人力资源部调整，系统建议${GRADE_LABELS[c.proposal.grade]}：${c.proposal.reason}）`
            : `定级：${c.proposal.reason}`,
        };
      });
      await inChunks(changes, 5000, (chunk) => tx.gradeChange.createMany({ data: chunk }));
      const userIds = changes.map((c) => c.userId);
      await syncRequiredEnrolments(tx, userIds);
      const entries: AuditEntry[] = changes.map((c) => ({
        actorId: viewer.id,
        action: "GRADE_CHANGE",
        entity: "User",
        entityId: c.userId,
        before: { grade: null },
        after: { grade: c.toGrade, reason: "INITIAL", proposed: byId.get(c.userId)!.proposal.grade, effectiveDate: asOf },
        note: c.note,
      }));
      entries.push({ actorId: viewer.id, action: "INITIAL_GRADING", entity: "System", entityId: "grading", after: { graded: changes.length, asOf } });
      await audit(tx, entries);
      return { graded: changes.length };
    },
    { timeout: 60_000 },
  );
}
