import { describe, expect, it } from "vitest";
import { normaliseCertificationCode, normaliseCertificationRow, parseDateText } from "../../lib/domain/certification-import";

describe("parseDateText", () => {
  it("reads the formats HR types", () => {
    expect(parseDateText("2026-03-05")).toBe("2026-03-05");
    expect(parseDateText("2026/3/5")).toBe("2026-03-05");
    expect(parseDateText("2026.03.05")).toBe("2026-03-05");
    expect(parseDateText("2026年3月5日")).toBe("2026-03-05");
    expect(parseDateText("20260305")).toBe("2026-03-05");
  });

  it("refuses dates that do not exist", () => {
    expect(parseDateText("2026-02-30")).toBeNull();
    expect(parseDateText("2026-13-01")).toBeNull();
    expect(parseDateText("下周一")).toBeNull();
  });
});

describe("normaliseCertificationCode", () => {
  it("upper-cases codes and knows the Chinese name of probation", () => {
    expect(normaliseCertificationCode("credit_l2")).toBe("CREDIT_L2");
    expect(normaliseCertificationCode("见习期考核")).toBe("PROBATION");
    expect(normaliseCertificationCode("1ABC")).toBeNull();
    expect(normaliseCertificationCode("信贷")).toBeNull();
  });
});

describe("normaliseCertificationRow", () => {
  it("turns a clean row into a record", () => {
    expect(normaliseCertificationRow({ 工号: " 300001 ", 认证代码: "probation", 通过日期: "2026/3/5", 有效期至: "", 成绩: "88.5" })).toEqual({
      record: { employeeNo: "300001", code: "PROBATION", passedOn: "2026-03-05", validUntil: null, score: 88.5 },
      errors: [],
    });
  });

  it("lists every problem of a row at once", () => {
    const { record, errors } = normaliseCertificationRow({ 工号: "", 认证代码: "信贷", 通过日期: "2026-02-30", 成绩: "120" });
    expect(record).toBeNull();
    expect(errors).toEqual([
      "工号为空",
      "认证代码“信贷”不正确（应为字母开头的英文代码，如 PROBATION）",
      "通过日期“2026-02-30”不是有效日期（格式如 2026-03-05）",
      "成绩“120”应为 0–100 的数字（最多两位小数）",
    ]);
  });

  it("refuses an expiry before the pass date and a pass date in the future", () => {
    expect(normaliseCertificationRow({ 工号: "1", 认证代码: "X1", 通过日期: "2026-03-05", 有效期至: "2026-01-01" }).errors).toEqual(["有效期至早于通过日期"]);
    expect(normaliseCertificationRow({ 工号: "1", 认证代码: "X1", 通过日期: "2027-01-01" }, "2026-11-25").errors).toEqual(["通过日期 2027-01-01 晚于今天"]);
  });
});
