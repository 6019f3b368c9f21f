import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { versionedCache } from "@/lib/server/cache";
import { getMyPanels, getMyProfile } from "@/lib/server/dal/dashboard/me";
import { listTeam } from "@/lib/server/dal/dashboard/branch";
import { nineBox, programmeProgress } from "@/lib/server/dal/dashboard/hr";
import { teamLearning } from "@/lib/server/dal/courses/reports";
import { getMyCompetencies } from "@/lib/server/dal/competencies/results";
import { seedCourses } from "../../prisma/seed/courses";
import { isoToDate } from "@/lib/domain/dates";
import { createBranch, createUser, viewerOf } from "../factories";
import { hrViewer, quarters, rate } from "../factories/review";
import { answer, ensureModel, openTestCycle } from "../factories/competencies";

// The dashboards' caches (lib/server/cache.ts) keyed by data versions: after each write the next
// read shows it — never a stale page — and a cached answer equals a fresh computation.

const db = () => getDb();
const TODAY = "2026-06-01";

/** The same call with every cache of `names` emptied first. */
async function fresh<T>(names: string[], call: () => Promise<T>): Promise<T> {
  for (const name of names) versionedCache(name, 1).clear();
  return call();
}

beforeAll(async () => {
  if ((await db().course.count()) === 0) await seedCourses(db());
});

describe("the account manager's cached home", () => {
  it("follows a course, a rating, a renamed person and an action-plan follow-up", async () => {
    const branch = await createBranch("我的首页缓存支行");
    const am = await createUser({ branchId: branch.id, grade: "JUNIOR", roleStartDate: "2024-01-01", name: "首页缓存甲" });
    const me = viewerOf(am);
    await quarters("LOCKED", "2031Q1");
    const course = await db().course.findFirstOrThrow({ where: { required: true, tier: "FOUNDATION", status: "ACTIVE" } });

    expect((await getMyPanels(me, TODAY)).dueCourses).toEqual([]);
    const enrolment = await db().enrolment.create({
      data: { userId: am.id, courseId: course.id, status: "ASSIGNED", origin: "REQUIRED", dueDate: isoToDate("2026-05-01") },
    });
    expect((await getMyPanels(me, TODAY)).dueCourses).toMatchObject([{ enrolmentId: enrolment.id, title: course.title, overdue: true }]);

    await db().enrolment.update({ where: { id: enrolment.id }, data: { status: "COMPLETED", completedOn: isoToDate("2026-05-20"), hours: course.hours } });
    const afterCourse = await getMyPanels(me, TODAY);
    expect(afterCourse.dueCourses).toEqual([]);
    expect(afterCourse.timeline.map((e) => e.text)).toContain(`完成课程“${course.title}”`);

    await rate(am.id, { "2031Q1": "EXCELLENT" });
    expect((await getMyPanels(me, TODAY)).timeline.map((e) => e.text)).toContain("2031年第一季度考评优秀");

    expect((await getMyProfile(me, TODAY))!.profile.name).toBe("首页缓存甲");
    await db().user.update({ where: { id: am.id }, data: { name: "首页缓存乙" } });
    expect((await getMyProfile(me, TODAY))!.profile.name).toBe("首页缓存乙");

    // The programme's tables bump their own version: a follow-up shows on my action plan.
    const year = await db().programmeYear.create({ data: { year: 2091, name: "缓存测试培养年度" } });
    const phase = await db().phase.create({
      data: {
        programmeId: year.id,
        kind: "EAGLET_CAMP",
        name: "缓存测试雏鹰训练营",
        startsOn: isoToDate("2026-03-01"),
        endsOn: isoToDate("2026-03-31"),
        grades: ["JUNIOR"],
      },
    });
    const plan = await db().actionPlan.create({
      data: { phaseId: phase.id, userId: am.id, goals: "三个月内新增两家客户", actions: "每周拜访两家", status: "SUBMITTED" },
    });
    expect((await getMyPanels(me, TODAY)).plans).toMatchObject([{ id: plan.id, lastFollowUp: null }]);
    await db().actionPlanFollowUp.create({ data: { actionPlanId: plan.id, checkpoint: 30, status: "AT_RISK", note: "进度落后" } });
    expect((await getMyPanels(me, TODAY)).plans).toMatchObject([{ id: plan.id, lastFollowUp: { status: "AT_RISK", note: "进度落后" } }]);

    const cached = { panels: await getMyPanels(me, TODAY), profile: await getMyProfile(me, TODAY) };
    expect(cached).toEqual(await fresh(["my-home"], async () => ({ panels: await getMyPanels(me, TODAY), profile: await getMyProfile(me, TODAY) })));
  });

  it("shows a competency answer at once and equals a fresh computation", async () => {
    await ensureModel();
    const hr = await hrViewer();
    const branch = await createBranch("我的能力缓存支行");
    const head = await createUser({ role: "BRANCH_HEAD", branchId: branch.id });
    const am = await createUser({ branchId: branch.id, grade: "INTERMEDIATE", roleStartDate: "2020-01-01" });
    const me = viewerOf(am);
    const cycleId = await openTestCycle(hr, [branch.id]);
    const before = await getMyCompetencies(me);
    expect(before.pending.map((f) => f.source)).toContain("SELF");
    expect(before.rows.every((r) => r.self === null)).toBe(true);

    await answer(me, cycleId, am.id, "SELF", 4);
    const after = await getMyCompetencies(me);
    expect(after.pending.map((f) => f.source)).not.toContain("SELF");
    expect(after.rows.every((r) => r.self === 4)).toBe(true);
    await answer(viewerOf(head), cycleId, am.id, "MANAGER", 2);
    const withManager = await getMyCompetencies(me);
    expect(withManager.rows.every((r) => r.manager === 2)).toBe(true);
    expect(withManager).toEqual(await fresh(["my-competencies", "my-cycles-and-forms"], () => getMyCompetencies(me)));
  });

  it("stops listing a form as due once its deadline has passed, with no write in between", async () => {
    await ensureModel();
    const hr = await hrViewer();
    const branch = await createBranch("我的待办截止支行");
    const am = await createUser({ branchId: branch.id, grade: "JUNIOR", roleStartDate: "2022-01-01" });
    const me = viewerOf(am);
    const cycleId = await openTestCycle(hr, [branch.id]);
    const { deadline } = await db().assessmentCycle.findUniqueOrThrow({ where: { id: cycleId }, select: { deadline: true } });
    const now = new Date();
    const due = await getMyCompetencies(me, undefined, now);
    expect(due.pending.map((f) => f.source)).toEqual(["SELF"]);
    expect(due.cycles.find((c) => c.id === cycleId)).toBeDefined();
    // The same answer up to the deadline itself (kept, not read again)…
    expect((await getMyCompetencies(me, undefined, deadline)).pending.map((f) => f.source)).toEqual(["SELF"]);
    // …and none a moment after it: the cached list knew when it stops holding.
    const after = await getMyCompetencies(me, undefined, new Date(deadline.getTime() + 1));
    expect(after.pending).toEqual([]);
    // Back before the deadline (another caller's clock): the form is due again.
    expect((await getMyCompetencies(me, undefined, now)).pending.map((f) => f.source)).toEqual(["SELF"]);
  });
});

describe("the branch head's cached team", () => {
  it("follows a rating, a new member and an overdue course", async () => {
    const branch = await createBranch("团队缓存支行");
    const head = viewerOf(await createUser({ role: "BRANCH_HEAD", branchId: branch.id }));
    const a = await createUser({ branchId: branch.id, grade: "JUNIOR", roleStartDate: "2023-01-01" });
    await quarters("LOCKED", "2032Q1");

    const ratingOf = async (userId: string) =>
      (await listTeam(head, TODAY)).find((m) => m.id === userId)!.ratings.find((r) => r.quarter === "2032Q1")?.rating ?? null;
    expect(await ratingOf(a.id)).toBeNull();
    await rate(a.id, { "2032Q1": "GOOD" });
    expect(await ratingOf(a.id)).toBe("GOOD");

    expect((await listTeam(head, TODAY)).map((m) => m.id)).toEqual([a.id]);
    const b = await createUser({ branchId: branch.id, grade: "TRAINEE", roleStartDate: "2026-01-01" });
    expect((await listTeam(head, TODAY)).map((m) => m.id).sort()).toEqual([a.id, b.id].sort());

    const course = await db().course.findFirstOrThrow({ where: { required: true, tier: "FOUNDATION", status: "ACTIVE" } });
    expect((await teamLearning(head, TODAY)).find((p) => p.userId === a.id)!.overdue).toBe(0);
    await db().enrolment.create({ data: { userId: a.id, courseId: course.id, status: "ASSIGNED", origin: "REQUIRED", dueDate: isoToDate("2026-05-01") } });
    expect((await teamLearning(head, TODAY)).find((p) => p.userId === a.id)!.overdue).toBe(1);

    expect(await listTeam(head, TODAY)).toEqual(await fresh(["branch-team"], () => listTeam(head, TODAY)));
    expect(await teamLearning(head, TODAY)).toEqual(await fresh(["team-learning"], () => teamLearning(head, TODAY)));
  });
});

describe("HR's cached panels", () => {
  it("the 9-box and the programme progress follow writes and equal a fresh computation", async () => {
    const hr = await hrViewer();
    const branch = await createBranch("九宫格缓存支行");
    const box = () => nineBox(hr, { cycle: null, branchId: branch.id });
    expect((await box()).placed + (await box()).unplaced).toBe(0);
    await createUser({ branchId: branch.id, grade: "JUNIOR", roleStartDate: "2023-01-01" });
    expect((await box()).placed + (await box()).unplaced).toBe(1);
    expect(await box()).toEqual(await fresh(["hr-nine-box"], box));

    const progress = await programmeProgress(hr);
    const year = await db().programmeYear.create({ data: { year: 2099, name: "九九年度" } });
    expect(progress?.year).not.toBe(2099);
    expect(await programmeProgress(hr)).toMatchObject({ year: 2099, phases: [] });
    await db().phase.create({
      data: {
        programmeId: year.id,
        kind: "EAGLET_CAMP",
        name: "九九雏鹰",
        startsOn: isoToDate("2099-03-01"),
        endsOn: isoToDate("2099-03-31"),
        grades: ["JUNIOR"],
      },
    });
    expect(await programmeProgress(hr)).toMatchObject({ year: 2099, phases: [{ name: "九九雏鹰", participants: 0 }] });
    expect(await programmeProgress(hr)).toEqual(await fresh(["hr-programme"], () => programmeProgress(hr)));
  });
});
