import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { previewReview } from "@/lib/server/dal/review/preview";
import { createBranch, createUser } from "../factories";
import { certify, hrViewer, quarters, rate } from "../factories/review";

describe("review reasons name certifications in Chinese", () => {
  it("says HR's name of a certification other than 见习期考核, never its code", async () => {
    const hr = await hrViewer();
    await quarters("LOCKED", "2036Q1", "2036Q2");
    await getDb().gradeRuleSet.create({
      data: { effectiveFromQuarter: "2036Q1", rules: { INTERMEDIATE: { minTenureMonths: 24, certifications: ["CREDIT_L2"] } } },
    });
    await getDb().certificationType.create({ data: { code: "CREDIT_L2", name: "信贷业务二级认证" } });
    const branch = await createBranch("认证支行");
    const blocked = await createUser({ branchId: branch.id, grade: "JUNIOR", roleStartDate: "2030-01-01", gradedOn: "2031-01-01", name: "缺二级者" });
    await certify(blocked.id, "PROBATION", "2030-07-01");
    await rate(blocked.id, { "2036Q1": "EXCELLENT", "2036Q2": "EXCELLENT" });

    const preview = await previewReview(hr, "2036Q2", { branchId: branch.id, pageSize: 50 });
    const row = preview.rows.find((r) => r.name === "缺二级者")!;
    expect(row.reason).toBe("连续两个季度考核优秀，但缺少有效的“信贷业务二级认证”认证，暂不晋升为中级");
    expect(row.blockedDetails).toEqual(["缺少有效认证: 信贷业务二级认证"]);
  });
});
