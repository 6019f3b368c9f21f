import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checkRosterRow, highestGradeByTenure, parseGradeCell, parseRoleCell, type PersonFact, type RosterCheckContext } from "../../lib/domain/roster";
import { GRADES, GRADE_LABELS, gradeIndex } from "../../lib/domain/grades";
import { tenureMonths } from "../../lib/domain/tenure";
import { DEFAULT_GRADE_RULES } from "../../lib/domain/promotion";

const TODAY = "2026-11-30";
const people: Record<string, PersonFact> = {
  "300001": { employeeNo: "300001", email: "am1@eagle.test", status: "ACTIVE", branchCode: "B01", branchSince: "2024-03-01" },
  "300009": { employeeNo: "300009", email: "am9@eagle.test", status: "EXITED", branchCode: "B01", branchSince: "2023-01-01" },
};
const ctx: RosterCheckContext = {
  today: TODAY,
  branchCode: (cell) => ({ 城东支行: "B01", B01: "B01", 城西支行: "B02", B02: "B02" })[cell],
  person: (no) => people[no],
  emailOwner: (email) => Object.values(people).find((p) => p.email === email)?.employeeNo,
};
const newRow = (overrides: Record<string, string> = {}) => ({
  操作: "新增",
  工号: "510001",
  姓名: "王新",
  邮箱: "wang.xin@eagle.test",
  机构: "城东支行",
  岗位: "对公客户经理",
  任职起始日: "2026-10-01",
  等级: "见习",
  ...overrides,
});

describe("roster rows", () => {
  it("a clean new account manager becomes a NEW plan", () => {
    expect(checkRosterRow(newRow(), ctx)).toEqual({
      plan: {
        action: "NEW",
        employeeNo: "510001",
        name: "王新",
        email: "wang.xin@eagle.test",
        branchCode: "B01",
        role: "ACCOUNT_MANAGER",
        roleStartDate: "2026-10-01",
        grade: "TRAINEE",
      },
      problems: [],
    });
  });

  it.each([
    [{ 机构: "火星支行" }, "机构「火星支行」不存在"],
    [{ 任职起始日: "2026-02-30" }, "任职起始日「2026-02-30」无效，应为 年-月-日（如 2026-03-05）"],
    [{ 任职起始日: "2026-12-01" }, "任职起始日不能晚于今天"],
    [{ 等级: "特级" }, "等级「特级」无效，应为 见习、初级、中级、高级、资深 或留空"],
    [{ 岗位: "柜员" }, "岗位「柜员」无效，应为 对公客户经理、业务助理、支行长 或 人力资源部"],
    [{ 邮箱: "am1@eagle.test" }, "邮箱 am1@eagle.test 已被工号 300001 使用"],
    [{ 工号: "300001", 邮箱: "other@eagle.test" }, "工号 300001 已存在（在职），新增只能用于新工号"],
    [{ 任职起始日: "2025-08-01", 等级: "中级" }, "任职年限只够初级，不能定为中级"],
    [{ 岗位: "业务助理", 等级: "见习" }, "只有对公客户经理有等级，其他岗位等级请留空"],
  ])("refuses %o: %s", (overrides, problem) => {
    const result = checkRosterRow(newRow(overrides), ctx);
    expect(result.plan).toBeNull();
    expect(result.problems).toContain(problem);
  });

  it("a row that is already true changes nothing (idempotent re-import)", () => {
    expect(checkRosterRow(newRow({ 工号: "300001", 邮箱: "am1@eagle.test" }), ctx).plan).toEqual({ action: "SAME", employeeNo: "300001" });
    expect(checkRosterRow({ 操作: "调动", 工号: "300001", 机构: "城东支行", 生效日期: "2026-11-01" }, ctx).plan).toEqual({
      action: "SAME",
      employeeNo: "300001",
    });
    expect(checkRosterRow({ 操作: "退出", 工号: "300009", 生效日期: "2026-11-01", 说明: "离职" }, ctx).plan).toEqual({ action: "SAME", employeeNo: "300009" });
  });

  it("transfers and exits need a known person, a date and (for exits) a reason", () => {
    expect(checkRosterRow({ 操作: "调动", 工号: "399999", 机构: "城西支行", 生效日期: "2026-11-01" }, ctx).problems).toContain("工号 399999 不存在");
    expect(checkRosterRow({ 操作: "调动", 工号: "300001", 机构: "城西支行", 生效日期: "2024-01-01" }, ctx).problems).toContain(
      "生效日期须晚于进入现机构的日期（2024-03-01）",
    );
    expect(checkRosterRow({ 操作: "调动", 工号: "300001", 机构: "城西支行", 生效日期: "2026-11-01", 说明: "工作需要" }, ctx).plan).toEqual({
      action: "TRANSFER",
      employeeNo: "300001",
      branchCode: "B02",
      date: "2026-11-01",
      note: "工作需要",
    });
    expect(checkRosterRow({ 操作: "退出", 工号: "300001", 生效日期: "2026-11-01" }, ctx).problems).toContain("退出须在“说明”中填写原因（至少 2 个字）");
    expect(checkRosterRow({ 操作: "晋升", 工号: "300001" }, ctx).problems).toEqual(["操作「晋升」无效，应为 新增、调动 或 退出"]);
  });

  it("reads grade and role cells in Chinese", () => {
    expect(parseGradeCell("中级对公客户经理")).toBe("INTERMEDIATE");
    expect(parseGradeCell("")).toBeNull();
    expect(parseGradeCell("未定级")).toBeNull();
    expect(parseRoleCell("客户经理")).toBe("ACCOUNT_MANAGER");
    expect(parseRoleCell("业务助理")).toBe("ASSISTANT");
  });
});

describe("highestGradeByTenure", () => {
  const dateArb = fc
    .date({ min: new Date("2015-01-01T00:00:00Z"), max: new Date("2026-11-30T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  it("is the highest grade whose minimum tenure is met, and grows with tenure", () => {
    fc.assert(
      fc.property(dateArb, dateArb, (a, b) => {
        const [earlier, later] = [a, b].sort();
        const g = highestGradeByTenure(earlier, TODAY);
        const months = tenureMonths(earlier, TODAY);
        expect(months).toBeGreaterThanOrEqual(DEFAULT_GRADE_RULES[g]!.minTenureMonths);
        const next = GRADES[gradeIndex(g) + 1];
        if (next) expect(months).toBeLessThan(DEFAULT_GRADE_RULES[next]!.minTenureMonths);
        expect(gradeIndex(highestGradeByTenure(later, TODAY))).toBeLessThanOrEqual(gradeIndex(g));
      }),
    );
  });

  it("a new row is refused exactly when its grade is above the tenure's", () => {
    fc.assert(
      fc.property(dateArb, fc.constantFrom(...GRADES), (start, grade) => {
        const result = checkRosterRow(newRow({ 任职起始日: start, 等级: GRADE_LABELS[grade] }), ctx);
        const allowed = gradeIndex(grade) <= gradeIndex(highestGradeByTenure(start, TODAY));
        expect(result.plan !== null).toBe(allowed);
      }),
    );
  });
});
