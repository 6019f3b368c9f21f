import type { Metadata } from "next";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { headcountsByGrade, listBranchRoster } from "@/lib/server/dal/people";
import { Card, PageHeader } from "@/components/ui/card";
import { HeadcountTable } from "@/components/people/headcount-table";
import { RosterTable } from "@/components/people/roster-table";
import { listTeamPaths } from "@/lib/server/dal/review/next-grade";
import { TeamPathTable } from "@/components/review/next-grade-path";

export const metadata: Metadata = { title: "团队概览" };
export const dynamic = "force-dynamic";

export default async function BranchHome() {
  const viewer = await requirePageViewer("branch.home");
  const [counts, roster, paths] = await Promise.all([headcountsByGrade(viewer), listBranchRoster(viewer), listTeamPaths(viewer)]);
  const atRisk = paths.filter((p) => p.path.demotionRisk).length;
  return (
    <div className="space-y-6">
      <PageHeader title={`${viewer.branchName} · 团队概览`} subtitle="本机构对公客户经理与业务助理" />
      <Card title="等级分布">
        <HeadcountTable rows={counts} />
      </Card>
      <Card title="晋升路径与降级风险" actions={atRisk > 0 ? <span className="text-sm text-orange-900">{atRisk} 人有降级风险</span> : undefined}>
        <TeamPathTable rows={paths} />
      </Card>
      <Card title="团队名单">
        <RosterTable rows={roster} />
      </Card>
    </div>
  );
}
