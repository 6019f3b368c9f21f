import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  checkIndicatorInputs,
  isDeliberateRating,
  parseIndicatorNumber,
  parseRating,
  planForcedDistribution,
  scoreAndRate,
  templateIndicators,
  type LockRow,
} from "@/lib/domain/appraisal";
import { checkAppraisalImport, importIsClean, importTemplateHeaders, type ImportPerson, type ImportTable } from "@/lib/domain/appraisal-import";
import { DEFAULT_BANDS, DEFAULT_TEMPLATE, excellentCap } from "@/lib/domain/scoring";
import { RATINGS } from "@/lib/domain/grades";

const codes = templateIndicators(DEFAULT_TEMPLATE).map((i) => i.code);
const all = (v: string) => Object.fromEntries(codes.map((c) => [c, c === "NEW_NPL_RATIO" ? String(100 / Number(v)) : v]));

describe("parseIndicatorNumber", () => {
  it.each([
    ["105", 105],
    [" 105.5 ", 105.5],
    ["98%", 98],
    ["-20", -20],
    ["1,050", 1050],
    ["１０５．５", 105.5],
    [".5", 0.5],
  ])("reads %j as %d", (text, value) => expect(parseIndicatorNumber(text)).toBe(value));

  it.each(["", "  ", "abc", "1e3", "12-3", "--1", "1.2.3"])("refuses %j", (text) => expect(parseIndicatorNumber(text)).toBeNull());
});

describe("checkIndicatorInputs", () => {
  it("accepts complete in-range values and names each bad one", () => {
    expect(checkIndicatorInputs(DEFAULT_TEMPLATE, all("100"))).toEqual({
      values: Object.fromEntries(codes.map((c) => [c, c === "NEW_NPL_RATIO" ? 1 : 100])),
      errors: {},
    });
    const { errors } = checkIndicatorInputs(DEFAULT_TEMPLATE, { ...all("100"), RORAC_COMPLETION: "-600", TRAINING_EXAM: "", LOAN_PLAN: "多" });
    expect(errors).toEqual({
      RORAC_COMPLETION: "指标「RORAC 目标完成率」不能小于 -500%（当前 -600%）",
      TRAINING_EXAM: "请填写「培训考试成绩」",
      LOAN_PLAN: "「贷款计划完成率」必须是数字（当前“多”）",
    });
  });
});

describe("scoreAndRate", () => {
  it("rates by the bands given", () => {
    const { values } = checkIndicatorInputs(DEFAULT_TEMPLATE, all("96"));
    expect(scoreAndRate(DEFAULT_TEMPLATE, DEFAULT_BANDS, values)).toEqual({ score: 96, rating: "GOOD" });
    expect(scoreAndRate(DEFAULT_TEMPLATE, { EXCELLENT: 95, GOOD: 90, QUALIFIED: 80, BASIC: 60 }, values).rating).toBe("EXCELLENT");
  });

  it("refuses incomplete values, naming them", () => {
    expect(() => scoreAndRate(DEFAULT_TEMPLATE, DEFAULT_BANDS, { RORAC_COMPLETION: 100 })).toThrow(/^缺少指标数值：存款计划完成率、/);
  });
});

describe("parseRating", () => {
  it("reads Chinese labels and codes", () => {
    expect(parseRating("优秀")).toBe("EXCELLENT");
    expect(parseRating(" 基本合格 ")).toBe("BASIC");
    expect(parseRating("good")).toBe("GOOD");
    expect(parseRating("合 格")).toBe("QUALIFIED");
    expect(parseRating("很好")).toBeNull();
    expect(parseRating("")).toBeNull();
  });
});

describe("planForcedDistribution", () => {
  const row = (id: string, rating: LockRow["rating"], score: number | null, extra: Partial<LockRow> = {}): LockRow => ({
    id,
    rating,
    score,
    source: score === null ? "IMPORT" : "SCORE",
    reason: null,
    ...extra,
  });

  it("demotes the lowest-scored surplus and leaves deliberate ratings alone", () => {
    const rows = [
      row("a", "EXCELLENT", 120),
      row("b", "EXCELLENT", null, { source: "MANUAL", reason: "年度业务精英" }),
      row("c", "EXCELLENT", 106),
      row("d", "EXCELLENT", null),
      ...Array.from({ length: 6 }, (_, i) => row(`g${i}`, "GOOD", 100)),
    ];
    const plan = planForcedDistribution(rows, 20);
    // d (no score: lowest) and c (106) go; ids come back in input order.
    expect(plan).toEqual({ total: 10, excellent: 4, cap: 2, demote: ["c", "d"], excellentAfter: 2 });
  });

  it("never demotes deliberate ratings, even when they alone exceed the cap", () => {
    const rows = [
      row("m1", "EXCELLENT", null, { reason: "说明一" }),
      row("m2", "EXCELLENT", null, { reason: "说明二" }),
      row("s", "EXCELLENT", 130),
      row("q", "QUALIFIED", 85),
    ];
    expect(planForcedDistribution(rows, 25)).toMatchObject({ cap: 1, demote: ["s"], excellentAfter: 2 });
  });

  it("treats a whitespace reason as no reason", () => {
    expect(isDeliberateRating({ score: null, reason: "  " })).toBe(false);
    expect(isDeliberateRating({ score: 101, reason: "有说明但有得分" })).toBe(false);
  });

  it("property: never more adjustable EXCELLENT than the cap allows, and only EXCELLENT rows are demoted", () => {
    const arbRow = fc.record({
      rating: fc.constantFrom(...RATINGS),
      score: fc.option(fc.double({ min: 0, max: 150, noNaN: true }), { nil: null }),
      reason: fc.option(fc.constantFrom("说明", " ", ""), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(arbRow, { maxLength: 40 }), fc.integer({ min: 0, max: 100 }), (raw, pct) => {
        const rows = raw.map((r, i) => ({ ...r, id: `r${String(i).padStart(3, "0")}`, source: "SCORE" as const }));
        const plan = planForcedDistribution(rows, pct);
        const demoted = new Set(plan.demote);
        for (const id of demoted) {
          const r = rows.find((x) => x.id === id)!;
          expect(r.rating).toBe("EXCELLENT");
          expect(isDeliberateRating(r)).toBe(false);
        }
        const deliberate = rows.filter((r) => r.rating === "EXCELLENT" && isDeliberateRating(r)).length;
        // Down to the cap, except that deliberate EXCELLENT ratings always stay.
        expect(plan.excellentAfter).toBe(Math.min(plan.excellent, Math.max(excellentCap(rows.length, pct), deliberate)));
        // Every kept adjustable EXCELLENT scores at least as high as every demoted one.
        const keptScores = rows.filter((r) => r.rating === "EXCELLENT" && !isDeliberateRating(r) && !demoted.has(r.id)).map((r) => r.score ?? -1);
        const demotedScores = rows.filter((r) => demoted.has(r.id)).map((r) => r.score ?? -1);
        if (keptScores.length && demotedScores.length) expect(Math.min(...keptScores)).toBeGreaterThanOrEqual(Math.max(...demotedScores));
      }),
    );
  });
});

describe("checkAppraisalImport", () => {
  const people = new Map<string, ImportPerson>([
    ["300001", { id: "u1", employeeNo: "300001", name: "甲", role: "ACCOUNT_MANAGER", status: "ACTIVE" }],
    ["300002", { id: "u2", employeeNo: "300002", name: "乙", role: "ACCOUNT_MANAGER", status: "EXITED" }],
  ]);
  // Both people have business lines giving RORAC 目标完成率 100 %: the file's RORAC column is then ignored.
  const roracRates = new Map([
    ["u1", 100],
    ["u3", 100],
  ]);
  const ctx = { template: DEFAULT_TEMPLATE, bands: DEFAULT_BANDS, people, quarterLabel: "2026年第三季度", locked: false, roracRates };
  const names = templateIndicators(DEFAULT_TEMPLATE).map((i) => i.name);

  it("takes indicator columns by name, with a unit suffix, and scores the row", () => {
    const headers = ["工号", ...names.map((n) => `${n}（%）`)];
    const table: ImportTable = {
      headers,
      rows: [{ line: 2, values: { 工号: "300001", ...Object.fromEntries(names.map((n, i) => [`${n}（%）`, codes[i] === "NEW_NPL_RATIO" ? "1" : "100"])) } }],
    };
    const check = checkAppraisalImport(table, ctx);
    expect(check.fileErrors).toEqual([]);
    expect(check.rows).toEqual([
      { line: 2, userId: "u1", employeeNo: "300001", name: "甲", values: expect.any(Object), score: 100, rating: "GOOD", reason: null },
    ]);
    expect(importIsClean(check)).toBe(true);
  });

  it("reports file-level problems: no 工号 column, neither indicators nor 评级, locked quarter, no rows", () => {
    expect(checkAppraisalImport({ headers: ["姓名", "得分"], rows: [] }, { ...ctx, locked: true }).fileErrors).toEqual([
      "2026年第三季度已锁定，不能再导入考评结果；锁定后的更正请在名单中逐条进行并填写原因",
      "文件缺少「工号」列",
      "文件既没有指标列，也没有「评级」列：请使用下载的模板填写",
      "文件中没有数据行",
    ]);
  });

  it("refuses a row with both values and a rating, an empty row, and an exited person; lists ignored columns", () => {
    const table: ImportTable = {
      headers: ["工号", "评级", "说明", "备注", ...names],
      rows: [
        { line: 2, values: { 工号: "300001", 评级: "优秀", 说明: "好", [names[0]]: "100" } },
        { line: 3, values: { 工号: "300001", 备注: "x" } },
        { line: 4, values: { 工号: "300002", 评级: "良好", 说明: "表现稳定" } },
      ],
    };
    const check = checkAppraisalImport(table, ctx);
    // 行动计划跟进评分 comes from the action plans, so its column is ignored.
    expect(check.ignoredColumns).toEqual(["备注", "行动计划跟进评分"]);
    expect(check.problems).toEqual([
      { line: 2, employeeNo: "300001", messages: ["同一行不能既填指标数值又填评级，请只保留一种"] },
      { line: 3, employeeNo: "300001", messages: ["工号 300001 与第 2 行重复", "没有填写指标数值或评级"] },
      { line: 4, employeeNo: "300002", messages: ["乙（300002）不是在职的对公客户经理"] },
    ]);
    expect(importIsClean(check)).toBe(false);
  });

  it("the template header has every typed indicator between the person and the rating columns (not 行动计划跟进评分)", () => {
    expect(importTemplateHeaders(DEFAULT_TEMPLATE)).toEqual(["工号", "姓名", "机构", ...names.filter((n) => n !== "行动计划跟进评分"), "评级", "说明"]);
  });

  it("takes RORAC 目标完成率 from the business lines; a typed one (no lines) needs a 说明", () => {
    const row = (reason: string, rorac: string) => ({
      line: 2,
      values: {
        工号: "300001",
        说明: reason,
        ...Object.fromEntries(names.map((n, i) => [n, codes[i] === "NEW_NPL_RATIO" ? "1" : codes[i] === "RORAC_COMPLETION" ? rorac : "100"])),
      },
    });
    const headers = ["工号", "说明", ...names];
    const fromLines = checkAppraisalImport({ headers, rows: [row("", "50")] }, { ...ctx, roracRates: new Map([["u1", 120]]) });
    expect(fromLines.rows[0].values).toMatchObject({ RORAC_COMPLETION: 120 });
    const typedNoReason = checkAppraisalImport({ headers, rows: [row("", "50")] }, { ...ctx, roracRates: new Map() });
    expect(typedNoReason.problems).toEqual([
      { line: 2, employeeNo: "300001", messages: ["「RORAC 目标完成率」为手工填写（本人没有录入业务条线），请在「说明」列写明原因"] },
    ]);
    const typed = checkAppraisalImport({ headers, rows: [row("按财务报表", "50")] }, { ...ctx, roracRates: new Map() });
    expect(typed.problems).toEqual([]);
    expect(typed.rows[0]).toMatchObject({ values: expect.objectContaining({ RORAC_COMPLETION: 50 }), reason: "按财务报表" });
  });

  it("does not need the 行动计划跟进评分 column: the action-plan score is taken from the plans, or the indicator left out", () => {
    const typed = names.filter((n) => n !== "行动计划跟进评分");
    const row = (no: string, line: number) => ({
      line,
      values: { 工号: no, ...Object.fromEntries(typed.map((n) => [n, n === "新增不良贷款率" ? "1" : n === "培训考试成绩" ? "80" : "100"])) },
    });
    const table: ImportTable = { headers: ["工号", ...typed], rows: [row("300001", 2), row("300003", 3)] };
    const ctx2 = {
      ...ctx,
      people: new Map([...people, ["300003", { id: "u3", employeeNo: "300003", name: "丙", role: "ACCOUNT_MANAGER", status: "ACTIVE" }]]),
      actionPlanScores: new Map([["u1", 60]]),
    };
    const check = checkAppraisalImport(table, ctx2);
    expect(check.fileErrors).toEqual([]);
    expect(check.problems).toEqual([]);
    // u1: LEARNING = 0.4×100 + 0.3×80 + 0.3×60 = 82 → total = 0.912×100 + 0.088×82 = 98.42
    expect(check.rows[0]).toMatchObject({ userId: "u1", values: expect.objectContaining({ ACTION_PLAN_FOLLOWUP: 60 }), score: 98.42 });
    // u3: no plan → LEARNING = (0.4×100 + 0.3×80) / 0.7 = 91.43 → total = 91.2 + 0.088×91.428… = 99.25
    expect(check.rows[1]).toMatchObject({ userId: "u3", score: 99.25 });
    expect(check.rows[1].values).not.toHaveProperty("ACTION_PLAN_FOLLOWUP");
  });
});
