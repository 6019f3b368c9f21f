import { RATING_LABELS, type Rating } from "@/lib/domain/grades";
import { quarterLabel, quarterShort } from "@/lib/format";

// Blue for good, orange for poor (app/globals.css, .rating-*): a pair colour-blind readers can
// tell apart; the text carries the meaning on its own.
const STYLES: Record<Rating, string> = {
  EXCELLENT: "rating-excellent",
  GOOD: "rating-good",
  QUALIFIED: "rating-qualified",
  BASIC: "rating-basic",
  UNQUALIFIED: "rating-unqualified",
};

/** One rating; with a quarter its tooltip names it (the labelled list below says it in text instead). */
export function RatingChip({ rating, quarter }: { rating: Rating | null; quarter: string }) {
  const title = quarter ? `${quarterLabel(quarter)}：${rating ? RATING_LABELS[rating] : "未评"}` : undefined;
  if (!rating) {
    return (
      <span title={title} className="chip chip-none">
        未评
      </span>
    );
  }
  return (
    <span title={title} className={`chip ${STYLES[rating]}`}>
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
    <ol className="quarter-chips" aria-label="各季度考评（由远及近）">
      {ratings.map((r) => (
        <li key={r.quarter}>
          <span className="sr-only">{quarterLabel(r.quarter)}：</span>
          <span aria-hidden="true">{quarterShort(r.quarter)}</span>
          <RatingChip rating={r.rating} quarter="" />
        </li>
      ))}
    </ol>
  );
}
