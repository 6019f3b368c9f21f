// Builders for appraisal integration tests: templates, quarters and ratings.
import { getDb } from "@/lib/server/db";
import { createTwoBranches, createUser } from "./index";
import { DEFAULT_BANDS, DEFAULT_TEMPLATE, type RatingBands, type ScorecardTemplate } from "@/lib/domain/scoring";
import type { Rating } from "@/lib/domain/grades";

let quarterYear = 2100;

/** A quarter code no other test in the file uses. */
export function uniqueQuarter(q = 3): string {
  quarterYear += 1;
  return `${quarterYear}Q${q}`;
}

export async function createTemplate(options: { template?: ScorecardTemplate; bands?: RatingBands; maxExcellentPct?: number | null } = {}) {
  const db = getDb();
  const last = await db.scorecardTemplate.findFirst({ orderBy: { version: "desc" }, select: { version: true } });
  return db.scorecardTemplate.create({
    data: {
      version: (last?.version ?? 0) + 1,
      name: "测试模板",
      dimensions: (options.template ?? DEFAULT_TEMPLATE) as object,
      bands: (options.bands ?? DEFAULT_BANDS) as object,
      maxExcellentPct: options.maxExcellentPct ?? null,
    },
  });
}

export async function createQuarter(options: { quarter?: string; status?: "OPEN" | "LOCKED"; templateId?: string; maxExcellentPct?: number | null } = {}) {
  const templateId = options.templateId ?? (await createTemplate({ maxExcellentPct: options.maxExcellentPct })).id;
  return getDb().appraisalQuarter.create({
    data: {
      quarter: options.quarter ?? uniqueQuarter(),
      status: options.status ?? "OPEN",
      templateId,
      lockedAt: options.status === "LOCKED" ? new Date() : null,
    },
  });
}

export async function createAppraisal(options: {
  quarter: string;
  userId: string;
  rating: Rating;
  score?: number | null;
  values?: Record<string, number> | null;
  source?: "SCORE" | "MANUAL" | "IMPORT";
  reason?: string | null;
}) {
  return getDb().appraisal.create({
    data: {
      quarter: options.quarter,
      userId: options.userId,
      rating: options.rating,
      score: options.score ?? null,
      values: options.values ?? undefined,
      source: options.source ?? (options.score != null ? "SCORE" : "IMPORT"),
      reason: options.reason ?? null,
    },
  });
}

/** Indicator values (as typed) that score exactly `score` (≤ 100) on the default template: every indicator at that 百分制 value. */
export function uniformValues(score: number): Record<string, string> {
  const values: Record<string, string> = {};
  for (const d of DEFAULT_TEMPLATE.dimensions) {
    for (const i of d.indicators) values[i.code] = String(i.lowerIsBetter ? (i.target! * 100) / score : score);
  }
  return values;
}

/**
 * Over-achieved targets: 140.68 on the default template (优秀) for someone without an action-plan
 * score (行动计划跟进评分 left out, 学时 and 考试 rescaled to 4/7 and 3/7); 139.93 with a plan scored 100.
 */
export function excellentValues(): Record<string, string> {
  return {
    ...uniformValues(100),
    RORAC_COMPLETION: "150",
    DEPOSIT_PLAN: "150",
    LOAN_PLAN: "150",
    FEE_INCOME_PLAN: "150",
    NEW_NPL_RATIO: "0.5",
    TRAINING_HOURS: "150",
  };
}

/** A branch with its head, another branch's head, HR, one 初级 account manager 林晓 and an open quarter. */
export async function appraisalTeam() {
  const { branch, other, head, otherHead, hr } = await createTwoBranches();
  const am = await createUser({ branchId: branch.id, grade: "JUNIOR", name: "林晓" });
  const quarter = await createQuarter();
  return { branch, other, head, otherHead, hr, am, quarter: quarter.quarter };
}
