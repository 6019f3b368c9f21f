import { GRADE_LABELS, type Grade } from "@/lib/domain/grades";

const COLORS: Record<Grade, string> = {
  TRAINEE: "bg-slate-100 text-slate-700",
  JUNIOR: "bg-sky-100 text-sky-800",
  INTERMEDIATE: "bg-emerald-100 text-emerald-800",
  SENIOR: "bg-amber-100 text-amber-800",
  PRINCIPAL: "bg-violet-100 text-violet-800",
};

export function GradeBadge({ grade }: { grade: Grade | null }) {
  if (!grade) return <span className="badge badge-none">未定级</span>;
  return <span className={`badge ${COLORS[grade]}`}>{GRADE_LABELS[grade]}</span>;
}
