import { PHASE_STATUS_LABELS, SEAT_LABELS, ATTENDANCE_LABELS, PARTICIPANT_STATUS_LABELS } from "@/lib/domain/programme-labels";
import type { PhaseStatus } from "@/lib/domain/programme-plan";
import type { AttendanceStatus, ParticipantStatus, SeatStatus } from "@/lib/server/dal/programme/views";

const PHASE_TONES: Record<PhaseStatus, string> = {
  PLANNING: "bg-sky-100 text-sky-900",
  RUNNING: "bg-emerald-100 text-emerald-900",
  EVALUATING: "bg-amber-100 text-amber-900",
  CLOSED: "bg-slate-200 text-slate-800",
};

export function PhaseStatusBadge({ status }: { status: PhaseStatus }) {
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${PHASE_TONES[status]}`}>{PHASE_STATUS_LABELS[status]}</span>;
}

/** The four steps of a phase with the current one marked (筹备中 → 进行中 → 评估中 → 已结束). */
export function PhaseSteps({ status }: { status: PhaseStatus }) {
  const steps = Object.keys(PHASE_STATUS_LABELS) as PhaseStatus[];
  const at = steps.indexOf(status);
  return (
    <ol className="flex flex-wrap items-center gap-1 text-xs" aria-label="阶段进度">
      {steps.map((s, i) => (
        <li key={s} className="flex items-center gap-1" aria-current={i === at ? "step" : undefined}>
          <span
            className={`rounded px-1.5 py-0.5 ${i === at ? "bg-brand-600 font-medium text-white" : i < at ? "bg-slate-200 text-slate-700" : "border border-slate-300 text-slate-600"}`}
          >
            {PHASE_STATUS_LABELS[s]}
          </span>
          {i < steps.length - 1 ? (
            <span aria-hidden="true" className="text-slate-500">
              →
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

const SEAT_TONES: Record<SeatStatus, string> = {
  ENROLLED: "bg-emerald-50 text-emerald-800",
  WAITLISTED: "bg-amber-50 text-amber-900",
  WITHDRAWN: "bg-slate-100 text-slate-700",
};

export function SeatBadge({ status, position }: { status: SeatStatus; position?: number | null }) {
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-xs ${SEAT_TONES[status]}`}>
      {SEAT_LABELS[status]}
      {status === "WAITLISTED" && position ? ` 第 ${position} 位` : ""}
    </span>
  );
}

const ATTENDANCE_TONES: Record<AttendanceStatus, string> = {
  PRESENT: "text-emerald-800",
  LATE: "text-amber-800",
  ABSENT: "text-red-700",
  EXCUSED: "text-slate-700",
};

export function AttendanceText({ status }: { status: AttendanceStatus | null }) {
  if (!status) return <span className="text-slate-600">未登记</span>;
  return <span className={`font-medium ${ATTENDANCE_TONES[status]}`}>{ATTENDANCE_LABELS[status]}</span>;
}

export function ParticipantBadge({ status }: { status: ParticipantStatus }) {
  const tone = status === "ENROLLED" ? "bg-emerald-50 text-emerald-800" : status === "PROPOSED" ? "bg-sky-50 text-sky-900" : "bg-slate-100 text-slate-700";
  return <span className={`inline-block rounded px-1.5 py-0.5 text-xs ${tone}`}>{PARTICIPANT_STATUS_LABELS[status]}</span>;
}
