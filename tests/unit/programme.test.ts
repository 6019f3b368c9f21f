import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { GRADES, ROLES, type Grade, type Role } from "@/lib/domain/grades";
import { checkInOpen, eligibleForPhase, sessionConflicts, type ConflictSession } from "@/lib/domain/programme";

const at = (hhmm: string, offset = "+08:00") => `2026-04-13T${hhmm}:00${offset}`;
const s = (id: string, start: string, end: string, lecturer: string | null, participants: string[] = []): ConflictSession => ({
  id,
  start: at(start),
  end: at(end),
  lecturer,
  participants,
});

describe("sessionConflicts", () => {
  it.each([
    ["overlap with the same lecturer", [s("a", "09:00", "12:00", "王"), s("b", "11:00", "13:00", "王")], [["a", "b"]]],
    ["overlap with a shared participant", [s("a", "09:00", "12:00", "王", ["p1", "p2"]), s("b", "11:59", "13:00", "李", ["p2"])], [["a", "b"]]],
    ["overlap without anything shared", [s("a", "09:00", "12:00", "王", ["p1"]), s("b", "10:00", "11:00", "李", ["p2"])], []],
    ["both without a lecturer is not a shared lecturer", [s("a", "09:00", "12:00", null), s("b", "10:00", "11:00", null)], []],
    ["back to back (half-open) never conflicts", [s("a", "09:00", "12:00", "王", ["p"]), s("b", "12:00", "14:00", "王", ["p"])], []],
    [
      "the same lecturer on different days is fine",
      [s("a", "09:00", "12:00", "王"), { ...s("b", "09:00", "12:00", "王"), start: "2026-04-14T09:00:00+08:00", end: "2026-04-14T12:00:00+08:00" }],
      [],
    ],
    [
      "ids come out smaller first, list sorted",
      [s("z", "09:00", "12:00", "王"), s("m", "10:00", "11:00", "王"), s("a", "11:30", "13:00", "王")],
      [
        ["a", "z"],
        ["m", "z"],
      ],
    ],
    ["one session inside another", [s("b", "09:00", "17:00", null, ["x"]), s("a", "10:00", "11:00", null, ["x"])], [["a", "b"]]],
  ] as const)("%s", (_name, sessions, expected) => {
    expect(sessionConflicts(sessions.map((x) => ({ ...x, participants: [...x.participants] })))).toEqual(expected);
  });

  it("compares instants, whatever the offsets are written in", () => {
    const a = { id: "a", start: "2026-04-13T09:00:00+08:00", end: "2026-04-13T10:00:00+08:00", lecturer: "王", participants: [] };
    const b = { id: "b", start: "2026-04-13T01:30:00Z", end: "2026-04-13T03:00:00Z", lecturer: "王", participants: [] };
    const c = { id: "c", start: "2026-04-13T02:00:00Z", end: "2026-04-13T03:00:00Z", lecturer: "王", participants: [] };
    expect(sessionConflicts([a, b, c])).toEqual([
      ["a", "b"],
      ["b", "c"],
    ]);
  });

  // A reference written the obvious way: every pair checked.
  function reference(sessions: ConflictSession[]): [string, string][] {
    const out = new Set<string>();
    for (let i = 0; i < sessions.length; i++)
      for (let j = i + 1; j < sessions.length; j++) {
        const a = sessions[i];
        const b = sessions[j];
        if (a.id === b.id) continue;
        const overlap = Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);
        const shared = (a.lecturer !== null && a.lecturer === b.lecturer) || a.participants.some((p) => b.participants.includes(p));
        if (overlap && shared) out.add(JSON.stringify(a.id < b.id ? [a.id, b.id] : [b.id, a.id]));
      }
    return [...out].map((k) => JSON.parse(k) as [string, string]).sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
  }

  const base = Date.parse("2026-04-13T00:00:00+08:00");
  const arbSessions = fc
    .uniqueArray(
      fc.record({
        id: fc.string({ minLength: 1, maxLength: 3 }),
        startMin: fc.integer({ min: 0, max: 24 * 60 }),
        length: fc.integer({ min: 1, max: 8 * 60 }),
        lecturer: fc.option(fc.constantFrom("王", "李", "张"), { nil: null }),
        participants: fc.uniqueArray(fc.constantFrom("p1", "p2", "p3", "p4", "p5", "p6"), { maxLength: 3 }),
        zulu: fc.boolean(),
      }),
      { selector: (r) => r.id, maxLength: 14 },
    )
    .map((rows) =>
      rows.map((r) => {
        const iso = (ms: number) => (r.zulu ? new Date(ms).toISOString() : new Date(ms + 8 * 3600_000).toISOString().replace("Z", "+08:00"));
        return {
          id: r.id,
          start: iso(base + r.startMin * 60_000),
          end: iso(base + (r.startMin + r.length) * 60_000),
          lecturer: r.lecturer,
          participants: r.participants,
        };
      }),
    );

  it("finds exactly the pairs the pairwise definition finds", () => {
    fc.assert(
      fc.property(arbSessions, (sessions) => {
        expect(sessionConflicts(sessions)).toEqual(reference(sessions));
      }),
      { numRuns: 400 },
    );
  });

  it("does not depend on the input order, and lists each pair once, smaller id first, sorted", () => {
    fc.assert(
      fc.property(arbSessions, fc.infiniteStream(fc.nat()), (sessions, rolls) => {
        const shuffled = [...sessions].sort(() => (rolls.next().value % 3) - 1);
        const result = sessionConflicts(shuffled);
        expect(result).toEqual(sessionConflicts(sessions));
        const keys = result.map((p) => p.join("|"));
        expect(new Set(keys).size).toBe(keys.length);
        for (const [a, b] of result) expect(a < b).toBe(true);
        expect([...result].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0))).toEqual(result);
      }),
      { numRuns: 200 },
    );
  });
});

describe("checkInOpen", () => {
  const session = { start: "2026-04-13T09:00:00+08:00", end: "2026-04-13T12:00:00+08:00" };
  it.each([
    ["31 minutes before", "2026-04-13T08:29:00+08:00", false],
    ["just under 30 minutes too early", "2026-04-13T08:29:59.999+08:00", false],
    ["exactly 30 minutes before (inclusive)", "2026-04-13T08:30:00+08:00", true],
    ["at the start", "2026-04-13T09:00:00+08:00", true],
    ["during", "2026-04-13T10:15:00+08:00", true],
    ["a millisecond before the end", "2026-04-13T11:59:59.999+08:00", true],
    ["at the end (exclusive)", "2026-04-13T12:00:00+08:00", false],
    ["the next day", "2026-04-14T09:00:00+08:00", false],
    ["the same instant in UTC", "2026-04-13T00:30:00Z", true],
    ["UTC just before the window", "2026-04-13T00:29:00Z", false],
  ])("%s → %s", (_name, now, open) => {
    expect(checkInOpen(session, now)).toBe(open);
  });

  it("is open exactly on [start − 30 min, end)", () => {
    const t0 = Date.parse("2026-04-13T00:00:00Z");
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: -3_000_000, max: 25_000_000 }),
        (start, length, now) => {
          const iso = (ms: number) => new Date(t0 + ms).toISOString();
          const expected = now >= start - 30 * 60_000 && now < start + length;
          expect(checkInOpen({ start: iso(start), end: iso(start + length) }, iso(now))).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("eligibleForPhase", () => {
  const eaglet = { startsOn: "2026-04-01", grades: ["TRAINEE", "JUNIOR"] as Grade[], includeAssistants: true };
  const am = (...gradeHistory: { effectiveOn: string; to: Grade | null }[]) => ({ role: "ACCOUNT_MANAGER" as Role, gradeHistory });
  it.each([
    ["初级 on the start date", am({ effectiveOn: "2025-01-01", to: "JUNIOR" }), true],
    [
      "promoted after the start: the old grade counts",
      am({ effectiveOn: "2025-01-01", to: "JUNIOR" }, { effectiveOn: "2026-04-02", to: "INTERMEDIATE" }),
      true,
    ],
    [
      "promoted on the start date: the new grade counts",
      am({ effectiveOn: "2025-01-01", to: "JUNIOR" }, { effectiveOn: "2026-04-01", to: "INTERMEDIATE" }),
      false,
    ],
    ["history in any order", am({ effectiveOn: "2026-03-01", to: "INTERMEDIATE" }, { effectiveOn: "2025-01-01", to: "JUNIOR" }), false],
    ["no entry yet counts as 见习", am(), true],
    ["only entries after the start: 见习 on the day", am({ effectiveOn: "2026-05-01", to: "SENIOR" }), true],
    ["exited before the start", am({ effectiveOn: "2025-01-01", to: "JUNIOR" }, { effectiveOn: "2026-02-01", to: null }), false],
    ["exited after the start still held the grade", am({ effectiveOn: "2025-01-01", to: "TRAINEE" }, { effectiveOn: "2026-06-01", to: null }), true],
    ["a 中级 is not in the eaglet camp", am({ effectiveOn: "2025-01-01", to: "INTERMEDIATE" }), false],
    ["an assistant when assistants take part", { role: "ASSISTANT" as Role, gradeHistory: [] }, true],
    ["a branch head never", { role: "BRANCH_HEAD" as Role, gradeHistory: [{ effectiveOn: "2025-01-01", to: "JUNIOR" as Grade }] }, false],
    ["HR never", { role: "HR" as Role, gradeHistory: [] }, false],
  ])("%s", (_name, person, expected) => {
    expect(eligibleForPhase(person, eaglet)).toBe(expected);
  });

  it("takes assistants only when the phase includes them", () => {
    expect(eligibleForPhase({ role: "ASSISTANT", gradeHistory: [] }, { ...eaglet, includeAssistants: false })).toBe(false);
    expect(
      eligibleForPhase(
        { role: "ASSISTANT", gradeHistory: [{ effectiveOn: "2025-01-01", to: "JUNIOR" }] },
        { startsOn: "2026-07-01", grades: [], includeAssistants: true },
      ),
    ).toBe(true);
  });

  const arbDate = fc.integer({ min: 0, max: 2000 }).map((d) => new Date(Date.UTC(2022, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
  const arbHistory = fc.array(fc.record({ effectiveOn: arbDate, to: fc.option(fc.constantFrom(...GRADES), { nil: null }) }), { maxLength: 6 });
  const arbEntry = fc.record({ effectiveOn: arbDate, to: fc.option(fc.constantFrom(...GRADES), { nil: null }) });
  /** A grade history with one entry per date. */
  const arbDistinctHistory = fc.uniqueArray(arbEntry, { selector: (h) => h.effectiveOn, maxLength: 6 });
  const arbPhase = fc.record({ startsOn: arbDate, grades: fc.subarray([...GRADES]), includeAssistants: fc.boolean() });

  it("for account managers, equals membership of the grade held on the start date (distinct dates)", () => {
    fc.assert(
      fc.property(arbDistinctHistory, arbPhase, (history, phase) => {
        const before = history.filter((h) => h.effectiveOn <= phase.startsOn).sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn));
        const held: Grade | null = before.length ? before[before.length - 1].to : "TRAINEE";
        expect(eligibleForPhase({ role: "ACCOUNT_MANAGER", gradeHistory: history }, phase)).toBe(held !== null && phase.grades.includes(held));
      }),
      { numRuns: 400 },
    );
  });

  it("ignores entries after the start date and the order of entries on different dates", () => {
    fc.assert(
      fc.property(arbDistinctHistory, arbPhase, arbHistory, (history, phase, extra) => {
        const person = { role: "ACCOUNT_MANAGER" as Role, gradeHistory: history };
        const later = extra.filter((h) => h.effectiveOn > phase.startsOn);
        expect(eligibleForPhase({ ...person, gradeHistory: [...later, ...history.slice().reverse()] }, phase)).toBe(eligibleForPhase(person, phase));
      }),
      { numRuns: 300 },
    );
  });

  it("decides other roles without looking at grades", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ROLES.filter((r) => r !== "ACCOUNT_MANAGER")), arbHistory, arbPhase, (role, history, phase) => {
        expect(eligibleForPhase({ role, gradeHistory: history }, phase)).toBe(role === "ASSISTANT" && phase.includeAssistants);
      }),
    );
  });
});
