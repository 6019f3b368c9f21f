import { quarterLabel } from "@/lib/domain/dates";

/**
 * 晋升和调配优先: the mark of a skills-contest award holder (DOMAIN §5.9, §9). For the review, the
 * profile and the branch/HR dashboards. `until` adds the last quarter of the priority window.
 */
export function PriorityBadge({ until, title, className = "" }: { until?: string | null; title?: string; className?: string }) {
  return (
    <span
      data-testid="priority-badge"
      title={title}
      className={`inline-flex items-center gap-1 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-amber-300 ${className}`}
    >
      <span aria-hidden="true">★</span>
      晋升和调配优先{until ? `（至${quarterLabel(until)}）` : ""}
    </span>
  );
}
