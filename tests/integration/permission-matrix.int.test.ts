// The permission matrix: every exported server action × {HR, branch head, account manager,
// assistant, exited, signed out} × {target in scope, target out of scope}, called as the browser
// would (a FormData), against real rows. Allowed or refused exactly as the permission table and the
// scope rule say, and a refused call writes nothing. The route handlers go through the same roles.
//
// Adding an action: export it from lib/actions/*.ts via defineFormAction and add a case to CASES
// below — the first test fails until you do.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import fc from "fast-check";

// Outside Next.js: the viewer comes from the test (the DB row is still re-read, as in production),
// revalidation is a no-op and a redirect is a recognisable throw.
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/server/auth/viewer", async () => {
  const { getDb } = await import("@/lib/server/db");
  const getViewer = async () => {
    if (!session.userId) return null;
    const user = await getDb().user.findUnique({ where: { id: session.userId }, include: { branch: { select: { name: true } } } });
    if (!user || user.status !== "ACTIVE") return null;
    return { id: user.id, name: user.name, employeeNo: user.employeeNo, role: user.role, branchId: user.branchId, branchName: user.branch.name };
  };
  return {
    getViewer,
    requireViewer: async () => {
      const viewer = await getViewer();
      if (!viewer) throw new Error("NEXT_REDIRECT:/login");
      return viewer;
    },
    homeFor: () => "/",
  };
});
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
// The session page builds its check-in link from the request's host; changing a password clears cookies.
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "eagle.test", "x-forwarded-proto": "https" }),
  cookies: async () => ({ get: () => undefined, delete: () => undefined, set: () => undefined }),
}));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error(`NEXT_REDIRECT:${to}`), { redirectTo: to });
  },
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
}));

import { getDb } from "@/lib/server/db";
import { can, PERMISSIONS, type Permission } from "@/lib/server/auth/permissions";
import { seedCourses } from "@/prisma/seed/courses";
import { createBranch, createUser } from "../factories";
import { createQuarter, uniqueQuarter } from "../factories/appraisal";
import { roracImportHeaders } from "@/lib/domain/rorac-lines";
import { ensureModel, inDays, openTestCycle, formOf } from "../factories/competencies";
import { quarters } from "../factories/review";
import { attend, createPhase, createSession } from "../factories/programme-forms";
import { addJudge } from "@/lib/server/dal/contest/judges";
import { createContest } from "@/lib/server/dal/contest/setup";
import type { ActionState } from "@/lib/actions/state";
import type { Role } from "@/lib/domain/grades";
import { COMPETENCY_CODES } from "@/lib/domain/competency";

const db = getDb();

type User = Awaited<ReturnType<typeof createUser>>;
type Who = "HR" | "BRANCH_HEAD" | "ACCOUNT_MANAGER" | "ASSISTANT" | "EXITED" | "SIGNED_OUT";
const WHO: Who[] = ["HR", "BRANCH_HEAD", "ACCOUNT_MANAGER", "ASSISTANT", "EXITED", "SIGNED_OUT"];
type Where = "in scope" | "out of scope";
const WHERE: Where[] = ["in scope", "out of scope"];

interface World {
  branchA: string;
  branchB: string;
  hr: User;
  headA: User;
  amA: User[];
  asA: User;
  exited: User;
  amB: User[];
  headB: User;
}
let world: World;

/** The person a call is about: the viewer's own record (account manager, assistant), someone of their branch, or someone elsewhere. */
function targetFor(who: Who, where: Where): User {
  if (where === "out of scope") return world.amB[0];
  if (who === "ACCOUNT_MANAGER") return world.amA[0];
  if (who === "ASSISTANT") return world.asA;
  return world.amA[1];
}
function viewerFor(who: Who): User | null {
  return { HR: world.hr, BRANCH_HEAD: world.headA, ACCOUNT_MANAGER: world.amA[0], ASSISTANT: world.asA, EXITED: world.exited, SIGNED_OUT: null }[who];
}

interface Ctx {
  who: Who;
  viewer: User | null;
  /** The person the call is about. */
  target: User;
  /** Someone else of the target's branch (for peers). */
  colleagues: User[];
}
type Fields = Record<string, string | string[] | File>;
interface Case {
  /** The call is about a person, so a branch head or a learner may only reach their own scope. */
  scoped?: boolean;
  /** The form built is valid: an allowed call must succeed (not merely pass the guard). */
  valid?: boolean;
  form: (ctx: Ctx) => Promise<Fields>;
}

/** The names found in the app and those the matrix lists are the same: what either side lacks is named. */
function expectSameNames(found: string[], listed: string[], [unlisted, unfound]: [string, string]) {
  expect(
    found.filter((name) => !listed.includes(name)),
    unlisted,
  ).toEqual([]);
  expect(
    listed.filter((name) => !found.includes(name)),
    unfound,
  ).toEqual([]);
}

/** Form fields left empty. */
const blank = (...names: string[]) => Object.fromEntries(names.map((n) => [n, ""]));
const csv = (name: string, lines: string[]) => new File([`\uFEFF${lines.join("\n")}\n`], name, { type: "text/csv" });
const modelFields = async (): Promise<Fields> => {
  const model = await db.competencyModel.findFirstOrThrow({ where: { isCurrent: true }, include: { competencies: { include: { requirements: true } } } });
  const fields: Fields = { baseVersion: String(model.version), note: "矩阵测试" };
  const stamp = Math.random().toString(36).slice(2, 8);
  for (const c of model.competencies) {
    fields[`name.${c.code}`] = c.name;
    fields[`definition.${c.code}`] = `${c.definition.slice(0, 480)}（${stamp}）`;
    const indicators = c.indicators as string[][];
    for (let level = 1; level <= 5; level++) fields[`indicators.${c.code}.${level}`] = (indicators[level - 1] ?? ["行为表现"]).join("\n");
    for (const r of c.requirements) fields[`req.${c.code}.${r.grade}`] = String(r.level);
  }
  return fields;
};
let courseNo = 0;
async function course(required = false) {
  courseNo += 1;
  return db.course.create({
    data: {
      code: `F-SKI-${String(50 + (courseNo % 49)).padStart(2, "0")}-${courseNo}`.slice(0, 16),
      title: `矩阵课程${courseNo}`,
      description: "矩阵测试用的课程介绍",
      tier: "FOUNDATION",
      category: "SKILLS",
      delivery: "ONLINE",
      hours: 4,
      competencies: [COMPETENCY_CODES[0]],
      required,
    },
  });
}
async function lockedReviewQuarter() {
  const quarter = uniqueQuarter(4);
  await quarters("LOCKED", quarter);
  return quarter;
}

/** One case per exported action; the key is the export's name. */
const CASES: Record<string, Case> = {
  // appraisal
  saveAppraisalAction: {
    scoped: true,
    valid: true,
    form: async ({ target }) => {
      const q = await createQuarter();
      return { quarter: q.quarter, userId: target.id, version: "0", mode: "rating", rating: "GOOD", reason: "矩阵测试直接评级" };
    },
  },
  saveRoracAction: {
    scoped: true,
    valid: true,
    form: async ({ target }) => ({
      quarter: (await createQuarter()).quarter,
      userId: target.id,
      target: "300",
      "line.0.name": "存款",
      "line.0.stock.income": "100",
      "line.0.stock.directCost": "10",
      "line.0.stock.managementCost": "0",
      "line.0.stock.fixedCost": "0",
      "line.0.stock.riskCost": "0",
      "line.0.stock.tax": "0",
      "line.0.stockAgeYears": "1",
    }),
  },
  lockQuarterAction: { valid: true, form: async () => ({ quarter: (await createQuarter()).quarter }) },
  // Valid only right after the last quarter ends, which the test calendar does not reach: the guard is what counts.
  openNextQuarterAction: { form: async () => ({}) },
  saveTemplateAction: {
    form: async () => ({
      baseVersion: "1",
      name: "矩阵",
      "weight.0": "1",
      "band.EXCELLENT": "90",
      "band.GOOD": "80",
      "band.QUALIFIED": "60",
      "band.BASIC": "40",
    }),
  },
  importAppraisalsAction: {
    valid: true,
    form: async ({ target }) => ({
      quarter: (await createQuarter()).quarter,
      commit: "0",
      file: csv("考评.csv", ["工号,姓名,评级,说明", `${target.employeeNo},${target.name},良好,矩阵测试`]),
    }),
  },
  importRoracAction: {
    valid: true,
    form: async ({ target }) => ({
      quarter: (await createQuarter()).quarter,
      commit: "0",
      file: csv("条线.csv", [
        roracImportHeaders().join(","),
        [target.employeeNo, target.name, "存款", "100", "0", "0", "0", "0", "0", "", "", "", "", "", "", "1", "300"].join(","),
      ]),
    }),
  },
  // certifications
  recordCertificationAction: { valid: true, form: async ({ target }) => ({ employeeNo: target.employeeNo, code: "PROBATION", passedOn: "2026-01-05" }) },
  saveCertificationNameAction: { valid: true, form: async () => ({ code: "CREDIT_L1", name: "信贷业务一级认证" }) },
  importCertificationsAction: {
    valid: true,
    form: async ({ target }) => ({
      mode: "dry-run",
      file: csv("认证.csv", ["工号,认证代码,通过日期,有效期至,成绩", `${target.employeeNo},CREDIT_L1,2026-02-01,,88`]),
    }),
  },
  // competencies
  saveCompetencyModelAction: { valid: true, form: modelFields },
  openCycleAction: {
    valid: true,
    form: async () => ({
      name: `矩阵周期${Math.random().toString(36).slice(2, 7)}`,
      branchIds: [await freshBranch()],
      deadline: inDays(20),
      weightSelf: "0.2",
      weightManager: "0.5",
      weightPeer: "0.3",
    }),
  },
  closeCycleAction: { valid: true, form: async () => ({ cycleId: await openTestCycle(hrViewer(), [await freshBranch()]) }) },
  nominatePeersAction: {
    scoped: true,
    valid: true,
    form: async ({ target, colleagues }) => ({ cycleId: sharedCycle, assesseeId: target.id, peerIds: colleagues.slice(0, 2).map((c) => c.id) }),
  },
  submitAssessmentAction: {
    scoped: true,
    valid: true,
    form: async ({ who, target }) => {
      // In scope: the viewer's own form (a head's MANAGER form, an account manager's SELF form); out: someone else's.
      const assessee = target.role === "ASSISTANT" ? world.amA[0] : target;
      const form = await formOf(sharedCycle, assessee.id, who === "BRANCH_HEAD" ? "MANAGER" : "SELF");
      await db.assessmentRating.deleteMany({ where: { assessmentId: form.id } });
      await db.assessment.update({ where: { id: form.id }, data: { submittedAt: null } });
      const fields: Fields = { assessmentId: form.id };
      for (const code of COMPETENCY_CODES) {
        fields[`level.${code}`] = "3";
        fields[`comment.${code}`] = "矩阵测试评语";
      }
      return fields;
    },
  },
  // courses
  enrolElectiveAction: { valid: true, form: async () => ({ courseId: (await course()).id }) },
  startCourseAction: {
    scoped: true,
    valid: true,
    form: async ({ target }) => {
      const c = await course();
      const e = await db.enrolment.create({ data: { userId: target.id, courseId: c.id, status: "ASSIGNED", origin: "ASSIGNED" } });
      return { enrolmentId: e.id };
    },
  },
  recordCompletionsAction: {
    scoped: true,
    valid: true,
    form: async ({ target }) => {
      const c = await course();
      await db.enrolment.create({ data: { userId: target.id, courseId: c.id, status: "ASSIGNED", origin: "ASSIGNED" } });
      return { courseId: c.id, completedOn: "2026-03-01", userId: target.id, [`hours.${target.id}`]: "4", [`score.${target.id}`]: "90" };
    },
  },
  waiveEnrolmentAction: {
    valid: true,
    form: async ({ target }) => {
      const c = await course(true);
      const e = await db.enrolment.create({ data: { userId: target.id, courseId: c.id, status: "ASSIGNED", origin: "ASSIGNED" } });
      return { enrolmentId: e.id, reason: "已在外部取得同等证书" };
    },
  },
  saveCourseAction: {
    valid: true,
    form: async () => ({
      code: `F-KNO-${String(10 + (++courseNo % 89)).padStart(2, "0")}`,
      title: "矩阵新课程",
      description: "一门由矩阵测试创建的课程",
      tier: "FOUNDATION",
      category: "KNOWLEDGE",
      delivery: "ONLINE",
      hours: "2",
      competencies: [COMPETENCY_CODES[0]],
    }),
  },
  setCourseStatusAction: { valid: true, form: async () => ({ courseId: (await course()).id, status: "RETIRED" }) },
  syncRequiredAction: { valid: true, form: async () => ({}) },
  importCompletionsAction: {
    form: async ({ target }) => {
      const c = await course();
      return { mode: "check", file: csv("完成.csv", ["工号,课程编号,完成日期,学时,考试成绩", `${target.employeeNo},${c.code},2026-03-01,4,90`]) };
    },
  },
  assignCourseAction: {
    scoped: true,
    valid: true,
    form: async ({ target }) => ({ courseId: (await course()).id, employeeNos: target.employeeNo, dueDate: "2027-01-31" }),
  },
  // rules, grading, review
  saveGradeRulesAction: {
    form: async () => ({ effectiveFromQuarter: uniqueQuarter(1), note: "矩阵", tenure_JUNIOR: "12", certs_JUNIOR: "PROBATION" }),
  },
  confirmInitialGradesAction: {
    valid: true,
    form: async () => {
      const fresh = await createUser({ branchId: world.branchA, roleStartDate: "2026-01-01" });
      return { selected: [fresh.id], [`grade_${fresh.id}`]: "TRAINEE" };
    },
  },
  excludeFromReviewAction: { form: async ({ target }) => ({ quarter: await lockedReviewQuarter(), userId: target.id, reason: "长期病假" }) },
  includeInReviewAction: { form: async ({ target }) => ({ quarter: await lockedReviewQuarter(), userId: target.id }) },
  setReviewQuotasAction: { form: async () => ({ quarter: await lockedReviewQuarter(), quota_JUNIOR: "3" }) },
  commitReviewAction: { form: async () => ({ quarter: await lockedReviewQuarter() }) },
  revertReviewAction: { form: async () => ({ quarter: await lockedReviewQuarter(), reason: "矩阵测试撤销" }) },
  // programme year
  createProgrammeAction: { valid: true, form: async () => ({ year: String(++programmeYear), name: "" }) },
  copyProgrammeAction: {
    form: async () => ({ fromProgrammeId: (await db.programmeYear.create({ data: { year: (copiedYear += 2), name: "矩阵复制来源" } })).id }),
  },
  updatePhaseAction: {
    form: inNewPhase({
      name: "雏鹰训练营",
      startsOn: "2026-04-13",
      endsOn: "2026-04-17",
      grades: ["TRAINEE", "JUNIOR"],
      includeAssistants: "on",
      ...blank("goal", "budget", "feedsQuarter"),
    }),
  },
  advancePhaseAction: { form: inNewPhase({ expected: "EVALUATING" }) },
  saveSessionAction: {
    form: inNewPhase({
      title: "矩阵场次",
      startsAt: "2026-04-14T09:00",
      endsAt: "2026-04-14T12:00",
      place: "总行 301",
      lecturerName: "王老师",
      ...blank("lecturerNo", "courseId", "capacity"),
    }),
  },
  proposeByGradeAction: { form: async () => ({ phaseId: (await createPhase()).id }) },
  addParticipantsAction: { form: async ({ target }) => ({ phaseId: (await createPhase()).id, employeeNos: target.employeeNo, reason: "矩阵测试加入" }) },
  removeParticipantAction: { form: async ({ target }) => ({ ...(await seated(target)), reason: "矩阵测试移出" }) },
  decideProposalAction: { form: async ({ target }) => ({ phaseId: (await createPhase()).id, userId: target.id, decision: "APPROVE", reason: "" }) },
  proposeFromBranchAction: {
    scoped: true,
    form: async ({ target }) => ({ phaseId: (await createPhase()).id, employeeNo: target.employeeNo, reason: "矩阵测试推荐参加" }),
  },
  withdrawSeatAction: { form: async ({ target }) => ({ ...(await seated(target)), reason: "矩阵测试退出" }) },
  withdrawMySeatAction: { scoped: true, form: async ({ target }) => ({ sessionId: (await seated(target)).sessionId }) },
  recordAttendanceAction: { form: async ({ target }) => ({ sessionId: (await seated(target)).sessionId, userId: target.id, status: "PRESENT" }) },
  checkInAction: { form: async () => ({ token: "no-such-token" }) },
  // after-phase forms
  saveEvaluationAction: { scoped: true, form: draftFor("sessionId", { content: "4", ...blank("delivery", "organisation", "applicability", "comments") }) },
  saveActionPlanAction: { scoped: true, form: draftFor("phaseId", { goals: "矩阵目标", ...blank("actions", "deadline", "resources", "successMeasure") }) },
  recordFollowUpAction: { scoped: true, form: async () => ({ actionPlanId: "no-such-plan", checkpoint: "30", status: "ON_TRACK", note: "矩阵测试跟进" }) },
  scoreActionPlanAction: { scoped: true, form: async () => ({ actionPlanId: "no-such-plan", score: "80" }) },
  // mentoring
  createMentorshipAction: {
    form: async ({ target }) => ({ menteeNo: target.employeeNo, mentorNo: world.headA.employeeNo, startsOn: "2026-01-01", endsOn: "", note: "" }),
  },
  endMentorshipAction: { form: async () => ({ mentorshipId: "no-such-pair", endsOn: "2026-06-30" }) },
  submitReflectionAction: { scoped: true, form: async () => ({ mentorshipId: "no-such-pair", month: "2026-01", body: "矩阵测试的工作心得内容" }) },
  replyReflectionAction: { scoped: true, form: async () => ({ reflectionId: "no-such-reflection", reply: "矩阵测试回复" }) },
  // skills contest
  createContestAction: {
    valid: true,
    form: async () => ({ year: String(++actionContestYear), startsOn: `${actionContestYear}-11-01`, endsOn: `${actionContestYear}-11-30` }),
  },
  saveEventAction: { form: async () => ({ eventId: (await contestEvent("KNOWLEDGE_TEST")).id, heldOn: "", maxScore: "100", weight: "30" }) },
  lockEventAction: { form: async () => ({ eventId: (await contestEvent("KNOWLEDGE_TEST")).id }) },
  syncEntrantsAction: { form: async () => contestParams() },
  withdrawEntrantAction: { form: async () => ({ entrantId: "no-such-entrant", reason: "矩阵测试退赛" }) },
  saveTeamAction: {
    scoped: true,
    form: async ({ target, colleagues }) => ({
      ...(await contestParams()),
      teamId: "",
      name: "矩阵团队",
      entrantIds: [target.id, ...colleagues.slice(0, 2).map((c) => c.id)],
    }),
  },
  dissolveTeamAction: { scoped: true, form: async () => ({ teamId: "no-such-team" }) },
  addJudgeAction: { form: async ({ target }) => ({ eventId: (await contestEvent("PITCH")).id, employeeNo: target.employeeNo, externalName: "" }) },
  removeJudgeAction: { form: async () => ({ judgeId: "no-such-judge" }) },
  submitJudgeScoreAction: {
    scoped: true,
    form: async ({ target }) => ({ eventId: (await contestEvent("PITCH")).id, judgeId: "", targetId: target.id, score: "88" }),
  },
  saveDirectScoresAction: { form: async () => ({ eventId: (await contestEvent("KNOWLEDGE_TEST")).id, entrantId: [], reason: "" }) },
  correctScoreAction: { form: async () => ({ scoreId: "no-such-score", score: "80", reason: "矩阵测试更正" }) },
  importScoresAction: {
    form: async ({ target }) => ({
      eventId: (await contestEvent("KNOWLEDGE_TEST")).id,
      mode: "check",
      file: csv("分数.csv", ["工号,分数", `${target.employeeNo},90`]),
    }),
  },
  grantAwardAction: { form: async ({ target }) => ({ ...(await contestParams()), kind: "ELITE_INDIVIDUAL", ranking: "", holderId: target.id, note: "" }) },
  revokeAwardAction: { form: async () => ({ awardId: "no-such-award", reason: "矩阵测试撤销" }) },
  // people admin and account
  createPersonAction: {
    valid: true,
    form: async () => ({
      employeeNo: `MX${++personNo}`,
      name: "矩阵新人",
      email: `mx${personNo}@eagle.test`,
      branchId: world.branchA,
      role: "ASSISTANT",
      roleStartDate: "2026-01-05",
      grade: "",
      password: "",
    }),
  },
  convertAssistantAction: { form: async ({ target }) => ({ userId: (await freshPerson(target, "ASSISTANT")).id, date: "2026-02-01", note: "" }) },
  transferBranchAction: { form: async ({ target }) => ({ userId: (await freshPerson(target)).id, branchId: world.branchB, date: "2026-02-01", note: "" }) },
  exitPersonAction: { form: async ({ target }) => ({ userId: (await freshPerson(target)).id, date: "2026-02-01", reason: "矩阵测试离职" }) },
  changeGradeAction: {
    form: async ({ target }) => ({ userId: (await freshPerson(target)).id, grade: "INTERMEDIATE", date: "2026-02-01", reason: "矩阵测试调整" }),
  },
  importRosterAction: { form: async () => ({ mode: "check", file: csv("名单.csv", ["工号,姓名"]) }) },
  saveGoalsAction: { valid: true, form: async () => ({ shortTerm: "本季度完成三户新开", longTerm: "三年内晋升中级" }) },
  changePasswordAction: { form: async () => ({ currentPassword: "not-the-password", newPassword: "Matrix#2026pass", confirmPassword: "Matrix#2026pass" }) },
  resetPasswordAction: { form: async ({ target }) => ({ userId: (await freshPerson(target)).id }) },
};

let programmeYear = 2040;
let actionContestYear = 2060;
let copiedYear = 2900;
let personNo = 0;
/** A new account manager (or assistant) in the target's branch, so that changes leave the shared people alone. */
async function freshPerson(target: User, role: "ACCOUNT_MANAGER" | "ASSISTANT" = "ACCOUNT_MANAGER") {
  return role === "ASSISTANT"
    ? createUser({ role, branchId: target.branchId })
    : createUser({ branchId: target.branchId, grade: "JUNIOR", roleStartDate: "2022-01-01" });
}
/** A form about a new phase of its own, with these fields. */
function inNewPhase(fields: Fields) {
  return async (): Promise<Fields> => ({ phaseId: (await createPhase()).id, ...fields });
}
/** A form saved as a draft about the target's seat: its session or its phase, and these fields. */
function draftFor(of: "sessionId" | "phaseId", fields: Fields) {
  return async ({ target }: Ctx): Promise<Fields> => ({ [of]: (await seated(target))[of], intent: "draft", ...fields });
}
/** The target enrolled in a new phase with a seat in one of its sessions. */
async function seated(target: User) {
  const phase = await createPhase();
  const session = await createSession(phase.id);
  await attend(phase.id, session.id, [{ userId: target.id, status: null }]);
  return { phaseId: phase.id, sessionId: session.id, userId: target.id };
}
async function contestEvent(kind: "KNOWLEDGE_TEST" | "PITCH") {
  const { phaseId } = await contestParams();
  return db.contestEvent.findFirstOrThrow({ where: { phaseId, kind } });
}

let sharedCycle: string;
async function freshBranch() {
  const branch = await createBranch();
  await createUser({ branchId: branch.id, grade: "JUNIOR", roleStartDate: "2022-01-01" });
  return branch.id;
}

let hrView: { id: string; name: string; employeeNo: string; role: Role; branchId: string; branchName: string };
const hrViewer = () => hrView;

type Action = ((prev: ActionState<unknown>, form: FormData) => Promise<ActionState<unknown>>) & { permission?: Permission };
const actions = new Map<string, Action>();

const AUTH_MESSAGES = ["您没有权限执行此操作", "登录已失效，请重新登录"];
const UNEXPECTED = "操作失败，请稍后重试；如果问题持续，请联系系统管理员";

/** Row count and newest row version of every table: any insert, update or delete changes it. */
async function fingerprint(): Promise<string> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`;
  const parts = tables.map((t) => `SELECT '${t.name}' AS t, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text AS v FROM "${t.name}"`);
  const rows = await db.$queryRawUnsafe<{ t: string; v: string }[]>(parts.join(" UNION ALL "));
  return rows.map((r) => `${r.t}=${r.v}`).join(",");
}

function formData(fields: Fields): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (Array.isArray(value)) for (const v of value) form.append(key, v);
    else form.append(key, value);
  }
  return form;
}

type CallResult = { ok: boolean; message?: string; fieldErrors?: Record<string, string[] | undefined> };

/** Calls an action as `who` with the fields (or a ready FormData); a redirect counts as success. */
async function call(action: Action, who: Who, fields: Fields | FormData): Promise<CallResult> {
  session.userId = viewerFor(who)?.id ?? null;
  try {
    const state = await action({ ok: true }, fields instanceof FormData ? fields : formData(fields));
    return { ok: state.ok, message: state.message, fieldErrors: state.ok ? undefined : state.fieldErrors };
  } catch (error) {
    if (error instanceof Error && error.message.startsWith("NEXT_REDIRECT:")) return { ok: true };
    throw error;
  } finally {
    session.userId = null;
  }
}

const roleOf = (who: Who): Role | null => (who === "EXITED" || who === "SIGNED_OUT" ? null : who);

const consoleError = vi.spyOn(console, "error");

beforeAll(async () => {
  await seedCourses(db);
  await ensureModel();
  await quarters("LOCKED", "2025Q4");
  const branchA = (await createBranch("矩阵甲支行")).id;
  const branchB = (await createBranch("矩阵乙支行")).id;
  const hq = (await createBranch("矩阵总行")).id;
  const am = (branchId: string) => createUser({ branchId, grade: "JUNIOR", roleStartDate: "2022-01-01" });
  world = {
    branchA,
    branchB,
    hr: await createUser({ role: "HR", branchId: hq }),
    headA: await createUser({ role: "BRANCH_HEAD", branchId: branchA }),
    headB: await createUser({ role: "BRANCH_HEAD", branchId: branchB }),
    amA: [await am(branchA), await am(branchA), await am(branchA), await am(branchA)],
    asA: await createUser({ role: "ASSISTANT", branchId: branchA }),
    exited: await am(branchA),
    amB: [await am(branchB), await am(branchB), await am(branchB)],
  };
  await db.user.update({ where: { id: world.exited.id }, data: { status: "EXITED" } });
  hrView = { ...world.hr, branchName: "矩阵总行" };
  sharedCycle = await openTestCycle(hrView, [branchA, branchB]);
  for (const file of fs.readdirSync(path.resolve(import.meta.dirname, "../../lib/actions")).sort()) {
    if (!file.endsWith(".ts") || file === "state.ts") continue;
    const mod = (await import(`@/lib/actions/${file.replace(/\.ts$/, "")}`)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) if (typeof value === "function") actions.set(name, value as Action);
  }
});

afterAll(() => consoleError.mockRestore());

describe("permission matrix", () => {
  it("covers every exported server action, each made with defineFormAction and a permission of the table", () => {
    const exported = [...actions.keys()].sort();
    expect(exported.length).toBeGreaterThanOrEqual(28);
    expectSameNames(exported, Object.keys(CASES), ["actions missing from CASES", "CASES without an action"]);
    for (const [name, action] of actions) expect(action.permission && action.permission in PERMISSIONS, `${name} has no permission`).toBe(true);
  });

  const rows = Object.keys(CASES).flatMap((name) => WHO.flatMap((who) => WHERE.map((where) => ({ name, who, where }))));

  it.each(rows)("$name as $who, target $where", async ({ name, who, where }) => {
    const action = actions.get(name)!;
    const spec = CASES[name];
    const role = roleOf(who);
    const inScope = !spec.scoped || who === "HR" || where === "in scope";
    const allowed = can(role, action.permission!) && inScope;
    const viewer = viewerFor(who);
    const target = targetFor(who, where);
    const colleagues = (target.branchId === world.branchA ? world.amA : world.amB).filter((u) => u.id !== target.id && u.id !== viewer?.id);
    const fields = await spec.form({ who, viewer, target, colleagues });
    consoleError.mockClear();
    const before = await fingerprint();
    const result = await call(action, who, fields);
    expect(consoleError, "an unexpected error was logged").not.toHaveBeenCalled();
    expect(result.message).not.toBe(UNEXPECTED);
    if (allowed) {
      expect(AUTH_MESSAGES, `refused: ${result.message}`).not.toContain(result.message);
      if (spec.valid) expect(result, `allowed but failed: ${result.message}`).toMatchObject({ ok: true });
    } else {
      expect(result.ok).toBe(false);
      if (!can(role, action.permission!)) expect(AUTH_MESSAGES).toContain(result.message);
      expect(await fingerprint(), "a refused call wrote something").toBe(before);
    }
  });

  it("reports its size", () => {
    console.info(`[permission matrix] ${Object.keys(CASES).length} actions × ${WHO.length} roles × ${WHERE.length} scopes = ${rows.length} calls`);
    expect(rows.length).toBe(Object.keys(CASES).length * 12);
  });
});

// ---------------------------------------------------------------------------------------------
// Page loaders and route handlers: the same roles and scopes. Refused pages end in 404
// (notFound), signed-out and exited viewers at the login page; refused downloads answer 404.

interface PageCase {
  /** The operation the page guard checks; null for pages any signed-in viewer may open. */
  permission: Permission | null;
  /** The page shows one person or record, so a branch head or a learner only sees their own scope. */
  scoped?: boolean;
  params?: (ctx: Ctx) => Promise<Record<string, string>>;
}

const quarterParam = async () => ({ quarter: (await createQuarter()).quarter });
const roracParams = async ({ target }: Ctx) => ({ quarter: (await createQuarter()).quarter, userId: target.id });
const courseParam = async () => ({ id: (await course()).id });
const peersParam = async ({ target }: Ctx) => ({ cycleId: sharedCycle, userId: target.id });

async function phaseParams() {
  const phase = await createPhase();
  return { programmeId: phase.programmeId, phaseId: phase.id };
}
async function attendedSession({ target }: Ctx) {
  const phase = await createPhase();
  const session = await createSession(phase.id);
  await attend(phase.id, session.id, [{ userId: target.id, status: "PRESENT" }]);
  return session;
}
let contestYear = 2200;
async function contestParams() {
  contestYear += 1;
  const { id } = await createContest(hrViewer(), { year: contestYear, startsOn: `${contestYear}-11-01`, endsOn: `${contestYear}-11-30` });
  return { phaseId: id };
}

// Every page.tsx under app/ except the public sign-in page and the root redirect.
const PAGES: Record<string, PageCase> = {
  "(app)/hr/page.tsx": { permission: "hr.view" },
  "(app)/hr/appraisal/page.tsx": { permission: "hr.view" },
  "(app)/hr/appraisal/[quarter]/page.tsx": { permission: "hr.view", params: quarterParam },
  "(app)/hr/appraisal/template/page.tsx": { permission: "hr.view" },
  "(app)/hr/appraisal/[quarter]/rorac/[userId]/page.tsx": { permission: "hr.view", params: roracParams },
  "(app)/hr/branches/[id]/page.tsx": { permission: "hr.view", params: async ({ target }) => ({ id: target.branchId }) },
  "(app)/hr/certifications/page.tsx": { permission: "hr.view" },
  "(app)/hr/competencies/page.tsx": { permission: "hr.view" },
  "(app)/hr/competencies/cycles/page.tsx": { permission: "hr.view" },
  "(app)/hr/competencies/cycles/[cycleId]/peers/[userId]/page.tsx": { permission: "hr.view", params: peersParam },
  "(app)/hr/competencies/heatmap/page.tsx": { permission: "hr.view" },
  "(app)/hr/competencies/heatmap/[branchId]/page.tsx": { permission: "hr.view", params: async ({ target }) => ({ branchId: target.branchId }) },
  "(app)/hr/courses/page.tsx": { permission: "hr.view" },
  "(app)/hr/courses/new/page.tsx": { permission: "hr.view" },
  "(app)/hr/courses/import/page.tsx": { permission: "hr.view" },
  "(app)/hr/courses/report/page.tsx": { permission: "hr.view" },
  "(app)/hr/courses/[id]/edit/page.tsx": { permission: "hr.view", params: courseParam },
  "(app)/hr/courses/[id]/roster/page.tsx": { permission: "hr.view", params: courseParam },
  "(app)/hr/grading/page.tsx": { permission: "hr.view" },
  "(app)/hr/review/page.tsx": { permission: "hr.view" },
  "(app)/hr/review/[quarter]/page.tsx": { permission: "hr.view", params: async () => ({ quarter: await lockedReviewQuarter() }) },
  "(app)/hr/rules/page.tsx": { permission: "hr.view" },
  "(app)/hr/audit/page.tsx": { permission: "audit.view" },
  "(app)/branch/page.tsx": { permission: "branch.home" },
  "(app)/branch/appraisal/page.tsx": { permission: "branch.home" },
  "(app)/branch/appraisal/[quarter]/page.tsx": { permission: "branch.home", params: quarterParam },
  "(app)/branch/appraisal/[quarter]/rorac/[userId]/page.tsx": { permission: "branch.home", scoped: true, params: roracParams },
  "(app)/branch/competencies/page.tsx": { permission: "branch.home" },
  "(app)/branch/competencies/cycles/[cycleId]/peers/[userId]/page.tsx": { permission: "branch.home", scoped: true, params: peersParam },
  "(app)/branch/courses/page.tsx": { permission: "branch.home" },
  "(app)/branch/courses/[id]/roster/page.tsx": { permission: "branch.home", params: courseParam },
  "(app)/me/page.tsx": { permission: null },
  "(app)/me/courses/page.tsx": { permission: "course.learn" },
  "(app)/me/competencies/page.tsx": { permission: "competency.self" },
  "(app)/me/competencies/assess/[assessmentId]/page.tsx": {
    permission: "competency.assess",
    scoped: true,
    params: async ({ who, target }) => {
      const assessee = target.role === "ASSISTANT" ? world.amA[0] : target;
      return { assessmentId: (await formOf(sharedCycle, assessee.id, who === "BRANCH_HEAD" ? "MANAGER" : "SELF")).id };
    },
  },
  "(app)/people/[id]/page.tsx": { permission: null, scoped: true, params: async ({ target }) => ({ id: target.id }) },
  // Programme year, after-phase forms and mentoring
  "(app)/hr/programmes/page.tsx": { permission: "hr.view" },
  "(app)/hr/programmes/[programmeId]/page.tsx": { permission: "hr.view", params: async () => ({ programmeId: (await createPhase()).programmeId }) },
  "(app)/hr/programmes/[programmeId]/phases/[phaseId]/page.tsx": { permission: "hr.view", params: phaseParams },
  "(app)/hr/programmes/[programmeId]/phases/[phaseId]/report/page.tsx": { permission: "hr.view", params: phaseParams },
  "(app)/hr/programmes/[programmeId]/phases/[phaseId]/sessions/[sessionId]/page.tsx": {
    permission: "hr.view",
    params: async () => {
      const p = await phaseParams();
      return { ...p, sessionId: (await createSession(p.phaseId)).id };
    },
  },
  "(app)/hr/mentoring/page.tsx": { permission: "mentoring.manage" },
  "(app)/mentoring/page.tsx": { permission: null },
  "(app)/branch/programme/page.tsx": { permission: "programme.propose" },
  "(app)/branch/action-plans/page.tsx": { permission: "programme.followUp" },
  "(app)/me/programme/page.tsx": { permission: "programme.attend" },
  // The forms open only for someone who attended: the in-scope target attended, the viewer is them.
  "(app)/me/programme/phases/[phaseId]/plan/page.tsx": {
    permission: "programme.feedback",
    scoped: true,
    params: async (ctx) => ({ phaseId: (await attendedSession(ctx)).phaseId }),
  },
  "(app)/me/programme/sessions/[sessionId]/evaluation/page.tsx": {
    permission: "programme.feedback",
    scoped: true,
    params: async (ctx) => ({ sessionId: (await attendedSession(ctx)).id }),
  },
  "(app)/checkin/[token]/page.tsx": { permission: null, params: async () => ({ token: "no-such-token" }) },
  // Skills contest
  "(app)/hr/contest/page.tsx": { permission: "contest.manage" },
  "(app)/hr/contest/[phaseId]/page.tsx": { permission: "contest.manage", params: contestParams },
  "(app)/hr/contest/[phaseId]/entrants/page.tsx": { permission: "contest.manage", params: contestParams },
  "(app)/hr/contest/[phaseId]/judges/page.tsx": { permission: "contest.manage", params: contestParams },
  "(app)/hr/contest/[phaseId]/teams/page.tsx": { permission: "contest.manage", params: contestParams },
  "(app)/hr/contest/[phaseId]/results/page.tsx": { permission: "contest.manage", params: contestParams },
  "(app)/hr/contest/[phaseId]/events/[eventId]/page.tsx": {
    permission: "contest.manage",
    params: async () => {
      const { phaseId } = await contestParams();
      const event = await db.contestEvent.findFirstOrThrow({ where: { phaseId } });
      return { phaseId, eventId: event.id };
    },
  },
  "(app)/branch/contest/page.tsx": { permission: "branch.home" },
  "(app)/contest/judge/page.tsx": { permission: null },
  // A judge's sheet: the in-scope case makes the viewer a judge of the event (HR sees every sheet).
  "(app)/contest/judge/[eventId]/page.tsx": {
    permission: "contest.judge",
    scoped: true,
    params: async ({ who, viewer, target }) => {
      const { phaseId } = await contestParams();
      const event = await db.contestEvent.findFirstOrThrow({ where: { phaseId, kind: "PITCH" } });
      const inScope = who === "HR" || target.id !== world.amB[0].id;
      if (viewer && who !== "EXITED" && inScope) await addJudge(hrViewer(), { eventId: event.id, employeeNo: viewer.employeeNo });
      return { eventId: event.id };
    },
  },
  "(app)/contest/results/page.tsx": { permission: null },
  // People admin and account
  "(app)/hr/people/page.tsx": { permission: "people.manage" },
  "(app)/hr/people/new/page.tsx": { permission: "people.create" },
  "(app)/hr/people/import/page.tsx": { permission: "people.manage" },
  "(app)/hr/people/[id]/page.tsx": { permission: "people.manage", params: async ({ target }) => ({ id: target.id }) },
  "(app)/hr/password-reset/page.tsx": { permission: "people.manage" },
  "(app)/me/goals/page.tsx": { permission: "people.goals" },
  "(app)/account/password/page.tsx": { permission: null },
};
const PUBLIC_PAGES = ["(auth)/login/page.tsx", "page.tsx"];

function listPages(dir: string, prefix = ""): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return listPages(path.join(dir, entry.name), rel);
    return entry.name === "page.tsx" ? [rel] : [];
  });
}

type Outcome = "shown" | "not found" | "login";
async function openPage(file: string, who: Who, params: Record<string, string>): Promise<Outcome> {
  const mod = (await import(`@/app/${file.replace(/\.tsx$/, "")}`)) as { default: (props: unknown) => Promise<unknown> };
  session.userId = viewerFor(who)?.id ?? null;
  try {
    await mod.default({ params: Promise.resolve(params), searchParams: Promise.resolve({}) });
    return "shown";
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (message === "NEXT_NOT_FOUND") return "not found";
    if (message.startsWith("NEXT_REDIRECT:/login")) return "login";
    throw error;
  } finally {
    session.userId = null;
  }
}

describe("page matrix", () => {
  it("covers every page of the app", () => {
    const pages = listPages(path.resolve(import.meta.dirname, "../../app")).filter((p) => !PUBLIC_PAGES.includes(p));
    expectSameNames(pages, Object.keys(PAGES), ["pages missing from PAGES", "PAGES without a page"]);
  });

  const rows = Object.keys(PAGES).flatMap((page) => WHO.flatMap((who) => WHERE.map((where) => ({ page, who, where }))));

  it.each(rows)("$page as $who, target $where", async ({ page, who, where }) => {
    const spec = PAGES[page];
    const role = roleOf(who);
    const viewer = viewerFor(who);
    const target = targetFor(who, where);
    const params = spec.params ? await spec.params({ who, viewer, target, colleagues: [] }) : {};
    const inScope = !spec.scoped || who === "HR" || where === "in scope";
    const expected: Outcome = role === null ? "login" : (spec.permission === null || can(role, spec.permission)) && inScope ? "shown" : "not found";
    expect(await openPage(page, who, params)).toBe(expected);
  });

  it("reports its size", () => {
    console.info(`[page matrix] ${Object.keys(PAGES).length} pages × ${WHO.length} roles × ${WHERE.length} scopes = ${rows.length} loads`);
  });
});

const ROUTES = {
  "appraisal import template": {
    permission: "appraisal.import" as Permission,
    load: async () => import("@/app/(app)/hr/appraisal/[quarter]/import-template/route"),
    call: async (mod: { GET: (r: Request, c: { params: Promise<{ quarter: string }> }) => Promise<Response> }) => {
      const { quarter } = await quarterParam();
      return mod.GET(new Request(`http://test/hr/appraisal/${quarter}/import-template?format=csv`), { params: Promise.resolve({ quarter }) });
    },
  },
  "audit export": {
    permission: "audit.view" as Permission,
    load: async () => import("@/app/(app)/hr/audit/export/route"),
    call: async (mod: { GET: (r: Request) => Promise<Response> }) => mod.GET(new Request("http://test/hr/audit/export?kind=ENROL")),
  },
  "course report export": {
    permission: "course.report" as Permission,
    load: async () => import("@/app/(app)/hr/courses/report/export/route"),
    call: async (mod: { GET: (r: Request) => Promise<Response> }) => mod.GET(new Request("http://test/hr/courses/report/export?part=branch&format=csv")),
  },
};

describe("route handler matrix", () => {
  const rows = Object.keys(ROUTES).flatMap((route) => WHO.map((who) => ({ route, who })));
  it.each(rows)("$route as $who", async ({ route, who }) => {
    const spec = ROUTES[route as keyof typeof ROUTES];
    const mod = await spec.load();
    session.userId = viewerFor(who)?.id ?? null;
    try {
      const response = await (spec.call as (m: unknown) => Promise<Response>)(mod);
      expect(response.status).toBe(can(roleOf(who), spec.permission) ? 200 : 404);
    } finally {
      session.userId = null;
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Hostile input: every action, as a viewer allowed to call it, with some of its fields replaced by
// random, hostile, huge or wrongly typed values, some left out, some sent twice, and unknown
// fields added. Never an exception or an unexpected error, never a message the user cannot read
// (English from zod or the database), never a partial write.

const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\u0007\u001b[31m",
    "\uFEFF1",
    "\uD800",
    "2026-02-30",
    "2026-13-01",
    "0x10",
    "1e3",
    "1e309",
    "-0",
    "-1",
    "1_000",
    "0.0000001",
    "NaN",
    "Infinity",
    '=HYPERLINK("http://x")',
    '\'; DROP TABLE "User"; --',
    "../../etc/passwd",
    "",
    " ",
    "９",
    "２０２６-０１-０１",
  ),
  fc.integer().map(String),
  fc.double().map(String),
  fc.nat(5).map((n) => "长".repeat(10 ** n)),
  fc.constant(new File(["x"], "x.txt")),
  fc.constant(new File([new Uint8Array([0, 255, 0, 1])], "表.xlsx")),
);
const EXTRA_KEYS = ["extra", "__proto__", "constructor", "toString", "role", "branchId", "userId", "$ACTION_KEY", "ids[]", "名称"];

/** The form the browser would send: the valid fields with the mutation applied, in order. */
function mutatedForm(valid: Fields, m: { changes: Record<string, unknown>; dropped: string[]; twice: string[]; extra: [string, unknown][] }): FormData {
  const form = formData(Object.fromEntries(Object.entries({ ...valid, ...m.changes }).filter(([k]) => !m.dropped.includes(k))) as Fields);
  for (const key of m.twice) form.append(key, form.get(key) ?? "");
  for (const [key, value] of m.extra) form.append(key, value as string | File);
  return form;
}

// What zod, JavaScript or PostgreSQL say when nobody translated them.
const UNTRANSLATED =
  /invalid|expected|received|required|too (big|small)|unrecognized|must (be|have|contain)|unexpected|error|undefined|\bnull\b|prisma|violates|constraint/i;
function expectChinese(result: CallResult) {
  const messages = [result.message, ...Object.values(result.fieldErrors ?? {}).flat()].filter((m): m is string => !!m);
  for (const m of messages) {
    expect(m, "a message without Chinese").toMatch(/[\u4e00-\u9fff]/);
    expect(m, "an untranslated message").not.toMatch(UNTRANSLATED);
  }
}

describe("action input fuzz", () => {
  const RUNS = 12;
  it.each(Object.keys(CASES))("%s never fails unexpectedly, always answers in Chinese and never writes half", async (name) => {
    const action = actions.get(name)!;
    const who: Who = can("HR", action.permission!) ? "HR" : can("BRANCH_HEAD", action.permission!) ? "BRANCH_HEAD" : "ACCOUNT_MANAGER";
    const viewer = viewerFor(who);
    const target = targetFor(who, "in scope");
    const colleagues = world.amA.filter((u) => u.id !== target.id && u.id !== viewer?.id);
    const valid = await CASES[name].form({ who, viewer, target, colleagues });
    const keys = Object.keys(valid).length ? Object.keys(valid) : ["x"];
    const mutation = fc.record({
      changes: fc.dictionary(fc.constantFrom(...keys), hostile, { maxKeys: 3 }),
      dropped: fc.subarray(keys, { maxLength: Math.min(2, keys.length) }),
      twice: fc.subarray(keys, { maxLength: 1 }),
      extra: fc.array(fc.tuple(fc.constantFrom(...EXTRA_KEYS), hostile), { maxLength: 2 }),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        consoleError.mockClear();
        const before = await fingerprint();
        const result = await call(action, who, mutatedForm(valid, m));
        expect(consoleError, "an unexpected error was logged").not.toHaveBeenCalled();
        expect(result.message).not.toBe(UNEXPECTED);
        expectChinese(result);
        if (!result.ok) expect(await fingerprint(), "a refused call wrote something").toBe(before);
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261130) },
    );
  });

  it("reports its size", () => {
    console.info(`[action fuzz] ${Object.keys(CASES).length} actions × ${RUNS} hostile forms = ${Object.keys(CASES).length * RUNS} calls`);
    expect(Object.keys(CASES).length).toBeGreaterThanOrEqual(28);
  });
});
