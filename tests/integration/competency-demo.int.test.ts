import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { seedDemo } from "@/prisma/seed/demo";
import { DEMO_ASSESSMENT_TARGET } from "@/prisma/seed/competencies";
import { getBankHeatmap, getBranchCompetencies, getMyCompetencies } from "@/lib/server/dal/competencies/results";
import { listPendingForms } from "@/lib/server/dal/competencies/assessments";
import { COMPETENCY_CODES, validateRating } from "@/lib/domain/competency";
import type { Viewer } from "@/lib/server/auth/viewer";
import { viewerOf } from "../factories";

const today = "2026-11-25";

async function viewer(id: string): Promise<Viewer> {
  return viewerOf(await getDb().user.findUniqueOrThrow({ where: { id } }));
}

beforeAll(async () => {
  await seedDemo(getDb(), { passwordHash: "x", today });
});

describe("the demo's competency data", () => {
  it("has a closed previous half-year with results and an open current one with work left", async () => {
    const cycles = await getDb().assessmentCycle.findMany({ orderBy: { createdAt: "asc" }, include: { branches: true } });
    expect(cycles.map((c) => [c.name, c.status])).toEqual([
      ["2026 上半年", "CLOSED"],
      ["2026 下半年", "OPEN"],
    ]);
    expect(cycles.every((c) => c.branches.length === 5)).toBe(true);
    expect(cycles[1].deadline.getTime()).toBeGreaterThan(new Date(`${today}T00:00:00+08:00`).getTime() + 14 * 86_400_000);

    const am1 = await viewer("demo-am-00001");
    const pending = await listPendingForms(am1, {}, new Date(`${today}T10:00:00+08:00`));
    expect(pending.some((f) => f.source === "SELF")).toBe(true);
    const mine = await getMyCompetencies(am1, undefined, new Date(`${today}T10:00:00+08:00`));
    expect(mine.history.length).toBeGreaterThanOrEqual(1);
    expect(mine.rows.filter((r) => r.result !== null)).toHaveLength(9);

    const head1 = await viewer("demo-head-00001");
    const branch = (await getBranchCompetencies(head1, {}, new Date(`${today}T10:00:00+08:00`)))!;
    expect(branch.cycle?.name).toBe("2026 下半年");
    expect(branch.myManagerForms.length).toBeGreaterThan(0);
    expect(branch.progress.some((p) => !p.selfDone)).toBe(true);
    expect(branch.members.some((m) => m.meanGap !== null)).toBe(true);

    const hr = await viewer("demo-hr-1");
    const closed = (await getBankHeatmap(hr, cycles[0].id))!;
    expect(closed.branches).toHaveLength(5);
    for (const b of closed.branches) {
      expect(b.assessed).toBe(16);
      for (const code of COMPETENCY_CODES) expect(b.meanGaps[code]).not.toBeNull();
    }
    const people = await getDb().assessment.groupBy({
      by: ["assesseeId"],
      where: { cycleId: cycles[0].id, source: "PEER", submittedAt: { not: null } },
      _count: true,
    });
    expect(people.filter((p) => p._count >= 3).length).toBeGreaterThanOrEqual(70);
  });

  it("leaves the end-to-end test's account manager untouched in the open cycle", async () => {
    const open = await getDb().assessmentCycle.findFirstOrThrow({ where: { status: "OPEN" } });
    const forms = await getDb().assessment.findMany({ where: { cycleId: open.id, assesseeId: DEMO_ASSESSMENT_TARGET } });
    expect(forms.map((f) => [f.source, f.submittedAt])).toEqual(
      expect.arrayContaining([
        ["SELF", null],
        ["MANAGER", null],
      ]),
    );
    expect(forms).toHaveLength(2);
  });

  it("only holds ratings a person could have entered (levels 1–5, comments where two levels off)", async () => {
    const rows = await getDb().$queryRaw<{ level: number; comment: string | null; required: number }[]>`
      SELECT r.level, r.comment, req.level AS required
      FROM "AssessmentRating" r
      JOIN "Assessment" a ON a.id = r."assessmentId"
      JOIN "CurrentGrade" g ON g."userId" = a."assesseeId"
      JOIN "CompetencyRequirement" req ON req."competencyId" = r."competencyId" AND req.grade = g.grade`;
    expect(rows.length).toBeGreaterThan(5000);
    expect(rows.filter((r) => validateRating(r.level, r.required, r.comment) !== null)).toEqual([]);
  });
});
