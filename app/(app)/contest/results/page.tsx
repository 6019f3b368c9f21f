import type { Metadata } from "next";
import { awardTitle } from "@/components/contest/text";
import { requireViewer } from "@/lib/server/auth/viewer";
import { contestResults, latestContestId } from "@/lib/server/dal/contest/results";
import { RANKING_LABELS, type Ranking } from "@/lib/domain/contest";
import { Card, EmptyState } from "@/components/ui/card";
import { RankingTable } from "@/components/contest/ranking-table";

export const metadata: Metadata = { title: "比赛成绩" };
export const dynamic = "force-dynamic";

const ORDER: Ranking[] = ["OVERALL", "TEAM", "KNOWLEDGE_TEST", "OPERATIONS", "PITCH"];

/**
 * The projector page for the award ceremony: large type, the top 10 of every ranking of the newest
 * contest, fresh on every reload. Every signed-in user may open it (results are announced bank-wide).
 */
export default async function ContestResultsPage() {
  await requireViewer();
  const id = await latestContestId();
  const results = id ? await contestResults(id) : null;
  if (!results) {
    return (
      <Card>
        <EmptyState title="还没有业务技能大比拼的成绩" hint="人力资源部创建比赛并录入成绩后，这里会显示各项排名前十名。" />
      </Card>
    );
  }
  const kinds = results.contest.events.map((e) => e.kind);
  const awards = results.awards.filter((a) => !a.revoked);
  return (
    <div className="space-y-8">
      <header className="text-center">
        <h1 className="text-4xl font-bold text-slate-900 sm:text-5xl">{results.contest.name}</h1>
        <p className="mt-3 text-xl text-slate-700">成绩公布 · 各项排名前十名（刷新页面即更新）</p>
      </header>
      {awards.length > 0 ? (
        <section aria-labelledby="awards-title" className="rounded-2xl bg-amber-50 p-6 ring-1 ring-amber-200">
          <h2 id="awards-title" className="text-3xl font-semibold text-amber-950">
            获奖名单
          </h2>
          <ul className="mt-4 grid gap-3 text-2xl sm:grid-cols-2" data-testid="projector-awards">
            {awards.map((a) => (
              <li key={a.id}>
                <span className="font-semibold">{awardTitle(a)}</span>：{a.holderName}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {ORDER.map((r) => (
        <section key={r} aria-labelledby={`title-${r}`} className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
          <h2 id={`title-${r}`} className="mb-4 text-3xl font-semibold text-slate-900">
            {RANKING_LABELS[r]}
          </h2>
          <RankingTable ranking={r} rows={results.rankings[r]} kinds={kinds} limit={10} large />
        </section>
      ))}
    </div>
  );
}
