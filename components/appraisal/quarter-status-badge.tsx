import { QUARTER_STATUS_LABELS } from "./text";

export function QuarterStatusBadge({ status }: { status: "OPEN" | "LOCKED" }) {
  const color = status === "OPEN" ? "bg-emerald-50 text-emerald-700 ring-emerald-200" : "bg-slate-100 text-slate-600 ring-slate-200";
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ring-1 ${color}`}>{QUARTER_STATUS_LABELS[status]}</span>;
}
