import { RATING_LABELS, type Rating } from "@/lib/domain/grades";

// Blue for good, orange for poor: a pair colour-blind readers can tell apart; the text carries
// the meaning on its own.
const STYLES: Record<Rating, string> = {
  EXCELLENT: "bg-blue-700 text-white",
  GOOD: "bg-blue-100 text-blue-900",
  QUALIFIED: "bg-slate-100 text-slate-800",
  BASIC: "bg-orange-100 text-orange-900 ring-1 ring-orange-400",
  UNQUALIFIED: "bg-orange-700 text-white",
};

export function RatingChip({ rating, quarter }: { rating: Rating | null; quarter: string }) {
  if (!rating) {
    return (
      <span title={`${quarter}：未评`} className="inline-block rounded px-1.5 py-0.5 text-xs text-slate-400 ring-1 ring-slate-200">
        未评
      </span>
    );
  }
  return (
    <span title={`${quarter}：${RATING_LABELS[rating]}`} className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ${STYLES[rating]}`}>
      {RATING_LABELS[rating]}
    </span>
  );
}

export function RatingChips({ ratings }: { ratings: { quarter: string; rating: Rating | null }[] }) {
  return (
    <ol className="flex flex-wrap gap-1" aria-label="近四个季度考评（由远及近）">
      {ratings.map((r) => (
        <li key={r.quarter}>
          <span className="sr-only">{r.quarter}：</span>
          <RatingChip rating={r.rating} quarter={r.quarter} />
        </li>
      ))}
    </ol>
  );
}
