import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { EvaluationInput, ActionPlanInput, FinalScoreInput } from "@/lib/schemas/programme-forms";
import { getEvaluationForm, saveEvaluation } from "@/lib/server/dal/programme-forms/evaluations";
import {
  getActionPlanForm,
  listBranchActionPlans,
  listFollowUpsDue,
  recordFollowUp,
  saveActionPlan,
  scoreActionPlan,
} from "@/lib/server/dal/programme-forms/action-plans";
import { getPhaseReport } from "@/lib/server/dal/programme-forms/report";
import { exportPhaseReport } from "@/lib/server/dal/programme-forms/report-export";
import { createMentorship, getMyMentoring, listMentorships, replyReflection, submitReflection } from "@/lib/server/dal/programme-forms/mentoring";
import { saveAppraisal } from "@/lib/server/dal/appraisal/save";
import { getAppraisalSheet } from "@/lib/server/dal/appraisal/sheet";
import { lockQuarter } from "@/lib/server/dal/appraisal/quarters";
import { createBranch, createTwoBranches, createUser, viewerOf } from "../factories";
import { createAppraisal, createQuarter, uniformValues } from "../factories/appraisal";
import { attend, createPhase, createSession } from "../factories/programme-forms";

const evaluation = (
  sessionId: string,
  intent: "draft" | "submit",
  scores: Partial<Record<"content" | "delivery" | "organisation" | "applicability", string>> = {},
  comments = "",
) => EvaluationInput.parse({ sessionId, intent, content: "", delivery: "", organisation: "", applicability: "", comments, ...scores });
const plan = (phaseId: string, intent: "draft" | "submit", extra: Partial<Record<string, string>> = {}) =>
  ActionPlanInput.parse({
    phaseId,
    intent,
    goals: "三个月内新增 5 户对公客户",
    actions: "每周拜访 3 家园区企业，跟进融资需求",
    deadline: "2026-07-31",
    resources: "支行产品经理支持",
    successMeasure: "新增 5 户有效客户",
    ...extra,
  });

async function setup(feedsQuarter?: string) {
  const { branch, head, otherHead, hr } = await createTwoBranches();
  const present = await createUser({ branchId: branch.id, grade: "TRAINEE", name: "出勤者" });
  const late = await createUser({ branchId: branch.id, grade: "JUNIOR", name: "迟到者" });
  const absent = await createUser({ branchId: branch.id, grade: "TRAINEE", name: "缺勤者" });
  const phase = await createPhase({ feedsQuarter: feedsQuarter ?? null });
  const session = await createSession(phase.id);
  await attend(phase.id, session.id, [
    { userId: present.id, status: "PRESENT" },
    { userId: late.id, status: "LATE" },
    { userId: absent.id, status: "ABSENT" },
  ]);
  return { branch, head, otherHead, hr, present, late, absent, phase, session };
}

describe("培训效果评估表", () => {
  it("only attendees submit; a draft can be changed, a submitted form cannot; nothing is written for a refusal", async () => {
    const { present, late, absent, session } = await setup();
    const p = viewerOf(present);
    const form = await getEvaluationForm(p, session.id);
    expect(form).toMatchObject({ canFill: true, attendance: "PRESENT", evaluation: null, session: { lecturer: "王老师" } });

    const absentForm = await getEvaluationForm(viewerOf(absent), session.id);
    expect(absentForm?.canFill).toBe(false);
    await expect(
      saveEvaluation(viewerOf(absent), evaluation(session.id, "submit", { content: "5", delivery: "5", organisation: "5", applicability: "5" })),
    ).rejects.toThrow("只有参加了这场培训");
    expect(await getDb().evaluation.count({ where: { userId: absent.id } })).toBe(0);

    // Someone with no link to the session does not even see it.
    const stranger = await createUser({ branchId: present.branchId });
    expect(await getEvaluationForm(viewerOf(stranger), session.id)).toBeNull();

    await saveEvaluation(p, evaluation(session.id, "draft", { content: "4" }));
    await saveEvaluation(p, evaluation(session.id, "submit", { content: "5", delivery: "4", organisation: "4", applicability: "3" }, "案例很实用"));
    expect(await getDb().evaluation.findFirst({ where: { userId: present.id } })).toMatchObject({
      status: "SUBMITTED",
      content: 5,
      applicability: 3,
      comments: "案例很实用",
    });
    await expect(saveEvaluation(p, evaluation(session.id, "draft", { content: "1" }))).rejects.toThrow("评估表已提交，不能再修改");
    expect((await getDb().evaluation.findFirst({ where: { userId: present.id } }))!.content).toBe(5);

    await saveEvaluation(viewerOf(late), evaluation(session.id, "submit", { content: "3", delivery: "3", organisation: "3", applicability: "3" }));
    const actions = await getDb().auditLog.findMany({ where: { entity: "Evaluation" }, select: { action: true } });
    expect(actions.map((a) => a.action).sort()).toEqual(["EVALUATION_SAVE_DRAFT", "EVALUATION_SUBMIT", "EVALUATION_SUBMIT"]);
  });

  it("refuses scores outside 1–5 and a submission with an aspect unanswered", () => {
    for (const bad of ["0", "6", "3.5", "好"]) {
      const r = EvaluationInput.safeParse({ sessionId: "s", intent: "draft", content: bad, delivery: "", organisation: "", applicability: "", comments: "" });
      expect(r.success).toBe(false);
    }
    const missing = EvaluationInput.safeParse({
      sessionId: "s",
      intent: "submit",
      content: "5",
      delivery: "5",
      organisation: "5",
      applicability: "",
      comments: "",
    });
    expect(missing.success).toBe(false);
    expect(missing.error!.issues[0]).toMatchObject({ path: ["applicability"], message: "提交前请为此项打分（1–5 分）" });
  });
});

describe("行动计划表 and the branch head's follow-up", () => {
  it("only attendees of the phase submit; submission takes the phase's quarter and is final", async () => {
    const quarter = await createQuarter();
    const { present, absent, phase } = await setup(quarter.quarter);
    await expect(saveActionPlan(viewerOf(absent), plan(phase.id, "submit"))).rejects.toThrow("只有参加了本阶段培训");
    expect(await getDb().actionPlan.count({ where: { userId: absent.id } })).toBe(0);

    const p = viewerOf(present);
    await saveActionPlan(p, plan(phase.id, "draft", { goals: "", actions: "", deadline: "" }));
    expect(await getDb().actionPlan.findFirst({ where: { userId: present.id } })).toMatchObject({ status: "DRAFT", quarter: null });
    const saved = await saveActionPlan(p, plan(phase.id, "submit"));
    expect(saved).toEqual({ submitted: true, quarter: quarter.quarter });
    await expect(saveActionPlan(p, plan(phase.id, "draft"))).rejects.toThrow("行动计划表已提交，不能再修改");
    const form = await getActionPlanForm(p, phase.id);
    expect(form).toMatchObject({ canFill: true, attendedSessions: 1, plan: { status: "SUBMITTED", quarter: quarter.quarter, deadline: "2026-07-31" } });
    expect(ActionPlanInput.safeParse({ phaseId: "x", intent: "submit", goals: "", actions: "", deadline: "", resources: "", successMeasure: "" }).success).toBe(
      false,
    );
  });

  it("follow-ups and the final score: own branch only, 0–100, refused after the lock", async () => {
    const quarter = await createQuarter();
    const { present, head, otherHead, hr, phase } = await setup(quarter.quarter);
    await saveActionPlan(viewerOf(present), plan(phase.id, "submit"));
    const [listed] = (await listBranchActionPlans(head))!;
    expect(listed).toMatchObject({ name: "出勤者", quarter: quarter.quarter, quarterLocked: false, finalScore: null, dueCheckpoints: [] });
    expect(await listBranchActionPlans(otherHead)).toEqual([]);

    await expect(recordFollowUp(otherHead, { actionPlanId: listed.id, checkpoint: 30, status: "ON_TRACK", note: "进展正常" })).rejects.toThrow("不属于您支行");
    await expect(scoreActionPlan(otherHead, { actionPlanId: listed.id, score: 90 })).rejects.toThrow("不属于您支行");
    await expect(scoreActionPlan(hr, { actionPlanId: listed.id, score: 90 })).rejects.toThrow("支行长");
    for (const bad of ["-1", "100.5", "101", "九十", ""]) expect(FinalScoreInput.safeParse({ actionPlanId: listed.id, score: bad }).success).toBe(false);

    await recordFollowUp(head, { actionPlanId: listed.id, checkpoint: 30, status: "AT_RISK", note: "客户拜访数偏少" });
    await recordFollowUp(head, { actionPlanId: listed.id, checkpoint: 30, status: "ON_TRACK", note: "已补上拜访" });
    await scoreActionPlan(head, { actionPlanId: listed.id, score: 88.5 });
    const form = await getActionPlanForm(viewerOf(present), phase.id);
    expect(form!.plan).toMatchObject({ finalScore: 88.5, followUps: [{ checkpoint: 30, status: "ON_TRACK", note: "已补上拜访" }] });

    await lockQuarter(hr, quarter.quarter);
    await expect(scoreActionPlan(head, { actionPlanId: listed.id, score: 60 })).rejects.toThrow("考评已锁定，不能再给行动计划评分");
    expect(Number((await getDb().actionPlan.findUnique({ where: { id: listed.id } }))!.finalScore)).toBe(88.5);
    expect((await listBranchActionPlans(head))![0].quarterLocked).toBe(true);
    const log = await getDb().auditLog.findMany({ where: { entity: "ActionPlan", entityId: listed.id }, orderBy: { id: "asc" } });
    expect(log.map((l) => l.action)).toEqual(["ACTION_PLAN_SUBMIT", "ACTION_PLAN_FOLLOW_UP", "ACTION_PLAN_FOLLOW_UP", "ACTION_PLAN_SCORE"]);
  });

  it("lists follow-ups that have fallen due for the branch head's panel", async () => {
    const { present, head, phase } = await setup();
    await saveActionPlan(viewerOf(present), plan(phase.id, "submit"));
    await getDb().actionPlan.updateMany({ where: { userId: present.id }, data: { submittedAt: new Date("2026-05-01T02:00:00Z") } });
    const due = await listFollowUpsDue(head, "2026-07-01");
    expect(due.map((d) => [d.name, d.checkpoint, d.dueOn])).toEqual([
      ["出勤者", 30, "2026-05-31"],
      ["出勤者", 60, "2026-06-30"],
    ]);
  });
});

describe("the action-plan score in the appraisal", () => {
  it("fills 行动计划跟进评分 of the linked quarter (mean of plans), re-scores a saved rating, and without a plan rescales LEARNING", async () => {
    const quarter = await createQuarter();
    const { present, late, head, phase } = await setup(quarter.quarter);
    // A second phase feeding the same quarter: the indicator takes the mean of both plans.
    const phase2 = await createPhase({ feedsQuarter: quarter.quarter, kind: "GOLDEN_EAGLE_CAMP" });
    const session2 = await createSession(phase2.id, { title: "商务谈判" });
    await attend(phase2.id, session2.id, [{ userId: present.id, status: "PRESENT" }]);

    // Learning values: hours 100, exam 80, everything else at 100.
    const values = { ...uniformValues(100), TRAINING_EXAM: "80", ACTION_PLAN_FOLLOWUP: "0" };
    // No plan yet: the typed 0 is ignored, LEARNING = (0.4×100 + 0.3×80) / 0.7 = 91.43 → 99.25.
    const first = await saveAppraisal(head, {
      quarter: quarter.quarter,
      userId: present.id,
      version: 0,
      mode: "score",
      values,
      reason: "RORAC 按财务报表手工填写",
    });
    expect(first.score).toBe(99.25);
    const stored = await getDb().appraisal.findUnique({ where: { userId_quarter: { userId: present.id, quarter: quarter.quarter } } });
    expect(stored!.values).not.toHaveProperty("ACTION_PLAN_FOLLOWUP");

    await saveActionPlan(viewerOf(present), plan(phase.id, "submit"));
    await saveActionPlan(viewerOf(present), plan(phase2.id, "submit"));
    const plans = (await listBranchActionPlans(head))!.filter((p) => p.userId === present.id);
    const scored = await scoreActionPlan(head, { actionPlanId: plans[0].id, score: 60 });
    expect(scored.rescored).toBe(true);
    // One plan at 60: LEARNING = 40 + 24 + 18 = 82 → 91.2 + 0.088 × 82 = 98.42.
    let row = await getDb().appraisal.findUnique({ where: { userId_quarter: { userId: present.id, quarter: quarter.quarter } } });
    expect(Number(row!.score)).toBe(98.42);
    expect((row!.values as Record<string, number>).ACTION_PLAN_FOLLOWUP).toBe(60);
    await scoreActionPlan(head, { actionPlanId: plans[1].id, score: 81 });
    // Mean 70.5: LEARNING = 40 + 24 + 21.15 = 85.15 → 91.2 + 7.4932 = 98.69.
    row = await getDb().appraisal.findUnique({ where: { userId_quarter: { userId: present.id, quarter: quarter.quarter } } });
    expect(Number(row!.score)).toBe(98.69);
    expect(row!.version).toBe(3);
    const rescores = await getDb().auditLog.count({ where: { action: "APPRAISAL_RESCORE", entityId: `${quarter.quarter}:${present.id}` } });
    expect(rescores).toBe(2);

    // The sheet shows the plan score read-only; a new save cannot override it.
    const sheet = await getAppraisalSheet(head, quarter.quarter);
    expect(sheet!.rows.find((r) => r.userId === present.id)!.actionPlanScore).toBe(70.5);
    expect(sheet!.rows.find((r) => r.userId === late.id)!.actionPlanScore).toBeNull();
    const again = await saveAppraisal(head, {
      quarter: quarter.quarter,
      userId: present.id,
      version: 3,
      mode: "score",
      values: { ...values, ACTION_PLAN_FOLLOWUP: "100" },
      reason: "RORAC 按财务报表手工填写",
    });
    expect(again.score).toBe(98.69);

    // Someone without a plan in the quarter: the indicator is left out.
    const noPlan = await saveAppraisal(head, {
      quarter: quarter.quarter,
      userId: late.id,
      version: 0,
      mode: "score",
      values,
      reason: "RORAC 按财务报表手工填写",
    });
    expect(noPlan.score).toBe(99.25);
  });

  it("a direct rating (no indicator values) is not re-scored when the plan is scored", async () => {
    const quarter = await createQuarter();
    const { late, head, phase } = await setup(quarter.quarter);
    await createAppraisal({ quarter: quarter.quarter, userId: late.id, rating: "GOOD", source: "MANUAL", reason: "病假" });
    await saveActionPlan(viewerOf(late), plan(phase.id, "submit"));
    const [p] = (await listBranchActionPlans(head))!;
    expect((await scoreActionPlan(head, { actionPlanId: p.id, score: 50 })).rescored).toBe(false);
    expect(await getDb().appraisal.findUnique({ where: { userId_quarter: { userId: late.id, quarter: quarter.quarter } } })).toMatchObject({
      rating: "GOOD",
      score: null,
      version: 1,
    });
  });
});

describe("HR's phase report", () => {
  it("computes the numbers of a small hand-checked phase", async () => {
    const before = await createQuarter({ quarter: "2026Q1", status: "LOCKED" }).catch(() => null);
    const after = await createQuarter({ quarter: "2026Q3" }).catch(() => null);
    const { present, late, absent, head, hr, phase, session } = await setup("2026Q3");
    const lecturer = await createUser({ role: "HR", branchId: present.branchId, name: "李讲师" });
    const s2 = await createSession(phase.id, { title: "信贷业务流程", startsAt: "2026-04-14T01:00:00Z", lecturerId: lecturer.id });
    await attend(phase.id, s2.id, [
      { userId: present.id, status: "PRESENT" },
      { userId: late.id, status: "ABSENT" },
    ]);
    // Session 1: 3 seats, 2 attended; session 2: 2 seats, 1 attended → 3 / 5 = 60 %.
    await saveEvaluation(
      viewerOf(present),
      evaluation(session.id, "submit", { content: "5", delivery: "4", organisation: "4", applicability: "3" }, '=HYPERLINK("x")'),
    );
    await saveEvaluation(viewerOf(late), evaluation(session.id, "submit", { content: "3", delivery: "4", organisation: "2", applicability: "3" }));
    await saveEvaluation(
      viewerOf(present),
      evaluation(s2.id, "submit", { content: "4", delivery: "4", organisation: "4", applicability: "4" }, "希望多些案例"),
    );
    await saveActionPlan(viewerOf(present), plan(phase.id, "submit"));
    await saveActionPlan(viewerOf(late), plan(phase.id, "draft"));
    const [p] = (await listBranchActionPlans(head))!;
    await recordFollowUp(head, { actionPlanId: p.id, checkpoint: 30, status: "DONE", note: "已完成" });
    await scoreActionPlan(head, { actionPlanId: p.id, score: 90 });
    // Ratings: before (2026Q1) present 优秀 (score 110), late 合格; after (2026Q3) present 良好 100.
    if (before) {
      await createAppraisal({ quarter: "2026Q1", userId: present.id, rating: "EXCELLENT", score: 110 });
      await createAppraisal({ quarter: "2026Q1", userId: late.id, rating: "QUALIFIED" });
      await createAppraisal({ quarter: "2026Q1", userId: absent.id, rating: "UNQUALIFIED" });
    }
    if (after) await createAppraisal({ quarter: "2026Q3", userId: present.id, rating: "GOOD", score: 100 });

    expect(await getPhaseReport(head, phase.programmeId, phase.id)).toBeNull();
    expect(await getPhaseReport(hr, "another", phase.id)).toBeNull();
    const r = (await getPhaseReport(hr, phase.programmeId, phase.id))!;
    expect(r.participants).toBe(3);
    expect(r.attendees).toBe(2);
    expect([r.expectedAttendance, r.attendedCount, r.attendanceRate]).toEqual([5, 3, 0.6]);
    expect(
      r.sessions.map((s) => [s.title, s.lecturer, s.seats, s.attended, s.evaluations, s.content, s.delivery, s.organisation, s.applicability, s.overall]),
    ).toEqual([
      ["对公产品知识", "王老师", 3, 2, 2, 4, 4, 3, 3, 3.5],
      ["信贷业务流程", "李讲师", 2, 1, 1, 4, 4, 4, 4, 4],
    ]);
    expect(r.lecturers.map((l) => [l.lecturer, l.sessions, l.evaluations, l.overall])).toEqual([
      ["李讲师", 1, 1, 4],
      ["王老师", 1, 2, 3.5],
    ]);
    expect(r.comments.map((c) => c.comment)).toEqual(['=HYPERLINK("x")', "希望多些案例"]);
    // 1 of 2 attendees submitted; that plan was followed up and scored.
    expect(r.plans).toEqual({
      submitted: 1,
      submissionRate: 0.5,
      followedUp: 1,
      followUpRate: 1,
      byCheckpoint: { 30: 1, 60: 0, 90: 0 },
      scored: 1,
      meanFinalScore: 90,
    });
    // Effect: attendees only (the absent person is left out); Q1 = before, Q3 = after.
    if (before && after) {
      expect(r.effect.before).toEqual({ quarter: "2026Q1", rated: 2, scored: 1, meanScore: 110, meanLevel: 4 });
      expect(r.effect.after).toEqual({ quarter: "2026Q3", rated: 1, scored: 1, meanScore: 100, meanLevel: 4 });
    }

    const exported = (await exportPhaseReport(hr, phase.programmeId, phase.id))!;
    const comments = await readTableSheet(exported.file, "学员意见");
    expect(comments).toContain('\'=HYPERLINK("x")');
    expect(await exportPhaseReport(head, phase.programmeId, phase.id)).toBeNull();
  });
});

async function readTableSheet(file: Buffer, name: string): Promise<string[]> {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet(name)!;
  const out: string[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => out.push(String(cell.value))));
  return out;
}

describe("mentoring", () => {
  it("HR pairs a 见习 with an eligible mentor; the mentee writes monthly, the mentor replies, overdue months are flagged", async () => {
    const branch = await createBranch();
    const hr = viewerOf(await createUser({ role: "HR", branchId: branch.id }));
    const mentee = await createUser({ branchId: branch.id, grade: "TRAINEE", name: "新人" });
    const junior = await createUser({ branchId: branch.id, grade: "JUNIOR" });
    const senior = await createUser({ branchId: branch.id, grade: "SENIOR", name: "老将" });
    const intermediate = await createUser({ branchId: branch.id, grade: "INTERMEDIATE" });

    const input = (menteeNo: string, mentorNo: string, startsOn = "2026-08-10") => ({ menteeNo, mentorNo, startsOn, endsOn: null, note: null });
    await expect(createMentorship(hr, input(junior.employeeNo, senior.employeeNo))).rejects.toMatchObject({
      fieldErrors: { menteeNo: [expect.stringContaining("不是在职的见习")] },
    });
    await expect(createMentorship(hr, input(mentee.employeeNo, intermediate.employeeNo))).rejects.toMatchObject({
      fieldErrors: { mentorNo: [expect.stringContaining("不能担任导师")] },
    });
    await expect(createMentorship(viewerOf(senior), input(mentee.employeeNo, senior.employeeNo))).rejects.toThrow("没有权限");
    await createMentorship(hr, input(mentee.employeeNo, senior.employeeNo));
    await expect(createMentorship(hr, input(mentee.employeeNo, senior.employeeNo, "2026-09-01"))).rejects.toThrow("已有导师");

    const [pair] = (await getMyMentoring(viewerOf(mentee), "2026-11-30")).asMentee;
    // August, September are due (Sep 5th, Oct 5th) before 30 Nov; October's due date 5 Nov too.
    expect(pair.overdueMonths).toEqual(["2026-08", "2026-09", "2026-10"]);
    await expect(submitReflection(viewerOf(mentee), { mentorshipId: pair.id, month: "2026-07", body: "七月的心得体会写在这里" }, "2026-11-30")).rejects.toThrow(
      "不在导师结对期间",
    );
    await expect(
      submitReflection(viewerOf(mentee), { mentorshipId: pair.id, month: "2026-12", body: "十二月的心得体会写在这里" }, "2026-11-30"),
    ).rejects.toThrow("不能提前提交");
    await expect(submitReflection(viewerOf(senior), { mentorshipId: pair.id, month: "2026-09", body: "不是学员本人提交的心得" }, "2026-11-30")).rejects.toThrow(
      "不是其中的学员",
    );
    await submitReflection(viewerOf(mentee), { mentorshipId: pair.id, month: "2026-09", body: "九月跟随导师走访了三家企业" }, "2026-11-30");
    await expect(submitReflection(viewerOf(mentee), { mentorshipId: pair.id, month: "2026-09", body: "九月的心得再交一次试试" }, "2026-11-30")).rejects.toThrow(
      "已经提交过",
    );

    const asMentor = (await getMyMentoring(viewerOf(senior), "2026-11-30")).asMentor[0];
    expect(asMentor.overdueMonths).toEqual(["2026-08", "2026-10"]);
    await expect(replyReflection(viewerOf(mentee), { reflectionId: asMentor.reflections[0].id, reply: "自己回复自己" })).rejects.toThrow("不是该学员的导师");
    await replyReflection(viewerOf(senior), { reflectionId: asMentor.reflections[0].id, reply: "很好，继续保持" });
    await expect(replyReflection(viewerOf(senior), { reflectionId: asMentor.reflections[0].id, reply: "再回复一次" })).rejects.toThrow("已经回复过");

    const all = (await listMentorships(hr, "2026-11-30"))!;
    expect(all.find((m) => m.id === pair.id)).toMatchObject({
      mentor: { name: "老将", roleLabel: "高级对公客户经理" },
      overdueMonths: ["2026-08", "2026-10"],
      reflections: [{ month: "2026-09", reply: "很好，继续保持" }],
    });
    expect(await listMentorships(viewerOf(senior))).toBeNull();
    const audit = await getDb().auditLog.findMany({ where: { action: { in: ["MENTORSHIP_CREATE", "REFLECTION_SUBMIT", "REFLECTION_REPLY"] } } });
    expect(audit.length).toBeGreaterThanOrEqual(3);
  });
});
