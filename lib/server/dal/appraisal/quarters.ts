import "server-only";
import { assertCan, can, scopeOf } from "@/lib/server/auth/permissions";
import { Prisma } from "@/lib/generated/prisma/client";
import { branchAtDay, userScopeSql } from "@/lib/server/dal/scope";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { addQuarters, previousQuarter, quarterLabel, quarterOf, quarterStart, todayInShanghai, type IsoDate, quarterEnd } from "@/lib/domain/dates";
import { forcedDistributionReason, planForcedDistribution, type LockRow, type RatingSource } from "@/lib/domain/appraisal";
import type { Rating } from "@/lib/domain/grades";
import { findQuarter, LONG_TRANSACTION, quarterStatusForWrite, withConflictAsRefusal, type QuarterStatus } from "./shared";
import { currentTemplate } from "./template";

export interface QuarterListItem {
  quarter: string;
  label: string;
  status: QuarterStatus;
  lockedAt: Date | null;
  templateVersion: number;
  /** Account managers in scope with a rating for the quarter. */
  rated: number;
  /** Active account managers in scope now. */
  total: number;
}

/** Every appraisal quarter, newest first, with the progress of the viewer's scope (HR: the bank; head: own branch). */
export async function listAppraisalQuarters(viewer: Viewer): Promise<QuarterListItem[]> {
  if (!can(viewer.role, "appraisal.rate")) return [];
  const inScope = userScopeSql(scopeOf(viewer));
  const [quarters, rated, [{ total }]] = await Promise.all([
    db.appraisalQuarter.findMany({ orderBy: { quarter: "desc" }, include: { template: { select: { version: true } } } }),
    db.$queryRaw<{ quarter: string; rated: bigint }[]>`
      SELECT a.quarter, count(*) AS rated
      FROM "Appraisal" a JOIN "User" u ON u.id = a."userId"
      WHERE a.rating IS NOT NULL AND u.role = 'ACCOUNT_MANAGER' AND u.status = 'ACTIVE'
        AND ${inScope}
      GROUP BY a.quarter`,
    db.$queryRaw<{ total: bigint }[]>`
      SELECT count(*) AS total FROM "User" u
      WHERE u.role = 'ACCOUNT_MANAGER' AND u.status = 'ACTIVE' AND ${inScope}`,
  ]);
  const ratedBy = new Map(rated.map((r) => [r.quarter, Number(r.rated)]));
  return quarters.map((q) => ({
    quarter: q.quarter,
    label: quarterLabel(q.quarter),
    status: q.status,
    lockedAt: q.lockedAt,
    templateVersion: q.template.version,
    rated: ratedBy.get(q.quarter) ?? 0,
    total: Number(total),
  }));
}

/** The quarter HR may open next: the one after the newest, or the last finished one when there is none. */
export async function nextQuarterToOpen(today: IsoDate = todayInShanghai()): Promise<{ quarter: string; startsOn: IsoDate; started: boolean }> {
  const latest = await db.appraisalQuarter.findFirst({ orderBy: { quarter: "desc" }, select: { quarter: true } });
  const quarter = latest ? addQuarters(latest.quarter, 1) : previousQuarter(quarterOf(today));
  const startsOn = quarterStart(quarter);
  return { quarter, startsOn, started: startsOn <= today };
}

/** HR opens the next quarter for rating, with the current scorecard template. */
export async function openNextQuarter(viewer: Viewer, today: IsoDate = todayInShanghai()): Promise<{ quarter: string }> {
  assertCan(viewer, "appraisal.quarter");
  const next = await nextQuarterToOpen(today);
  if (!next.started) throw new DomainError(`${quarterLabel(next.quarter)}要到 ${next.startsOn} 才开始，届时再开启考评`);
  return withConflictAsRefusal(
    () =>
      db.$transaction(async (tx) => {
        const template = await currentTemplate(tx);
        const row = await tx.appraisalQuarter.create({ data: { quarter: next.quarter, status: "OPEN", templateId: template.id } });
        await audit(tx, {
          actorId: viewer.id,
          action: "APPRAISAL_QUARTER_OPEN",
          entity: "AppraisalQuarter",
          entityId: row.quarter,
          after: { status: "OPEN", templateVersion: template.version },
        });
        return { quarter: row.quarter };
      }),
    `${quarterLabel(next.quarter)}已被他人开启，请刷新页面`,
  );
}

export interface LockResult {
  quarter: string;
  /** Ratings forced distribution changed from EXCELLENT to GOOD. */
  adjusted: number;
  branches: { branchId: string; total: number; excellent: number; cap: number; demoted: number }[];
}

/**
 * HR locks a quarter: no more edits by branch heads. When the quarter's template sets a maximum
 * EXCELLENT share, each branch's surplus EXCELLENT ratings are changed to GOOD in the same
 * transaction (lib/domain/appraisal planForcedDistribution), each change audited.
 */
export async function lockQuarter(viewer: Viewer, quarterCode: string): Promise<LockResult> {
  assertCan(viewer, "appraisal.quarter");
  return db.$transaction(async (tx) => {
    // FOR UPDATE waits for saves in progress (they hold a share lock) and blocks new ones.
    const status = await quarterStatusForWrite(tx, quarterCode, "update");
    if (status === "LOCKED") throw new DomainError(`${quarterLabel(quarterCode)}已经锁定`);
    const quarter = (await findQuarter(tx, quarterCode))!;
    const pct = quarter.template.maxExcellentPct;
    const branches: LockResult["branches"] = [];
    let adjusted = 0;
    if (pct !== null) {
      const atEnd = branchAtDay(Prisma.sql`${quarterEnd(quarterCode)}::date`);
      const rows = await tx.$queryRaw<
        { id: string; userId: string; branchId: string; score: number | null; rating: Rating; source: RatingSource; reason: string | null; version: number }[]
      >`
        SELECT a.id, a."userId", ${atEnd.branchId} AS "branchId", a.score::float8 AS score, a.rating::text AS rating, a.source::text AS source, a.reason, a.version
        FROM "Appraisal" a JOIN "User" u ON u.id = a."userId"
        -- A quarter's rating counts for the branch the person was in at the quarter's end (DOMAIN §2).
        ${atEnd.join}
        WHERE a.quarter = ${quarterCode} AND a.rating IS NOT NULL AND u.role = 'ACCOUNT_MANAGER' AND u.status = 'ACTIVE'
        ORDER BY 3, a.id`;
      const byBranch = new Map<string, LockRow[]>();
      for (const r of rows) {
        const list = byBranch.get(r.branchId) ?? [];
        list.push(r);
        byBranch.set(r.branchId, list);
      }
      const byId = new Map(rows.map((r) => [r.id, r]));
      const demoteIds: string[] = [];
      const reasons: string[] = [];
      for (const [branchId, list] of byBranch) {
        const plan = planForcedDistribution(list, pct);
        branches.push({ branchId, total: plan.total, excellent: plan.excellent, cap: plan.cap, demoted: plan.demote.length });
        const reason = forcedDistributionReason(pct, plan.cap, plan.total);
        for (const id of plan.demote) {
          demoteIds.push(id);
          reasons.push(reason);
        }
      }
      if (demoteIds.length > 0) {
        await tx.$executeRaw`
          UPDATE "Appraisal" a
          SET rating = 'GOOD', reason = v.reason, version = a.version + 1, "updatedById" = ${viewer.id}, "updatedAt" = now()
          FROM unnest(${demoteIds}::text[], ${reasons}::text[]) AS v(id, reason)
          WHERE a.id = v.id`;
        await audit(
          tx,
          demoteIds.map((id, i) => {
            const r = byId.get(id)!;
            return {
              actorId: viewer.id,
              action: "APPRAISAL_FORCED_DISTRIBUTION",
              entity: "Appraisal",
              entityId: `${quarterCode}:${r.userId}`,
              before: { rating: r.rating, score: r.score, source: r.source, reason: r.reason, version: r.version },
              after: { rating: "GOOD", score: r.score, source: r.source, reason: reasons[i], version: r.version + 1 },
              note: `锁定${quarterLabel(quarterCode)}时按强制分布调整`,
            };
          }),
        );
        adjusted = demoteIds.length;
      }
    }
    await tx.appraisalQuarter.update({ where: { quarter: quarterCode }, data: { status: "LOCKED", lockedAt: new Date(), lockedById: viewer.id } });
    await audit(tx, {
      actorId: viewer.id,
      action: "APPRAISAL_QUARTER_LOCK",
      entity: "AppraisalQuarter",
      entityId: quarterCode,
      before: { status: "OPEN" },
      after: { status: "LOCKED", templateVersion: quarter.template.version, maxExcellentPct: pct, adjusted, branches: branches.filter((b) => b.demoted > 0) },
    });
    return { quarter: quarterCode, adjusted, branches };
  }, LONG_TRANSACTION);
}
