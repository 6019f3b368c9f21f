import {
  CATEGORY_LABELS,
  DELIVERY_LABELS,
  ENROLMENT_STATUS_LABELS,
  TIER_LABELS,
  type Category,
  type Delivery,
  type EnrolmentStatus,
  type Tier,
} from "@/lib/domain/curriculum-labels";
import { COMPETENCY_LABELS, type CompetencyCode } from "@/lib/domain/competency";

export function competencyName(code: string): string {
  return COMPETENCY_LABELS[code as CompetencyCode] ?? code;
}

export function CourseMeta({ tier, category, delivery, hours }: { tier: Tier; category: Category; delivery: Delivery; hours: number }) {
  return (
    <span className="text-xs text-slate-600">
      {TIER_LABELS[tier]} · {CATEGORY_LABELS[category]} · {DELIVERY_LABELS[delivery]} · {hours} 学时
    </span>
  );
}

const STATUS_STYLE: Record<EnrolmentStatus, string> = {
  ASSIGNED: "bg-slate-100 text-slate-700",
  IN_PROGRESS: "bg-sky-100 text-sky-800",
  COMPLETED: "bg-emerald-100 text-emerald-800",
  WAIVED: "bg-violet-100 text-violet-800",
};

export function StatusBadge({ status }: { status: EnrolmentStatus }) {
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[status]}`}>{ENROLMENT_STATUS_LABELS[status]}</span>;
}

export function HoursBar({ done, total }: { done: number; total: number }) {
  const pct = total === 0 ? 100 : Math.min(100, Math.round((done / total) * 100));
  return (
    <div>
      <div className="flex justify-between text-sm">
        <span data-testid="required-hours">
          已完成 {done} / {total} 学时
        </span>
        <span className="text-slate-600">{pct}%</span>
      </div>
      <div
        className="mt-1 h-2 rounded-full bg-slate-100"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-label="必修学时完成进度"
      >
        <div className="h-2 rounded-full bg-brand-600" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
