import "server-only";
import { assertCan } from "@/lib/server/auth/permissions";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { addQuarters, compareQuarters, isQuarter, quarterLabel, quarterOf, todayInShanghai, type Quarter } from "@/lib/domain/dates";
import { GRADES, GRADE_LABELS, type Grade } from "@/lib/domain/grades";
import { mergeGradeRules, type GradeRule, type GradeRules } from "@/lib/domain/promotion";
import type { Prisma } from "@/lib/generated/prisma/client";
import { latestCommittedReviewQuarter, rulesInForce } from "./population";

// Grade entry requirements (DOMAIN §3) are data, versioned by the quarter they apply from.

export interface RuleSetView {
  id: string;
  effectiveFromQuarter: Quarter;
  rules: Record<Grade, GradeRule>;
  note: string | null;
  createdBy: string | null;
  createdAt: Date;
  /** Committed or reverted reviews that ran under this version. */
  reviews: number;
}

export interface RulesOverview {
  currentQuarter: Quarter;
  /** Rules in force for the current quarter (merged over the defaults). */
  current: { ruleSetId: string | null; effectiveFromQuarter: Quarter | null; rules: Record<Grade, GradeRule> };
  versions: RuleSetView[];
  latestCommittedQuarter: Quarter | null;
  /** A new version may apply from this quarter on (null: any quarter). */
  earliestAllowedQuarter: Quarter | null;
}

export async function getRulesOverview(viewer: Viewer, today = todayInShanghai()): Promise<RulesOverview> {
  assertCan(viewer, "rules.edit");
  const currentQuarter = quarterOf(today);
  const [current, sets, latestCommitted] = await Promise.all([
    rulesInForce(db, currentQuarter),
    db.gradeRuleSet.findMany({
      orderBy: { effectiveFromQuarter: "desc" },
      select: { id: true, effectiveFromQuarter: true, rules: true, note: true, createdById: true, createdAt: true, _count: { select: { reviews: true } } },
    }),
    latestCommittedReviewQuarter(db),
  ]);
  const ids = [...new Set(sets.map((s) => s.createdById).filter((x): x is string => !!x))];
  const names = new Map((await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return {
    currentQuarter,
    current,
    versions: sets.map((s) => ({
      id: s.id,
      effectiveFromQuarter: s.effectiveFromQuarter,
      rules: mergeGradeRules(s.rules as GradeRules),
      note: s.note,
      createdBy: s.createdById ? (names.get(s.createdById) ?? null) : null,
      createdAt: s.createdAt,
      reviews: s._count.reviews,
    })),
    latestCommittedQuarter: latestCommitted,
    earliestAllowedQuarter: latestCommitted ? addQuarters(latestCommitted, 1) : null,
  };
}

export interface SaveRulesInput {
  effectiveFromQuarter: string;
  /** Requirements for entering each grade above 见习 (见习 itself has none). */
  rules: Record<Exclude<Grade, "TRAINEE">, GradeRule>;
  note?: string | null;
}

/**
 * Saves a new version of the rules applying from a quarter on. A committed review's quarter and
 * everything before it are closed: the version must start after the latest committed review, so a
 * decided quarter never changes its rules under it. Saving again for the same starting quarter
 * replaces that (not yet used) version; the audit row keeps before and after.
 */
export async function saveGradeRules(viewer: Viewer, input: SaveRulesInput): Promise<{ id: string }> {
  assertCan(viewer, "rules.edit");
  const from = input.effectiveFromQuarter.trim().toUpperCase();
  if (!isQuarter(from)) {
    throw new DomainError("请填写正确的起始季度，例如 2026Q4", { effectiveFromQuarter: ["格式应为 年份Q季度，例如 2026Q4"] });
  }
  const rules: GradeRules = { TRAINEE: { minTenureMonths: 0 } };
  for (const grade of GRADES.slice(1) as Exclude<Grade, "TRAINEE">[]) {
    const rule = input.rules[grade];
    if (!rule) throw new DomainError(`缺少${grade}的条件`);
    const certs = [...new Set((rule.certifications ?? []).map((c) => c.trim().toUpperCase()).filter(Boolean))];
    if (rule.byCertification && certs.length === 0) {
      throw new DomainError(`“${GRADE_LABELS[grade]}”按认证晋升时须填写认证代码`, { [`certs_${grade}`]: ["按认证晋升须至少填写一个认证代码，如 PROBATION"] });
    }
    rules[grade] = {
      minTenureMonths: rule.minTenureMonths,
      ...(certs.length > 0 ? { certifications: certs } : {}),
      ...(rule.byCertification ? { byCertification: true } : {}),
    };
  }
  try {
    mergeGradeRules(rules);
  } catch {
    throw new DomainError("晋级条件不正确：任职年限应为不小于 0 的整数，认证代码不能为空");
  }
  const note = input.note?.trim() || null;

  return db.$transaction(async (tx) => {
    const latest = await latestCommittedReviewQuarter(tx);
    if (latest && compareQuarters(from, latest) <= 0) {
      const earliest = addQuarters(latest, 1);
      throw new DomainError(`${quarterLabel(latest)}的晋级评审已按原条件提交，新条件最早只能从 ${earliest}（${quarterLabel(earliest)}）起适用`, {
        effectiveFromQuarter: [`最早可选 ${earliest}`],
      });
    }
    const existing = await tx.gradeRuleSet.findUnique({ where: { effectiveFromQuarter: from }, select: { id: true, rules: true, note: true } });
    const saved = existing
      ? await tx.gradeRuleSet.update({
          where: { id: existing.id },
          data: { rules: rules as Prisma.InputJsonValue, note, createdById: viewer.id },
          select: { id: true },
        })
      : await tx.gradeRuleSet.create({
          data: { effectiveFromQuarter: from, rules: rules as Prisma.InputJsonValue, note, createdById: viewer.id },
          select: { id: true },
        });
    await audit(tx, {
      actorId: viewer.id,
      action: existing ? "GRADE_RULES_REPLACE" : "GRADE_RULES_CREATE",
      entity: "GradeRuleSet",
      entityId: saved.id,
      before: existing ? { effectiveFromQuarter: from, rules: existing.rules, note: existing.note } : null,
      after: { effectiveFromQuarter: from, rules, note },
    });
    return saved;
  });
}
