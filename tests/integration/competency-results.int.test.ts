import { beforeAll, describe, expect, it } from "vitest";
import { closeCycle } from "@/lib/server/dal/competencies/cycles";
import { nominatePeers } from "@/lib/server/dal/competencies/peers";
import { getBankHeatmap, getBranchCompetencies, getLatestCompetencyGaps, getMyCompetencies } from "@/lib/server/dal/competencies/results";
import { COMPETENCY_CODES, DEFAULT_REQUIRED_LEVELS, aggregateCompetency, type CompetencyCode } from "@/lib/domain/competency";
import type { Grade } from "@/lib/domain/grades";
import { round } from "@/lib/domain/scoring";
import { createRandom } from "@/prisma/seed/random";
import { answer, createTeam, ensureModel, openTestCycle } from "../factories/competencies";

beforeAll(async () => {
  await ensureModel();
});

type Levels = Record<CompetencyCode, number>;

describe("results and heatmaps", () => {
  it("computes the bank heatmap in SQL exactly as the domain rules do, person by person", async () => {
    const random = createRandom(99);
    const grades: Grade[] = ["TRAINEE", "JUNIOR", "INTERMEDIATE", "SENIOR", "PRINCIPAL", "JUNIOR", "INTERMEDIATE"];
    const teams = [await createTeam(grades), await createTeam(grades)];
    const hr = teams[0].viewers.hr;
    const weights = { SELF: 0.25, MANAGER: 0.45, PEER: 0.3 };
    const cycleId = await openTestCycle(
      hr,
      teams.map((t) => t.branch.id),
      { weights },
    );
    const levels = (): Levels => Object.fromEntries(COMPETENCY_CODES.map((c) => [c, random.int(1, 5)])) as Levels;
    // What each person's ratings were, to recompute independently.
    const given = new Map<string, { grade: Grade; self?: Levels; manager?: Levels; peers: Levels[] }>();

    for (const team of teams) {
      const people = team.viewers.am;
      for (let i = 0; i < people.length; i++) {
        const am = people[i];
        const record: { grade: Grade; self?: Levels; manager?: Levels; peers: Levels[] } = { grade: grades[i], peers: [] };
        if (i % 3 !== 1) await answer(am, cycleId, am.id, "SELF", (record.self = levels()), "评语");
        if (i % 4 !== 2) await answer(team.viewers.head, cycleId, am.id, "MANAGER", (record.manager = levels()), "评语");
        const others = people.filter((p) => p.id !== am.id);
        const peerCount = [0, 2, 3, 4, 3, 2, 4][i];
        if (peerCount > 0) {
          await nominatePeers(team.viewers.head, { cycleId, assesseeId: am.id, peerIds: others.slice(0, peerCount).map((p) => p.id) });
          for (const peer of others.slice(0, peerCount)) {
            const l = levels();
            record.peers.push(l);
            await answer(peer, cycleId, am.id, "PEER", l, "评语");
          }
        }
        given.set(am.id, record);
      }
    }
    await closeCycle(hr, cycleId);

    const bank = (await getBankHeatmap(hr, cycleId))!;
    expect(bank.branches).toHaveLength(2);
    for (const team of teams) {
      const row = bank.branches.find((b) => b.branchId === team.branch.id)!;
      const branch = (await getBranchCompetencies(hr, { branchId: team.branch.id, cycleId }))!;
      for (const code of COMPETENCY_CODES) {
        const expectedGaps = team.managers.map((m) => {
          const g = given.get(m.id)!;
          const { result } = aggregateCompetency({ self: g.self?.[code], manager: g.manager?.[code], peers: g.peers.map((p) => p[code]) }, weights);
          return result === null ? null : round(DEFAULT_REQUIRED_LEVELS[code][g.grade] - result, 2);
        });
        const present = expectedGaps.filter((x): x is number => x !== null);
        const expected = round(present.reduce((a, b) => a + b, 0) / present.length, 2);
        expect(row.meanGaps[code], code).toBe(expected);
        // The member heatmap (combined in TypeScript) agrees person by person.
        expect(team.managers.map((m) => branch.members.find((x) => x.id === m.id)!.gaps[code])).toEqual(expectedGaps);
      }
      expect(row).toMatchObject({ participants: 7, assessed: 7, pending: { SELF: 2, MANAGER: 2, PEER: 0 }, needPeers: 3 });
    }
    // The bank mean is over people, not over branches.
    const all = teams.flatMap((t) => t.managers.map((m) => m.id));
    for (const code of COMPETENCY_CODES) {
      const gaps = all.map((id) => {
        const g = given.get(id)!;
        const { result } = aggregateCompetency({ self: g.self?.[code], manager: g.manager?.[code], peers: g.peers.map((p) => p[code]) }, weights);
        return round(DEFAULT_REQUIRED_LEVELS[code][g.grade] - result!, 2);
      });
      expect(bank.bank[code]).toBe(round(gaps.reduce((a, b) => a + b, 0) / gaps.length, 2));
    }
  });

  it("shows a branch head their own branch only, with the team radar and who is still missing", async () => {
    const team = await createTeam(["JUNIOR", "SENIOR", "JUNIOR", "JUNIOR"]);
    const other = await createTeam(["JUNIOR"]);
    const [a, b] = team.viewers.am;
    const cycleId = await openTestCycle(team.viewers.hr, [team.branch.id, other.branch.id]);
    await answer(a, cycleId, a.id, "SELF", 2);
    await answer(team.viewers.head, cycleId, b.id, "MANAGER", 4);

    // A head asking for another branch still gets their own.
    const view = (await getBranchCompetencies(team.viewers.head, { branchId: other.branch.id, cycleId }))!;
    expect(view.branch.id).toBe(team.branch.id);
    expect(view.members.map((m) => m.id)).toEqual(team.managers.map((m) => m.id));
    expect(await getBranchCompetencies(other.viewers.am[0], {})).toBeNull();
    const client = view.team.find((t) => t.code === "CLIENT_FOCUS")!;
    // a: JUNIOR, 2; b: SENIOR, 4 → team mean 3; required (2 + 4) / 2 = 3; next (INTERMEDIATE 3 + PRINCIPAL 5) / 2 = 4
    expect(client).toMatchObject({ result: 3, required: 3, nextRequired: 4 });
    expect(view.progress.find((p) => p.id === a.id)).toMatchObject({ selfDone: true, managerDone: false, peersNamed: 0 });
    expect(view.myManagerForms.map((f) => f.assesseeId).sort()).toEqual(
      team.managers
        .filter((m) => m.id !== b.id)
        .map((m) => m.id)
        .sort(),
    );

    const bank = (await getBankHeatmap(team.viewers.hr, cycleId))!;
    expect(bank.branches.find((r) => r.branchId === team.branch.id)).toMatchObject({
      participants: 4,
      pending: { SELF: 3, MANAGER: 3, PEER: 0 },
      needPeers: 4,
    });
    expect(await getBankHeatmap(team.viewers.head, cycleId)).toBeNull();
    expect(await getBankHeatmap(team.viewers.hr, "no-such-cycle")).toBeNull();
  });

  it("gives the newest cycle's gaps to whoever may see the person, and nothing to anyone else", async () => {
    const team = await createTeam(["INTERMEDIATE", "JUNIOR"]);
    const other = await createTeam(["JUNIOR"]);
    const [am, colleague] = team.viewers.am;
    const hr = team.viewers.hr;
    expect(await getLatestCompetencyGaps(am, am.id)).toEqual([]);

    const first = await openTestCycle(hr, [team.branch.id]);
    await answer(am, first, am.id, "SELF", 2);
    await closeCycle(hr, first);
    const second = await openTestCycle(hr, [team.branch.id]);

    // The second cycle has no result yet: the first one's gaps.
    let gaps = await getLatestCompetencyGaps(am, am.id);
    expect(gaps).toHaveLength(9);
    expect(gaps[0]).toEqual({ code: "CLIENT_FOCUS", gap: 1, nextGap: 2 });
    await answer(team.viewers.head, second, am.id, "MANAGER", 4);
    gaps = await getLatestCompetencyGaps(team.viewers.head, am.id);
    expect(gaps.find((g) => g.code === "PRODUCT_EXPERTISE")).toEqual({ code: "PRODUCT_EXPERTISE", gap: 0, nextGap: 0 });
    expect(await getLatestCompetencyGaps(hr, am.id)).toEqual(gaps);
    expect(await getLatestCompetencyGaps(colleague, am.id)).toEqual([]);
    expect(await getLatestCompetencyGaps(other.viewers.head, am.id)).toEqual([]);

    // My page defaults to the newest cycle with a result and keeps the history of both.
    const mine = await getMyCompetencies(am);
    expect(mine.cycle?.id).toBe(second);
    expect(mine.history.map((h) => [h.cycleId, h.results.CLIENT_FOCUS])).toEqual([
      [second, 4],
      [first, 2],
    ]);
    // INTERMEDIATE → SENIOR: every competency but 自我驱动 needs 4, so a 4 leaves no gap to show.
    expect(mine.largest).toEqual([]);
    const firstView = await getMyCompetencies(am, first);
    expect(firstView.largest.map((g) => [g.code, g.nextGap])).toEqual([
      ["CLIENT_FOCUS", 2],
      ["INFLUENCE", 2],
      ["BUSINESS_ACUMEN", 2],
    ]);
    expect(firstView.largest[0].indicators.length).toBeGreaterThan(0);
  });
});
