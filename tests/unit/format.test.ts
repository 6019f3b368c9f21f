import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatDate, formatDateTime, formatStamp, formatPercent, formatScore, formatShare, formatSigned, quarterLabel, quarterShort } from "@/lib/format";

describe("formatDate", () => {
  it.each([
    ["2026-12-01", "2026年12月1日"],
    ["2026-01-31", "2026年1月31日"],
    ["2024-02-29", "2024年2月29日"],
  ])("%s → %s", (iso, text) => expect(formatDate(iso)).toBe(text));

  it("reads a @db.Date (UTC midnight) as its own day", () => {
    expect(formatDate(new Date(Date.UTC(2026, 11, 1)))).toBe("2026年12月1日");
  });

  it("takes an instant's day in Asia/Shanghai (23:30 UTC is the next morning there)", () => {
    expect(formatDate(new Date("2026-11-30T23:30:00Z"))).toBe("2026年12月1日");
  });

  it("shows a dash for nothing", () => {
    expect(formatDate(null)).toBe("—");
    expect(formatDate(undefined)).toBe("—");
  });
});

describe("formatDateTime", () => {
  const now = new Date("2026-12-05T00:00:00Z");
  it("is MM-DD HH:mm in Asia/Shanghai within the current year", () => {
    expect(formatDateTime(new Date("2026-12-01T06:05:00Z"), now)).toBe("12-01 14:05");
    expect(formatDateTime("2026-03-09T16:00:00Z", now)).toBe("03-10 00:00");
  });
  it("puts the year in front for another year", () => {
    expect(formatDateTime(new Date("2025-12-01T06:05:00Z"), now)).toBe("2025-12-01 14:05");
  });
  it("shows a dash for nothing or an invalid value", () => {
    expect(formatDateTime(null, now)).toBe("—");
    expect(formatDateTime("not a date", now)).toBe("—");
  });
});

describe("formatStamp (exported files)", () => {
  it.each([
    [new Date("2026-12-01T06:05:07Z"), false, "2026/12/01 14:05"],
    ["2026-03-09T16:00:09Z", true, "2026/03/10 00:00:09"],
    ["2025-12-31T16:30:00Z", false, "2026/01/01 00:30"],
  ])("%s (seconds: %s) → %s in Asia/Shanghai", (value, seconds, text) => {
    expect(formatStamp(value, { seconds })).toBe(text);
  });
});

describe("quarters", () => {
  it.each([
    ["2026Q1", "2026年第一季度"],
    ["2026Q3", "2026年第三季度"],
    ["2025Q4", "2025年第四季度"],
  ])("%s → %s", (q, label) => {
    expect(quarterLabel(q)).toBe(label);
    expect(quarterShort(q)).toBe(q);
  });
  it("has one short form: four-digit year, Q, digit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 4 }), (y, q) => {
        expect(quarterShort(`${y}Q${q}`)).toMatch(/^\d{4}Q[1-4]$/);
        expect(quarterLabel(`${y}Q${q}`)).toBe(`${y}年第${"一二三四"[q - 1]}季度`);
      }),
    );
  });
  it("refuses a malformed quarter (no silent 26Q2)", () => {
    expect(() => quarterShort("26Q2")).toThrow();
  });
});

describe("numbers", () => {
  it.each([
    [0.5, 0, "50%"],
    [1 / 3, 1, "33.3%"],
    [1, 0, "100%"],
    [0, 0, "0%"],
  ])("formatPercent(%s, %s) = %s", (r, d, text) => expect(formatPercent(r, d)).toBe(text));
  it("shows a dash for a share of nothing", () => {
    expect(formatShare(3, 0)).toBe("—");
    expect(formatShare(1, 4)).toBe("25%");
    expect(formatPercent(null)).toBe("—");
    expect(formatPercent(Number.NaN)).toBe("—");
  });
  it("scores with fixed decimals", () => {
    expect(formatScore(85.5)).toBe("85.50");
    expect(formatScore(4, 1)).toBe("4.0");
    expect(formatScore(null)).toBe("—");
  });
  it("signs differences and never shows −0", () => {
    expect(formatSigned(0.5)).toBe("+0.50");
    expect(formatSigned(-0.25)).toBe("−0.25");
    expect(formatSigned(-0.001)).toBe("0.00");
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), (x) => {
        const text = formatSigned(x);
        expect(text).toMatch(/^([+−]\d+\.\d{2}|0\.00)$/);
      }),
    );
  });
  it("percentages stay between 0% and 100% for ratios in [0, 1]", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (r) => {
        const n = Number(formatPercent(r, 1).replace("%", ""));
        expect(n).toBeGreaterThanOrEqual(0);
        expect(n).toBeLessThanOrEqual(100);
      }),
    );
  });
});
