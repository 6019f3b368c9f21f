import type { Metadata } from "next";
import Link from "next/link";
import { pageItem } from "@/lib/server/page-load";
import { getContest } from "@/lib/server/dal/contest/setup";
import { listTeams, teamCandidates } from "@/lib/server/dal/contest/teams";
import { PageHeader } from "@/components/ui/card";
import { ContestTabs } from "@/components/contest/contest-tabs";
import { TeamsPanel } from "@/components/contest/teams-panel";

export const metadata: Metadata = { title: "比赛团队" };
export const dynamic = "force-dynamic";

export default async function ContestTeamsPage({ params, searchParams }: { params: Promise<{ phaseId: string }>; searchParams: Promise<{ branch?: string }> }) {
  const { viewer, item: contest } = await pageItem("hr.view", params, "phaseId", getContest);
  const [teams, all] = await Promise.all([listTeams(viewer, contest.id), teamCandidates(viewer, contest.id)]);
  const branches = [...new Map(all.map((c) => [c.branchId, c.branchName])).entries()];
  const branch = (await searchParams).branch ?? branches[0]?.[0];
  const locked = contest.events.find((e) => e.kind === "TEAM_PROPOSAL")?.locked ?? false;
  return (
    <div>
      <PageHeader title={contest.name} subtitle="团队营销方案设计：每支团队由同一支行的 3–6 名参赛人员组成，每人只能参加一支团队；支行长也可以为本支行组队" />
      <ContestTabs phaseId={contest.id} current="teams" />
      <TeamsPanel
        phaseId={contest.id}
        teams={teams}
        locked={locked}
        candidates={all.filter((c) => c.branchId === branch)}
        branchHint={
          <nav aria-label="选择支行" className="mb-3 flex flex-wrap gap-2 text-sm">
            {branches.map(([id, name]) => (
              <Link
                key={id}
                href={`?branch=${id}`}
                aria-current={id === branch ? "true" : undefined}
                className={`rounded-full border px-3 py-1 ${id === branch ? "border-brand-600 bg-brand-50 text-brand-700" : "border-slate-300 text-slate-700"}`}
              >
                {name}
              </Link>
            ))}
          </nav>
        }
      />
    </div>
  );
}
