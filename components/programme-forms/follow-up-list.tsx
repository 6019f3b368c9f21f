import type { FollowUpView } from "@/lib/server/dal/programme-forms/views";
import { FOLLOW_UP_STATUS_LABELS, FOLLOW_UP_STATUS_TONES, formatDate } from "./format";

/** The branch head's follow-ups of one action plan, 30 → 90 days. */
export function FollowUpList({ followUps, empty = "支行长尚未跟进。" }: { followUps: FollowUpView[]; empty?: string }) {
  if (followUps.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ol className="space-y-2" data-testid="follow-ups">
      {followUps.map((f) => (
        <li key={f.checkpoint} className="rounded-md border border-slate-200 px-3 py-2 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium text-slate-800">{f.checkpoint} 天跟进</span>
            <span className={`rounded px-2 py-0.5 text-xs font-medium ${FOLLOW_UP_STATUS_TONES[f.status]}`}>{FOLLOW_UP_STATUS_LABELS[f.status]}</span>
            <span className="text-xs text-slate-600">
              {formatDate(f.recordedAt)}
              {f.recordedBy ? ` · ${f.recordedBy}` : ""}
            </span>
          </div>
          <p className="mt-1 whitespace-pre-wrap text-slate-700">{f.note}</p>
        </li>
      ))}
    </ol>
  );
}
