import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { closeCycle } from "@/lib/server/dal/competencies/cycles";
import { nominatePeers } from "@/lib/server/dal/competencies/peers";
import { getAssessmentForm, submitAssessment } from "@/lib/server/dal/competencies/assessments";
import { getBankHeatmap, getBranchCompetencies, getLatestCompetencyGaps, getMyCompetencies } from "@/lib/server/dal/competencies/results";
import { COMPETENCY_CODES } from "@/lib/domain/competency";
import { answer, answers, createTeam, ensureModel, formOf, openTestCycle, peersAnswer } from "../factories/competencies";

beforeAll(async () => {
  await ensureModel();
});

const MARK = "同事甲的私密评语";

/** Everything a DTO would put on a page or into a response, as text. */
const text = (value: unknown) => JSON.stringify(value);

describe("peer anonymity", () => {
  it("with two peer answers: no peer mean anywhere, and the result uses self and manager only", async () => {
    const team = await createTeam(["JUNIOR", "JUNIOR", "JUNIOR"]);
    const [am, p1, p2] = team.viewers.am;
    const cycleId = await openTestCycle(team.viewers.hr, [team.branch.id]);
    await answer(am, cycleId, am.id, "SELF", 2);
    await answer(team.viewers.head, cycleId, am.id, "MANAGER", 3);
    const peerForms = await peersAnswer(team.viewers.head, cycleId, am.id, [p1, p2], [1, 5], MARK);
    await closeCycle(team.viewers.hr, cycleId);

    const mine = await getMyCompetencies(am, cycleId);
    for (const row of mine.rows) {
      expect(row.peerMean).toBeNull();
      // (0.2·2 + 0.5·3) / 0.7 = 2.71
      expect(row.result).toBe(2.71);
    }
    expect(mine.peerStatus).toBe("insufficient");
    const branch = await getBranchCompetencies(team.viewers.head, { cycleId });
    const bank = await getBankHeatmap(team.viewers.hr, cycleId);
    // The peers are branch members themselves, so the head's view lists them as people; what it
    // must not do is tie them to the assessee.
    const amRows = [branch!.members.find((m) => m.id === am.id), branch!.progress.find((p) => p.id === am.id)];
    for (const dto of [mine, amRows, bank, await getLatestCompetencyGaps(am, am.id)]) {
      for (const id of [p1.id, p2.id]) expect(text(dto)).not.toContain(id);
    }
    for (const dto of [mine, branch, bank]) {
      expect(text(dto)).not.toContain(MARK);
      for (const id of peerForms) expect(text(dto)).not.toContain(id);
    }
    // JUNIOR requires 2 for 客户导向: gap 2 − 2.71
    expect(branch!.members.find((m) => m.id === am.id)!.gaps.CLIENT_FOCUS).toBe(-0.71);
    // The assessee and the head cannot open a peer's form; only its author can.
    for (const formId of peerForms) {
      expect(await getAssessmentForm(am, formId)).toBeNull();
      expect(await getAssessmentForm(team.viewers.head, formId)).toBeNull();
      expect(await getAssessmentForm(team.viewers.hr, formId)).toBeNull();
    }
    expect((await getAssessmentForm(p1, peerForms[0]))?.answers.CLIENT_FOCUS).toEqual({ level: 1, comment: MARK });
    // Nor does the audit log keep a peer's levels.
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { entityId: peerForms[0], action: "SUBMIT_ASSESSMENT" } });
    expect(text(audit.after)).not.toMatch(/levels|"level"/);
  });

  it("with three answers: only the mean reaches the assessee and the head", async () => {
    const team = await createTeam(["INTERMEDIATE", "JUNIOR", "JUNIOR", "JUNIOR"]);
    const [am, p1, p2, p3] = team.viewers.am;
    const cycleId = await openTestCycle(team.viewers.hr, [team.branch.id]);
    await answer(am, cycleId, am.id, "SELF", 4);
    await answer(team.viewers.head, cycleId, am.id, "MANAGER", 3);
    const peerForms = await peersAnswer(team.viewers.head, cycleId, am.id, [p1, p2, p3], [{ CLIENT_FOCUS: 1 }, { CLIENT_FOCUS: 2 }, { CLIENT_FOCUS: 5 }], MARK);

    const mine = await getMyCompetencies(am, cycleId);
    const row = mine.rows.find((r) => r.code === "CLIENT_FOCUS")!;
    // peer mean 8/3 = 2.67; 0.2·4 + 0.5·3 + 0.3·2.667 = 3.1
    expect(row).toMatchObject({ self: 4, manager: 3, peerMean: 2.67, result: 3.1 });
    expect(mine.peerStatus).toBe("included");
    const branch = await getBranchCompetencies(team.viewers.head, { cycleId });
    expect(branch!.progress.find((p) => p.id === am.id)).toMatchObject({ selfDone: true, managerDone: true, peersNamed: 3, peersAnswered: 3, waitingFor: [] });
    const amRows = [branch!.members.find((m) => m.id === am.id), branch!.progress.find((p) => p.id === am.id)];
    for (const dto of [mine, amRows]) for (const id of [p1.id, p2.id, p3.id]) expect(text(dto)).not.toContain(id);
    for (const dto of [mine, branch, await getBankHeatmap(team.viewers.hr, cycleId)]) {
      expect(text(dto)).not.toContain(MARK);
      for (const id of peerForms) expect(text(dto)).not.toContain(id);
      // No individual peer level for 客户导向 (1 or 5) travels as a number of its own.
      expect(text(dto)).not.toMatch(/"(peers|levels|ratings|answers)"/);
    }
    expect(text(mine)).not.toContain(p1.name);
  });

  it("while the cycle is open, peers count only when every named peer has answered, and no peer joins afterwards", async () => {
    const team = await createTeam(["JUNIOR", "JUNIOR", "JUNIOR", "JUNIOR", "JUNIOR", "JUNIOR"]);
    const [am, p1, p2, p3, p4, p5] = team.viewers.am;
    const cycleId = await openTestCycle(team.viewers.hr, [team.branch.id]);
    await answer(team.viewers.head, cycleId, am.id, "MANAGER", 3);
    await nominatePeers(team.viewers.head, { cycleId, assesseeId: am.id, peerIds: [p1.id, p2.id, p3.id, p4.id] });
    for (const p of [p1, p2, p3]) await answer(p, cycleId, am.id, "PEER", 5);

    let mine = await getMyCompetencies(am, cycleId);
    expect(mine.rows[0]).toMatchObject({ peerMean: null, result: 3 });
    expect(mine.peerStatus).toBe("pending");
    const waiting = (await getBranchCompetencies(team.viewers.head, { cycleId }))!.progress.find((p) => p.id === am.id)!;
    expect(waiting).toMatchObject({ peersNamed: 4, peersAnswered: 3, waitingFor: [team.managers[4].name] });

    await answer(p4, cycleId, am.id, "PEER", 1);
    mine = await getMyCompetencies(am, cycleId);
    // (0.5·3 + 0.3·4) / 0.8 = 3.375 → 3.38
    expect(mine.rows[0]).toMatchObject({ peerMean: 4, result: 3.38 });
    await expect(nominatePeers(team.viewers.hr, { cycleId, assesseeId: am.id, peerIds: [p1.id, p2.id, p3.id, p4.id, p5.id] })).rejects.toThrow(/不能再增加/);
    const p5Forms = await getDb().assessment.count({ where: { cycleId, assessorId: p5.id, source: "PEER" } });
    expect(p5Forms).toBe(0);
  });

  it("after the deadline, three of four answers count", async () => {
    const team = await createTeam(["JUNIOR", "JUNIOR", "JUNIOR", "JUNIOR", "JUNIOR"]);
    const [am, p1, p2, p3, p4] = team.viewers.am;
    const cycleId = await openTestCycle(team.viewers.hr, [team.branch.id]);
    await nominatePeers(team.viewers.head, { cycleId, assesseeId: am.id, peerIds: [p1.id, p2.id, p3.id, p4.id] });
    for (const p of [p1, p2, p3]) await answer(p, cycleId, am.id, "PEER", 4);
    const later = new Date(Date.now() + 30 * 86_400_000);
    const mine = await getMyCompetencies(am, cycleId, later);
    expect(mine.rows.every((r) => r.result === 4 && r.peerMean === 4)).toBe(true);
    // and p4 can no longer answer
    const form = await formOf(cycleId, am.id, "PEER", p4.id);
    await expect(submitAssessment(p4, form.id, answers(1), later)).rejects.toThrow(/截止/);
    expect(COMPETENCY_CODES).toHaveLength(mine.rows.length);
  });
});
