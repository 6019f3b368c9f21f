import Link from "next/link";
import type { Viewer } from "@/lib/server/auth/viewer";
import { getOverdueReflections } from "@/lib/server/dal/programme-forms/mentoring";
import { Card } from "@/components/ui/card";
import { monthLabel } from "@/components/programme-forms/format";

/**
 * For the home pages (/me, /branch, /hr are rebuilt elsewhere): the viewer's overdue 工作心得 as a
 * mentee, and their mentees' overdue months as a mentor. Renders nothing when there are none.
 */
export async function OverdueReflectionsPanel({ viewer }: { viewer: Viewer }) {
  const { mine, mentees } = await getOverdueReflections(viewer);
  if (mine.length === 0 && mentees.length === 0) return null;
  return (
    <Card title="导师计划：逾期的工作心得" actions={<Link href="/mentoring" className="text-sm text-brand-700 hover:underline">去处理</Link>}>
      <ul className="space-y-1 text-sm" data-testid="overdue-reflections-panel">
        {mine.length > 0 ? <li>我的工作心得未提交：{mine.map((m) => monthLabel(m.month)).join("、")}</li> : null}
        {mentees.map((m) => (
          <li key={`${m.mentorshipId}-${m.month}`}>
            学员 {m.mentee} 未提交 {monthLabel(m.month)} 的工作心得
          </li>
        ))}
      </ul>
    </Card>
  );
}
