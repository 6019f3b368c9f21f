import "server-only";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";

/** True when the user is active and the token's session version is the current one. */
export async function sessionIsCurrent(userId: string, tokenVersion: unknown): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { status: true, sessionVersion: true } });
  return !!user && user.status === "ACTIVE" && user.sessionVersion === (typeof tokenVersion === "number" ? tokenVersion : 0);
}

/** Ends every open session of the user (all devices, all instances) and records why. */
export async function endSessions(
  userId: string,
  reason: "SIGN_OUT" | "EXIT" | "PASSWORD_CHANGED" | "PASSWORD_RESET",
  actorId: string | null = userId,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    if (count === 0) return;
    await audit(tx, { actorId, action: "SESSIONS_ENDED", entity: "User", entityId: userId, after: { reason } });
  });
}
