import type { Metadata } from "next";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { getMyMentoring } from "@/lib/server/dal/programme-forms/mentoring";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ReflectionForm } from "@/components/mentoring/reflection-forms";
import { OverdueFlags, ReflectionThread, pairPeriod } from "@/components/mentoring/thread";

export const metadata: Metadata = { title: "导师带教" };
export const dynamic = "force-dynamic";

/** One page for both sides: the mentee writes the monthly 工作心得, the mentor replies. */
export default async function MentoringPage() {
  const viewer = await requirePageViewer("mentoring.reflect");
  const { asMentee, asMentor } = await getMyMentoring(viewer);
  return (
    <div className="space-y-6">
      <PageHeader title="导师带教" subtitle="学员每月提交一篇工作心得（次月 5 日前交上月的），导师阅读并回复。" />
      {asMentee.length === 0 && asMentor.length === 0 ? (
        <EmptyState title="您目前没有导师结对" hint="见习对公客户经理的导师由人力资源部安排；安排后会在这里看到心得往来。" />
      ) : null}

      {asMentee.map((pair) => (
        <Card
          key={pair.id}
          title={
            <span>
              我的导师：{pair.mentor.name} <span className="text-sm font-normal text-slate-600">{pair.mentor.roleLabel}</span>
            </span>
          }
          actions={<OverdueFlags months={pair.overdueMonths} />}
        >
          <p className="mb-4 text-xs text-slate-600">{pairPeriod(pair)}</p>
          <div className="grid gap-6 lg:grid-cols-2">
            <div>
              <h3 className="mb-2 text-sm font-medium text-slate-800">提交工作心得</h3>
              {pair.openMonths.length > 0 ? (
                <ReflectionForm mentorshipId={pair.id} months={pair.openMonths} overdue={pair.overdueMonths} />
              ) : (
                <p className="text-sm text-slate-600">目前没有待提交的月份。</p>
              )}
            </div>
            <div>
              <h3 className="mb-2 text-sm font-medium text-slate-800">心得与回复</h3>
              <ReflectionThread pair={pair} canReply={false} />
            </div>
          </div>
        </Card>
      ))}

      {asMentor.map((pair) => (
        <Card
          key={pair.id}
          title={
            <span>
              我带教的学员：{pair.mentee.name} <span className="text-sm font-normal text-slate-600">{pair.mentee.branchName}</span>
            </span>
          }
          actions={<OverdueFlags months={pair.overdueMonths} />}
        >
          <p className="mb-4 text-xs text-slate-600">{pairPeriod(pair)}</p>
          <ReflectionThread pair={pair} canReply />
        </Card>
      ))}
    </div>
  );
}
