import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { previewReview } from "@/lib/server/dal/review/preview";
import { excludeFromReview, includeAgain, setReviewQuotas } from "@/lib/server/dal/review/draft";
import { isoToDate } from "@/lib/domain/dates";
import { DEFAULT_GRADE_RULES } from "@/lib/domain/promotion";
import { createBranch, createUser, viewerOf } from "../factories";
import { certify, hrViewer, quarters, rate } from "../factories/review";

// One database for this file: every test uses its own quarters and its own branch.

describe("previewReview", () => {
  it("refuses an open quarter, an unknown one, a malformed one, and anyone but HR", async () => {
    const hr = await hrViewer();
    await quarters("OPEN", "2031Q2");
    await expect(previewReview(hr, "2031Q2")).rejects.toThrow("2031年第二季度的考评尚未锁定，请先由人力资源部锁定考评结果，再进行晋级评审");
    await expect(previewReview(hr, "2040Q1")).rejects.toThrow("2040年第一季度还没有考评记录");
    await expect(previewReview(hr, "2031Q5")).rejects.toThrow("季度格式不正确");
    const branch = await createBranch();
    const head = viewerOf(await createUser({ role: "BRANCH_HEAD", branchId: branch.id }));
    await quarters("LOCKED", "2031Q3");
    await expect(previewReview(head, "2031Q3")).rejects.toThrow("没有权限");
  });

  it("proposes every outcome with its reason in words, and lists people without a grade separately", async () => {
    const hr = await hrViewer();
    await quarters("LOCKED", "2030Q1", "2030Q2");
    const b = await createBranch("评审支行");
    const person = (grade: Parameters<typeof createUser>[0]["grade"], roleStartDate: string, name: string) =>
      createUser({ branchId: b.id, grade, roleStartDate, gradedOn: "2025-01-01", name });
    const both = (r: "EXCELLENT" | "BASIC" | "UNQUALIFIED") => ({ "2030Q1": r, "2030Q2": r });

    const promote = await person("JUNIOR", "2020-01-01", "晋级者");
    await certify(promote.id, "PROBATION", "2020-07-01");
    await rate(promote.id, both("EXCELLENT"));
    const shortTenure = await person("JUNIOR", "2028-10-01", "年限不足者");
    await rate(shortTenure.id, both("EXCELLENT"));
    const noCert = await person("TRAINEE", "2028-01-01", "缺认证者");
    await rate(noCert.id, both("EXCELLENT"));
    const demoteOne = await person("SENIOR", "2020-01-01", "降一级者");
    await rate(demoteOne.id, { "2030Q1": "BASIC", "2030Q2": "UNQUALIFIED" });
    const demoteTwo = await person("SENIOR", "2020-01-01", "降两级者");
    await rate(demoteTwo.id, both("UNQUALIFIED"));
    const exit = await person("TRAINEE", "2029-01-01", "退出者");
    await rate(exit.id, both("BASIC"));
    const missing = await person("INTERMEDIATE", "2020-01-01", "缺评者");
    await rate(missing.id, { "2030Q2": "EXCELLENT" });
    const reset = await person("TRAINEE", "2020-01-01", "刚晋级者");
    await certify(reset.id, "PROBATION", "2020-07-01");
    await getDb().gradeChange.create({
      data: { userId: reset.id, fromGrade: "TRAINEE", toGrade: "JUNIOR", effectiveDate: isoToDate("2030-04-01"), quarter: "2030Q1", reason: "PROMOTION" },
    });
    await rate(reset.id, both("EXCELLENT"));
    const ungraded = await createUser({ branchId: b.id, roleStartDate: "2029-01-01", name: "未定级者" });
    await rate(ungraded.id, both("EXCELLENT"));

    const preview = await previewReview(hr, "2030Q2", { branchId: b.id, pageSize: 50 });
    const byName = new Map(preview.rows.map((r) => [r.name, r]));
    expect(preview.rows).toHaveLength(8);
    expect(byName.has("未定级者")).toBe(false);
    expect(preview.ungraded.names).toContain("未定级者");

    expect(byName.get("晋级者")).toMatchObject({ category: "PROMOTE", grade: "JUNIOR", to: "INTERMEDIATE", reason: "连续两个季度考核优秀，由初级晋升为中级" });
    expect(byName.get("年限不足者")).toMatchObject({
      category: "BLOCKED",
      to: "JUNIOR",
      reason: "连续两个季度考核优秀，但任职年限不足（21/24个月），暂不晋升为中级",
      blockedDetails: ["任职年限不足: 21/24 个月"],
    });
    expect(byName.get("缺认证者")).toMatchObject({ category: "BLOCKED", blockedDetails: ["缺少有效认证: 见习期考核"] });
    expect(byName.get("降一级者")).toMatchObject({ category: "DEMOTE", to: "INTERMEDIATE", reason: "连续两个季度考核基本合格及以下，由高级降为中级" });
    expect(byName.get("降两级者")).toMatchObject({ category: "DEMOTE", to: "JUNIOR", reason: "连续两个季度考核不合格，由高级降为初级" });
    expect(byName.get("退出者")).toMatchObject({ category: "EXIT", to: null, reason: "连续两个季度考核基本合格及以下，退出客户经理岗位" });
    expect(byName.get("缺评者")).toMatchObject({ category: "NONE", reason: "上季度无有效考核结果，等级不变" });
    expect(byName.get("刚晋级者")).toMatchObject({ category: "NONE", reason: "等级已于2030年第一季度调整，需重新累计连续两个季度考核结果，等级不变" });
    // The last four quarters are shown, oldest first; unrated ones are null.
    expect(byName.get("晋级者")!.ratings).toEqual([
      { quarter: "2029Q3", rating: null },
      { quarter: "2029Q4", rating: null },
      { quarter: "2030Q1", rating: "EXCELLENT" },
      { quarter: "2030Q2", rating: "EXCELLENT" },
    ]);
    // Outcomes are listed first, unchanged people last.
    expect(preview.rows.map((r) => r.category)).toEqual(["PROMOTE", "DEMOTE", "DEMOTE", "EXIT", "BLOCKED", "BLOCKED", "NONE", "NONE"]);
    expect(preview.scopeCounts).toEqual({ PROMOTE: 1, DEMOTE: 2, EXIT: 1, BLOCKED: 2, NONE: 2, EXCLUDED: 0 });
    // No rule set stored in this database: the defaults apply.
    expect(preview.rules).toEqual({ ruleSetId: null, effectiveFromQuarter: null, rules: DEFAULT_GRADE_RULES });
  });

  it("filters by branch and outcome after computing, so the counts stay those of the whole review; pages the rows", async () => {
    const hr = await hrViewer();
    await quarters("LOCKED", "2032Q1", "2032Q2");
    const [b1, b2] = [await createBranch("甲支行"), await createBranch("乙支行")];
    for (let i = 0; i < 12; i++) {
      const u = await createUser({ branchId: b1.id, grade: "SENIOR", roleStartDate: "2020-01-01", gradedOn: "2025-01-01" });
      await rate(u.id, { "2032Q1": "BASIC", "2032Q2": "BASIC" });
    }
    const other = await createUser({ branchId: b2.id, grade: "SENIOR", roleStartDate: "2020-01-01", gradedOn: "2025-01-01" });
    await rate(other.id, { "2032Q1": "BASIC", "2032Q2": "BASIC" });

    const all = await previewReview(hr, "2032Q2");
    const page2 = await previewReview(hr, "2032Q2", { branchId: b1.id, category: "DEMOTE", page: 2, pageSize: 10 });
    expect(page2.counts).toEqual(all.counts);
    expect(all.counts.DEMOTE).toBe(13);
    expect(page2.matching).toBe(12);
    expect(page2.pageCount).toBe(2);
    expect(page2.rows).toHaveLength(2);
    expect(page2.rows.every((r) => r.branchId === b1.id && r.category === "DEMOTE")).toBe(true);
    const inB2 = await previewReview(hr, "2032Q2", { branchId: b2.id });
    expect(inB2.rows.map((r) => r.userId)).toEqual([other.id]);
    expect(inB2.scopeCounts.DEMOTE).toBe(1);
  });

  it("applies quotas (best score first) and exclusions, which do not take a quota place", async () => {
    const hr = await hrViewer();
    await quarters("LOCKED", "2033Q1", "2033Q2");
    const b = await createBranch("名额支行");
    const candidate = async (name: string, score: number) => {
      const u = await createUser({ branchId: b.id, grade: "INTERMEDIATE", roleStartDate: "2020-01-01", gradedOn: "2025-01-01", name });
      await rate(u.id, { "2033Q1": "EXCELLENT", "2033Q2": "EXCELLENT" }, { "2033Q2": score });
      return u;
    };
    const best = await candidate("最高分", 120);
    const second = await candidate("次高分", 110);
    const third = await candidate("第三名", 100);

    await setReviewQuotas(hr, "2033Q2", { SENIOR: 1 });
    let preview = await previewReview(hr, "2033Q2", { branchId: b.id });
    const row = (id: string) => preview.rows.find((r) => r.userId === id)!;
    expect(row(best.id)).toMatchObject({ category: "PROMOTE", to: "SENIOR", rank: 1 });
    expect(row(second.id)).toMatchObject({
      category: "BLOCKED",
      rank: 2,
      reason: "晋升名额已满（高级名额1人），本次暂不晋升",
      blockedDetails: ["晋升名额已满（排名第 2 位）"],
    });
    expect(preview.promotionCandidates.SENIOR).toBe(3);

    await excludeFromReview(hr, "2033Q2", best.id, "正在接受纪律调查");
    preview = await previewReview(hr, "2033Q2", { branchId: b.id });
    expect(row(best.id)).toMatchObject({
      category: "EXCLUDED",
      excludedReason: "正在接受纪律调查",
      reason: "已排除：正在接受纪律调查",
      proposedReason: "连续两个季度考核优秀，由中级晋升为高级",
    });
    expect(row(second.id)).toMatchObject({ category: "PROMOTE", rank: 1 });
    expect(row(third.id)).toMatchObject({ category: "BLOCKED", rank: 2 });
    expect(preview.scopeCounts).toMatchObject({ PROMOTE: 1, BLOCKED: 1, EXCLUDED: 1 });
    expect(preview.review?.status).toBe("DRAFT");

    await includeAgain(hr, "2033Q2", best.id);
    preview = await previewReview(hr, "2033Q2", { branchId: b.id });
    expect(row(best.id).category).toBe("PROMOTE");

    const actions = await getDb().auditLog.findMany({
      where: { entityId: preview.review!.id },
      orderBy: { id: "asc" },
      select: { action: true, actorId: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["REVIEW_QUOTAS", "REVIEW_EXCLUDE", "REVIEW_INCLUDE"]);
    expect(actions.every((a) => a.actorId === hr.id)).toBe(true);
    await expect(excludeFromReview(hr, "2033Q2", best.id, " ")).rejects.toThrow("请填写排除原因");
  });

  it("uses the rule version in force for each quarter", async () => {
    const hr = await hrViewer();
    await quarters("LOCKED", "2034Q1", "2034Q2", "2034Q3", "2034Q4");
    const b = await createBranch("规则支行");
    const u = await createUser({ branchId: b.id, grade: "JUNIOR", roleStartDate: "2031-03-01", gradedOn: "2025-01-01" });
    await rate(u.id, { "2034Q1": "EXCELLENT", "2034Q2": "EXCELLENT", "2034Q3": "EXCELLENT", "2034Q4": "EXCELLENT" });
    const db = getDb();
    const old = await db.gradeRuleSet.create({ data: { effectiveFromQuarter: "2034Q1", rules: { INTERMEDIATE: { minTenureMonths: 24 } } } });
    const stricter = await db.gradeRuleSet.create({ data: { effectiveFromQuarter: "2034Q3", rules: { INTERMEDIATE: { minTenureMonths: 48 } } } });

    const q2 = await previewReview(hr, "2034Q2", { branchId: b.id });
    expect(q2.rules).toMatchObject({ ruleSetId: old.id, effectiveFromQuarter: "2034Q1" });
    expect(q2.rows[0]).toMatchObject({ category: "PROMOTE", to: "INTERMEDIATE" });

    const q4 = await previewReview(hr, "2034Q4", { branchId: b.id });
    expect(q4.rules).toMatchObject({ ruleSetId: stricter.id, effectiveFromQuarter: "2034Q3" });
    expect(q4.rules.rules.INTERMEDIATE.minTenureMonths).toBe(48);
    expect(q4.rows[0]).toMatchObject({ category: "BLOCKED", blockedDetails: ["任职年限不足: 46/48 个月"] });
  });
});
