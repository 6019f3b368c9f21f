import "server-only";
import { db } from "@/lib/server/db";
import type { Viewer } from "@/lib/server/auth/viewer";
import { dateToIso, quarterEnd, type IsoDate } from "@/lib/domain/dates";
import { GRADE_LABELS, RATING_LABELS, type Grade, type Rating } from "@/lib/domain/grades";
import { quarterLabel } from "@/lib/format";
import type { TimelineEvent } from "./views";
import { getCertificationNames, nameOfCertification } from "../certification-names";

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
