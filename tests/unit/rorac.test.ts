import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { roracCompletion, roracOfLine, type RoracInput, type RoracLineParts } from "@/lib/domain/scoring";
import { checkRoracLine, checkRoracLines, checkRoracTarget } from "@/lib/domain/rorac-lines";

const parts = (income: number, costs = 0): RoracInput => ({ income, directCost: costs, managementCost: 0, fixedCost: 0, riskCost: 0, tax: 0 });
const line = (stock: number, incremental: number, stockAgeYears: number): RoracLineParts => ({
  stock: parts(stock),
  incremental: parts(incremental),
  stockAgeYears,
});

describe("roracCompletion", () => {
  it.each([
    // [lines, target, combined, rate]
    [[line(100, 50, 0)], 150, 150, 100],
    [[line(100, 0, 2)], 100, 90, 90], // k0 = 0.9
    [[line(100, 0, 10)], 100, 80, 80], // k0 floored at 0.8
    [[line(100, 20, 2), line(50, 10, 4)], 200, 90 + 20 + 40 + 10, 80],
    [[line(-50, 0, 0)], 100, -50, -50], // a loss gives a negative rate
  ])("lines %j against %d → %d 万元, %d %%", (lines, target, combined, rate) => {
    expect(roracCompletion(lines, target)).toMatchObject({ combined, rate });
  });

  it("applies E − (Cd + Cm + Cf + Cr) − T to each part", () => {
    const l: RoracLineParts = {
      stock: { income: 1000, directCost: 300, managementCost: 100, fixedCost: 50, riskCost: 150, tax: 60 },
      incremental: { income: 200, directCost: 50, managementCost: 10, fixedCost: 10, riskCost: 20, tax: 10 },
      stockAgeYears: 1,
    };
    // 0.95 × 340 + 100
    expect(roracOfLine(l)).toBeCloseTo(423, 9);
    expect(roracCompletion([l], 423)).toEqual({ combined: 423, lines: [423], rate: 100 });
  });

  it("is null without lines or without a positive target", () => {
    expect(roracCompletion([], 100)).toBeNull();
    expect(roracCompletion([line(1, 1, 1)], 0)).toBeNull();
    expect(roracCompletion([line(1, 1, 1)], -5)).toBeNull();
    expect(roracCompletion([line(1, 1, 1)], Number.NaN)).toBeNull();
  });

  const money = fc.integer({ min: -100_000, max: 100_000 }).map((x) => x / 100);
  const lineArb = fc.record({ s: money, n: money, age: fc.integer({ min: 0, max: 40 }) }).map(({ s, n, age }) => line(s, n, age));

  it("property: the rate is combined / target × 100, and the line order does not matter", () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 100_000 }), (lines, target) => {
        const result = roracCompletion(lines, target)!;
        const reversed = roracCompletion([...lines].reverse(), target)!;
        expect(result.rate).toBeCloseTo((result.combined / target) * 100, 0);
        expect(reversed.combined).toBeCloseTo(result.combined, 6);
        expect(result.lines).toHaveLength(lines.length);
      }),
    );
  });

  it("property: more income on a line never lowers the rate; older stock never raises it", () => {
    fc.assert(
      fc.property(lineArb, fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 5000 }), (l, extra, target) => {
        const base = roracCompletion([l], target)!.rate;
        const richer = roracCompletion([{ ...l, incremental: { ...l.incremental, income: l.incremental.income + extra } }], target)!.rate;
        expect(richer).toBeGreaterThanOrEqual(base);
        const older = roracCompletion([{ ...l, stockAgeYears: l.stockAgeYears + 1 }], target)!.rate;
        if (l.stock.income >= 0) expect(older).toBeLessThanOrEqual(base);
      }),
    );
  });
});

describe("checking typed business lines", () => {
  const full = (over: Record<string, string> = {}) => ({ name: "存款", "stock.income": "100", "incremental.income": "30", stockAgeYears: "2", ...over });

  it.each([
    [{}, {}],
    [{ name: " " }, { name: "请填写业务条线名称" }],
    [{ "stock.tax": "-1" }, { "stock.tax": "「存量业务税收 T」应在 0～1000000 之间" }],
    [{ "incremental.riskCost": "1e3" }, { "incremental.riskCost": "「新增业务风险成本 Cr」必须是数字（当前“1e3”）" }],
    [{ "stock.directCost": "1.234" }, { "stock.directCost": "「存量业务直接成本 Cd」最多 2 位小数" }],
    [{ stockAgeYears: "" }, { stockAgeYears: "请填写「存量业务加权平均年数 n」" }],
    [{ stockAgeYears: "51" }, { stockAgeYears: "「存量业务加权平均年数 n」应在 0～50 之间" }],
  ])("%j → %j", (over, errors) => {
    expect(checkRoracLine(full(over)).errors).toEqual(errors);
  });

  it("counts blank parts as 0 and needs no n without stock business", () => {
    expect(checkRoracLine({ name: "中间业务", "incremental.income": "20" }).line).toEqual({
      name: "中间业务",
      stock: parts(0),
      incremental: parts(20),
      stockAgeYears: 0,
    });
  });

  it("refuses no line, repeated names and a non-positive target", () => {
    expect(checkRoracLines([]).errors).toEqual({ lines: "请至少填写一个业务条线" });
    expect(checkRoracLines([full(), full()]).errors).toEqual({ "line.1.name": "业务条线「存款」重复" });
    expect(checkRoracTarget("0")).toBe("「RORAC 目标」必须大于 0");
    expect(checkRoracTarget("250.5")).toBe(250.5);
  });

  it("property: any line built from valid amounts passes and computes like roracOfLine", () => {
    const amount = fc.integer({ min: 0, max: 100_000 }).map((x) => x / 100);
    fc.assert(
      fc.property(fc.array(amount, { minLength: 12, maxLength: 12 }), fc.integer({ min: 0, max: 50 }), (values, age) => {
        const texts: Record<string, string> = { name: "贷款", stockAgeYears: String(age) };
        ["stock", "incremental"].forEach((side, s) =>
          ["income", "directCost", "managementCost", "fixedCost", "riskCost", "tax"].forEach((k, i) => (texts[`${side}.${k}`] = String(values[s * 6 + i]))),
        );
        const { line, errors } = checkRoracLine(texts);
        expect(errors).toEqual({});
        expect(roracOfLine(line!)).toBeCloseTo(
          Math.max(0.8, 1 - 0.05 * age) * (values[0] - values[1] - values[2] - values[3] - values[4] - values[5]) +
            (values[6] - values[7] - values[8] - values[9] - values[10] - values[11]),
          6,
        );
      }),
    );
  });
});
