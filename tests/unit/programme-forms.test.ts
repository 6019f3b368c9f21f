import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { overdueReflections, reflectionDueOn } from "@/lib/domain/programme";

describe("overdueReflections", () => {
  it.each([
    // [startsOn, endsOn, today, submitted, expected]
    ["2026-01-15", null, "2026-02-05", [], []], // January is due on 2 Feb 5th: not yet before today
    ["2026-01-15", null, "2026-02-06", [], ["2026-01"]],
    ["2026-01-01", null, "2026-04-06", ["2026-02"], ["2026-01", "2026-03"]],
    ["2026-01-31", "2026-02-10", "2026-12-01", [], ["2026-01", "2026-02"]], // the end month is included
    ["2026-03-01", "2026-03-01", "2026-12-01", ["2026-03"], []],
    ["2025-11-20", null, "2026-02-06", ["2025-12"], ["2025-11", "2026-01"]], // across a year end
    ["2026-12-01", null, "2027-01-06", [], ["2026-12"]], // December is due on 5 January of the next year
    ["2026-06-01", null, "2026-05-01", [], []], // not started yet
    ["2026-01-01", null, "2026-03-06", ["2099-01", "2026-01"], ["2026-02"]], // unknown submitted months are harmless
  ])("start %s end %s today %s submitted %j → %j", (startsOn, endsOn, today, submitted, expected) => {
    expect(overdueReflections({ startsOn, endsOn }, today, submitted)).toEqual(expected);
  });

  it("a missing endsOn means open-ended", () => {
    expect(overdueReflections({ startsOn: "2026-01-01" }, "2026-03-06", [])).toEqual(["2026-01", "2026-02"]);
  });

  it("reflectionDueOn is the 5th of the following month", () => {
    expect(reflectionDueOn("2026-01")).toBe("2026-02-05");
    expect(reflectionDueOn("2026-12")).toBe("2027-01-05");
  });

  const arbDate = fc
    .date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2028-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const arbMonth = fc.tuple(fc.integer({ min: 2024, max: 2028 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`);

  it("property: ascending, unique, within [start month, end month], due before today, never submitted", () => {
    fc.assert(
      fc.property(arbDate, fc.option(arbDate, { nil: null }), arbDate, fc.array(arbMonth, { maxLength: 10 }), (startsOn, endsOn, today, submitted) => {
        const out = overdueReflections({ startsOn, endsOn }, today, submitted);
        for (let i = 1; i < out.length; i++) expect(out[i - 1] < out[i]).toBe(true);
        for (const m of out) {
          expect(m >= startsOn.slice(0, 7)).toBe(true);
          if (endsOn) expect(m <= endsOn.slice(0, 7)).toBe(true);
          expect(reflectionDueOn(m) < today).toBe(true);
          expect(submitted).not.toContain(m);
        }
      }),
    );
  });

  it("property: every month in range that is due and not submitted is listed (complete), and submitting more never adds months", () => {
    fc.assert(
      fc.property(arbDate, arbDate, fc.array(arbMonth, { maxLength: 10 }), arbMonth, (startsOn, today, submitted, extra) => {
        const out = overdueReflections({ startsOn }, today, submitted);
        // walk every month from start to today's month
        let [y, m] = startsOn.slice(0, 7).split("-").map(Number);
        const expected: string[] = [];
        for (let guard = 0; guard < 120; guard++) {
          const key = `${y}-${String(m).padStart(2, "0")}`;
          if (!(reflectionDueOn(key) < today)) break;
          if (!submitted.includes(key)) expected.push(key);
          m += 1;
          if (m > 12) {
            m = 1;
            y += 1;
          }
        }
        expect(out).toEqual(expected);
        const more = overdueReflections({ startsOn }, today, [...submitted, extra]);
        expect(more).toEqual(out.filter((x) => x !== extra));
      }),
    );
  });
});
