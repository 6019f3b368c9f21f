import { RATING_LABELS, type Rating } from "@/lib/domain/grades";
import { quarterLabel, quarterShort } from "@/lib/format";

// Blue for good, orange for poor: a pair colour-blind readers can tell apart; the text carries
// the meaning on its own.
const STYLES: Record<Rating, string> = {
  EXCELLENT: "bg-blue-700 text-white",
  GOOD: "bg-blue-100 text-blue-900",
  QUALIFIED: "bg-slate-100 text-slate-800",
  BASIC: "bg-orange-100 text-orange-900 ring-1 ring-orange-400",
  UNQUALIFIED: "bg-orange-700 text-white",
};

/** One rating; with a quarter its tooltip names it (the labelled list below says it in text instead). */
export function RatingChip({ rating, quarter }: { rating: Rating | null; quarter: string }) {
  const title = quarter ? `${quarterLabel(quarter)}：${rating ? RATING_LABELS[rating] : "未评"}` : undefined;
  if (!rating) {
    return (
      <span title={title} className="inline-block rounded px-1.5 py-0.5 text-xs text-slate-600 ring-1 ring-slate-300">
        未评
      </span>
    );
  }
  return (
    <span title={title} className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ${STYLES[rating]}`}>
      {RATING_LABELS[rating]}
    </span>
  );
}

/**
 * Ratings oldest first, each chip labelled with its quarter (2026Q2) above it. Lean markup: a
 * 250-person roster and a 50-row review repeat it four times a row.
 */
export function RatingChips({ ratings }: { ratings: { quarter: string; rating: Rating | null }[]; labelled?: boolean }) {
  return (
    <ol className="flex flex-wrap gap-1" aria-label="各季度考评（由远及近）">
      {ratings.map((r) => (
        <li key={r.quarter} className="grid justify-items-center text-[11px] leading-4 tabular-nums text-slate-600">
          <span className="sr-only">{quarterLabel(r.quarter)}：</span>
          <span aria-hidden="true">{quarterShort(r.quarter)}</span>
          <RatingChip rating={r.rating} quarter="" />
        </li>
      ))}
    </ol>
  );
}
