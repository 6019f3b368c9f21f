import type { ReviewCounts } from "@/lib/server/dal/review/compute";
import { CATEGORY_LABELS, COUNT_ORDER } from "./labels";

export function ReviewCountTiles({ counts }: { counts: ReviewCounts }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="review-counts">
      {COUNT_ORDER.map((c) => (
        <div key={c} className="rounded-lg border border-slate-200 bg-white px-4 py-3">
          <dt className="text-xs text-slate-600">{CATEGORY_LABELS[c]}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid={`count-${c}`}>
            {counts[c]}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** "晋级 1 人、降级 0 人、…" for confirmations. */
export function countsSentence(counts: ReviewCounts): string {
  return COUNT_ORDER.map((c) => `${CATEGORY_LABELS[c]} ${counts[c]} 人`).join("、");
}
