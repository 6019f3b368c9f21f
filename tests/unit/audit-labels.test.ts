import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { describeAuditValues } from "@/lib/domain/audit-labels";

// What HR reads in the audit log: recorded values in Chinese, never an enum value or a code.
describe("describeAuditValues", () => {
  it("names certifications by HR's name, the built-in name, or as not yet named — never by the code", () => {
    const names = new Map([["CREDIT_L2", "信贷业务资格（二级）"]]);
    expect(describeAuditValues({ code: "CREDIT_L2" }, names)).toEqual(["认证：信贷业务资格（二级）"]);
    expect(describeAuditValues({ code: "PROBATION" }, names)).toEqual(["认证：见习期考核"]);
    expect(describeAuditValues({ code: "CREDIT_L1" }, names)).toEqual(["认证：未命名的认证"]);
  });

  it.each([
    [{ status: "ON_TRACK" }, "进展顺利"],
    [{ status: "SUBMITTED" }, "已提交"],
    [{ source: "PEER" }, "同事评价"],
    [{ source: "SCORE" }, "按指标打分"],
    [{ reason: "SIGN_OUT" }, "退出登录"],
  ])("puts %o in Chinese", (value, word) => {
    const text = describeAuditValues(value).join("；");
    expect(text).toContain(word);
    expect(text).not.toMatch(/[A-Z]{3,}/);
  });

  it("never shows a certification code, whatever it is", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z][A-Z0-9_]{2,20}$/), (code) => {
        const [line] = describeAuditValues({ code });
        expect(line.includes(code) && code !== "PROBATION").toBe(false);
      }),
    );
  });
});
