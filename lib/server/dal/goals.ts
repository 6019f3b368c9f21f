import "server-only";
import { db } from "@/lib/server/db";
import { audit } from "@/lib/server/audit";
import { AuthorizationError, type Viewer } from "@/lib/server/auth/viewer";
import { peopleScope } from "./scope";
import { quarterOf, todayInShanghai, type Quarter } from "@/lib/domain/dates";
import type { GoalsInput } from "@/lib/schemas/people";

// Personal goals (issue 12): an account manager's short-term goal for the current quarter and a
// long-term goal; their branch head (and HR) read them on the profile.

export interface GoalsView {
  quarter: Quarter;
  /** This quarter's short-term goal, or null when not yet written for this quarter. */
  shortTerm: string | null;
  /** The latest long-term goal. */
  longTerm: string | null;
  updatedAt: Date | null;
}

async function goalsOf(userId: string, today: string): Promise<GoalsView> {
  const quarter = quarterOf(today);
  const latest = await db.personalGoal.findFirst({ where: { userId }, orderBy: { quarter: "desc" } });
  return {
    quarter,
    shortTerm: latest?.quarter === quarter ? latest.shortTerm : null,
    longTerm: latest?.longTerm ?? null,
    updatedAt: latest?.updatedAt ?? null,
  };
}

export async function getMyGoals(viewer: Viewer, today = todayInShanghai()): Promise<GoalsView> {
  return goalsOf(viewer.id, today);
}

/** A person's goals when the viewer may see them (scope as the profile); null otherwise. */
export async function getGoalsForViewer(viewer: Viewer, personId: string, today = todayInShanghai()): Promise<GoalsView | null> {
  const visible = await db.user.findFirst({ where: { AND: [{ id: personId }, peopleScope(viewer)] }, select: { id: true } });
  if (!visible) return null;
  return goalsOf(personId, today);
}

export async function saveMyGoals(viewer: Viewer, input: GoalsInput, today = todayInShanghai()): Promise<void> {
  if (viewer.role !== "ACCOUNT_MANAGER" && viewer.role !== "ASSISTANT") throw new AuthorizationError();
  const quarter = quarterOf(today);
  await db.$transaction(async (tx) => {
    const before = await tx.personalGoal.findUnique({ where: { userId_quarter: { userId: viewer.id, quarter } } });
    const row = await tx.personalGoal.upsert({
      where: { userId_quarter: { userId: viewer.id, quarter } },
      create: { userId: viewer.id, quarter, shortTerm: input.shortTerm, longTerm: input.longTerm },
      update: { shortTerm: input.shortTerm, longTerm: input.longTerm },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "PERSONAL_GOALS",
      entity: "PersonalGoal",
      entityId: row.id,
      before: before ? { shortTerm: before.shortTerm, longTerm: before.longTerm } : null,
      after: { quarter, shortTerm: input.shortTerm, longTerm: input.longTerm },
    });
  });
}
