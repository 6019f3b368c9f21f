import Link from "next/link";
import type { Viewer } from "@/lib/server/auth/viewer";
import { listFollowUpsDue } from "@/lib/server/dal/programme-forms/action-plans";
import { Card } from "@/components/ui/card";
import { formatDate } from "./format";

/**
 * For the branch home page (rebuilt elsewhere): action-plan follow-ups at 30/60/90 days that have
 * fallen due for the branch head. Renders nothing for other roles or when none are due.
 */
export async function FollowUpsDuePanel({ viewer }: { viewer: Viewer }) {
  const due = await listFollowUpsDue(viewer);
  if (due.length === 0) return null;
  return (
    <Card title={`待跟进的行动计划（${due.length}）`} actions={<Link href="/branch/action-plans" className="text-sm text-brand-700 hover:underline">去跟进</Link>}>
      <ul className="space-y-1 text-sm" data-testid="follow-ups-due-panel">
        {due.slice(0, 8).map((d) => (
          <li key={`${d.actionPlanId}-${d.checkpoint}`}>
            {d.name}（{d.phaseName}）{d.checkpoint} 天跟进，{formatDate(d.dueOn)} 到期
          </li>
        ))}
        {due.length > 8 ? <li className="text-slate-600">另有 {due.length - 8} 项…</li> : null}
      </ul>
    </Card>
  );
}
