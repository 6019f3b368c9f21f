import { EmptyState } from "@/components/ui/card";
import type { ReviewHistoryItem } from "@/lib/server/dal/review/committed";
import { REVIEW_STATUS_LABELS } from "./labels";
import { formatDateTime } from "@/lib/format";

const when = (d: Date | null) => (d ? formatDateTime(d) : "");

export function ReviewHistoryList({ items }: { items: ReviewHistoryItem[] }) {
  if (items.length === 0) return <EmptyState title="本季度还没有评审记录" hint="排除人员、设置名额或提交评审后，这里会记录每一次评审。" />;
  return (
    <ul className="space-y-3 text-sm">
      {items.map((r) => (
        <li key={r.id} className="border-l-2 border-slate-200 pl-3">
          <p className="font-medium">{REVIEW_STATUS_LABELS[r.status]}</p>
          {r.committedAt ? (
            <p className="text-slate-600">
              提交：{r.committedBy ?? "—"}，{when(r.committedAt)}
            </p>
          ) : (
            <p className="text-slate-600">创建：{when(r.createdAt)}</p>
          )}
          {r.revertedAt ? (
            <p className="text-slate-600">
              撤销：{r.revertedBy ?? "—"}，{when(r.revertedAt)}；原因：{r.revertReason}
            </p>
          ) : null}
          {r.status !== "DRAFT" ? <p className="text-xs text-slate-600">规则版本：{r.ruleSetFrom ? `自 ${r.ruleSetFrom} 起适用` : "默认条件"}</p> : null}
        </li>
      ))}
    </ul>
  );
}
