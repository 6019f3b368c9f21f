import type { Metadata } from "next";
import Link from "next/link";
import { requirePageViewer } from "@/lib/server/auth/guards";
import { myJudgeEvents } from "@/lib/server/dal/contest/judges";
import { CONTEST_EVENT_LABELS } from "@/lib/domain/contest";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { formatDate } from "@/components/contest/text";

export const metadata: Metadata = { title: "比赛评分" };
export const dynamic = "force-dynamic";

export default async function JudgeEventsPage() {
  const viewer = await requirePageViewer("contest.judge");
  const events = await myJudgeEvents(viewer);
  return (
    <div className="space-y-6">
      <PageHeader title="比赛评分" subtitle="您担任评委的业务技能大比拼项目。为回避起见，本支行的参赛人员和团队不在您的评分表中。" />
      {events.length === 0 ? (
        <Card>
          <EmptyState title="您目前不是任何比赛项目的评委" hint="人力资源部指定评委后，项目会出现在这里。" />
        </Card>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {events.map((e) => (
            <li key={e.eventId}>
              <Link href={`/contest/judge/${e.eventId}`} className="block rounded-xl border border-slate-200 bg-white p-5 shadow-sm hover:border-brand-600">
                <p className="text-sm text-slate-600">{e.contestName}</p>
                <p className="mt-1 text-xl font-semibold text-slate-900">{CONTEST_EVENT_LABELS[e.kind]}</p>
                <p className="mt-2 text-sm text-slate-700">
                  {formatDate(e.heldOn)} · 满分 {e.maxScore} · 已评 {e.scored} 个 · {e.locked ? "已锁定" : "评分中"}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
