import "server-only";
import { assertCan, scopeOf } from "@/lib/server/auth/permissions";
import { scopeWhere } from "@/lib/server/dal/scope";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { ConflictError, DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { Prisma } from "@/lib/generated/prisma/client";
import { checkPersonIndicatorInputs, MIN_REASON_LENGTH, scoreAndRate, withRoracValue } from "@/lib/domain/appraisal";
import { roracRateFor } from "./rorac";
import { actionPlanScoreFor } from "@/lib/server/dal/programme-forms/plan-scores";
import type { Rating } from "@/lib/domain/grades";
import { APPRAISAL_CONFLICT_MESSAGE, appraisalSnapshot, findQuarter, quarterStatusForWrite, withConflictAsRefusal } from "./shared";

export interface SaveAppraisalInput {
  quarter: string;
  userId: string;
  /** The version of the appraisal the form was showing; 0 when the person had no appraisal yet. */
  version: number;
  mode: "score" | "rating";
  /** Raw indicator texts by indicator code (mode "score"). */
  values?: Record<string, string>;
  /** RORAC 目标完成率 typed by hand instead of taken from the business lines (needs a reason). */
  roracTyped?: boolean;
  /** mode "rating" */
  rating?: Rating;
  reason?: string | null;
}

export interface SavedAppraisal {
  name: string;
  rating: Rating;
  score: number | null;
  version: number;
}

/**
 * A branch head (own branch, OPEN quarter) or HR (anyone; after the lock only with a reason)
 * rates one account manager, from indicator values or directly with a reason. The save names the
 * version it edited and is refused when somebody saved in between.
 */
export async function saveAppraisal(viewer: Viewer, input: SaveAppraisalInput): Promise<SavedAppraisal> {
  assertCan(viewer, "appraisal.rate");
  const reason = input.reason?.trim() || null;
  return withConflictAsRefusal(() =>
    db.$transaction(async (tx) => {
      const status = await quarterStatusForWrite(tx, input.quarter);
      // The branch comes from the person being rated, never from the form.
      const person = await tx.user.findFirst({
        where: {
          id: input.userId,
          role: "ACCOUNT_MANAGER",
          status: "ACTIVE",
          ...scopeWhere(scopeOf(viewer)),
        },
        select: { id: true, name: true },
      });
      if (!person) throw new DomainError("找不到这位客户经理，或其不在您的管理范围内");

      const locked = status === "LOCKED";
      if (locked && viewer.role !== "HR") {
        throw new DomainError("本季度考评已由人力资源部锁定，不能再修改；如需更正，请联系人力资源部");
      }
      if (locked && (!reason || reason.length < MIN_REASON_LENGTH)) {
        throw new DomainError("季度已锁定，更正考评结果必须填写更正原因", { reason: ["请填写更正原因"] });
      }

      const quarter = (await findQuarter(tx, input.quarter))!;
      let data: {
        values: Prisma.InputJsonValue | typeof Prisma.DbNull;
        score: number | null;
        rating: Rating;
        source: "SCORE" | "MANUAL";
        reason: string | null;
      };
      if (input.mode === "score") {
        // 行动计划跟进评分 is never typed: it is the person's action-plan score for this quarter,
        // or left out (the other LEARNING weights rescaled) when they have none.
        const planScore = await actionPlanScoreFor(tx, input.quarter, person.id);
        // RORAC 目标完成率 comes from the business lines when they give a rate; typed only with a reason.
        const computed = await roracRateFor(tx, input.quarter, person.id);
        const rorac = withRoracValue(quarter.template.template, input.values ?? {}, { computed, typed: !!input.roracTyped, reason });
        const check = checkPersonIndicatorInputs(quarter.template.template, rorac.raw, planScore);
        const codes = Object.keys(check.errors);
        if (codes.length > 0) {
          throw new DomainError("请检查标红的指标数值", Object.fromEntries(codes.map((code) => [`v.${code}`, [check.errors[code]]])));
        }
        if (rorac.error) throw new DomainError(rorac.error, { reason: [rorac.error] });
        const { score, rating } = scoreAndRate(check.scorecard, quarter.template.bands, check.values);
        data = { values: check.values, score, rating, source: "SCORE", reason };
      } else {
        if (!input.rating) throw new DomainError("请选择评级", { rating: ["请选择评级"] });
        if (!reason || reason.length < MIN_REASON_LENGTH) throw new DomainError("直接评级必须填写原因", { reason: ["请写明直接评级的原因"] });
        data = { values: Prisma.DbNull, score: null, rating: input.rating, source: "MANUAL", reason };
      }

      const existing = await tx.appraisal.findUnique({ where: { userId_quarter: { userId: person.id, quarter: input.quarter } } });
      let version: number;
      if (!existing) {
        if (input.version !== 0) throw new ConflictError(APPRAISAL_CONFLICT_MESSAGE);
        const created = await tx.appraisal.create({
          data: { quarter: input.quarter, userId: person.id, ...data, updatedById: viewer.id },
        });
        version = created.version;
      } else {
        if (existing.version !== input.version) throw new ConflictError(APPRAISAL_CONFLICT_MESSAGE);
        // The version in the WHERE makes the check and the write one step: a concurrent save
        // that got there first leaves nothing to update here.
        const { count } = await tx.appraisal.updateMany({
          where: { id: existing.id, version: input.version },
          data: { ...data, version: { increment: 1 }, updatedById: viewer.id },
        });
        if (count !== 1) throw new ConflictError(APPRAISAL_CONFLICT_MESSAGE);
        version = input.version + 1;
      }
      const after = { ...data, values: data.source === "SCORE" ? data.values : null, version };
      await audit(tx, {
        actorId: viewer.id,
        action: locked ? "APPRAISAL_CORRECT" : "APPRAISAL_SAVE",
        entity: "Appraisal",
        entityId: `${input.quarter}:${person.id}`,
        before: appraisalSnapshot(existing),
        after,
        note: locked ? `锁定后更正：${reason}` : reason,
      });
      return { name: person.name, rating: data.rating, score: data.score, version };
    }),
  );
}
