import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { getRulesOverview, saveGradeRules, type SaveRulesInput } from "@/lib/server/dal/review/rules";
import { commitReview } from "@/lib/server/dal/review/commit";
import { previewReview } from "@/lib/server/dal/review/preview";
import { getCommittedReview } from "@/lib/server/dal/review/committed";
import { createBranch, createUser } from "../factories";
import { hrViewer, quarters, rate } from "../factories/review";

const db = getDb();

const rules = (intermediate: number, seniorCerts: string[] = []): SaveRulesInput["rules"] => ({
  JUNIOR: { minTenureMonths: 6, certifications: ["PROBATION"] },
  INTERMEDIATE: { minTenureMonths: intermediate },
  SENIOR: { minTenureMonths: 36, certifications: seniorCerts },
  PRINCIPAL: { minTenureMonths: 48 },
});

describe("grade rule versions", () => {
  it("saves a version from a quarter on, audited; the overview shows the one in force and the history", async () => {
    const hr = await hrViewer();
    const { id } = await saveGradeRules(hr, { effectiveFromQuarter: "2026q1", rules: rules(24, ["credit_l2"]), note: "高级须持信贷资格" });
    const saved = await db.gradeRuleSet.findUniqueOrThrow({ where: { id } });
    expect(saved.effectiveFromQuarter).toBe("2026Q1");
    expect(saved.rules).toEqual({
      TRAINEE: { minTenureMonths: 0 },
      JUNIOR: { minTenureMonths: 6, certifications: ["PROBATION"] },
      INTERMEDIATE: { minTenureMonths: 24 },
      SENIOR: { minTenureMonths: 36, certifications: ["CREDIT_L2"] },
      PRINCIPAL: { minTenureMonths: 48 },
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: id } });
    expect(audit).toMatchObject({ action: "GRADE_RULES_CREATE", actorId: hr.id, before: null });

    const overview = await getRulesOverview(hr, "2026-11-25");
    expect(overview.current).toMatchObject({ ruleSetId: id, effectiveFromQuarter: "2026Q1" });
    expect(overview.current.rules.SENIOR.certifications).toEqual(["CREDIT_L2"]);
    expect(overview.versions.map((v) => v.effectiveFromQuarter)).toEqual(["2026Q1"]);
    expect(overview.earliestAllowedQuarter).toBeNull();

    // Saving again for the same quarter replaces that version; the audit keeps both.
    await saveGradeRules(hr, { effectiveFromQuarter: "2026Q1", rules: rules(30) });
    expect(await db.gradeRuleSet.count()).toBe(1);
    const replace = await db.auditLog.findFirstOrThrow({ where: { action: "GRADE_RULES_REPLACE" } });
    expect(replace.before).toMatchObject({ rules: { INTERMEDIATE: { minTenureMonths: 24 } } });
    expect(replace.after).toMatchObject({ rules: { INTERMEDIATE: { minTenureMonths: 30 } } });
  });

  it("refuses a bad quarter, bad numbers, and anyone but HR", async () => {
    const hr = await hrViewer();
    await expect(saveGradeRules(hr, { effectiveFromQuarter: "2026-Q1", rules: rules(24) })).rejects.toThrow("请填写正确的起始季度");
    await expect(saveGradeRules(hr, { effectiveFromQuarter: "2027Q1", rules: rules(-1) })).rejects.toThrow("晋级条件不正确");
    await expect(saveGradeRules({ ...hr, role: "BRANCH_HEAD" }, { effectiveFromQuarter: "2027Q1", rules: rules(24) })).rejects.toThrow("没有权限");
  });

  it("a committed review keeps its rules; new versions may only start after the latest committed review", async () => {
    const hr = await hrViewer();
    await quarters("LOCKED", "2030Q1", "2030Q2", "2030Q3", "2030Q4");
    const b = await createBranch();
    const u = await createUser({ branchId: b.id, grade: "JUNIOR", roleStartDate: "2027-09-01", gradedOn: "2025-01-01" });
    await rate(u.id, { "2030Q1": "EXCELLENT", "2030Q2": "EXCELLENT", "2030Q3": "EXCELLENT", "2030Q4": "EXCELLENT" });

    const result = await commitReview(hr, "2030Q2");
    const inForce = await db.gradeRuleSet.findFirstOrThrow({ where: { effectiveFromQuarter: "2026Q1" } });
    const committed = await getCommittedReview(hr, "2030Q2");
    expect(committed).toMatchObject({ id: result.reviewId, ruleSetId: inForce.id, ruleSetFrom: "2026Q1" });
    expect(committed?.rulesSnapshot?.INTERMEDIATE).toEqual({ minTenureMonths: 30 });

    await expect(saveGradeRules(hr, { effectiveFromQuarter: "2030Q2", rules: rules(40) })).rejects.toThrow(
      "2030年第二季度的晋级评审已按原条件提交，新条件最早只能从 2030Q3（2030年第三季度）起适用",
    );
    await expect(saveGradeRules(hr, { effectiveFromQuarter: "2026Q1", rules: rules(40) })).rejects.toThrow("最早只能从 2030Q3");
    const { id: later } = await saveGradeRules(hr, { effectiveFromQuarter: "2030Q3", rules: rules(40) });

    // The committed review's snapshot is untouched; a later quarter runs under the new version.
    expect((await getCommittedReview(hr, "2030Q2"))?.rulesSnapshot?.INTERMEDIATE).toEqual({ minTenureMonths: 30 });
    const q4 = await previewReview(hr, "2030Q4", { branchId: b.id });
    expect(q4.rules.ruleSetId).toBe(later);
    expect((await getRulesOverview(hr, "2031-01-10")).earliestAllowedQuarter).toBe("2030Q3");
  });
});
