import type { Metadata } from "next";
import Link from "next/link";
import { pageItem } from "@/lib/server/page-load";
import { judgeSheet } from "@/lib/server/dal/contest/scores";
import { CONTEST_EVENT_LABELS } from "@/lib/domain/contest";
import { PageHeader } from "@/components/ui/card";
import { JudgeSheet } from "@/components/contest/judge-sheet";

export const metadata: Metadata = { title: "评分表" };
export const dynamic = "force-dynamic";

/** A judge's own sheet; anyone who is not a judge of the event gets 404. */
export default async function JudgeSheetPage({ params }: { params: Promise<{ eventId: string }> }) {
  const { item: sheet } = await pageItem("contest.judge", params, "eventId", judgeSheet);
  return (
    <div>
      <PageHeader
        title={`评分：${CONTEST_EVENT_LABELS[sheet.kind]}`}
        actions={
          <Link href="/contest/judge" className="text-sm text-brand-700 hover:underline">
            返回我的评分项目
          </Link>
        }
      />
      <JudgeSheet sheet={sheet} />
    </div>
  );
}
