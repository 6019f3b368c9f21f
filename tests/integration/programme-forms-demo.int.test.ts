import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { seedDemo } from "@/prisma/seed/demo";
import { listMentorships, getMyMentoring } from "@/lib/server/dal/programme-forms/mentoring";
import type { Viewer } from "@/lib/server/auth/viewer";
import { viewerOf } from "../factories";

const today = "2026-11-25";

async function viewer(id: string): Promise<Viewer> {
  return viewerOf(await getDb().user.findUniqueOrThrow({ where: { id } }));
}

beforeAll(async () => {
  await seedDemo(getDb(), { passwordHash: "x", today });
});

describe("the demo's mentoring and after-phase data", () => {
  it("has evaluations and action plans for most camp attendees, follow-ups and final scores feeding Q2/Q3", async () => {
    const db = getDb();
    const attendees = await db.$queryRaw<{ phaseId: string; n: bigint }[]>`
      SELECT s."phaseId", count(DISTINCT a."userId") AS n FROM "Attendance" a JOIN "TrainingSession" s ON s.id = a."sessionId"
      WHERE a.status IN ('PRESENT', 'LATE') GROUP BY s."phaseId"`;
    expect(attendees.length).toBe(2);
    for (const { phaseId, n } of attendees) {
      const submitted = await db.actionPlan.count({ where: { phaseId, status: "SUBMITTED" } });
      expect(submitted / Number(n)).toBeGreaterThan(0.7);
      expect(submitted / Number(n)).toBeLessThan(1);
      const evaluations = await db.evaluation.count({ where: { session: { phaseId }, status: "SUBMITTED" } });
      expect(evaluations).toBeGreaterThan(Number(n) * 2);
    }
    // Only attendees have forms.
    const strays = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "Evaluation" e WHERE NOT EXISTS (
        SELECT 1 FROM "Attendance" a WHERE a."sessionId" = e."sessionId" AND a."userId" = e."userId" AND a.status IN ('PRESENT', 'LATE'))`;
    expect(Number(strays[0].n)).toBe(0);
    const plans = await db.actionPlan.findMany({ where: { status: "SUBMITTED" }, include: { phase: true } });
    expect(new Set(plans.map((p) => p.quarter))).toEqual(new Set(["2026Q2", "2026Q3"]));
    expect(plans.every((p) => p.quarter === p.phase.feedsQuarter)).toBe(true);
    const scored = plans.filter((p) => p.finalScore !== null);
    expect(scored.every((p) => Number(p.finalScore) >= 0 && Number(p.finalScore) <= 100)).toBe(true);
    expect(scored.filter((p) => p.quarter === "2026Q2").length).toBeGreaterThan(plans.filter((p) => p.quarter === "2026Q2").length * 0.8);
    const q3 = plans.filter((p) => p.quarter === "2026Q3");
    expect(q3.some((p) => p.finalScore === null) && q3.some((p) => p.finalScore !== null)).toBe(true);
    expect(await db.actionPlanFollowUp.count()).toBeGreaterThan(plans.length);
    // The person the end-to-end test fills the forms for attended 金鹰 and has none yet.
    expect(
      await db.attendance.count({ where: { userId: "demo-am-00004", status: { in: ["PRESENT", "LATE"] }, session: { phase: { kind: "GOLDEN_EAGLE_CAMP" } } } }),
    ).toBeGreaterThan(0);
    expect(await db.actionPlan.count({ where: { userId: "demo-am-00004" } })).toBe(0);
    expect(await db.evaluation.count({ where: { userId: "demo-am-00004" } })).toBe(0);
  });

  it("has mentoring pairs of 见习 account managers, some with overdue months, most months answered", async () => {
    const pairs = (await listMentorships(await viewer("demo-hr-1"), today))!;
    expect(pairs.length).toBeGreaterThanOrEqual(3);
    expect(pairs.some((p) => p.overdueMonths.length > 0)).toBe(true);
    expect(pairs.some((p) => p.overdueMonths.length === 0)).toBe(true);
    const replies = pairs.flatMap((p) => p.reflections).filter((r) => r.reply).length;
    expect(replies).toBeGreaterThan(5);
    const grades = await getDb().$queryRaw<
      { grade: string }[]
    >`SELECT grade::text AS grade FROM "CurrentGrade" WHERE "userId" = ANY(${pairs.map((p) => p.mentee.id)}::text[])`;
    expect(new Set(grades.map((g) => g.grade))).toEqual(new Set(["TRAINEE"]));
    // Both sides see the same thread.
    const first = pairs.find((p) => p.overdueMonths.length > 0)!;
    expect((await getMyMentoring(await viewer(first.mentee.id), today)).asMentee[0].overdueMonths).toEqual(first.overdueMonths);
    expect((await getMyMentoring(await viewer(first.mentor.id), today)).asMentor.map((p) => p.id)).toContain(first.id);
  });
});
