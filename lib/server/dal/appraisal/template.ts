import "server-only";
import { assertCan, can } from "@/lib/server/auth/permissions";
import { db, type Tx } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { auditRow } from "@/lib/server/audit-row";
import { ConflictError, DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { completeReciprocal, computeAhp, parseSaatyValue, type AhpResult } from "@/lib/domain/ahp";
import {
  ACTION_PLAN_INDICATOR,
  round,
  scorecardForPerson,
  validateBands,
  validateTemplate,
  type RatingBands,
  type ScorecardTemplate,
} from "@/lib/domain/scoring";
import { scoreAndRate, type RatingSource } from "@/lib/domain/appraisal";
import type { Rating } from "@/lib/domain/grades";
import { LONG_TRANSACTION, toStoredTemplate, withConflictAsRefusal, type StoredTemplate } from "./shared";

const TEMPLATE_CONFLICT_MESSAGE = "评分模板已被他人修改，请刷新后再试";

/** The current scorecard template: the highest version. */
export async function currentTemplate(client: Pick<Tx, "scorecardTemplate"> = db): Promise<StoredTemplate> {
  const row = await client.scorecardTemplate.findFirst({ orderBy: { version: "desc" } });
  if (!row) throw new DomainError("尚未配置评分模板，请先在“评分模板”页面保存一个版本");
  return toStoredTemplate(row);
}

export interface TemplateOverview {
  current: StoredTemplate;
  versions: { version: number; name: string; createdAt: Date; maxExcellentPct: number | null; quarters: { quarter: string; status: "OPEN" | "LOCKED" }[] }[];
  openQuarters: string[];
}

/** HR's view of the scorecard: the current version and every version with the quarters using it. */
export async function getTemplateOverview(viewer: Viewer): Promise<TemplateOverview | null> {
  if (!can(viewer.role, "appraisal.template")) return null;
  const rows = await db.scorecardTemplate.findMany({
    orderBy: { version: "desc" },
    select: {
      id: true,
      version: true,
      name: true,
      createdAt: true,
      dimensions: true,
      bands: true,
      maxExcellentPct: true,
      appraisalQuarters: { select: { quarter: true, status: true }, orderBy: { quarter: "desc" } },
    },
  });
  if (rows.length === 0) return null;
  return {
    current: toStoredTemplate(rows[0]),
    versions: rows.map((r) => ({
      version: r.version,
      name: r.name,
      createdAt: r.createdAt,
      maxExcellentPct: r.maxExcellentPct,
      quarters: r.appraisalQuarters,
    })),
    openQuarters: rows.flatMap((r) => r.appraisalQuarters.filter((q) => q.status === "OPEN").map((q) => q.quarter)).sort(),
  };
}

export interface TemplateVersionInput {
  /** The version the form was editing (a save against a newer one is refused). */
  baseVersion: number;
  name: string;
  /** Dimension weights, in the order of the base template's dimensions (ignored when `ahpMatrix` is given). */
  weights: number[];
  /** The pairwise comparison matrix as typed ("3", "1/3"); its upper triangle is used. */
  ahpMatrix?: string[][] | null;
  /** Per dimension (base order): the indicator weights typed, or null to keep the base ones. */
  indicatorWeights?: (number[] | null)[] | null;
  /** Per dimension: a pairwise matrix of its indicators (second-level AHP), or null. */
  indicatorAhp?: (string[][] | null)[] | null;
  bands: RatingBands;
  maxExcellentPct: number | null;
  /** Switch the OPEN quarters to the new version and re-score their score-based ratings. */
  applyToOpenQuarters: boolean;
}

/**
 * Weights from a pairwise matrix, refused (with computeAhp's Chinese explanation) when CR ≥ 0.1.
 * `field` names the form field of the messages, `label` prefixes them (e.g. 「客户维度」内指标：).
 */
export function ahpWeights(matrix: string[][], size: number, field = "ahp", label = ""): { weights: number[]; result: AhpResult; matrix: number[][] } {
  const refuse = (messages: string[]) => new DomainError(`${label}${messages[0]}`, { [field]: messages.map((m) => `${label}${m}`) });
  if (matrix.length !== size || matrix.some((row) => row.length !== size)) throw refuse([`判断矩阵必须是 ${size}×${size} 的方阵`]);
  const upper: number[][] = Array.from({ length: size }, () => new Array<number>(size).fill(1));
  const errors: string[] = [];
  for (let i = 0; i < size; i++) {
    for (let j = i + 1; j < size; j++) {
      const v = parseSaatyValue(matrix[i][j]);
      if (v === null) errors.push(`第 ${i + 1} 行第 ${j + 1} 列“${matrix[i][j]}”应取 1～9 标度或其倒数（如 3 或 1/3）`);
      else upper[i][j] = v;
    }
  }
  if (errors.length > 0) throw refuse(errors);
  const full = completeReciprocal(upper);
  const result = computeAhp(full);
  if (!result.consistent) throw refuse([result.message]);
  // Four decimals; the largest weight absorbs the rounding so that the sum is exactly 1.
  const weights = result.weights.map((w) => round(w, 4));
  const drift = round(1 - weights.reduce((s, w) => s + w, 0), 4);
  const largest = weights.indexOf(Math.max(...weights));
  weights[largest] = round(weights[largest] + drift, 4);
  return { weights, result, matrix: full };
}

/**
 * HR saves a new version of the scorecard template (weights typed or from AHP, bands, forced
 * distribution). Quarters keep the version they use; OPEN quarters move to the new one only when
 * asked, and then their score-based ratings are re-scored under it. All in one transaction, audited.
 */
export async function createTemplateVersion(viewer: Viewer, input: TemplateVersionInput): Promise<{ version: number; rescored: number; quarters: string[] }> {
  assertCan(viewer, "appraisal.template");
  const base = await currentTemplate();
  if (base.version !== input.baseVersion) throw new ConflictError(TEMPLATE_CONFLICT_MESSAGE);
  const dims = base.template.dimensions;

  let weights = input.weights;
  let ahpMatrix: number[][] | null = null;
  if (input.ahpMatrix) {
    const ahp = ahpWeights(input.ahpMatrix, dims.length);
    weights = ahp.weights;
    ahpMatrix = ahp.matrix;
  } else if (weights.length !== dims.length) {
    throw new DomainError(`需要 ${dims.length} 个维度权重`);
  }
  // Second level: the indicator weights inside each dimension, typed or from its own pairwise
  // matrix (one indicator: weight 1, no matrix). A matrix is kept with the version while the
  // weights it gave stay unchanged.
  const indicatorAhp: Record<string, number[][]> = {};
  const template: ScorecardTemplate = {
    dimensions: dims.map((d, i) => {
      const size = d.indicators.length;
      const typed = input.indicatorWeights?.[i] ?? null;
      const matrix = input.indicatorAhp?.[i] ?? null;
      let indicatorWeights = d.indicators.map((x) => x.weight);
      if (matrix && size >= 2) {
        const ahp = ahpWeights(matrix, size, `ahp.${d.code}`, `「${d.name}」内指标：`);
        indicatorWeights = ahp.weights;
        indicatorAhp[d.code] = ahp.matrix;
      } else if (typed) {
        if (typed.length !== size) throw new DomainError(`「${d.name}」需要 ${size} 个指标权重`);
        indicatorWeights = typed;
      }
      const unchanged = indicatorWeights.every((w, k) => w === d.indicators[k].weight);
      if (!indicatorAhp[d.code] && unchanged && base.indicatorAhp[d.code]) indicatorAhp[d.code] = base.indicatorAhp[d.code];
      return { ...d, weight: weights[i], indicators: d.indicators.map((x, k) => ({ ...x, weight: indicatorWeights[k] })) };
    }),
  };
  const templateErrors = validateTemplate(template);
  if (templateErrors.length > 0) throw new DomainError(templateErrors[0], { weights: templateErrors });
  const bandErrors = validateBands(input.bands);
  if (bandErrors.length > 0) throw new DomainError(bandErrors[0], { bands: bandErrors });
  const pct = input.maxExcellentPct;
  if (pct !== null && (!Number.isInteger(pct) || pct < 1 || pct > 100)) {
    throw new DomainError("优秀比例上限应为 1～100 的整数，不限制请留空", { maxExcellentPct: ["应为 1～100 的整数，不限制请留空"] });
  }
  const name = input.name.trim() || base.name;

  return withConflictAsRefusal(
    () =>
      db.$transaction(async (tx) => {
        const created = await tx.scorecardTemplate.create({
          data: {
            version: base.version + 1,
            name,
            dimensions: { ...template, ...(ahpMatrix ? { ahpMatrix } : {}), ...(Object.keys(indicatorAhp).length > 0 ? { indicatorAhp } : {}) } as object,
            bands: { ...input.bands },
            maxExcellentPct: pct,
            createdById: viewer.id,
          },
        });
        await audit(tx, {
          actorId: viewer.id,
          action: "SCORECARD_TEMPLATE_CREATE",
          entity: "ScorecardTemplate",
          entityId: created.id,
          before: {
            version: base.version,
            weights: dims.map((d) => d.weight),
            indicatorWeights: Object.fromEntries(dims.flatMap((d) => d.indicators.map((x) => [x.code, x.weight]))),
            bands: base.bands,
            maxExcellentPct: base.maxExcellentPct,
          },
          after: {
            version: created.version,
            name,
            weights,
            indicatorWeights: Object.fromEntries(template.dimensions.flatMap((d) => d.indicators.map((x) => [x.code, x.weight]))),
            ahpMatrix,
            indicatorAhp,
            bands: input.bands,
            maxExcellentPct: pct,
            applyToOpenQuarters: input.applyToOpenQuarters,
          },
        });
        if (!input.applyToOpenQuarters) return { version: created.version, rescored: 0, quarters: [] };

        const open = await tx.appraisalQuarter.findMany({ where: { status: "OPEN" }, select: { quarter: true, template: { select: { version: true } } } });
        const quarters = open.map((q) => q.quarter);
        if (quarters.length === 0) return { version: created.version, rescored: 0, quarters };
        await tx.appraisalQuarter.updateMany({ where: { quarter: { in: quarters }, status: "OPEN" }, data: { templateId: created.id } });
        await audit(
          tx,
          open.map((q) => ({
            ...auditRow(viewer.id, "APPRAISAL_QUARTER_TEMPLATE", "AppraisalQuarter", q.quarter),
            before: { templateVersion: q.template.version },
            after: { templateVersion: created.version },
          })),
        );
        const rescored = await rescoreQuarters(tx, viewer, quarters, template, input.bands, created.version);
        return { version: created.version, rescored, quarters };
      }, LONG_TRANSACTION),
    TEMPLATE_CONFLICT_MESSAGE,
  );
}

/** Re-scores every rating that came from indicator values in `quarters`; returns how many changed. */
async function rescoreQuarters(tx: Tx, viewer: Viewer, quarters: string[], template: ScorecardTemplate, bands: RatingBands, version: number): Promise<number> {
  const rows = await tx.$queryRaw<
    {
      id: string;
      quarter: string;
      userId: string;
      values: Record<string, number>;
      score: number | null;
      rating: Rating | null;
      source: RatingSource;
      version: number;
    }[]
  >`
    SELECT a.id, a.quarter, a."userId", a.values, a.score::float8 AS score, a.rating::text AS rating, a.source::text AS source, a.version
    FROM "Appraisal" a
    WHERE a.quarter = ANY(${quarters}::text[]) AND a.values IS NOT NULL AND a.source IN ('SCORE', 'IMPORT')`;
  const changed: { row: (typeof rows)[number]; score: number; rating: Rating }[] = [];
  for (const row of rows) {
    // A rating keeps the action-plan value it was saved with (or its absence).
    const plan = typeof row.values[ACTION_PLAN_INDICATOR] === "number" ? row.values[ACTION_PLAN_INDICATOR] : null;
    const next = scoreAndRate(scorecardForPerson(template, plan), bands, row.values);
    if (next.score !== row.score || next.rating !== row.rating) changed.push({ row, ...next });
  }
  if (changed.length === 0) return 0;
  await tx.$executeRaw`
    UPDATE "Appraisal" a
    SET score = v.score, rating = v.rating::"Rating", version = a.version + 1, "updatedById" = ${viewer.id}, "updatedAt" = now()
    FROM unnest(${changed.map((c) => c.row.id)}::text[], ${changed.map((c) => c.score)}::numeric[], ${changed.map((c) => c.rating)}::text[]) AS v(id, score, rating)
    WHERE a.id = v.id`;
  await audit(
    tx,
    changed.map((c) => ({
      ...auditRow(viewer.id, "APPRAISAL_RESCORE", "Appraisal", `${c.row.quarter}:${c.row.userId}`),
      before: { score: c.row.score, rating: c.row.rating, version: c.row.version },
      after: { score: c.score, rating: c.rating, version: c.row.version + 1 },
      note: `改用评分模板第 ${version} 版后重新计算`,
    })),
  );
  return changed.length;
}
