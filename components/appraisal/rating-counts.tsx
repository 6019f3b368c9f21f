import { RATINGS, RATING_LABELS, type Rating } from "@/lib/domain/grades";

/** Counts per rating plus the unrated, at the top of a quarter's sheet. */
export function RatingCounts({ counts }: { counts: { total: number; rated: number; byRating: Record<Rating, number> } }) {
  const items = [
    ...RATINGS.map((r) => ({ key: r, label: RATING_LABELS[r], n: counts.byRating[r] })),
    { key: "UNRATED", label: "未评级", n: counts.total - counts.rated },
  ];
  return (
    <dl className="grid grid-cols-3 gap-3 sm:grid-cols-6" data-testid="rating-counts">
      {items.map((i) => (
        <div key={i.key} className="rounded-lg bg-slate-50 px-3 py-2">
          <dt className="text-xs text-slate-600">{i.label}</dt>
          <dd className="text-xl font-semibold tabular-nums" data-testid={`count-${i.key}`}>
            {i.n}
          </dd>
        </div>
      ))}
    </dl>
  );
}
