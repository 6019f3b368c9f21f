import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { COMPETENCY_CODES, DEFAULT_REQUIRED_LEVELS } from "@/lib/domain/competency";
import { listCycleOptions, newInRole, nineBox, ratingDistributionByBranch, ratingProgressByBranch, hrTodos } from "@/lib/server/dal/dashboard/hr";
import { listTeam, waitingForHead } from "@/lib/server/dal/dashboard/branch";
import { myTimeline } from "@/lib/server/dal/dashboard/me";
import { getBankHeatmap } from "@/lib/server/dal/competencies/results";
import { nominatePeers } from "@/lib/server/dal/competencies/peers";
import { isoToDate } from "@/lib/domain/dates";
import { createBranch, createUser, viewerOf } from "../factories";
import { createAppraisal, createQuarter, createTemplate } from "../factories/appraisal";
import { answer, createTeam, ensureModel, openTestCycle } from "../factories/competencies";

// Each panel's numbers against a small bank built here and counted by hand. The quarters are far
// in the future so they are the bank's latest in this file's private database.
const Q1 = "2101Q1";
const Q2 = "2101Q2";
const OPEN = "2101Q3";

beforeAll(async () => {
  await ensureModel();
  const template = await createTemplate();
  await createQuarter({ quarter: Q1, status: "LOCKED", templateId: template.id });
  await createQuarter({ quarter: Q2, status: "LOCKED", templateId: template.id });
  await createQuarter({ quarter: OPEN, status: "OPEN", templateId: template.id });
});

describe("HR: the 9-box", () => {
  it("puts each person in the cell their last two locked ratings and competency mean give, and lists the names of a cell", async () => {
    const team = await createTeam(["JUNIOR", "JUNIOR", "INTERMEDIATE"]);
    const [star, steady, unrated] = team.managers;
    const hr = team.viewers.hr;
    // star: 优秀, 优秀 → performance 5 (高); steady: 良好, 合格 → 3.5 (中); unrated: no rating.
    await createAppraisal({ quarter: Q1, userId: star.id, rating: "EXCELLENT" });
    await createAppraisal({ quarter: Q2, userId: star.id, rating: "EXCELLENT" });
    await createAppraisal({ quarter: Q1, userId: steady.id, rating: "GOOD" });
    await createAppraisal({ quarter: Q2, userId: steady.id, rating: "QUALIFIED" });
    const cycleId = await openTestCycle(hr, [team.branch.id]);
    // star: self 5 and manager 5 → result 5 everywhere, above a 初级 requirement (高).
    await answer(team.viewers.am[0], cycleId, star.id, "SELF", 5);
    await answer(team.viewers.head, cycleId, star.id, "MANAGER", 5);
    // steady: 1 everywhere → mean of (1 − 初级 requirement) is below −0.5 (低).
    await answer(team.viewers.am[1], cycleId, steady.id, "SELF", 1);
    await answer(team.viewers.head, cycleId, steady.id, "MANAGER", 1);
    // unrated has a result but no rating: not placed.
    await answer(team.viewers.am[2], cycleId, unrated.id, "SELF", 3);

    const steadyMean = COMPETENCY_CODES.reduce((s, c) => s + (1 - DEFAULT_REQUIRED_LEVELS[c].JUNIOR), 0) / COMPETENCY_CODES.length;
    expect(steadyMean).toBeLessThan(-0.5);

    const { cycles } = await listCycleOptions(hr);
    const cycle = cycles.find((c) => c.id === cycleId)!;
    const box = await nineBox(hr, { cycle, branchId: team.branch.id, cell: "HIGH-HIGH" });
    expect(box.quarters).toEqual([Q1, Q2]);
    expect(box.counts["HIGH-HIGH"]).toBe(1);
    expect(box.counts["MID-LOW"]).toBe(1);
    expect(Object.values(box.counts).reduce((s, n) => s + n, 0)).toBe(2);
    expect(box.placed).toBe(2);
    expect(box.unplaced).toBe(1);
    expect(box.members.map((m) => m.name)).toEqual([star.name]);
    expect(box.membersTotal).toBe(1);
    expect(box.members[0].ratings).toEqual(["EXCELLENT", "EXCELLENT"]);

    // A branch head or an account manager never gets HR's 9-box.
    await expect(nineBox(team.viewers.head, { cycle, branchId: team.branch.id })).rejects.toThrow();
  });

  it("places someone as soon as their answers are in, though the competency axis is cached", async () => {
    const team = await createTeam(["JUNIOR"]);
    const [late] = team.managers;
    const hr = team.viewers.hr;
    await createAppraisal({ quarter: Q1, userId: late.id, rating: "GOOD" });
    await createAppraisal({ quarter: Q2, userId: late.id, rating: "QUALIFIED" });
    const cycleId = await openTestCycle(hr, [team.branch.id]);
    const { cycles } = await listCycleOptions(hr);
    const cycle = cycles.find((c) => c.id === cycleId)!;
    // Computed (and cached) before any answer: not placed.
    const before = await nineBox(hr, { cycle, branchId: team.branch.id });
    expect(before.placed).toBe(0);
    expect(before.unplaced).toBe(1);
    // Self and manager answer 5 everywhere: above every 初级 requirement → 绩效中 (3.5), 能力高.
    await answer(team.viewers.am[0], cycleId, late.id, "SELF", 5);
    await answer(team.viewers.head, cycleId, late.id, "MANAGER", 5);
    const after = await nineBox(hr, { cycle, branchId: team.branch.id, cell: "MID-HIGH" });
    expect(after.placed).toBe(1);
    expect(after.counts["MID-HIGH"]).toBe(1);
    expect(after.members.map((m) => m.name)).toEqual([late.name]);
    expect(after.members[0].above).toBeGreaterThan(0);
  });
});

describe("HR: rating progress, distribution, new-in-role share, to-dos", () => {
  it("counts the open quarter's progress and a locked quarter's ratings per branch", async () => {
    const branch = await createBranch();
    const hrUser = await createUser({ role: "HR", branchId: branch.id });
    const a = await createUser({ branchId: branch.id, grade: "JUNIOR", roleStartDate: "2020-01-01" });
    const b = await createUser({ branchId: branch.id, grade: "JUNIOR", roleStartDate: "2020-01-01" });
    await createUser({ branchId: branch.id, grade: "SENIOR", roleStartDate: "2020-01-01" });
    await createAppraisal({ quarter: OPEN, userId: a.id, rating: "GOOD" });
    await createAppraisal({ quarter: Q2, userId: a.id, rating: "EXCELLENT" });
    await createAppraisal({ quarter: Q2, userId: b.id, rating: "EXCELLENT" });
    const hr = viewerOf(hrUser);
    const progress = (await ratingProgressByBranch(hr, OPEN)).find((r) => r.branchId === branch.id);
    expect(progress).toMatchObject({ rated: 1, total: 3 });
    const dist = (await ratingDistributionByBranch(hr, Q2)).find((r) => r.branchId === branch.id)!;
    expect(dist.total).toBe(2);
    expect(dist.counts).toEqual({ EXCELLENT: 2, GOOD: 0, QUALIFIED: 0, BASIC: 0, UNQUALIFIED: 0 });
  });

  it("counts account managers under twelve whole months in role and flags a branch above one third", async () => {
    const branch = await createBranch();
    const hrUser = await createUser({ role: "HR", branchId: branch.id });
    await createUser({ branchId: branch.id, roleStartDate: "2026-01-01" }); // 11 months on 2026-12-01
    await createUser({ branchId: branch.id, roleStartDate: "2025-12-02" }); // 11 months
    await createUser({ branchId: branch.id, roleStartDate: "2025-12-01" }); // exactly 12: not new
    await createUser({ role: "ASSISTANT", branchId: branch.id, roleStartDate: "2026-06-01" }); // not an account manager
    const gone = await createUser({ branchId: branch.id, roleStartDate: "2026-06-01" });
    await getDb().user.update({ where: { id: gone.id }, data: { status: "EXITED", exitedAt: new Date() } });
    const view = await newInRole(viewerOf(hrUser), "2026-12-01");
    const row = view.branches.find((b) => b.branchId === branch.id)!;
    expect(row).toMatchObject({ newInRole: 2, total: 3, alert: true });
    expect(row.share).toBeCloseTo(2 / 3);
  });

  it("lists people waiting for 定级, the finished open quarter, the pending review and overdue cycles", async () => {
    const team = await createTeam(["JUNIOR"]);
    await createUser({ branchId: team.branch.id, roleStartDate: "2026-01-01" }); // no grade
    const overdue = await openTestCycle(team.viewers.hr, [team.branch.id], { name: "过期周期" });
    await getDb().assessmentCycle.update({ where: { id: overdue }, data: { deadline: new Date(Date.now() - 86_400_000) } });
    // "Today" after the open quarter's end, so it is due for locking.
    const todos = await hrTodos(team.viewers.hr, "2101-10-02");
    const kinds = todos.map((t) => t.kind);
    expect(kinds).toContain("GRADING");
    const ungraded = await getDb().$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "User" u LEFT JOIN "CurrentGrade" g ON g."userId" = u.id WHERE u.role = 'ACCOUNT_MANAGER' AND u.status = 'ACTIVE' AND g.grade IS NULL`;
    expect(todos.find((t) => t.kind === "GRADING")).toMatchObject({ count: Number(ungraded[0].n) });
    expect(todos).toContainEqual({ kind: "LOCK_QUARTER", quarter: OPEN, href: `/hr/appraisal/${OPEN}` });
    expect(todos).toContainEqual({ kind: "REVIEW", quarter: Q2, href: `/hr/review/${Q2}` });
    expect(todos.filter((t) => t.kind === "CLOSE_CYCLE").map((t) => (t as { name: string }).name)).toContain("过期周期");
    // Before the quarter ends there is nothing to lock.
    expect((await hrTodos(team.viewers.hr, "2101-08-01")).some((t) => t.kind === "LOCK_QUARTER")).toBe(false);
  });
});

describe("Branch head: the waiting list and the roster flags", () => {
  it("counts ratings, manager forms, peer nominations, follow-ups and reflections of their own branch only", async () => {
    const team = await createTeam(["JUNIOR", "JUNIOR", "INTERMEDIATE", "SENIOR"]);
    const other = await createTeam(["JUNIOR"]);
    const [m0, m1, m2, m3] = team.managers;
    await createAppraisal({ quarter: OPEN, userId: m0.id, rating: "GOOD" });
    const cycleId = await openTestCycle(team.viewers.hr, [team.branch.id, other.branch.id], { name: "待办周期" });
    await answer(team.viewers.head, cycleId, m0.id, "MANAGER", 3);
    await nominatePeers(team.viewers.head, { cycleId, assesseeId: m0.id, peerIds: [m1.id, m2.id, m3.id] });
    // A submitted action plan with no follow-up, and a reflection without a reply.
    const db = getDb();
    const year = await db.programmeYear.create({ data: { year: 2101, name: "2101年度培养计划" } });
    const phase = await db.phase.create({
      data: {
        programmeId: year.id,
        kind: "EAGLET_CAMP",
        name: "雏鹰训练营",
        startsOn: isoToDate("2101-03-01"),
        endsOn: isoToDate("2101-03-10"),
        status: "RUNNING",
      },
    });
    await db.actionPlan.create({ data: { phaseId: phase.id, userId: m0.id, goals: "目标", actions: "行动", status: "SUBMITTED", submittedAt: new Date() } });
    const mentorship = await db.mentorship.create({ data: { menteeId: m1.id, mentorId: team.head.id, startsOn: isoToDate("2101-01-01") } });
    await db.reflection.create({ data: { mentorshipId: mentorship.id, month: "2101-02", body: "心得" } });

    const items = await waitingForHead(team.viewers.head);
    expect(items).toEqual([
      { kind: "RATINGS", quarter: OPEN, count: 3, href: `/branch/appraisal/${OPEN}?status=UNRATED` },
      { kind: "MANAGER_ASSESSMENTS", cycleName: "待办周期", count: 3, href: "/branch/competencies" },
      { kind: "PEER_NOMINATIONS", cycleName: "待办周期", count: 3, href: "/branch/competencies" },
      { kind: "FOLLOW_UPS", count: 1, href: "/branch/action-plans" },
      { kind: "REFLECTIONS", count: 1, href: "/mentoring" },
    ]);
    // The other branch's head sees their own one person, nothing of this branch.
    const theirs = await waitingForHead(other.viewers.head);
    expect(theirs.find((i) => i.kind === "RATINGS")).toMatchObject({ count: 1 });
    expect(theirs.some((i) => i.kind === "FOLLOW_UPS" || i.kind === "REFLECTIONS")).toBe(false);
    await expect(waitingForHead(team.viewers.hr)).rejects.toThrow();
  });

  it("flags by the rule engine: a pending demotion, a next-quarter risk and a promotion candidate", async () => {
    const team = await createTeam(["JUNIOR", "JUNIOR", "JUNIOR", "JUNIOR"]);
    const [demoted, risk, candidate, fine] = team.managers;
    // Q2 is locked with no committed review: two 基本合格 are already a demotion.
    await createAppraisal({ quarter: Q1, userId: demoted.id, rating: "BASIC" });
    await createAppraisal({ quarter: Q2, userId: demoted.id, rating: "BASIC" });
    await createAppraisal({ quarter: Q2, userId: risk.id, rating: "BASIC" });
    await createAppraisal({ quarter: Q1, userId: candidate.id, rating: "GOOD" });
    await createAppraisal({ quarter: Q2, userId: candidate.id, rating: "EXCELLENT" });
    await createAppraisal({ quarter: Q2, userId: fine.id, rating: "GOOD" });
    const team2 = await listTeam(team.viewers.head, "2101-08-01");
    const kind = (id: string) => team2.find((m) => m.id === id)!.outlook;
    expect(kind(demoted.id)).toMatchObject({ kind: "PENDING", quarter: Q2, decision: { outcome: "DEMOTE", to: "TRAINEE" } });
    expect(kind(risk.id)).toMatchObject({ kind: "RISK", quarter: OPEN, decision: { outcome: "DEMOTE" } });
    expect(kind(candidate.id)).toMatchObject({ kind: "CANDIDATE", quarter: OPEN, decision: { to: "INTERMEDIATE" } });
    expect(kind(fine.id)).toEqual({ kind: "NONE" });
    // Chips carry the last locked quarters, oldest first.
    expect(team2.find((m) => m.id === candidate.id)!.ratings.slice(-2)).toEqual([
      { quarter: Q1, rating: "GOOD" },
      { quarter: Q2, rating: "EXCELLENT" },
    ]);
  });
});

describe("Bank heatmap: 已评 counts people with a result", () => {
  it("does not count someone whose only answers are two peers (below the anonymity threshold)", async () => {
    const team = await createTeam(["JUNIOR", "JUNIOR", "JUNIOR"]);
    const [a, b, c] = team.managers;
    const cycleId = await openTestCycle(team.viewers.hr, [team.branch.id]);
    await answer(team.viewers.am[0], cycleId, a.id, "SELF", 3);
    await nominatePeers(team.viewers.head, { cycleId, assesseeId: b.id, peerIds: [a.id, c.id] });
    await answer(team.viewers.am[0], cycleId, b.id, "PEER", 4);
    await answer(team.viewers.am[2], cycleId, b.id, "PEER", 4);
    const view = await getBankHeatmap(team.viewers.hr, cycleId);
    const row = view!.branches.find((r) => r.branchId === team.branch.id)!;
    expect(row.participants).toBe(3);
    expect(row.assessed).toBe(1);
  });
});

describe("Account manager: timeline", () => {
  it("lists my start, grade, locked ratings and certifications, newest first", async () => {
    const branch = await createBranch();
    const me = await createUser({ branchId: branch.id, grade: "JUNIOR", roleStartDate: "2100-01-05", gradedOn: "2100-03-01" });
    await createAppraisal({ quarter: Q2, userId: me.id, rating: "EXCELLENT" });
    await createAppraisal({ quarter: OPEN, userId: me.id, rating: "GOOD" }); // open: not history yet
    await getDb().certification.create({ data: { userId: me.id, code: "PROBATION", passedOn: isoToDate("2100-06-30") } });
    const events = await myTimeline(viewerOf(me));
    expect(events.map((e) => e.text)).toEqual(["2101年第二季度考评优秀", "通过见习期考核", "定级为初级", "开始任职"]);
  });
});

describe("Certification names", () => {
  it("HR names a code; profiles show the name, never the code; the change is audited; others are refused", async () => {
    const { saveCertificationName, listCertificationNames, nameOfCertification, getCertificationNames } = await import("@/lib/server/dal/certification-names");
    const { getProfileForViewer } = await import("@/lib/server/dal/people");
    const team = await createTeam(["SENIOR"]);
    const [am] = team.managers;
    await getDb().certification.create({ data: { userId: am.id, code: "WEALTH_A", passedOn: isoToDate("2026-01-10") } });
    expect((await listCertificationNames(team.viewers.hr)).find((r) => r.code === "WEALTH_A")).toEqual({ code: "WEALTH_A", name: null, holders: 1 });
    expect(nameOfCertification(new Map(), "WEALTH_A")).toBe("未命名的认证");
    await saveCertificationName(team.viewers.hr, { code: "WEALTH_A", name: "财富管理资格（A类）" });
    const profile = await getProfileForViewer(team.viewers.hr, am.id);
    expect(profile!.certifications.map((c) => c.name)).toEqual(["财富管理资格（A类）"]);
    const log = await getDb().auditLog.findFirstOrThrow({ where: { entity: "CertificationType", entityId: "WEALTH_A" } });
    expect(log.after).toEqual({ name: "财富管理资格（A类）" });
    await expect(saveCertificationName(team.viewers.head, { code: "WEALTH_A", name: "改名" })).rejects.toThrow();
    // The migration names the domain's own code.
    expect((await getCertificationNames()).get("PROBATION")).toBe("见习期考核");
  });
});
