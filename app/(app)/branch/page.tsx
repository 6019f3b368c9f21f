import { Suspense } from "react";
import type { Viewer } from "@/lib/server/auth/viewer";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { DashboardLoading } from "@/components/dashboard/loading";
import { getBranchCompetencies } from "@/lib/server/dal/competencies/results";
import { teamLearning } from "@/lib/server/dal/courses/reports";
import { listTeam, waitingForHead } from "@/lib/server/dal/dashboard/branch";
import { PageHeader } from "@/components/ui/card";
import { priorityHoldersForViewer } from "@/lib/server/dal/contest/awards";
import { PriorityPanel } from "@/components/contest/priority-panel";
import { TeamLearningPanel, TeamRoster, WaitingList } from "@/components/dashboard/branch-panels";
import { TeamHeatmapPanel, TeamRadarPanel } from "@/components/dashboard/competency-panels";
import { titleFor } from "@/lib/server/page-title";

export const generateMetadata = titleFor("团队概览", ["BRANCH_HEAD"]);
export const dynamic = "force-dynamic";

const PAGE_SIZE = 20;

/** The branch head's home (DOMAIN §11), all of it scoped to their own branch. ?page= pages the roster. */
export default async function BranchHome({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer("branch.home");
  const sp = await searchParams;
  const page = Math.max(1, Number.parseInt(String(Array.isArray(sp.page) ? sp.page[0] : (sp.page ?? "1")), 10) || 1);
  return (
    <div className="space-y-6">
      <PageHeader title={`${viewer.branchName} · 团队概览`} subtitle="待办、团队名单与晋降级提示、团队能力、培训完成情况" />
      <Suspense fallback={<DashboardLoading />}>
        <BranchDashboard viewer={viewer} page={page} />
      </Suspense>
    </div>
  );
}

async function BranchDashboard({ viewer, page }: { viewer: Viewer; page: number }) {
  const [waiting, team, competencies, learning, priorityHolders] = await Promise.all([
    waitingForHead(viewer),
    listTeam(viewer),
    // The home shows the radar and the heatmap, not the head's own forms (the waiting list counts them).
    getBranchCompetencies(viewer, { managerForms: false }),
    teamLearning(viewer),
    priorityHoldersForViewer(viewer),
  ]);
  return (
    <div className="space-y-6">
      <WaitingList items={waiting} />
      <TeamRoster members={team} page={page} pageSize={PAGE_SIZE} pageHref={(p) => `/branch?page=${p}`} />
      <div className="grid gap-6 lg:grid-cols-2">
        <TeamRadarPanel view={competencies} href="/branch/competencies" />
        <TeamLearningPanel people={learning} />
        <PriorityPanel holders={priorityHolders} />
      </div>
      <TeamHeatmapPanel view={competencies} />
    </div>
  );
}
