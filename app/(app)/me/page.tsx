import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewer } from "@/lib/server/auth/viewer";
import { getProfileForViewer } from "@/lib/server/dal/people";
import { getMyNextGradePath } from "@/lib/server/dal/review/next-grade";
import { CertificationList, GradeHistory, ProfileSummary } from "@/components/people/profile";
import { NextGradePath } from "@/components/review/next-grade-path";
import { LearningCard } from "@/components/courses/learning-card";
import { getLearningMetrics } from "@/lib/server/dal/courses/metrics";
import { quarterOf, todayInShanghai } from "@/lib/domain/dates";

export const metadata: Metadata = { title: "我的成长" };
export const dynamic = "force-dynamic";

export default async function MePage() {
  const viewer = await requireViewer();
  const quarter = quarterOf(todayInShanghai());
  const [me, path, learning] = await Promise.all([getProfileForViewer(viewer, viewer.id), getMyNextGradePath(viewer), getLearningMetrics(viewer, [viewer.id], quarter)]);
  if (!me) notFound();
  const metrics = learning.get(viewer.id);
  return (
    <div className="space-y-6">
      <ProfileSummary person={me} />
      {me.role === "ACCOUNT_MANAGER" ? <NextGradePath view={path} /> : null}
      {metrics && (me.role === "ACCOUNT_MANAGER" || me.role === "ASSISTANT") ? <LearningCard metrics={metrics} quarter={quarter} self /> : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <GradeHistory person={me} />
        </div>
        <CertificationList person={me} />
      </div>
    </div>
  );
}
