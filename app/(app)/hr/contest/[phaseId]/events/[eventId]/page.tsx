import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { getContest, listEntrants } from "@/lib/server/dal/contest/setup";
import { eventScores, judgeSheet } from "@/lib/server/dal/contest/scores";
import { listJudges } from "@/lib/server/dal/contest/judges";
import { CONTEST_EVENT_LABELS, isJudgedEvent } from "@/lib/domain/contest";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/table";
import { NameCell } from "@/components/contest/name-cell";
import { ContestTabs } from "@/components/contest/contest-tabs";
import { CorrectScoreButton, DirectScoresForm, ScoreImportForm } from "@/components/contest/score-forms";
import { JudgeSheet } from "@/components/contest/judge-sheet";
import { LOCKED_NOTE_HR, formatDate, formatPoints } from "@/components/contest/text";

export const metadata: Metadata = { title: "比赛项目成绩" };
export const dynamic = "force-dynamic";

export default async function ContestEventPage({
  params,
  searchParams,
}: {
  params: Promise<{ phaseId: string; eventId: string }>;
  searchParams: Promise<{ judge?: string }>;
}) {
  const viewer = await requirePageViewer("hr.view");
  const { phaseId, eventId } = await params;
  const contest = await getContest(viewer, phaseId);
  const event = contest?.events.find((e) => e.id === eventId);
  if (!contest || !event) notFound();
  const name = CONTEST_EVENT_LABELS[event.kind];
  const judged = isJudgedEvent(event.kind);
  const scores = await eventScores(viewer, event.id);
  const judgeId = (await searchParams).judge;
  const sheet = judged && judgeId ? await judgeSheet(viewer, event.id, judgeId) : null;
  const judges = judged ? (await listJudges(viewer, contest.id)).filter((j) => j.eventId === event.id) : [];
  const entrants = judged ? [] : (await listEntrants(viewer, contest.id)).filter((e) => !e.withdrawn);
  const scoreOf = new Map(scores.map((s) => [s.targetId, s.score]));
  return (
    <div>
      <PageHeader
        title={`${name}成绩`}
        subtitle={`${contest.name} · ${formatDate(event.heldOn)} · 满分 ${event.maxScore}${event.locked ? ` · ${LOCKED_NOTE_HR}` : ""}`}
      />
      <ContestTabs phaseId={contest.id} current="" />
      <div className="space-y-4">
        {judged ? (
          <>
            <Card title="代外部评委录入">
              {judges.length === 0 ? (
                <EmptyState
                  title="还没有评委"
                  hint={
                    <Link href={`/hr/contest/${contest.id}/judges`} className="text-brand-700 underline">
                      先添加评委
                    </Link>
                  }
                />
              ) : (
                <ul className="flex flex-wrap gap-2 text-sm">
                  {judges.map((j) => (
                    <li key={j.id}>
                      <Link
                        href={`?judge=${j.id}`}
                        aria-current={j.id === judgeId ? "true" : undefined}
                        className={`block rounded-full border px-3 py-1 ${j.id === judgeId ? "border-brand-600 bg-brand-50 text-brand-700" : "border-slate-300 text-slate-700"}`}
                      >
                        {j.name}（已评 {j.scores}）
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
              <p className="mt-2 text-xs text-slate-600">内部评委在「比赛评分」页面自行评分；外部评委的评分表由人力资源部选择该评委后代为录入。</p>
              {sheet ? (
                <div className="mt-4">
                  <JudgeSheet sheet={sheet} onBehalf />
                </div>
              ) : null}
            </Card>
          </>
        ) : (
          <>
            <Card title={event.locked ? "更正成绩（须填写原因）" : "录入成绩"}>
              {entrants.length === 0 ? (
                <EmptyState title="还没有参赛人员" hint="先在「参赛人员」中生成名单。" />
              ) : (
                <DirectScoresForm
                  eventId={event.id}
                  maxScore={event.maxScore}
                  locked={event.locked}
                  entrants={entrants.map((e) => ({
                    id: e.id,
                    name: e.name,
                    employeeNo: e.employeeNo,
                    branchName: e.branchName,
                    score: scoreOf.get(e.id) ?? null,
                  }))}
                />
              )}
            </Card>
            {!event.locked ? (
              <Card title="导入成绩（CSV / XLSX）">
                <ScoreImportForm eventId={event.id} />
              </Card>
            ) : null}
          </>
        )}
        <Card title={`全部分数（${scores.length}）`}>
          {scores.length === 0 ? (
            <EmptyState title="还没有分数" hint={judged ? "评委提交评分后会显示在这里。" : "在上方录入或导入成绩。"} />
          ) : (
            <DataTable
              testId="event-scores"
              columns={[judged ? "评分对象" : "姓名", "支行", ...(judged ? ["评委"] : []), { label: "分数", align: "right" }, "更正说明", "操作"]}
            >
              {scores.map((s) => (
                <tr key={s.id} className="border-t border-slate-100">
                  <NameCell name={s.targetName} detail={s.targetDetail} className="py-2 pr-4" />
                  <td className="py-2 pr-4 whitespace-nowrap">{s.branchName}</td>
                  {judged ? <td className="py-2 pr-4">{s.judgeName}</td> : null}
                  <td className="py-2 pr-4 text-right tabular-nums">{formatPoints(s.score)}</td>
                  <td className="py-2 pr-4 text-slate-700">{s.correctionNote ?? "—"}</td>
                  <td className="py-2">
                    <CorrectScoreButton
                      scoreId={s.id}
                      current={s.score}
                      maxScore={event.maxScore}
                      who={`${s.targetName}${s.judgeName ? `（评委 ${s.judgeName}）` : ""}`}
                    />
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </Card>
      </div>
    </div>
  );
}
