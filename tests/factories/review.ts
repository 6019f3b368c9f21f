// Builders for the review area's integration tests: appraisal quarters, ratings, certifications.
import { getDb } from "@/lib/server/db";
import { isoToDate } from "@/lib/domain/dates";
import type { Rating } from "@/lib/domain/grades";
import { createBranch, createUser, viewerOf } from "./index";

let templateId: string | null = null;

async function template(): Promise<string> {
  if (templateId) return templateId;
  const existing = await getDb().scorecardTemplate.findFirst({ select: { id: true } });
  templateId =
    existing?.id ?? (await getDb().scorecardTemplate.create({ data: { version: 1, name: "测试模板", dimensions: [], bands: {} }, select: { id: true } })).id;
  return templateId;
}

/** Creates (or sets the status of) appraisal quarters. */
export async function quarters(status: "OPEN" | "LOCKED", ...list: string[]) {
  const id = await template();
  for (const quarter of list) {
    await getDb().appraisalQuarter.upsert({
      where: { quarter },
      create: { quarter, status, templateId: id, lockedAt: status === "LOCKED" ? new Date() : null },
      update: { status, lockedAt: status === "LOCKED" ? new Date() : null },
    });
  }
}

/** Ratings by quarter (the quarters must exist), optionally with scores. */
export async function rate(userId: string, ratings: Record<string, Rating>, scores: Record<string, number> = {}) {
  await getDb().appraisal.createMany({
    data: Object.entries(ratings).map(([quarter, rating]) => ({ userId, quarter, rating, score: scores[quarter] ?? null, source: "IMPORT" as const })),
  });
}

export async function certify(userId: string, code: string, passedOn: string, validUntil?: string) {
  await getDb().certification.create({ data: { userId, code, passedOn: isoToDate(passedOn), validUntil: validUntil ? isoToDate(validUntil) : null } });
}

/** An HR viewer in a branch of its own. */
export async function hrViewer() {
  const branch = await createBranch("总行");
  return viewerOf(await createUser({ role: "HR", branchId: branch.id }));
}

/** Rows of one branch from a review result (tests share one database per file). */
export function inBranch<T extends { branchId: string }>(rows: T[], branchId: string): T[] {
  return rows.filter((r) => r.branchId === branchId);
}
