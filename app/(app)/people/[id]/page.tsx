import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/server/auth/viewer";
import { getProfileForViewer } from "@/lib/server/dal/people";
import { CertificationList, GradeHistory, ProfileSummary } from "@/components/people/profile";
import { LearningCard } from "@/components/courses/learning-card";
import { getLearningMetrics } from "@/lib/server/dal/courses/metrics";
import { quarterOf, todayInShanghai } from "@/lib/domain/dates";

export const metadata: Metadata = { title: "人员档案" };
export const dynamic = "force-dynamic";

export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer();
  const { id } = await params;
  const person = await getProfileForViewer(viewer, id);
  // Out of scope looks exactly like "no such person".
  if (!person) notFound();
  const quarter = quarterOf(todayInShanghai());
  const metrics = (await getLearningMetrics(viewer, [person.id], quarter)).get(person.id);
  return (
    <div className="space-y-6">
      <ProfileSummary person={person} />
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
