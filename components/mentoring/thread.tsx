import type { MentorshipView } from "@/lib/server/dal/programme-forms/views";
import { formatDate, formatDateTime, monthLabel } from "@/components/programme-forms/format";
import { ReplyForm } from "./reflection-forms";

/** Overdue months as small amber flags. */
export function OverdueFlags({ months }: { months: string[] }) {
  if (months.length === 0) return <span className="text-xs text-emerald-700">按时提交</span>;
  return (
    <span className="flex flex-wrap gap-1" data-testid="overdue-months">
      {months.map((m) => (
        <span key={m} className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">
          {monthLabel(m)}逾期
        </span>
      ))}
    </span>
  );
}

export function pairPeriod(m: Pick<MentorshipView, "startsOn" | "endsOn">): string {
  return `${formatDate(m.startsOn)} 起${m.endsOn ? `，至 ${formatDate(m.endsOn)}` : ""}`;
}

/** The reflections of one pair, newest month first, with the mentor's replies (and reply forms for the mentor). */
export function ReflectionThread({ pair, canReply }: { pair: MentorshipView; canReply: boolean }) {
  if (pair.reflections.length === 0) return <p className="text-sm text-slate-600">还没有工作心得。学员每月提交一篇，次月 5 日前交上月的心得。</p>;
  return (
    <ol className="space-y-3" data-testid="reflection-thread">
      {pair.reflections.map((r) => (
        <li key={r.id} className="rounded-lg border border-slate-200 p-3 text-sm">
          <p className="text-xs text-slate-600">
            {monthLabel(r.month)} · {pair.mentee.name} 提交于 {formatDateTime(r.submittedAt)}
          </p>
          <p className="mt-1 whitespace-pre-wrap text-slate-900">{r.body}</p>
          {r.reply ? (
            <div className="mt-2 rounded-md bg-slate-50 px-3 py-2">
              <p className="text-xs text-slate-600">
                导师 {pair.mentor.name} 回复于 {formatDateTime(r.repliedAt)}
              </p>
              <p className="whitespace-pre-wrap text-slate-800">{r.reply}</p>
            </div>
          ) : canReply ? (
            <ReplyForm reflectionId={r.id} month={r.month} />
          ) : (
            <p className="mt-2 text-xs text-slate-600">等待导师回复</p>
          )}
        </li>
      ))}
    </ol>
  );
}
