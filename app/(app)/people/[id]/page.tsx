import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/server/auth/viewer";
import { getProfileForViewer } from "@/lib/server/dal/people";
import { CertificationList, GradeHistory, ProfileSummary } from "@/components/people/profile";
import { LearningCard } from "@/components/courses/learning-card";
import { getLearningMetrics } from "@/lib/server/dal/courses/metrics";
import { quarterOf, todayInShanghai } from "@/lib/domain/dates";
import { priorityMarks } from "@/lib/server/dal/contest/awards";
import { getGoalsForViewer } from "@/lib/server/dal/goals";
import { GoalsCard } from "@/components/people/goals-card";

export const metadata: Metadata = { title: "人员档案" };
export const dynamic = "force-dynamic";

export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer();
  const { id } = await params;
  const person = await getProfileForViewer(viewer, id);
  // Out of scope looks exactly like "no such person".
  if (!person) notFound();
  const quarter = quarterOf(todayInShanghai());
  const [learning, goals, marks] = await Promise.all([
    getLearningMetrics(viewer, [person.id], quarter),
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
          <Link href={`/hr/people/${person.id}`} className="font-medium text-brand-700 hover:underline">人事变更（转岗、调动、退出、调整等级）</Link>
        </p>
      ) : null}
      <ProfileSummary person={person} contestMarks={contestMarks} />
      {goals && person.role === "ACCOUNT_MANAGER" && person.id !== viewer.id ? <GoalsCard goals={goals} editable={false} /> : null}
      {metrics && (person.role === "ACCOUNT_MANAGER" || person.role === "ASSISTANT") ? <LearningCard metrics={metrics} quarter={quarter} self={person.id === viewer.id} /> : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <GradeHistory person={person} />
        </div>
        <CertificationList person={person} />
      </div>
    </div>
  );
}
