import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { listAppraisalQuarters, lockQuarter, openNextQuarter } from "@/lib/server/dal/appraisal/quarters";
import { getAppraisalSheet } from "@/lib/server/dal/appraisal/sheet";
import { createBranch, createUser, viewerOf } from "../factories";
import { createAppraisal, createQuarter, createTemplate } from "../factories/appraisal";

const ratingOf = async (quarter: string, userId: string) =>
  (await getDb().appraisal.findUniqueOrThrow({ where: { userId_quarter: { userId, quarter } } })).rating;

describe("locking a quarter", () => {
  it("applies forced distribution per branch: surplus EXCELLENT from scores become GOOD, lowest score first; deliberate ratings stay", async () => {
    const [b1, b2] = [await createBranch(), await createBranch()];
    const hr = viewerOf(await createUser({ role: "HR", branchId: b1.id }));
    const { quarter } = await createQuarter({ maxExcellentPct: 20 });
    // Branch 1: 10 rated → at most 2 EXCELLENT. Four EXCELLENT: one deliberate (manual with reason), three from scores.
    const people: { id: string }[] = [];
    for (let i = 0; i < 10; i++) people.push(await createUser({ branchId: b1.id }));
    await createAppraisal({ quarter, userId: people[0].id, rating: "EXCELLENT", source: "MANUAL", reason: "获全行业务精英称号" });
    await createAppraisal({ quarter, userId: people[1].id, rating: "EXCELLENT", score: 130 });
    await createAppraisal({ quarter, userId: people[2].id, rating: "EXCELLENT", score: 110 });
    await createAppraisal({ quarter, userId: people[3].id, rating: "EXCELLENT", score: 106 });
    for (let i = 4; i < 10; i++) await createAppraisal({ quarter, userId: people[i].id, rating: "GOOD", score: 100 });
    // Branch 2: 5 rated → at most 1 EXCELLENT; the legacy rating without score or reason goes first.
    const others: { id: string }[] = [];
    for (let i = 0; i < 5; i++) others.push(await createUser({ branchId: b2.id }));
    await createAppraisal({ quarter, userId: others[0].id, rating: "EXCELLENT", score: 108 });
    await createAppraisal({ quarter, userId: others[1].id, rating: "EXCELLENT", source: "IMPORT" });
    for (let i = 2; i < 5; i++) await createAppraisal({ quarter, userId: others[i].id, rating: "QUALIFIED", score: 85 });

    const before = await getAppraisalSheet(hr, quarter);
    expect(before!.branches.find((b) => b.branchId === b1.id)).toMatchObject({ rated: 10, excellent: 4, cap: 2 });

    const result = await lockQuarter(hr, quarter);
    expect(result.adjusted).toBe(3);
    expect(await ratingOf(quarter, people[0].id)).toBe("EXCELLENT");
    expect(await ratingOf(quarter, people[1].id)).toBe("EXCELLENT");
    expect(await ratingOf(quarter, people[2].id)).toBe("GOOD");
    expect(await ratingOf(quarter, people[3].id)).toBe("GOOD");
    expect(await ratingOf(quarter, others[0].id)).toBe("EXCELLENT");
    expect(await ratingOf(quarter, others[1].id)).toBe("GOOD");

    const adjusted = await getDb().appraisal.findUniqueOrThrow({ where: { userId_quarter: { userId: people[3].id, quarter } } });
    expect(adjusted.reason).toContain("强制分布");
    expect(adjusted.version).toBe(2);
    const audits = await getDb().auditLog.findMany({ where: { action: "APPRAISAL_FORCED_DISTRIBUTION", entityId: { startsWith: `${quarter}:` } } });
    expect(audits).toHaveLength(3);
    const forPerson3 = audits.find((a) => a.entityId === `${quarter}:${people[3].id}`)!;
    expect(forPerson3.before).toMatchObject({ rating: "EXCELLENT", score: 106 });
    expect(forPerson3.after).toMatchObject({ rating: "GOOD", score: 106 });
    const lock = await getDb().auditLog.findFirstOrThrow({ where: { action: "APPRAISAL_QUARTER_LOCK", entityId: quarter } });
    expect(lock.after).toMatchObject({ status: "LOCKED", adjusted: 3, maxExcellentPct: 20 });
    expect(await getDb().appraisalQuarter.findUniqueOrThrow({ where: { quarter } })).toMatchObject({ status: "LOCKED", lockedById: hr.id });
  });

  it("without a forced-distribution limit locks without touching ratings; locking twice is refused", async () => {
    const branch = await createBranch();
    const hr = viewerOf(await createUser({ role: "HR", branchId: branch.id }));
    const am = await createUser({ branchId: branch.id });
    const { quarter } = await createQuarter();
    await createAppraisal({ quarter, userId: am.id, rating: "EXCELLENT", score: 120 });
    expect((await lockQuarter(hr, quarter)).adjusted).toBe(0);
    expect(await ratingOf(quarter, am.id)).toBe("EXCELLENT");
    await expect(lockQuarter(hr, quarter)).rejects.toThrow("已经锁定");
  });

  it("only HR locks", async () => {
    const branch = await createBranch();
    const head = viewerOf(await createUser({ role: "BRANCH_HEAD", branchId: branch.id }));
    const { quarter } = await createQuarter();
    await expect(lockQuarter(head, quarter)).rejects.toThrow("没有权限");
    expect((await getDb().appraisalQuarter.findUniqueOrThrow({ where: { quarter } })).status).toBe("OPEN");
  });
});

describe("opening the next quarter", () => {
  it("HR opens the quarter after the newest one with the current template, once it has started", async () => {
    const branch = await createBranch();
    const hr = viewerOf(await createUser({ role: "HR", branchId: branch.id }));
    const head = viewerOf(await createUser({ role: "BRANCH_HEAD", branchId: branch.id }));
    await createQuarter({ quarter: "2190Q3", status: "LOCKED" });
    const newest = await createTemplate({ maxExcellentPct: 30 });
    await expect(openNextQuarter(hr, "2190-09-30")).rejects.toThrow("要到 2190-10-01 才开始");
    await expect(openNextQuarter(head, "2190-10-02")).rejects.toThrow("没有权限");
    expect(await openNextQuarter(hr, "2190-10-02")).toEqual({ quarter: "2190Q4" });
    const opened = await getDb().appraisalQuarter.findUniqueOrThrow({ where: { quarter: "2190Q4" } });
    expect(opened).toMatchObject({ status: "OPEN", templateId: newest.id });
    expect(await getDb().auditLog.count({ where: { action: "APPRAISAL_QUARTER_OPEN", entityId: "2190Q4" } })).toBe(1);
    const list = await listAppraisalQuarters(head);
    expect(list[0]).toMatchObject({ quarter: "2190Q4", status: "OPEN", rated: 0, total: 0 });
  });
});
