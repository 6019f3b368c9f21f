import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ExcludeInput, GradeRulesInput, InitialGradesInput, QuotasInput } from "../../lib/schemas/review";
import { CertificationInput } from "../../lib/schemas/certifications";

const fieldErrors = (result: { success: boolean; error?: z.ZodError }) => (result.error ? z.flattenError(result.error).fieldErrors : {});

describe("review form schemas", () => {
  it("quotas: blank means no limit, a whole number ≥ 0 otherwise", () => {
    expect(QuotasInput.parse({ quarter: "2026q2", quota_JUNIOR: "", quota_INTERMEDIATE: " 3 ", quota_SENIOR: "0" })).toEqual({
      quarter: "2026Q2",
      quota_JUNIOR: undefined,
      quota_INTERMEDIATE: 3,
      quota_SENIOR: 0,
      quota_PRINCIPAL: undefined,
    });
    expect(fieldErrors(QuotasInput.safeParse({ quarter: "2026Q2", quota_SENIOR: "1.5", quota_PRINCIPAL: "-1" }))).toEqual({
      quota_SENIOR: ["请输入整数"],
      quota_PRINCIPAL: ["名额应为 0–100000 的整数"],
    });
  });

  it("exclusion needs a reason", () => {
    expect(fieldErrors(ExcludeInput.safeParse({ quarter: "2026Q2", userId: "u1", reason: " " }))).toEqual({ reason: ["请填写排除原因（至少 2 个字）"] });
  });

  it("rules: months are whole numbers, certification codes are normalised and checked", () => {
    const base = {
      effectiveFromQuarter: "2027Q1",
      tenure_JUNIOR: "6",
      certs_JUNIOR: "probation",
      tenure_INTERMEDIATE: "24",
      tenure_SENIOR: "36",
      certs_SENIOR: "credit_l2, 见习期考核",
      tenure_PRINCIPAL: "48",
    };
    const parsed = GradeRulesInput.parse(base);
    expect(parsed).toMatchObject({ tenure_JUNIOR: 6, certs_JUNIOR: ["PROBATION"], certs_INTERMEDIATE: [], certs_SENIOR: ["CREDIT_L2", "PROBATION"] });
    expect(fieldErrors(GradeRulesInput.safeParse({ ...base, tenure_SENIOR: "三年", certs_PRINCIPAL: "信贷资格", effectiveFromQuarter: "2027" }))).toEqual({
      effectiveFromQuarter: ["季度格式应为 年份Q季度，例如 2026Q2"],
      tenure_SENIOR: ["请输入整数（月）"],
      certs_PRINCIPAL: ["认证代码“信贷资格”不正确（应为字母开头的英文代码，如 PROBATION）"],
    });
  });

  it("initial grading needs at least one person and a real grade", () => {
    expect(InitialGradesInput.safeParse({ decisions: [] }).success).toBe(false);
    expect(InitialGradesInput.safeParse({ decisions: [{ userId: "u", grade: "CHIEF" }] }).success).toBe(false);
  });

  it("certification form: dates and codes as HR types them; expiry not before passing", () => {
    expect(CertificationInput.parse({ employeeNo: "300001", code: "见习期考核", passedOn: "2026/3/5", validUntil: "", score: "" })).toEqual({
      employeeNo: "300001",
      code: "PROBATION",
      passedOn: "2026-03-05",
      validUntil: null,
      score: null,
    });
    expect(fieldErrors(CertificationInput.safeParse({ employeeNo: "1", code: "X1", passedOn: "2026-03-05", validUntil: "2026-01-01" }))).toEqual({
      validUntil: ["有效期不能早于通过日期"],
    });
  });
});
