import { GRADE_LABELS, type Grade } from "@/lib/domain/grades";
import type { ReviewCategory } from "@/lib/server/dal/review/compute";
import { CATEGORY_LABELS } from "./labels";

const STYLES: Record<ReviewCategory, string> = {
  PROMOTE: "bg-blue-700 text-white",
  DEMOTE: "bg-orange-700 text-white",
  EXIT: "bg-slate-900 text-white",
  BLOCKED: "bg-amber-50 text-amber-900 ring-1 ring-amber-400",
  EXCLUDED: "bg-slate-200 text-slate-700",
  NONE: "text-slate-600 ring-1 ring-slate-200",
};

const MARKS: Record<ReviewCategory, string> = { PROMOTE: "↑", DEMOTE: "↓", EXIT: "×", BLOCKED: "!", EXCLUDED: "−", NONE: "=" };

/** The outcome as a badge with a symbol and words, then the grade move (e.g. 初级 → 中级). */
export function OutcomeBadge({ category, from, to }: { category: ReviewCategory; from: Grade; to: Grade | null }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span className={`whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${STYLES[category]}`}>
        <span aria-hidden="true">{MARKS[category]} </span>
        {CATEGORY_LABELS[category]}
      </span>
      {category === "PROMOTE" || category === "DEMOTE" || category === "EXIT" ? (
        <span className="whitespace-nowrap text-sm">
          {GRADE_LABELS[from]} → {to ? GRADE_LABELS[to] : "退出岗位"}
        </span>
      ) : null}
    </span>
  );
}
