import "server-only";
import { scopeOf } from "@/lib/server/auth/permissions";
import { db } from "@/lib/server/db";
import type { Viewer } from "@/lib/server/auth/viewer";
import { peopleScope } from "../scope";
import { dateToIso, quarterOf, todayInShanghai, type IsoDate, type Quarter } from "@/lib/domain/dates";
import type { Grade, Rating } from "@/lib/domain/grades";
import { nextGradePath } from "@/lib/domain/next-grade";
import { COMPETENCY_LABELS, type CompetencyCode } from "@/lib/domain/competency";
import { getLatestCompetencyGaps } from "../competencies/results";
import { latestCommittedReviewQuarter, loadAccountManagers, rulesInForce } from "../review/population";
import type { PathView } from "../review/next-grade";

// What HR or a branch head sees on a person's profile beyond the basics: ratings history, the path
// to the next grade, competency gaps and courses. Every read starts from the viewer's scope.

export interface PersonExtrasView {
  /** Locked quarters' ratings, oldest first (up to eight). */
  ratings: { quarter: Quarter; rating: Rating | null }[];
  path: PathView | null;
  gaps: { code: CompetencyCode; name: string; gap: number | null; nextGap: number | null }[];
  courses: {
    id: string;
    title: string;
    required: boolean;
    status: "ASSIGNED" | "IN_PROGRESS" | "COMPLETED" | "WAIVED";
    dueDate: IsoDate | null;
    completedOn: IsoDate | null;
    overdue: boolean;
  }[];
}

export async function getPersonExtras(viewer: Viewer, personId: string, today: IsoDate = todayInShanghai()): Promise<PersonExtrasView | null> {
  const person = await db.user.findFirst({ where: { AND: [{ id: personId }, peopleScope(viewer)] }, select: { id: true, role: true } });
  if (!person) return null;
  const locked = await db.appraisalQuarter.findMany({ where: { status: "LOCKED" }, orderBy: { quarter: "desc" }, take: 8, select: { quarter: true } });
  const quarters = locked.map((q) => q.quarter);
  const [facts, reviewed, rules, gaps, enrolments] = await Promise.all([
    person.role === "ACCOUNT_MANAGER" ? loadAccountManagers(db, { quarters, scope: scopeOf(viewer), userIds: [person.id] }) : Promise.resolve([]),
    latestCommittedReviewQuarter(db),
    rulesInForce(db, quarterOf(today)),
    person.role === "ACCOUNT_MANAGER" ? getLatestCompetencyGaps(viewer, person.id) : Promise.resolve([]),
    db.enrolment.findMany({
      where: { userId: person.id },
      orderBy: [{ status: "asc" }, { dueDate: "asc" }],
      take: 30,
      select: { id: true, status: true, dueDate: true, completedOn: true, course: { select: { title: true, required: true } } },
    }),
  ]);
  const p = facts[0];
  const path: PathView | null =
    p && p.grade
      ? {
          userId: p.id,
          name: p.name,
          employeeNo: p.employeeNo,
          grade: p.grade as Grade,
          ratings: quarters
            .slice(0, 4)
            .reverse()
            .map((q) => ({ quarter: q, rating: p.ratings[q] ?? null })),
          path: nextGradePath({
            grade: p.grade,
            roleStartDate: p.roleStartDate,
            asOf: today,
            ratings: p.ratings,
            latestLockedQuarter: quarters[0] ?? null,
            lastChangeQuarter: p.lastChangeQuarter,
            latestReviewedQuarter: reviewed,
            certifications: p.certifications,
            rules: rules.rules,
          }),
        }
      : null;
  return {
    ratings: p
      ? quarters
          .slice()
          .reverse()
          .map((q) => ({ quarter: q, rating: p.ratings[q] ?? null }))
      : [],
    path,
    gaps: gaps.map((g) => ({ ...g, name: COMPETENCY_LABELS[g.code] })),
    courses: enrolments.map((e) => {
      const due = e.dueDate ? dateToIso(e.dueDate) : null;
      return {
        id: e.id,
        title: e.course.title,
        required: e.course.required,
        status: e.status,
        dueDate: due,
        completedOn: e.completedOn ? dateToIso(e.completedOn) : null,
        overdue: due !== null && due < today && (e.status === "ASSIGNED" || e.status === "IN_PROGRESS"),
      };
    }),
  };
}
