import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { LOCK_MINUTES, WINDOW_MINUTES } from "@/lib/domain/sign-in-throttle";

// Sign-in throttling in PostgreSQL, so that every app instance sees the same counters. The rule
// is lib/domain/sign-in-throttle.ts#afterFailure; here it runs as one atomic upsert per key, so
// concurrent failures on several instances are all counted.

export const accountKey = (userIdOrIdentifier: string) => `account:${userIdOrIdentifier.toLowerCase().slice(0, 120)}`;
export const addressKey = (address: string) => `address:${address}`;

/** The keys among `keys` that are locked now. */
export async function lockedKeys(keys: string[]): Promise<string[]> {
  const rows = await db.signInThrottle.findMany({
    where: { key: { in: keys }, lockedUntil: { gt: new Date() } },
    select: { key: true },
  });
  return rows.map((row) => row.key);
}

/** Counts one failure on the key; `lockedNow` is true when this very failure reached the limit. */
export async function countFailure(key: string, limit: number): Promise<{ failures: number; lockedNow: boolean }> {
  const fresh = Prisma.sql`(now() - "SignInThrottle"."windowStart" >= make_interval(mins => ${WINDOW_MINUTES}::int)
    OR ("SignInThrottle"."lockedUntil" IS NOT NULL AND "SignInThrottle"."lockedUntil" <= now()))`;
  const next = Prisma.sql`(CASE WHEN ${fresh} THEN 1 ELSE "SignInThrottle"."failures" + 1 END)`;
  const rows = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO "SignInThrottle" ("key", "failures", "windowStart", "lockedUntil", "updatedAt")
    VALUES (${key}, 1, now(), CASE WHEN 1 >= ${limit}::int THEN now() + make_interval(mins => ${LOCK_MINUTES}::int) END, now())
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = ${next},
      "windowStart" = CASE WHEN ${fresh} THEN now() ELSE "SignInThrottle"."windowStart" END,
      "lockedUntil" = CASE
        WHEN ${next} >= ${limit}::int THEN now() + make_interval(mins => ${LOCK_MINUTES}::int)
        WHEN ${fresh} THEN NULL
        ELSE "SignInThrottle"."lockedUntil" END,
      "updatedAt" = now()
    RETURNING "failures"`;
  const failures = Number(rows[0].failures);
  return { failures, lockedNow: failures === limit };
}

/** A successful sign-in (or HR's password reset) clears the account's counter. */
export async function clearKey(key: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key } });
}
