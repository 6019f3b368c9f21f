import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { seedDemo } from "@/prisma/seed/demo";
import { DEMO_CONTEST } from "@/prisma/seed/contest";
import { previewReview } from "@/lib/server/dal/review/preview";
import { contestResults } from "@/lib/server/dal/contest/results";
import { judgeSheet } from "@/lib/server/dal/contest/scores";
import { priorityHoldersForViewer, priorityMarks } from "@/lib/server/dal/contest/awards";
import { viewerOf } from "../factories";

// The demo's contests, as the end-to-end test and the promotion review rely on them.
const db = getDb();
const viewer = async (id: string) => viewerOf(await db.user.findUniqueOrThrow({ where: { id } }));
const phaseOf = async (year: number) => (await db.phase.findFirstOrThrow({ where: { kind: "SKILLS_CONTEST", programme: { year } }, select: { id: true } })).id;

beforeAll(async () => {
  // The demo is generated relative to today; the contests must hold on any day of the season.
  await seedDemo(db, { passwordHash: "x", today: "2026-12-03" });
});

describe("the demo's skills contests", () => {
  it("2025's awards give their holders priority in the 2026 reviews", async () => {
    const results = (await contestResults(await phaseOf(2025)))!;
    expect(results.rankings.OVERALL[0].userId).toBe(DEMO_CONTEST.awardee2025);
    expect(results.awards).toHaveLength(7);
    expect(results.contest.events.every((e) => e.locked)).toBe(true);

    const preview = await previewReview(await viewer("demo-hr-1"), "2026Q2", { pageSize: 200 });
    const row = (id: string) => preview.rows.find((r) => r.userId === id)!;
    expect(row(DEMO_CONTEST.teamMember2025)).toMatchObject({ category: "PROMOTE", to: "INTERMEDIATE" });
    expect(row(DEMO_CONTEST.teamMember2025).honours).toBe(2); // 团队一等奖 and 年度业务精英（团队）
    expect(row(DEMO_CONTEST.awardee2025).honours).toBe(3); // 个人综合一等奖, 年度业务精英（个人）and the team's 优秀团队

    const marks = await priorityMarks([DEMO_CONTEST.awardee2025], "2026-11-30");
    expect(marks.get(DEMO_CONTEST.awardee2025)!.every((m) => m.active && m.to === "2026Q4")).toBe(true);
    const head2 = await viewer("demo-head-00002");
    const holders = (await priorityHoldersForViewer(head2, "2026-11-30")).map((h) => h.userId);
    expect(holders).toContain(DEMO_CONTEST.awardee2025);
    expect(holders).not.toContain(DEMO_CONTEST.teamMember2025); // another branch
    expect(await priorityHoldersForViewer(await viewer("demo-am-00002"), "2026-11-30")).toEqual([]);
  });

  it("2026's pitch is open: head1 and head2 still to score, never their own branch", async () => {
    const phaseId = await phaseOf(2026);
    const results = (await contestResults(phaseId))!;
    expect(
      results.contest.events
        .filter((e) => e.locked)
        .map((e) => e.kind)
        .sort(),
    ).toEqual(["KNOWLEDGE_TEST", "OPERATIONS", "TEAM_PROPOSAL"]);
    expect(results.rankings.PITCH[0].userId).toBe(DEMO_CONTEST.pitchStar);
    expect(results.rankings.TEAM.length).toBe(5);
    const pitch = results.contest.events.find((e) => e.kind === "PITCH")!;
    for (const judge of DEMO_CONTEST.pitchJudges) {
      const me = await viewer(judge);
      const sheet = (await judgeSheet(me, pitch.id))!;
      expect(sheet.targets.every((t) => t.myScore === null)).toBe(true);
      const branchName = (await db.branch.findUniqueOrThrow({ where: { id: me.branchId } })).name;
      expect(sheet.targets.length).toBeGreaterThan(0);
      expect(sheet.targets.filter((t) => t.branchName === branchName)).toEqual([]);
      const own = await db.contestEntrant.count({ where: { phaseId, branchId: me.branchId, withdrawnAt: null } });
      expect(sheet.ownBranchLeftOut).toBe(own);
      expect(sheet.targets.some((t) => t.name === results.rankings.PITCH[0].name)).toBe(true);
    }
  });
});
