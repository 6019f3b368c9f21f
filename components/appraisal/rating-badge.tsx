import { RATING_LABELS, type Rating } from "@/lib/domain/grades";

const COLORS: Record<Rating, string> = {
  EXCELLENT: "bg-emerald-100 text-emerald-800",
  GOOD: "bg-sky-100 text-sky-800",
  QUALIFIED: "bg-slate-100 text-slate-700",
  BASIC: "bg-amber-100 text-amber-800",
  UNQUALIFIED: "bg-red-100 text-red-700",
};

export function RatingBadge({ rating, empty = "未评级" }: { rating: Rating | null | undefined; empty?: string }) {
  if (!rating) return <span className="badge badge-none">{empty}</span>;
  return <span className={`badge ${COLORS[rating]}`}>{RATING_LABELS[rating]}</span>;
}
