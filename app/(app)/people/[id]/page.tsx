import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/server/auth/viewer";
import { getProfileForViewer } from "@/lib/server/dal/people";
import { getPersonExtras } from "@/lib/server/dal/dashboard/person";
import { CertificationList, GradeHistory, ProfileSummary } from "@/components/people/profile";
import { LearningCard } from "@/components/courses/learning-card";
import { NextGradePath } from "@/components/review/next-grade-path";
import { CompetencyGaps, PersonCourses, RatingsHistory } from "@/components/dashboard/person-panels";
import { getLearningMetrics } from "@/lib/server/dal/courses/metrics";
import { quarterOf, todayInShanghai } from "@/lib/domain/dates";
import { priorityMarks } from "@/lib/server/dal/contest/awards";
import { getGoalsForViewer } from "@/lib/server/dal/goals";
import { GoalsCard } from "@/components/people/goals-card";

export const metadata: Metadata = { title: "人员档案" };
export const dynamic = "force-dynamic";

/** A person's profile: HR any, a branch head their own branch, others only themselves (else 404). */
export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer();
  const { id } = await params;
  const person = await getProfileForViewer(viewer, id);
  // Out of scope looks exactly like "no such person".
  if (!person) notFound();
  const quarter = quarterOf(todayInShanghai());
  const manager = person.role === "ACCOUNT_MANAGER";
  const [learning, extras, goals, marks] = await Promise.all([
    getLearningMetrics(viewer, [person.id], quarter),
    getPersonExtras(viewer, person.id),
    getGoalsForViewer(viewer, person.id),
    // The person is in the viewer's scope (checked above), so their contest awards may be shown.
    priorityMarks([person.id]),
  ]);
  const metrics = learning.get(person.id);
  const contestMarks = marks.get(person.id) ?? [];
  return (
    <div className="space-y-6">
      {viewer.role === "HR" ? (
        <p className="text-sm">
          <Link href={`/hr/people/${person.id}`} className="font-medium text-brand-700 underline">
            人事变更（转岗、调动、退出、调整等级）
          </Link>
        </p>
      ) : null}
      <ProfileSummary person={person} contestMarks={contestMarks} />
      {goals && manager && person.id !== viewer.id ? <GoalsCard goals={goals} editable={false} /> : null}
      {manager && extras ? <NextGradePath view={extras.path} /> : null}
      {manager && extras ? <RatingsHistory ratings={extras.ratings} /> : null}
      {metrics && (manager || person.role === "ASSISTANT") ? <LearningCard metrics={metrics} quarter={quarter} self={person.id === viewer.id} /> : null}
      <div className="grid gap-6 lg:grid-cols-2">
        {manager && extras ? <CompetencyGaps gaps={extras.gaps} /> : null}
        {extras && (manager || person.role === "ASSISTANT") ? <PersonCourses courses={extras.courses} /> : null}
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          <GradeHistory person={person} />
        </div>
        <CertificationList person={person} />
      </div>
    </div>
  );
}
