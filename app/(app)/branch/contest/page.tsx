import type { Metadata } from "next";
import { awardTitle } from "@/components/contest/text";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { branchResults, latestContestId } from "@/lib/server/dal/contest/results";
import { listTeams, teamCandidates } from "@/lib/server/dal/contest/teams";
import { priorityHoldersForViewer } from "@/lib/server/dal/contest/awards";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { RankingTable } from "@/components/contest/ranking-table";
import { TeamsPanel } from "@/components/contest/teams-panel";
import { PriorityPanel } from "@/components/contest/priority-panel";

export const metadata: Metadata = { title: "本支行技能大比拼" };
export const dynamic = "force-dynamic";

export default async function BranchContestPage() {
  const viewer = await requirePageViewer("branch.home");
  const id = await latestContestId();
  const results = id ? await branchResults(viewer, id) : null;
  if (!id || !results) {
    return (
      <div>
        <PageHeader title="业务技能大比拼" />
        <Card>
          <EmptyState title="本年度的业务技能大比拼尚未开始" hint="人力资源部创建比赛后，您可以在这里为本支行组建团队、查看成绩。" />
        </Card>
      </div>
    );
  }
  const [teams, candidates] = await Promise.all([listTeams(viewer, id), teamCandidates(viewer, id)]);
  const locked = results.contest.events.find((e) => e.kind === "TEAM_PROPOSAL")?.locked ?? false;
  const kinds = results.contest.events.map((e) => e.kind);
  const overall = results.rankings.OVERALL;
  const holders = await priorityHoldersForViewer(viewer);
  return (
    <div className="space-y-6">
      <PageHeader
        title={`${results.contest.name} · ${viewer.branchName}`}
        subtitle={`本支行参赛 ${overall.length} 人，团队 ${teams.length} 支。排名为全行名次。`}
      />
      <TeamsPanel phaseId={id} teams={teams} candidates={candidates} locked={locked} />
      <Card title="本支行人员的综合排名（全行名次）">
        <RankingTable ranking="OVERALL" rows={overall} kinds={kinds} />
      </Card>
      {results.rankings.TEAM.length > 0 ? (
        <Card title="本支行团队的排名（全行名次）">
          <RankingTable ranking="TEAM" rows={results.rankings.TEAM} kinds={kinds} />
        </Card>
      ) : null}
      <Card title="本支行获奖情况">
        {results.awards.filter((a) => !a.revoked).length === 0 ? (
          <EmptyState title="本支行暂无获奖" hint="人力资源部颁奖后会显示在这里；获奖者享有晋升和调配优先。" />
        ) : (
          <ul className="space-y-1 text-sm">
            {results.awards
              .filter((a) => !a.revoked)
              .map((a) => (
                <li key={a.id}>
                  <span className="font-medium">{awardTitle(a)}</span>：{a.holderName}
                </li>
              ))}
          </ul>
        )}
      </Card>
      <PriorityPanel holders={holders} />
    </div>
  );
}
