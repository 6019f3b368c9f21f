// Demo data after the phases (issue 8, part B): evaluation forms and action plans of the 雏鹰 and
// 金鹰 attendees, the branch heads' follow-ups and final scores (which feed the Q2/Q3 appraisal's
// 行动计划跟进评分), and a few mentoring pairs with some months overdue. Runs after the programme
// seed and reads the sessions and attendance it wrote, so it works with whatever that seed planned.
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { Prisma } from "../../lib/generated/prisma/client";
import { dateToIso, isoToDate, type IsoDate } from "../../lib/domain/dates";
import { reflectionDueOn } from "../../lib/domain/programme";
import { createRandom } from "./random";
import { auditRow } from "../../lib/server/audit-row";

// Left without forms for the end-to-end flow (tests/e2e/programme-year.spec.ts): the demo bank is
// generated relative to today, and which of them attended the 金鹰训练营 changes with the month.
export const E2E_RESERVED_PEOPLE = new Set(["demo-am-00004", "demo-am-00010"]);

const DAY = 86_400_000;
const at10 = (iso: IsoDate) => new Date(`${iso}T02:00:00Z`); // 10:00 in Asia/Shanghai
const addDays = (iso: IsoDate, n: number) => dateToIso(new Date(isoToDate(iso).getTime() + n * DAY));

const COMMENTS = [
  "案例贴近一线，回去就能用。",
  "希望增加实操演练的时间。",
  "讲师经验丰富，讲解清楚。",
  "课程节奏稍快，资料可以提前发。",
  "分组讨论很有收获，建议多安排同业交流。",
  "场地和后勤安排周到。",
];

const GOALS = [
  "三个月内新增 5 户有效对公结算客户",
  "提升授信调查报告质量，首次审批通过率达到 90% 以上",
  "梳理重点园区企业名单，完成 20 户上门拜访",
  "掌握供应链金融产品，落地 2 笔票据或保理业务",
  "把商务谈判技巧用于续贷客户，提升中间业务收入 10%",
];
const ACTIONS = [
  "每周固定两个半天外出拜访，拜访后当天录入客户信息并跟进需求。",
  "每笔授信调查前按清单核对隐形负债、银行流水和财务报表，交叉验证后再提交。",
  "与产品经理一起制定园区走访计划，每月复盘一次进展。",
  "向上下游核心企业推荐票据池和保理方案，每月至少提交一份方案。",
  "续贷前准备谈判要点，联合支行长拜访企业财务负责人。",
];
const MEASURES = ["新增客户数和日均存款", "首次审批通过率", "拜访记录和转化户数", "落地业务笔数和金额", "中间业务收入增长"];
const FOLLOW_NOTES: Record<"ON_TRACK" | "AT_RISK" | "OFF_TRACK" | "DONE", string> = {
  ON_TRACK: "按计划推进，拜访和记录都比较完整。",
  AT_RISK: "本月客户拜访数偏少，已提醒调整时间安排。",
  OFF_TRACK: "进度明显落后，约定下周一起梳理客户名单。",
  DONE: "目标已达成，继续保持。",
};
const REFLECTIONS = [
  "本月跟随导师走访了三家制造业客户，学会了先了解企业的采购和销售链条再谈融资。",
  "这个月独立完成了第一份授信调查报告，导师指出了现金流分析的不足，下月重点补上。",
  "参加了支行的客户沙龙，体会到提前准备客户行业资料的重要性。",
  "本月把拜访记录整理成客户档案，发现几户企业有结算需求，已约好下月再访。",
];
const REPLIES = ["写得很具体，下月试着把客户需求按五类整理。", "进步明显，授信报告注意交叉验证财务数据。", "很好，保持每周复盘的习惯。"];

export async function seedDemoProgrammeForms(db: PrismaClient, { today }: { today: IsoDate }) {
  const random = createRandom(20260801);
  const phases = await db.phase.findMany({
    where: { kind: { in: ["EAGLET_CAMP", "GOLDEN_EAGLE_CAMP"] }, endsOn: { lt: isoToDate(today) } },
    include: { sessions: { include: { attendance: { where: { status: { in: ["PRESENT", "LATE"] } } } }, orderBy: { startsAt: "asc" } } },
    orderBy: { startsOn: "asc" },
  });
  const heads = await db.user.findMany({
    where: { role: "BRANCH_HEAD", status: "ACTIVE" },
    orderBy: { employeeNo: "asc" },
    select: { id: true, branchId: true },
  });
  const headOf = new Map<string, string>();
  for (const h of heads) if (!headOf.has(h.branchId)) headOf.set(h.branchId, h.id);
  const people = new Map(
    (await db.user.findMany({ where: { role: { in: ["ACCOUNT_MANAGER", "ASSISTANT"] } }, select: { id: true, branchId: true } })).map((u) => [
      u.id,
      u.branchId,
    ]),
  );
  const locked = new Set((await db.appraisalQuarter.findMany({ where: { status: "LOCKED" }, select: { quarter: true } })).map((q) => q.quarter));

  const evaluations: Prisma.EvaluationCreateManyInput[] = [];
  const plans: Prisma.ActionPlanCreateManyInput[] = [];
  const followUps: Prisma.ActionPlanFollowUpCreateManyInput[] = [];
  const score = () =>
    random.weighted([
      [5, 4],
      [4, 5],
      [3, 2],
      [2, 0.4],
    ] as const);

  for (const phase of phases) {
    const endsOn = dateToIso(phase.endsOn);
    const attendees = new Set<string>();
    for (const session of phase.sessions) {
      for (const a of session.attendance) {
        if (E2E_RESERVED_PEOPLE.has(a.userId)) continue;
        attendees.add(a.userId);
        const roll = random.next();
        if (roll > 0.9) continue; // never opened the form
        const draft = roll > 0.85;
        evaluations.push({
          sessionId: session.id,
          userId: a.userId,
          content: score(),
          delivery: score(),
          organisation: score(),
          applicability: draft ? null : score(),
          comments: random.next() < 0.3 ? random.pick(COMMENTS) : null,
          status: draft ? "DRAFT" : "SUBMITTED",
          submittedAt: draft ? null : new Date(session.endsAt.getTime() + random.int(1, 48) * 3600_000),
        });
      }
    }
    for (const userId of [...attendees].sort()) {
      const roll = random.next();
      if (roll > 0.92) continue; // no plan
      const k = random.int(0, GOALS.length - 1);
      if (roll > 0.85) {
        plans.push({ id: `demo-plan-${phase.kind}-${userId}`, phaseId: phase.id, userId, goals: GOALS[k], actions: "", status: "DRAFT" });
        continue;
      }
      const submittedOn = addDays(endsOn, random.int(1, 7));
      const planId = `demo-plan-${phase.kind}-${userId}`;
      const branchHead = headOf.get(people.get(userId) ?? "") ?? null;
      const quarterLocked = phase.feedsQuarter ? locked.has(phase.feedsQuarter) : false;
      let lastStatus: keyof typeof FOLLOW_NOTES = "ON_TRACK";
      for (const checkpoint of [30, 60, 90]) {
        const due = addDays(submittedOn, checkpoint);
        if (due > today || random.next() > (quarterLocked ? 0.95 : 0.8)) continue;
        lastStatus =
          checkpoint === 90
            ? random.weighted([
                ["DONE", 5],
                ["ON_TRACK", 2],
                ["AT_RISK", 1],
              ] as const)
            : random.weighted([
                ["ON_TRACK", 6],
                ["AT_RISK", 2],
                ["OFF_TRACK", 1],
              ] as const);
        followUps.push({
          actionPlanId: planId,
          checkpoint,
          status: lastStatus,
          note: FOLLOW_NOTES[lastStatus],
          recordedById: branchHead,
          recordedAt: at10(addDays(due, random.int(0, 4))),
        });
      }
      const scored = random.next() < (quarterLocked ? 0.95 : 0.65);
      const finalScore = scored ? (lastStatus === "DONE" ? random.int(85, 98) : lastStatus === "OFF_TRACK" ? random.int(55, 72) : random.int(70, 92)) : null;
      const scoredOn = addDays(submittedOn, 92);
      plans.push({
        id: planId,
        phaseId: phase.id,
        userId,
        goals: GOALS[k],
        actions: ACTIONS[k],
        deadline: isoToDate(addDays(submittedOn, 90)),
        resources: random.next() < 0.6 ? "需要支行产品经理和授信审批岗的支持" : null,
        successMeasure: MEASURES[k],
        status: "SUBMITTED",
        submittedAt: at10(submittedOn),
        quarter: phase.feedsQuarter,
        finalScore,
        scoredById: finalScore !== null ? branchHead : null,
        scoredAt: finalScore !== null ? at10(scoredOn < today ? scoredOn : today) : null,
      });
    }
  }

  // Mentoring: 见习 account managers with a 高级/资深 colleague of their branch (or the branch head)
  // as mentor, since five months ago; most months written and answered, a few overdue.
  const trainees = await db.$queryRaw<{ id: string; branchId: string }[]>`
    SELECT u.id, u."branchId" FROM "User" u JOIN "CurrentGrade" cg ON cg."userId" = u.id
    WHERE u.role = 'ACCOUNT_MANAGER' AND u.status = 'ACTIVE' AND cg.grade = 'TRAINEE' ORDER BY u."employeeNo" LIMIT 4`;
  const seniors = await db.$queryRaw<{ id: string; branchId: string }[]>`
    SELECT u.id, u."branchId" FROM "User" u JOIN "CurrentGrade" cg ON cg."userId" = u.id
    WHERE u.role = 'ACCOUNT_MANAGER' AND u.status = 'ACTIVE' AND cg.grade IN ('SENIOR', 'PRINCIPAL') ORDER BY u."employeeNo"`;
  const mentorships: Prisma.MentorshipCreateManyInput[] = [];
  const reflections: Prisma.ReflectionCreateManyInput[] = [];
  const [ty, tm] = today.split("-").map(Number);
  const startMonth = new Date(Date.UTC(ty, tm - 1 - 5, 1));
  trainees.forEach((t, i) => {
    const mentor =
      i % 2 === 1 ? headOf.get(t.branchId) : (seniors.find((s) => s.branchId === t.branchId && !E2E_RESERVED_PEOPLE.has(s.id))?.id ?? headOf.get(t.branchId));
    if (!mentor) return;
    const id = `demo-mentorship-${i + 1}`;
    const startsOn = dateToIso(new Date(startMonth.getTime() + (i + 2) * DAY));
    mentorships.push({
      id,
      menteeId: t.id,
      mentorId: mentor,
      startsOn: isoToDate(startsOn),
      note: i === 0 ? "重点带教授信调查" : null,
      createdById: "demo-hr-1",
    });
    let y = Number(startsOn.slice(0, 4));
    let m = Number(startsOn.slice(5, 7));
    for (let n = 0; n < 6; n++) {
      const month = `${y}-${String(m).padStart(2, "0")}`;
      const due = reflectionDueOn(month);
      // Pair 1 misses its two latest due months, pair 3 one month in the middle; the rest is on time.
      const missed = (i === 0 && n >= 3) || (i === 2 && n === 2);
      if (due <= today && !missed) {
        const submitted = at10(addDays(due, -random.int(1, 6)));
        const replied = n < 4 || random.next() < 0.5;
        reflections.push({
          mentorshipId: id,
          month,
          body: REFLECTIONS[(i + n) % REFLECTIONS.length],
          submittedAt: submitted,
          reply: replied ? REPLIES[(i + n) % REPLIES.length] : null,
          repliedAt: replied ? new Date(submitted.getTime() + 2 * DAY) : null,
        });
      }
      m += 1;
      if (m > 12) {
        m = 1;
        y += 1;
      }
    }
  });

  await db.$transaction(async (tx) => {
    await tx.evaluation.createMany({ data: evaluations });
    await tx.actionPlan.createMany({ data: plans });
    await tx.actionPlanFollowUp.createMany({ data: followUps });
    await tx.mentorship.createMany({ data: mentorships });
    await tx.reflection.createMany({ data: reflections });
    await tx.auditLog.create({
      data: {
        ...auditRow(null, "SEED_DEMO", "System", "programme-forms"),
        after: {
          evaluations: evaluations.length,
          actionPlans: plans.length,
          followUps: followUps.length,
          mentorships: mentorships.length,
          reflections: reflections.length,
        },
      },
    });
  });
  return { evaluations: evaluations.length, actionPlans: plans.length, followUps: followUps.length, mentorships: mentorships.length };
}
