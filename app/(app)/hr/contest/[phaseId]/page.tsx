import type { Metadata } from "next";
import Link from "next/link";
import { pageItem } from "@/lib/server/page-load";
import { getContest } from "@/lib/server/dal/contest/setup";
import { lockEventAction } from "@/lib/actions/contest";
import { CONTEST_EVENT_FORMS, CONTEST_EVENT_LABELS, isJudgedEvent } from "@/lib/domain/contest";
import { Card, PageHeader } from "@/components/ui/card";
import { ContestTabs } from "@/components/contest/contest-tabs";
import { EventSettingsForm } from "@/components/contest/setup-forms";
import { ConfirmButton } from "@/components/contest/action-form";
import { CONFLICT_NOTE, LOCKED_NOTE_HR, formatDate, formatStamp, priorityText } from "@/components/contest/text";

export const metadata: Metadata = { title: "比赛设置与锁定" };
export const dynamic = "force-dynamic";

export default async function ContestSetupPage({ params }: { params: Promise<{ phaseId: string }> }) {
  const { item: contest } = await pageItem("hr.view", params, "phaseId", getContest);
  const weightSum = contest.events.reduce((s, e) => s + e.weight, 0);
  return (
    <div>
      <PageHeader
        title={contest.name}
        subtitle={`${formatDate(contest.startsOn)}至${formatDate(contest.endsOn)} · 参赛 ${contest.entrants} 人 · 团队 ${contest.teams} 支 · 获奖者享有晋升和调配优先：${priorityText(contest.priorityFrom, contest.priorityTo)}`}
        actions={
          <Link href="/contest/results" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100">
            颁奖大屏
          </Link>
        }
      />
      <ContestTabs phaseId={contest.id} current="" />
      <div className="space-y-4">
        <p className="text-sm text-slate-600">
          个人综合排名 = Σ（项目权重 ÷ 权重合计）×（得分 ÷ 满分）× 100，缺考计 0 分，保留两位小数；当前权重合计 {weightSum}
          。团队项目的得分由全体成员共享。评委评分项目有 5 名及以上评委时，去掉一个最高分和一个最低分后取平均。
        </p>
        {contest.events.map((e) => (
          <Card
            key={e.id}
            title={
              <span>
                {CONTEST_EVENT_LABELS[e.kind]} <span className="text-sm font-normal text-slate-600">（{CONTEST_EVENT_FORMS[e.kind]}）</span>
              </span>
            }
            actions={
              <span
                className={`rounded-full px-2 py-0.5 text-xs ${e.locked ? "bg-slate-200 text-slate-800" : "bg-emerald-100 text-emerald-900"}`}
                data-testid={`event-status-${e.kind}`}
              >
                {e.locked ? `已锁定 ${formatStamp(e.lockedAt)}` : "进行中"}
              </span>
            }
          >
            {e.locked ? (
              <p className="text-sm text-slate-700">
                {formatDate(e.heldOn)} · 满分 {e.maxScore} · 权重 {e.weight}。{LOCKED_NOTE_HR}
              </p>
            ) : (
              <EventSettingsForm eventId={e.id} name={CONTEST_EVENT_LABELS[e.kind]} heldOn={e.heldOn} maxScore={e.maxScore} weight={e.weight} />
            )}
            <div className="mt-3 flex flex-wrap items-center gap-3 text-sm">
              <Link href={`/hr/contest/${contest.id}/events/${e.id}`} className="text-brand-700 hover:underline">
                {isJudgedEvent(e.kind) ? "查看评分" : "录入与导入成绩"}
                <span className="sr-only">：{CONTEST_EVENT_LABELS[e.kind]}</span>
              </Link>
              <span className="text-slate-600">
                已有 {e.scores} 个分数{isJudgedEvent(e.kind) ? ` · 评委 ${e.judges} 名` : ""}
              </span>
              {!e.locked ? (
                <ConfirmButton
                  action={lockEventAction}
                  fields={{ eventId: e.id }}
                  label={`锁定${CONTEST_EVENT_LABELS[e.kind]}`}
                  title={`确认锁定「${CONTEST_EVENT_LABELS[e.kind]}」？`}
                  body={<p>锁定后评委不能再评分，也不能再调整评委和设置；此后只有人力资源部可以逐条更正成绩，并须填写原因。锁定不能撤销。</p>}
                  confirmLabel="确认锁定"
                />
              ) : null}
            </div>
            {isJudgedEvent(e.kind) ? <p className="mt-2 text-xs text-slate-600">{CONFLICT_NOTE}</p> : null}
          </Card>
        ))}
      </div>
    </div>
  );
}
