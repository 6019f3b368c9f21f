import "server-only";
import type { Tx } from "@/lib/server/db";
import { actionPlanScore } from "@/lib/domain/scoring";

/**
 * The action-plan score each person brings to a quarter's appraisal: the mean final score of their
 * submitted action plans linked to the quarter (DOMAIN §4, §8). People without a scored plan are
 * absent from the map. One query for any number of people.
 */
export async function actionPlanScores(client: Pick<Tx, "$queryRaw">, quarter: string, userIds: string[]): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await client.$queryRaw<{ userId: string; scores: number[] }[]>`
    SELECT "userId", array_agg("finalScore"::float8 ORDER BY id) AS scores
    FROM "ActionPlan"
    WHERE quarter = ${quarter} AND status = 'SUBMITTED' AND "finalScore" IS NOT NULL AND "userId" = ANY(${userIds}::text[])
    GROUP BY "userId"`;
  const map = new Map<string, number>();
  for (const r of rows) {
    const score = actionPlanScore(r.scores);
    if (score !== null) map.set(r.userId, score);
  }
  return map;
}

/** One person's action-plan score for a quarter, or null. */
export async function actionPlanScoreFor(client: Pick<Tx, "$queryRaw">, quarter: string, userId: string): Promise<number | null> {
  return (await actionPlanScores(client, quarter, [userId])).get(userId) ?? null;
}
