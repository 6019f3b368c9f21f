import "server-only";
import type { Scope } from "@/lib/server/auth/permissions";
import { dayAfterQuarter, type Quarter } from "@/lib/domain/dates";
import { GRADES, shiftGrade, type Grade } from "@/lib/domain/grades";
import { getCertificationNames } from "../certification-names";
import { entryRequirementsUnmet, evaluatePromotion, type CertificationNames, tenureMonthsAtQuarterEnd, type PromotionDecision } from "@/lib/domain/promotion";
import { applyQuotas, summariseOutcomes, type OutcomeSummary, type Quotas } from "@/lib/domain/review";
import { honoursForQuarter } from "@/lib/server/dal/contest/awards";
import { lastFourQuarters, loadAccountManagers, rulesInForce, type Client, type PersonFacts, type RulesInForce } from "./population";

// The review of one quarter computed from the database in a few set-based queries, then the pure
// rule engine per person. Shared by the preview (read-only) and the commit (inside its transaction).

export const REVIEW_CATEGORIES = ["PROMOTE", "DEMOTE", "EXIT", "BLOCKED", "EXCLUDED", "NONE"] as const;
export type ReviewCategory = (typeof REVIEW_CATEGORIES)[number];

export interface ComputedRow {
  person: PersonFacts;
  grade: Grade;
  tenureMonths: number;
  /** What the rules propose before quotas and exclusions. */
  proposed: PromotionDecision;
  /** What a commit applies: after quotas; an excluded person is NONE. */
  decision: PromotionDecision;
  category: ReviewCategory;
  /** Human-readable reasons for blockedBy, e.g. "任职年限不足: 20/24 个月". */
  blockedDetails: string[];
  excluded: { reason: string } | null;
  /** Rank among candidates for a target grade with a quota. */
  rank?: number;
  /** Skills-contest awards whose priority window covers the quarter (晋升和调配优先 when > 0). */
  honours: number;
}

export interface ReviewCounts extends OutcomeSummary {
  EXCLUDED: number;
}

export interface ComputedReview {
  quarter: Quarter;
  rules: RulesInForce;
  quotas: Quotas;
  rows: ComputedRow[];
  counts: ReviewCounts;
  /** Active account managers without a grade: they need 定级 first and are not reviewed. */
  ungraded: { id: string; name: string; branchName: string }[];
}

/** Reads Partial<Record<Grade, number>> from the stored JSON, dropping anything malformed. */
export function quotasFromJson(value: unknown): Quotas {
  const quotas: Quotas = {};
  if (!value || typeof value !== "object") return quotas;
  for (const grade of GRADES) {
    const n = (value as Record<string, unknown>)[grade];
    if (typeof n === "number" && Number.isInteger(n) && n >= 0) quotas[grade] = n;
  }
  return quotas;
}

function blockedDetail(
  key: string,
  row: { grade: Grade; person: PersonFacts },
  quarter: Quarter,
  rules: RulesInForce,
  rank: number | undefined,
  certificationNames: CertificationNames,
): string {
  if (key === "QUOTA") return rank ? `晋升名额已满（排名第 ${rank} 位）` : "晋升名额已满";
  if (!row.person.roleStartDate && key === "TENURE") return "任职起始日未登记，无法计算任职年限";
  const target = shiftGrade(row.grade, 1);
  if (!target) return key;
  const unmet = entryRequirementsUnmet(target, {
    quarter,
    roleStartDate: row.person.roleStartDate ?? dayAfterQuarter(quarter),
    certifications: row.person.certifications,
    rules: rules.rules,
    certificationNames,
  });
  return unmet.find((u) => u.key === key)?.label ?? key;
}

function categoryOf(decision: PromotionDecision, excluded: boolean): ReviewCategory {
  if (excluded) return "EXCLUDED";
  if (decision.outcome === "NONE") return decision.blockedBy.length > 0 ? "BLOCKED" : "NONE";
  return decision.outcome;
}

export async function computeReview(client: Client, quarter: Quarter, review: { id: string; quotas: unknown } | null, scope: Scope): Promise<ComputedReview> {
  // Sequential on purpose: inside a transaction all queries share one connection.
  const rules = await rulesInForce(client, quarter);
  // Reason sentences name certifications by HR's Chinese names, never by code.
  const certificationNames = Object.fromEntries(await getCertificationNames());
  const people = await loadAccountManagers(client, { quarters: lastFourQuarters(quarter), scoreQuarter: quarter, scope });
  const exclusions = review ? await client.reviewExclusion.findMany({ where: { reviewId: review.id }, select: { userId: true, reason: true } }) : [];
  const quotas = quotasFromJson(review?.quotas);
  const honours = await honoursForQuarter(client, quarter);
  const excludedBy = new Map(exclusions.map((e) => [e.userId, e.reason]));

  const graded: { person: PersonFacts; grade: Grade }[] = [];
  const ungraded: ComputedReview["ungraded"] = [];
  for (const person of people) {
    if (person.grade) graded.push({ person, grade: person.grade });
    else ungraded.push({ id: person.id, name: person.name, branchName: person.branchName });
  }

  const evaluated = graded.map(({ person, grade }) => {
    // No recorded start date: tenure counts as zero, so only promotions are held back.
    const roleStartDate = person.roleStartDate ?? dayAfterQuarter(quarter);
    const proposed = evaluatePromotion({
      quarter,
      grade,
      roleStartDate,
      ratings: person.ratings,
      lastChangeQuarter: person.lastChangeQuarter,
      certifications: person.certifications,
      rules: rules.rules,
      certificationNames,
    });
    return { person, grade, proposed, tenureMonths: tenureMonthsAtQuarterEnd(roleStartDate, quarter) };
  });

  // Excluded people do not compete for quota places (a place is never wasted on them).
  const competing = evaluated
    .filter((e) => !excludedBy.has(e.person.id))
    .map((e) => ({ userId: e.person.id, decision: e.proposed, honours: honours.get(e.person.id) ?? 0, score: e.person.score, tenureMonths: e.tenureMonths }));
  const afterQuota = new Map(applyQuotas(competing, quotas).map((c) => [c.userId, c]));

  const rows: ComputedRow[] = evaluated.map((e) => {
    const reason = excludedBy.get(e.person.id);
    const quota = afterQuota.get(e.person.id);
    const decision: PromotionDecision =
      reason !== undefined
        ? { outcome: "NONE", from: e.grade, to: e.grade, blockedBy: ["EXCLUDED"], reason: `已排除：${reason}` }
        : (quota?.decision ?? e.proposed);
    const shownBlocked = reason !== undefined ? e.proposed.blockedBy : decision.blockedBy;
    return {
      person: e.person,
      grade: e.grade,
      tenureMonths: e.tenureMonths,
      proposed: e.proposed,
      decision,
      category: categoryOf(decision, reason !== undefined),
      blockedDetails: shownBlocked.map((key) => blockedDetail(key, e, quarter, rules, quota?.rank, certificationNames)),
      excluded: reason !== undefined ? { reason } : null,
      rank: quota?.rank,
      honours: honours.get(e.person.id) ?? 0,
    };
  });

  const order = new Map(REVIEW_CATEGORIES.map((c, i) => [c, i]));
  rows.sort((a, b) => order.get(a.category)! - order.get(b.category)!);

  const counts: ReviewCounts = {
    ...summariseOutcomes(rows.filter((r) => !r.excluded).map((r) => r.decision)),
    EXCLUDED: rows.filter((r) => r.excluded).length,
  };
  return { quarter, rules, quotas, rows, counts, ungraded };
}
