import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  allocateSeats,
  defaultPhases,
  defaultProgrammeName,
  nextPhaseStatus,
  seatsToPromote,
  sessionTimeProblem,
  shanghaiDay,
  shanghaiLocalToDate,
  shiftDateByYears,
  shiftQuarterByYears,
  toShanghaiIso,
  toShanghaiLocal,
} from "@/lib/domain/programme-plan";
import { formatDay, formatDayRange, formatSessionTime } from "@/lib/domain/programme-labels";

describe("default programme", () => {
  it("has the three phases of the source plan", () => {
    expect(defaultProgrammeName(2027)).toBe("2027年对公客户经理素质提升项目");
    expect(defaultPhases(2027).map((p) => [p.name, p.startsOn.slice(5, 7), p.grades, p.includeAssistants, p.feedsQuarter])).toEqual([
      ["雏鹰训练营", "04", ["TRAINEE", "JUNIOR"], true, "2027Q2"],
      ["金鹰训练营", "07", ["INTERMEDIATE", "SENIOR", "PRINCIPAL"], false, "2027Q3"],
      ["业务技能大比拼", "11", ["TRAINEE", "JUNIOR", "INTERMEDIATE", "SENIOR", "PRINCIPAL"], false, null],
    ]);
  });

  it("moves phases forward only", () => {
    expect(["PLANNING", "RUNNING", "EVALUATING", "CLOSED"].map((s) => nextPhaseStatus(s as never))).toEqual(["RUNNING", "EVALUATING", "CLOSED", null]);
  });

  it("shifts dates and quarters by whole years (29 February → 28 February)", () => {
    expect(shiftDateByYears("2026-04-13", 1)).toBe("2027-04-13");
    expect(shiftDateByYears("2028-02-29", 1)).toBe("2029-02-28");
    expect(shiftQuarterByYears("2026Q3", 1)).toBe("2027Q3");
    expect(shiftQuarterByYears(null, 1)).toBeNull();
  });
});

describe("session times in Beijing time", () => {
  it("reads a datetime-local value as +08:00 and writes it back", () => {
    const d = shanghaiLocalToDate("2026-04-13T09:05");
    expect(d.toISOString()).toBe("2026-04-13T01:05:00.000Z");
    expect(toShanghaiLocal(d)).toBe("2026-04-13T09:05");
    expect(toShanghaiIso(d)).toBe("2026-04-13T09:05:00+08:00");
    expect(shanghaiDay(shanghaiLocalToDate("2026-04-13T00:30"))).toBe("2026-04-13");
    expect(() => shanghaiLocalToDate("2026-02-30T09:00")).toThrow();
    expect(() => shanghaiLocalToDate("2026-04-13T25:00")).toThrow();
  });

  it("round-trips any minute", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000_000 }), (minutes) => {
        const d = new Date(Date.UTC(2020, 0, 1) + minutes * 60_000);
        expect(shanghaiLocalToDate(toShanghaiLocal(d)).getTime()).toBe(d.getTime());
      }),
    );
  });

  it.each([
    ["fits", "2026-04-13T09:00", "2026-04-13T12:00", null],
    ["ends before it starts", "2026-04-13T12:00", "2026-04-13T09:00", "结束时间必须晚于开始时间"],
    ["zero length", "2026-04-13T09:00", "2026-04-13T09:00", "结束时间必须晚于开始时间"],
    ["first day, early morning Beijing time", "2026-04-01T00:00", "2026-04-01T08:00", null],
    ["the day before the phase", "2026-03-31T23:00", "2026-04-01T09:00", "培训场次必须安排在本阶段的起止日期之内"],
    ["runs past the last day", "2026-04-30T20:00", "2026-05-01T00:30", "培训场次必须安排在本阶段的起止日期之内"],
    ["ends at the last minute of the last day", "2026-04-30T20:00", "2026-04-30T23:59", null],
  ])("%s", (_name, start, end, problem) => {
    expect(
      sessionTimeProblem({ startsAt: shanghaiLocalToDate(start), endsAt: shanghaiLocalToDate(end) }, { startsOn: "2026-04-01", endsOn: "2026-04-30" }),
    ).toBe(problem);
  });
});

describe("seats and the waiting list", () => {
  it("seats people in the order given up to the capacity", () => {
    expect(allocateSeats(2, 1, ["a", "b", "c"])).toEqual([
      { userId: "a", status: "ENROLLED" },
      { userId: "b", status: "WAITLISTED" },
      { userId: "c", status: "WAITLISTED" },
    ]);
    expect(allocateSeats(null, 500, ["a"])).toEqual([{ userId: "a", status: "ENROLLED" }]);
  });

  it("moves the longest waiting up, as many as there are free seats", () => {
    const waiting = [
      { userId: "late", waitlistedAt: "2026-04-02T00:00:00Z" },
      { userId: "b", waitlistedAt: "2026-04-01T00:00:00Z" },
      { userId: "a", waitlistedAt: "2026-04-01T00:00:00Z" },
    ];
    expect(seatsToPromote(3, 2, waiting)).toEqual(["a"]);
    expect(seatsToPromote(5, 2, waiting)).toEqual(["a", "b", "late"]);
    expect(seatsToPromote(2, 2, waiting)).toEqual([]);
    expect(seatsToPromote(1, 2, waiting)).toEqual([]);
    expect(seatsToPromote(null, 99, waiting)).toEqual(["a", "b", "late"]);
  });

  it("never seats more than the capacity and never skips someone who waited longer", () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
        fc.integer({ min: 0, max: 25 }),
        fc.uniqueArray(
          fc.record({ userId: fc.string({ minLength: 1, maxLength: 4 }), waitlistedAt: fc.integer({ min: 0, max: 50 }).map((n) => new Date(n * 1000)) }),
          { selector: (w) => w.userId, maxLength: 15 },
        ),
        (capacity, enrolled, waiting) => {
          const up = seatsToPromote(capacity, enrolled, waiting);
          if (capacity !== null) expect(enrolled + up.length).toBeLessThanOrEqual(Math.max(capacity, enrolled));
          const promotedTimes = up.map((u) => waiting.find((w) => w.userId === u)!.waitlistedAt.getTime());
          const left = waiting.filter((w) => !up.includes(w.userId));
          for (const l of left) for (const t of promotedTimes) expect(t).toBeLessThanOrEqual(l.waitlistedAt.getTime());
          if (capacity === null || enrolled + up.length < capacity) expect(left).toEqual([]);
        },
      ),
    );
  });
});

describe("how dates read", () => {
  it("writes Chinese dates and session times in Beijing time", () => {
    expect(formatDay("2026-12-01")).toBe("2026年12月1日");
    expect(formatDayRange("2026-04-01", "2026-04-30")).toBe("2026年4月1日–4月30日");
    expect(formatSessionTime("2026-04-13T01:00:00Z", "2026-04-13T04:30:00Z")).toBe("2026年4月13日 09:00–12:30");
    expect(formatSessionTime("2026-04-13T12:00:00Z", "2026-04-14T01:00:00Z")).toBe("2026年4月13日 20:00–4月14日 09:00");
  });
});
