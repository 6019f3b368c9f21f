import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { Viewer } from "@/lib/server/auth/viewer";
import { requirePageViewer } from "@/lib/server/auth/guards";
import type { ProfileView } from "@/lib/server/dal/people";
import { getMyCompetencies } from "@/lib/server/dal/competencies/results";
import { getMyPanels, getMyProfile } from "@/lib/server/dal/dashboard/me";
import { CertificationList, GradeHistory, ProfileSummary } from "@/components/people/profile";
import { NextGradePath } from "@/components/review/next-grade-path";
import { LearningCard } from "@/components/courses/learning-card";
import { MyActionPlans, MyDuePanel, MyRadarPanel, MyTimeline } from "@/components/dashboard/me-panels";
import { quarterOf, todayInShanghai } from "@/lib/domain/dates";

export const metadata: Metadata = { title: "我的成长" };
export const dynamic = "force-dynamic";

/**
 * My home (DOMAIN §11). An account manager: grade and the path to the next, radar vs current and
 * next grade, what is due (self and peer assessments, courses), action plans, history. An
 * assistant: no grade talk — courses due (overdue required ones first), learning, history.
 * A branch head's "我的档案": their profile and history.
 * The profile and panels are cached per person and data version (lib/server/dal/dashboard/me.ts).
 */
export default async function MePage({ searchParams }: { searchParams: Promise<{ history?: string }> }) {
  const viewer = await requirePageViewer("me.view");
  const allHistory = (await searchParams).history === "all";
  const mine = await getMyProfile(viewer);
  if (!mine) notFound();
  return (
    <div className="space-y-6">
      <ProfileSummary person={mine.profile} contestMarks={mine.marks} />
      {/* No streaming boundary: the panels are cached per person and data version, so the page is
          ready as soon as the profile is — one render pass instead of a fallback then a swap. */}
      <MyDashboard viewer={viewer} me={mine.profile} allHistory={allHistory} />
    </div>
  );
}

async function MyDashboard({ viewer, me, allHistory }: { viewer: Viewer; me: ProfileView; allHistory: boolean }) {
  const quarter = quarterOf(todayInShanghai());
  const learner = viewer.role === "ACCOUNT_MANAGER" || viewer.role === "ASSISTANT";
  const manager = viewer.role === "ACCOUNT_MANAGER";
  // An account manager's open forms come with their competencies; only they are shown forms.
  const [{ path, dueCourses, plans, timeline, learning }, competencies] = await Promise.all([
    getMyPanels(viewer),
    manager ? getMyCompetencies(viewer) : Promise.resolve(null),
  ]);
  const forms = competencies?.pending ?? [];
  return (
    <div className="space-y-6">
      {learner ? <MyDuePanel forms={forms} courses={dueCourses} showForms={manager} /> : null}
      {manager ? <NextGradePath view={path} /> : null}
      {manager && competencies ? <MyRadarPanel view={competencies} /> : null}
      {learner && learning ? <LearningCard metrics={learning} quarter={quarter} self /> : null}
      {learner ? <MyActionPlans plans={plans} /> : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          {manager ? <GradeHistory person={me} /> : null}
          <MyTimeline events={timeline} all={allHistory} />
        </div>
        <CertificationList person={me} />
      </div>
    </div>
  );
}
