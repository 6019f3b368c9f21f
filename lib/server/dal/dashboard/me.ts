import "server-only";
import { db } from "@/lib/server/db";
import type { Viewer } from "@/lib/server/auth/viewer";
import { dateToIso, quarterEnd, type IsoDate } from "@/lib/domain/dates";
import { GRADE_LABELS, RATING_LABELS, type Grade, type Rating } from "@/lib/domain/grades";
import { quarterLabel } from "@/lib/format";
import type { TimelineEvent } from "./views";
import { getCertificationNames, nameOfCertification } from "../certification-names";
import { cachedByVersion, versionedCache, type DataTopic } from "@/lib/server/cache";
import { getProfileForViewer, type ProfileView } from "../people";
import { priorityMarks } from "../contest/awards";
import type { PriorityMarkView } from "../contest/views";
import { getMyNextGradePath, type PathView } from "../review/next-grade";
import { getMyDueCourses, type MyEnrolmentView } from "../courses/learner";
import { getLearningMetrics } from "../courses/metrics";
import type { LearningMetrics } from "@/lib/domain/curriculum";
import { quarterOf, todayInShanghai } from "@/lib/domain/dates";

// The account manager's (and assistant's) own home: everything here is the viewer's own rows.

export interface MyActionPlanView {
  id: string;
  phaseName: string;
  goals: string;
  deadline: IsoDate | null;
  submitted: boolean;
  finalScore: number | null;
  lastFollowUp: { status: "ON_TRACK" | "AT_RISK" | "OFF_TRACK" | "DONE"; note: string; recordedAt: Date } | null;
}

/** My action plans from the programme tables, newest phase first, each with its latest follow-up. */
export async function listMyActionPlans(viewer: Viewer): Promise<MyActionPlanView[]> {
  const plans = await db.actionPlan.findMany({
    where: { userId: viewer.id },
    orderBy: { createdAt: "desc" },
    take: 10,
    select: {
      id: true,
      goals: true,
      deadline: true,
      status: true,
      finalScore: true,
      phase: { select: { name: true } },
      followUps: { orderBy: { checkpoint: "desc" }, take: 1, select: { status: true, note: true, recordedAt: true } },
    },
  });
  return plans.map((p) => ({
    id: p.id,
    phaseName: p.phase.name,
    goals: p.goals,
    deadline: p.deadline ? dateToIso(p.deadline) : null,
    submitted: p.status === "SUBMITTED",
    finalScore: p.finalScore === null ? null : Number(p.finalScore),
    lastFollowUp: p.followUps[0] ?? null,
  }));
}

/**
 * My history, newest first: start in role, grade changes (live ones), ratings of locked quarters,
 * certifications and completed courses. Five small queries on my own rows, merged by date.
 */
export async function myTimeline(viewer: Viewer, limit = 30): Promise<TimelineEvent[]> {
  const [me, changes, ratings, certs, courses] = await Promise.all([
    db.user.findUnique({ where: { id: viewer.id }, select: { roleStartDate: true, role: true } }),
    db.gradeChange.findMany({
      where: { userId: viewer.id, voidedAt: null },
      orderBy: { effectiveDate: "desc" },
      select: { effectiveDate: true, fromGrade: true, toGrade: true },
    }),
    db.appraisal.findMany({
      where: { userId: viewer.id, rating: { not: null }, appraisalQuarter: { status: "LOCKED" } },
      orderBy: { quarter: "desc" },
      take: 12,
      select: { quarter: true, rating: true },
    }),
    db.certification.findMany({ where: { userId: viewer.id }, orderBy: { passedOn: "desc" }, select: { code: true, passedOn: true } }),
    db.enrolment.findMany({
      where: { userId: viewer.id, status: "COMPLETED", completedOn: { not: null } },
      orderBy: { completedOn: "desc" },
      take: 10,
      select: { completedOn: true, course: { select: { title: true } } },
    }),
  ]);
  const names = await getCertificationNames();
  const events: TimelineEvent[] = [];
  if (me?.roleStartDate) events.push({ date: dateToIso(me.roleStartDate), kind: "ROLE_START", text: "开始任职" });
  for (const c of changes) {
    const text =
      !c.fromGrade && c.toGrade
        ? `定级为${GRADE_LABELS[c.toGrade as Grade]}`
        : c.toGrade
          ? `由${GRADE_LABELS[c.fromGrade as Grade]}调整为${GRADE_LABELS[c.toGrade as Grade]}`
          : "退出客户经理岗位";
    events.push({ date: dateToIso(c.effectiveDate), kind: "GRADE", text });
  }
  for (const r of ratings)
    events.push({ date: quarterEnd(r.quarter), kind: "RATING", text: `${quarterLabel(r.quarter)}考评${RATING_LABELS[r.rating as Rating]}` });
  for (const c of certs) events.push({ date: dateToIso(c.passedOn), kind: "CERTIFICATION", text: `通过${nameOfCertification(names, c.code)}` });
  for (const e of courses) events.push({ date: dateToIso(e.completedOn!), kind: "COURSE", text: `完成课程“${e.course.title}”` });
  return events.sort((a, b) => b.date.localeCompare(a.date)).slice(0, limit);
}

// The home (/me) is one person's rows, but some fifty small queries: cached per person, day and
// the data versions behind every table it reads — "review" (the person, branch, grade history,
// certifications and their names, ratings, quarters, rules, reviews, contest awards and teams),
// "courses" (enrolments, courses) and "programme" (phases and programme years named by the awards,
// action plans and their follow-ups). A write to any of them makes the next view recompute.
const HOME_TOPICS: DataTopic[] = ["review", "courses", "programme"];
const homeCache = versionedCache<unknown>("my-home", 512);
const homeSlot = (viewer: Viewer, part: string, today: IsoDate) => `${viewer.id}|${viewer.role}|${viewer.branchId}|${part}|${today}`;

export interface MyProfileView {
  profile: ProfileView;
  marks: PriorityMarkView[];
}

/** The head of my home: my profile and contest marks (null when I am not found). */
export async function getMyProfile(viewer: Viewer, today: IsoDate = todayInShanghai()): Promise<MyProfileView | null> {
  return cachedByVersion(homeCache, HOME_TOPICS, homeSlot(viewer, "profile", today), async () => {
    const [profile, marks] = await Promise.all([getProfileForViewer(viewer, viewer.id, today), priorityMarks([viewer.id], today)]);
    return profile ? { profile, marks: marks.get(viewer.id) ?? [] } : null;
  }) as Promise<MyProfileView | null>;
}

export interface MyPanelsView {
  path: PathView | null;
  dueCourses: MyEnrolmentView[];
  plans: MyActionPlanView[];
  timeline: TimelineEvent[];
  learning: LearningMetrics | null;
}

/**
 * My home's panels but the competencies (which move with the cycles' deadlines, not only with
 * writes): path to the next grade (account managers), courses due, action plans, learning
 * (account managers and assistants) and my history.
 */
export async function getMyPanels(viewer: Viewer, today: IsoDate = todayInShanghai()): Promise<MyPanelsView> {
  const learner = viewer.role === "ACCOUNT_MANAGER" || viewer.role === "ASSISTANT";
  const manager = viewer.role === "ACCOUNT_MANAGER";
  return cachedByVersion(homeCache, HOME_TOPICS, homeSlot(viewer, "panels", today), async () => {
    const quarter = quarterOf(today);
    const [path, dueCourses, plans, timeline, learning] = await Promise.all([
      manager ? getMyNextGradePath(viewer, today) : Promise.resolve(null),
      learner ? getMyDueCourses(viewer, today) : Promise.resolve([]),
      learner ? listMyActionPlans(viewer) : Promise.resolve([]),
      myTimeline(viewer),
      getLearningMetrics(viewer, [viewer.id], quarter),
    ]);
    return { path, dueCourses, plans, timeline, learning: learning.get(viewer.id) ?? null };
  }) as Promise<MyPanelsView>;
}
