// The helpers that keep the heavy pages small: server-side paging (?page=), charts that show the
// branches that matter and fold the rest into one row, and the team heatmap's server-side order.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { pageOf, pageParam } from "@/components/dashboard/paging";
import { CHART_BRANCHES, restLabel, sumKeys, topWithRest } from "@/components/dashboard/chart-rows";
import { parseHeatmapSort, sortMembers, type HeatmapMember } from "@/components/competencies/member-heatmap";
import { COMPETENCY_CODES } from "@/lib/domain/competency";

describe("pageParam", () => {
  it.each([
    [undefined, 1],
    ["", 1],
    ["3", 3],
    [["4", "5"], 4],
    ["0", 1],
    ["-2", 1],
    ["abc", 1],
    ["2.5", 2],
  ] as const)("%j → %i", (value, page) => {
    expect(pageParam(value as string | string[] | undefined)).toBe(page);
  });
});

describe("pageOf", () => {
  it("slices one page and clamps a page past the end to the last one", () => {
    const items = Array.from({ length: 55 }, (_, i) => i);
    expect(pageOf(items, 1, 25)).toEqual({ rows: items.slice(0, 25), page: 1, pageCount: 3, total: 55 });
    expect(pageOf(items, 3, 25).rows).toEqual([50, 51, 52, 53, 54]);
    expect(pageOf(items, 9, 25).page).toBe(3);
    expect(pageOf([], 2, 25)).toEqual({ rows: [], page: 1, pageCount: 1, total: 0 });
  });

  it("the pages together are the list, each at most one page long", () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 200 }), fc.integer({ min: 1, max: 60 }), (items, size) => {
        const first = pageOf(items, 1, size);
        const all = Array.from({ length: first.pageCount }, (_, i) => pageOf(items, i + 1, size).rows);
        expect(all.flat()).toEqual(items);
        for (const rows of all) expect(rows.length).toBeLessThanOrEqual(size);
      }),
    );
  });
});

describe("topWithRest", () => {
  type Row = { name: string; a: number; b: number };
  const fold = (others: Row[], n: number): Row => ({ name: restLabel(n), ...sumKeys(others, ["a", "b"] as const) });
  const bySizeDesc = (x: Row, y: Row) => y.a + y.b - (x.a + x.b);

  it("keeps the largest branches and sums the others into 「其余 N 个机构」", () => {
    const rows: Row[] = Array.from({ length: 300 }, (_, i) => ({ name: `第${i + 1}支行`, a: i, b: 1 }));
    const shown = topWithRest(rows, bySizeDesc, fold);
    expect(shown).toHaveLength(CHART_BRANCHES + 1);
    expect(shown[0].name).toBe("第300支行");
    expect(shown[CHART_BRANCHES]).toEqual({ name: "其余 288 个机构", a: (287 * 288) / 2, b: 288 });
  });

  it("leaves a small bank as it is (five branches, or one more than the limit: no one-branch 「其余」 row)", () => {
    const rows: Row[] = Array.from({ length: CHART_BRANCHES + 1 }, (_, i) => ({ name: `b${i}`, a: i, b: 0 }));
    expect(topWithRest(rows.slice(0, 5), bySizeDesc, fold)).toHaveLength(5);
    expect(topWithRest(rows, bySizeDesc, fold).map((r) => r.name)).not.toContain(restLabel(1));
  });

  it("never changes the totals, and shows at most limit + 1 rows", () => {
    const row = fc.record({ name: fc.string(), a: fc.nat(1000), b: fc.nat(1000) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 120 }), fc.integer({ min: 1, max: 20 }), (rows, limit) => {
        const shown = topWithRest(rows, bySizeDesc, fold, limit);
        expect(shown.length).toBeLessThanOrEqual(limit + 1);
        expect(sumKeys(shown, ["a", "b"] as const)).toEqual(sumKeys(rows, ["a", "b"] as const));
      }),
    );
  });
});

describe("the team heatmap's order", () => {
  const gaps = (value: number | null) => Object.fromEntries(COMPETENCY_CODES.map((c) => [c, value])) as HeatmapMember["gaps"];
  const member = (employeeNo: string, meanGap: number | null, grade: HeatmapMember["grade"] = "JUNIOR"): HeatmapMember => ({
    id: employeeNo,
    name: employeeNo,
    employeeNo,
    grade,
    gaps: gaps(meanGap),
    meanGap,
  });

  it("reads ?sort= as column:direction and falls back to the largest mean gap first", () => {
    expect(parseHeatmapSort(undefined)).toEqual({ key: "meanGap", desc: true });
    expect(parseHeatmapSort("name:asc")).toEqual({ key: "name", desc: false });
    expect(parseHeatmapSort(`${COMPETENCY_CODES[0]}:desc`)).toEqual({ key: COMPETENCY_CODES[0], desc: true });
    expect(parseHeatmapSort("password:asc")).toEqual({ key: "meanGap", desc: true });
    expect(parseHeatmapSort("name:sideways")).toEqual({ key: "meanGap", desc: true });
  });

  it("sorts by the column either way, people without a value last both times", () => {
    const members = [member("003", 0.5), member("001", null), member("002", 1.5), member("004", -0.5)];
    expect(sortMembers(members, { key: "meanGap", desc: true }).map((m) => m.employeeNo)).toEqual(["002", "003", "004", "001"]);
    expect(sortMembers(members, { key: "meanGap", desc: false }).map((m) => m.employeeNo)).toEqual(["004", "003", "002", "001"]);
    expect(sortMembers(members, { key: "name", desc: false }).map((m) => m.employeeNo)).toEqual(["001", "002", "003", "004"]);
  });

  it("is a permutation with the values in order (so paging the sorted list covers everyone once)", () => {
    const arb = fc.array(fc.record({ no: fc.integer({ min: 0, max: 9999 }), gap: fc.option(fc.integer({ min: -300, max: 300 }), { nil: null }) }), {
      maxLength: 60,
    });
    fc.assert(
      fc.property(arb, fc.boolean(), (specs, desc) => {
        const members = specs.map((s, i) => member(`${String(s.no).padStart(4, "0")}-${i}`, s.gap === null ? null : s.gap / 100));
        const sorted = sortMembers(members, { key: "meanGap", desc });
        expect([...sorted].map((m) => m.id).sort()).toEqual(members.map((m) => m.id).sort());
        const values = sorted.map((m) => m.meanGap);
        const firstNull = values.indexOf(null);
        const present = (firstNull === -1 ? values : values.slice(0, firstNull)) as number[];
        if (firstNull !== -1) expect(values.slice(firstNull).every((v) => v === null)).toBe(true);
        for (let i = 1; i < present.length; i++) expect(desc ? present[i - 1] >= present[i] : present[i - 1] <= present[i]).toBe(true);
      }),
    );
  });
});
