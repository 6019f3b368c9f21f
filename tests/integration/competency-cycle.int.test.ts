import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { closeCycle, listCycles, openCycle } from "@/lib/server/dal/competencies/cycles";
import { getPeerNomination, nominatePeers } from "@/lib/server/dal/competencies/peers";
import { getAssessmentForm, listPendingForms, submitAssessment } from "@/lib/server/dal/competencies/assessments";
import { getMyCompetencies } from "@/lib/server/dal/competencies/results";
import { COMMENT_REQUIRED_MESSAGE } from "@/lib/domain/competency";
import { createUser, viewerOf } from "../factories";
import { answer, answers, createTeam, ensureModel, formOf, inDays, openTestCycle, peersAnswer } from "../factories/competencies";

beforeAll(async () => {
  await ensureModel();
});

describe("a cycle from opening to closing", () => {
  it("opens with a self and a manager form per account manager, takes answers, and closes", async () => {
    const team = await createTeam(["INTERMEDIATE", "JUNIOR", "SENIOR", "TRAINEE"]);
    const [am, a2, a3, a4] = team.viewers.am;
    const assistant = await createUser({ role: "ASSISTANT", branchId: team.branch.id });
    const cycleId = await openTestCycle(team.viewers.hr, [team.branch.id]);

    const forms = await getDb().assessment.findMany({ where: { cycleId } });
    expect(
      forms
        .filter((f) => f.source === "SELF")
        .map((f) => f.assesseeId)
        .sort(),
    ).toEqual(team.managers.map((m) => m.id).sort());
    expect(forms.filter((f) => f.source === "MANAGER").every((f) => f.assessorId === team.head.id)).toBe(true);
    expect(forms.some((f) => f.assesseeId === assistant.id)).toBe(false);
    const opened = await getDb().auditLog.findFirstOrThrow({ where: { entityId: cycleId, action: "OPEN_ASSESSMENT_CYCLE" } });
    expect(opened.actorId).toBe(team.hr.id);

    // The account manager sees their own form pending, the head their four manager forms.
    expect((await listPendingForms(am)).map((f) => f.source)).toEqual(["SELF"]);
    expect((await listPendingForms(team.viewers.head)).filter((f) => f.source === "MANAGER")).toHaveLength(4);

    await answer(am, cycleId, am.id, "SELF", 3);
    await answer(team.viewers.head, cycleId, am.id, "MANAGER", 4);
    await peersAnswer(team.viewers.head, cycleId, am.id, [a2, a3, a4], [2, 3, 4]);
    expect(await listPendingForms(am)).toEqual([]);

    const mine = await getMyCompetencies(am, cycleId);
    // 0.2·3 + 0.5·4 + 0.3·3 = 3.5; INTERMEDIATE requires 3 (专业知识 4), SENIOR 4
    expect(mine.rows[0]).toMatchObject({
      code: "CLIENT_FOCUS",
      self: 3,
      manager: 4,
      peerMean: 3,
      result: 3.5,
      required: 3,
      gap: -0.5,
      nextRequired: 4,
      nextGap: 0.5,
    });
    expect(mine.rows.find((r) => r.code === "PRODUCT_EXPERTISE")).toMatchObject({ required: 4, gap: 0.5 });
    expect(mine.peerStatus).toBe("included");

    await closeCycle(team.viewers.hr, cycleId);
    const [listed] = (await listCycles(team.viewers.hr)).filter((c) => c.id === cycleId);
    expect(listed).toMatchObject({ status: "CLOSED", acceptingAnswers: false, participants: 4 });
    await expect(closeCycle(team.viewers.hr, cycleId)).rejects.toThrow("该评估周期已经关闭");
    const self2 = await formOf(cycleId, a2.id, "SELF");
    await expect(submitAssessment(a2, self2.id, answers(3))).rejects.toThrow("评估周期已关闭，不能再提交");
    expect(await listPendingForms(a2)).toEqual([]);
  });

  it("refuses a past deadline, bad weights' sum left to the schema, an empty branch and a branch already in an open cycle", async () => {
    const team = await createTeam(["JUNIOR"]);
    const hr = team.viewers.hr;
    await expect(openTestCycle(hr, [team.branch.id], { deadline: inDays(-1) })).rejects.toThrow("截止日期不能早于今天");
    const emptyBranch = await getDb().branch.create({ data: { code: `E${Date.now()}`, name: "空支行" } });
    await expect(openTestCycle(hr, [emptyBranch.id])).rejects.toThrow("没有在职的对公客户经理");
    expect(await getDb().assessmentCycle.count({ where: { branches: { some: { branchId: emptyBranch.id } } } })).toBe(0);
    await openTestCycle(hr, [team.branch.id], { name: "重复名称" });
    await expect(openTestCycle(hr, [team.branch.id], { name: "另一个" })).rejects.toThrow(/已在进行中的评估周期「重复名称」中/);
    await expect(openTestCycle(hr, [emptyBranch.id], { name: "重复名称" })).rejects.toThrow("已有同名的评估周期");
    await expect(
      openCycle(team.viewers.head, { name: "x", branchIds: [team.branch.id], deadline: inDays(3), weightSelf: 0.2, weightManager: 0.5, weightPeer: 0.3 }),
    ).rejects.toThrow("没有权限");
  });
});

describe("who may answer what, and when", () => {
  it("refuses answers after the deadline even while the cycle is still open", async () => {
    const team = await createTeam(["JUNIOR"]);
    const [am] = team.viewers.am;
    const cycleId = await openTestCycle(team.viewers.hr, [team.branch.id], { deadline: inDays(0) });
    const form = await formOf(cycleId, am.id, "SELF");
    const tomorrow = new Date(Date.now() + 2 * 86_400_000);
    await expect(submitAssessment(am, form.id, answers(2), tomorrow)).rejects.toThrow(/截止，不能再提交/);
    expect(await listPendingForms(am, {}, tomorrow)).toEqual([]);
    await submitAssessment(am, form.id, answers(2));
    expect((await getDb().assessment.findUniqueOrThrow({ where: { id: form.id } })).submittedAt).not.toBeNull();
  });

  it("lets nobody answer someone else's form, a head outside their branch or a peer about themselves", async () => {
    const team = await createTeam(["JUNIOR", "JUNIOR", "JUNIOR"]);
    const other = await createTeam(["JUNIOR"]);
    const [am, colleague] = team.viewers.am;
    const cycleId = await openTestCycle(team.viewers.hr, [team.branch.id, other.branch.id]);

    const self = await formOf(cycleId, am.id, "SELF");
    await expect(submitAssessment(colleague, self.id, answers(3))).rejects.toThrow("找不到这份评估表，或您不是它的评估人");
    await expect(submitAssessment(other.viewers.head, self.id, answers(3))).rejects.toThrow("找不到这份评估表");
    expect(await getAssessmentForm(colleague, self.id)).toBeNull();
    expect(await getAssessmentForm(team.viewers.hr, self.id)).toBeNull();

    // A manager form whose assessee has moved to another branch is out of the head's scope.
    const manager = await formOf(cycleId, colleague.id, "MANAGER");
    await getDb().user.update({ where: { id: colleague.id }, data: { branchId: other.branch.id } });
    await expect(submitAssessment(team.viewers.head, manager.id, answers(3))).rejects.toThrow("被评估人不在您的管辖范围内");
    expect(await getAssessmentForm(team.viewers.head, manager.id)).toBeNull();

    // A peer row about oneself is never created by the app (and the SELF row's unique key stands
    // in the way for participants); for someone who joined after the opening, submission refuses it.
    const newcomer = await createUser({ branchId: team.branch.id, grade: "TRAINEE" });
    const bogus = await getDb().assessment.create({ data: { cycleId, assesseeId: newcomer.id, assessorId: newcomer.id, source: "PEER" } });
    await expect(submitAssessment(viewerOf(newcomer), bogus.id, answers(2))).rejects.toThrow("不能以同事身份评价自己");
    expect(await getAssessmentForm(viewerOf(newcomer), bogus.id)).toBeNull();
  });

  it("refuses to name the assessee as their own peer, a stranger, or too few or many peers", async () => {
    const team = await createTeam(["JUNIOR", "JUNIOR", "JUNIOR", "JUNIOR", "JUNIOR", "JUNIOR", "JUNIOR"]);
    const other = await createTeam(["JUNIOR"]);
    const [am, ...rest] = team.viewers.am;
    const cycleId = await openTestCycle(team.viewers.hr, [team.branch.id, other.branch.id]);
    const head = team.viewers.head;
    await expect(nominatePeers(head, { cycleId, assesseeId: am.id, peerIds: [am.id, rest[0].id, rest[1].id] })).rejects.toThrow(
      "不能将被评估人本人列为同事评估人",
    );
    await expect(nominatePeers(head, { cycleId, assesseeId: am.id, peerIds: [other.managers[0].id, rest[0].id] })).rejects.toThrow("所在机构的在职客户经理");
    await expect(nominatePeers(head, { cycleId, assesseeId: am.id, peerIds: rest.map((r) => r.id) })).rejects.toThrow("2–5 名");
    // Another branch's head cannot name peers here; HR can.
    await expect(nominatePeers(other.viewers.head, { cycleId, assesseeId: am.id, peerIds: [rest[0].id, rest[1].id] })).rejects.toThrow("不在您的管辖范围内");
    expect(await getPeerNomination(other.viewers.head, cycleId, am.id)).toBeNull();
    expect(await nominatePeers(team.viewers.hr, { cycleId, assesseeId: am.id, peerIds: [rest[0].id, rest[1].id, rest[2].id] })).toEqual({
      added: 3,
      removed: 0,
    });
    const view = await getPeerNomination(head, cycleId, am.id);
    expect(view?.candidates.map((c) => c.id)).not.toContain(am.id);
    expect(
      view?.candidates
        .filter((c) => c.named)
        .map((c) => c.id)
        .sort(),
    ).toEqual([rest[0].id, rest[1].id, rest[2].id].sort());
    // Swap an unanswered peer; once one has answered they stay.
    await answer(rest[0], cycleId, am.id, "PEER", 3);
    await expect(nominatePeers(head, { cycleId, assesseeId: am.id, peerIds: [rest[1].id, rest[2].id, rest[3].id] })).rejects.toThrow(
      "已提交评价的同事不能移除",
    );
    expect(await nominatePeers(head, { cycleId, assesseeId: am.id, peerIds: [rest[0].id, rest[2].id, rest[3].id] })).toEqual({ added: 1, removed: 1 });
    expect(await getDb().assessment.count({ where: { cycleId, assesseeId: am.id, source: "PEER", assessorId: rest[1].id } })).toBe(0);
    const audit = await getDb().auditLog.findMany({ where: { entityId: am.id, action: "NOMINATE_PEERS" } });
    expect(audit).toHaveLength(2);
  });

  it("wants a comment two levels from the requirement, in range levels, and one submission only", async () => {
    const team = await createTeam(["SENIOR"]);
    const [am] = team.viewers.am;
    const cycleId = await openTestCycle(team.viewers.hr, [team.branch.id]);
    const form = await formOf(cycleId, am.id, "SELF");
    // SENIOR requires 4 everywhere except 自我驱动 (3): a 2 needs a comment, a 6 is no level.
    const levels = answers(4, "").map((a) => (a.code === "CLIENT_FOCUS" ? { ...a, level: 2 } : a.code === "TEAMWORK" ? { ...a, level: 6 } : a));
    const refusal = await submitAssessment(am, form.id, levels).catch((e) => e);
    expect(refusal.message).toBe("请检查标红的评分和评语");
    expect(refusal.fieldErrors).toEqual({ "comment.CLIENT_FOCUS": [COMMENT_REQUIRED_MESSAGE], "level.TEAMWORK": ["评分须为 1–5 的整数"] });
    expect(await getDb().assessmentRating.count({ where: { assessmentId: form.id } })).toBe(0);

    const fixed = levels.map((a) => (a.code === "CLIENT_FOCUS" ? { ...a, comment: "仍依赖他人维护重点客户" } : a.code === "TEAMWORK" ? { ...a, level: 4 } : a));
    await submitAssessment(am, form.id, fixed);
    const stored = await getDb().assessmentRating.findMany({ where: { assessmentId: form.id } });
    expect(stored).toHaveLength(9);
    const clientFocus = await getDb().competency.findFirstOrThrow({ where: { code: "CLIENT_FOCUS", model: { isCurrent: true } } });
    expect(stored.find((r) => r.competencyId === clientFocus.id)).toMatchObject({ level: 2, comment: "仍依赖他人维护重点客户" });
    await expect(submitAssessment(am, form.id, fixed)).rejects.toThrow("已经提交，不能重复提交或修改");
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { entityId: form.id, action: "SUBMIT_ASSESSMENT" } });
    expect((audit.after as { levels: Record<string, number> }).levels.CLIENT_FOCUS).toBe(2);
    // The submitted form reads back, for its assessor only.
    expect((await getAssessmentForm(am, form.id))?.answers.CLIENT_FOCUS).toEqual({ level: 2, comment: "仍依赖他人维护重点客户" });
  });
});
