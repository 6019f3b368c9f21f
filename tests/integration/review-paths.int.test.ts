import { describe, expect, it } from "vitest";
import { getMyNextGradePath, listTeamPaths } from "@/lib/server/dal/review/next-grade";
import { commitReview } from "@/lib/server/dal/review/commit";
import { createBranch, createUser, viewerOf } from "../factories";
import { certify, hrViewer, quarters, rate } from "../factories/review";

describe("path to the next grade", () => {
  it("shows an account manager their own path; counts only locked quarters; restarts after a committed promotion", async () => {
    await quarters("LOCKED", "2026Q1", "2026Q2");
    await quarters("OPEN", "2026Q3");
    const b = await createBranch();
    const am = await createUser({ branchId: b.id, grade: "JUNIOR", roleStartDate: "2024-03-01", gradedOn: "2025-01-01" });
    await certify(am.id, "PROBATION", "2024-09-20");
    await rate(am.id, { "2026Q1": "EXCELLENT", "2026Q2": "EXCELLENT", "2026Q3": "EXCELLENT" });
    const me = viewerOf(am);

    const before = await getMyNextGradePath(me, "2026-11-25");
    expect(before?.path).toMatchObject({ next: "INTERMEDIATE", streak: 2, quartersNeeded: 0, sentence: "已满足晋升为中级的全部条件，等待人力资源部晋级评审" });
    // The open quarter's 优秀 is not shown among the locked quarters.
    expect(before?.ratings.map((r) => r.quarter)).toEqual(["2026Q1", "2026Q2"]);

    await commitReview(await hrViewer(), "2026Q2");
    const after = await getMyNextGradePath(me, "2026-11-25");
    expect(after?.grade).toBe("INTERMEDIATE");
    expect(after?.path).toMatchObject({ next: "SENIOR", streak: 0, tenure: { months: 32, needMonths: 36, remaining: 4 } });
    expect(after?.path.sentence).toBe("任职年限还差 4 个月；并需连续两个季度考核优秀，才能晋升为高级");

    expect(await getMyNextGradePath({ ...me, role: "BRANCH_HEAD" })).toBeNull();
  });

  it("gives a branch head their own team only, with demotion-risk flags", async () => {
    await quarters("LOCKED", "2026Q1", "2026Q2");
    const [b1, b2] = [await createBranch(), await createBranch()];
    const risky = await createUser({ branchId: b1.id, grade: "SENIOR", roleStartDate: "2020-01-01", gradedOn: "2025-01-01", name: "风险者" });
    await rate(risky.id, { "2026Q1": "GOOD", "2026Q2": "BASIC" });
    const fine = await createUser({ branchId: b1.id, grade: "SENIOR", roleStartDate: "2020-01-01", gradedOn: "2025-01-01", name: "稳定者" });
    await rate(fine.id, { "2026Q1": "BASIC", "2026Q2": "GOOD" });
    await createUser({ branchId: b1.id, roleStartDate: "2026-01-01", name: "未定级者" });
    await createUser({ branchId: b2.id, grade: "SENIOR", roleStartDate: "2020-01-01", name: "别行者" });
    const head = viewerOf(await createUser({ role: "BRANCH_HEAD", branchId: b1.id }));

    const team = await listTeamPaths(head, "2026-11-25");
    expect(team.map((t) => t.name).sort()).toEqual(["稳定者", "风险者"]);
    const byName = new Map(team.map((t) => [t.name, t.path]));
    expect(byName.get("风险者")).toMatchObject({
      demotionRisk: "DEMOTE_ONE",
      riskSentence: "最近一个季度考核基本合格，下一季度如仍为基本合格及以下，将降为中级",
    });
    expect(byName.get("稳定者")?.demotionRisk).toBeNull();
    expect(await listTeamPaths(await hrViewer())).toEqual([]);
  });
});
