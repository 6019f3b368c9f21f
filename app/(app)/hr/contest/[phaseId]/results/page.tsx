import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { contestResults } from "@/lib/server/dal/contest/results";
import { revokeAwardAction } from "@/lib/actions/contest";
import { RANKINGS, RANKING_LABELS, type Ranking } from "@/lib/domain/contest";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ContestTabs } from "@/components/contest/contest-tabs";
import { RankingTable } from "@/components/contest/ranking-table";
import { AwardForm } from "@/components/contest/award-form";
import { ConfirmButton } from "@/components/contest/action-form";
import { priorityText, awardTitle } from "@/components/contest/text";

export const metadata: Metadata = { title: "比赛排名与颁奖" };
export const dynamic = "force-dynamic";

export default async function ContestResultsAdminPage({
  params,
  searchParams,
}: {
  params: Promise<{ phaseId: string }>;
  searchParams: Promise<{ ranking?: string }>;
}) {
  await requirePageViewer("hr.view");
  const results = await contestResults((await params).phaseId);
  if (!results) notFound();
  const { contest } = results;
  const asked = (await searchParams).ranking;
  const ranking: Ranking = RANKINGS.find((r) => r === asked) ?? "OVERALL";
  const kinds = contest.events.map((e) => e.kind);
  const people = results.rankings.OVERALL.map((r) => ({ id: r.id, label: `第${r.rank}名 ${r.name}（${r.branchName}，${r.total} 分）` }));
  const teams = results.rankings.TEAM.map((r) => ({ id: r.id, label: `第${r.rank}名 ${r.name}（${r.branchName}）` }));
  return (
    <div>
      <PageHeader
        title={contest.name}
        subtitle="排名随评分实时更新；并列者名次相同（1、2、2、4）"
        actions={
          <a href={`/hr/contest/${contest.id}/export`} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100">
            导出全部排名（XLSX）
          </a>
        }
      />
      <ContestTabs phaseId={contest.id} current="results" />
      <div className="space-y-4">
        <nav aria-label="选择排名" className="flex flex-wrap gap-2 text-sm">
          {RANKINGS.map((r) => (
            <Link
              key={r}
              href={`?ranking=${r}`}
              aria-current={r === ranking ? "true" : undefined}
              className={`rounded-full border px-3 py-1 ${r === ranking ? "border-brand-600 bg-brand-50 text-brand-700" : "border-slate-300 text-slate-700"}`}
            >
              {RANKING_LABELS[r]}
            </Link>
          ))}
        </nav>
        <Card title={RANKING_LABELS[ranking]}>
          <RankingTable ranking={ranking} rows={results.rankings[ranking]} kinds={kinds} />
        </Card>
        <Card title="颁奖">
          <p className="mb-3 text-sm text-slate-600">
            获奖者（获奖团队的全体成员）在{priorityText(contest.priorityFrom, contest.priorityTo)}的晋级评审中享有晋升和调配优先：名额不足时排在前面。
          </p>
          <AwardForm phaseId={contest.id} people={people} teams={teams} />
        </Card>
        <Card title={`已颁奖项（${results.awards.filter((a) => !a.revoked).length}）`}>
          {results.awards.length === 0 ? (
            <EmptyState title="还没有颁发奖项" hint="在上方选择奖项、排名和获奖者。" />
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="awards">
              {results.awards.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                  <span className={a.revoked ? "text-slate-600 line-through" : ""}>
                    <span className="font-medium">{awardTitle(a)}</span>：{a.holderName}
                    <span className="ml-2 text-slate-600">{a.holderDetail}</span>
                    {a.note ? <span className="ml-2 text-slate-600">（{a.note}）</span> : null}
                    {a.revoked ? <span className="ml-2 no-underline">已撤销</span> : null}
                  </span>
                  {!a.revoked ? (
                    <ConfirmButton
                      action={revokeAwardAction}
                      fields={{ awardId: a.id }}
                      label="撤销"
                      title="确认撤销该奖项？"
                      body={<p>撤销后获奖者不再享有由此奖项带来的晋升和调配优先；记录会保留。</p>}
                      confirmLabel="确认撤销"
                      reasonLabel="撤销原因（必填）"
                    />
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
