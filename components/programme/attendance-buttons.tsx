"use client";

import { useActionState } from "react";
import { recordAttendanceAction } from "@/lib/actions/programme";
import type { NavigateState } from "@/lib/actions/programme";
import { ATTENDANCE_LABELS } from "@/lib/domain/programme-labels";
import type { AttendanceStatus } from "@/lib/server/dal/programme/views";

const TONES: Record<AttendanceStatus, string> = {
  PRESENT: "bg-emerald-700 text-white border-emerald-700",
  LATE: "bg-amber-600 text-white border-amber-600",
  ABSENT: "bg-red-700 text-white border-red-700",
  EXCUSED: "bg-slate-700 text-white border-slate-700",
};

/** One roster row's attendance: four large buttons (tablet-friendly), the current one pressed. */
export function AttendanceButtons({
  sessionId,
  userId,
  name,
  current,
  disabled,
}: {
  sessionId: string;
  userId: string;
  name: string;
  current: AttendanceStatus | null;
  disabled?: boolean;
}) {
  const [state, action, pending] = useActionState(recordAttendanceAction, { ok: true } as NavigateState);
  return (
    <form action={action} className="flex flex-col gap-1" aria-label={`${name} 的出勤`}>
      <input type="hidden" name="sessionId" value={sessionId} />
      <input type="hidden" name="userId" value={userId} />
      <div className="flex flex-wrap gap-2">
        {(Object.keys(ATTENDANCE_LABELS) as AttendanceStatus[]).map((status) => {
          const on = current === status;
          return (
            <button
              key={status}
              type="submit"
              name="status"
              value={status}
              disabled={pending || disabled}
              aria-pressed={on}
              className={`min-h-11 min-w-16 rounded-lg border px-3 py-2 text-base font-medium disabled:opacity-60 ${on ? TONES[status] : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100"}`}
            >
              {ATTENDANCE_LABELS[status]}
            </button>
          );
        })}
      </div>
      {pending ? (
        <span className="text-xs text-slate-600" role="status">
          正在保存…
        </span>
      ) : state.message && !state.ok ? (
        <span role="alert" className="text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
