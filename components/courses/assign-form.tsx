"use client";

import { useActionState } from "react";
import { assignCourseAction } from "@/lib/actions/courses";
import type { ActionState } from "@/lib/actions/state";

/** HR or a branch head assigns this course to people by employee number. */
export function AssignForm({ courseId }: { courseId: string }) {
  const [state, action, pending] = useActionState(assignCourseAction, { ok: true } as ActionState);
  const failed = state.ok ? null : state;
  const v = (failed?.values ?? {}) as Record<string, string>;
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="courseId" value={courseId} />
      <div className="min-w-64 flex-1">
        <label htmlFor="employeeNos" className="mb-1 block text-sm font-medium">
          指派给（工号，可用逗号或空格分隔多个）
        </label>
        <input
          id="employeeNos"
          name="employeeNos"
          defaultValue={v.employeeNos ?? ""}
          key={state.message}
          className="w-full rounded-md border border-slate-300 px-3 py-1.5"
        />
      </div>
      <div>
        <label htmlFor="dueDate" className="mb-1 block text-sm font-medium">
          截止日期（可选）
        </label>
        <input id="dueDate" name="dueDate" type="date" defaultValue={v.dueDate ?? ""} className="rounded-md border border-slate-300 px-3 py-1.5" />
      </div>
      <button type="submit" disabled={pending} className="rounded-md border border-slate-300 px-4 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-60">
        {pending ? "正在指派…" : "指派课程"}
      </button>
      {state.message ? (
        <p role={state.ok ? "status" : "alert"} className={`w-full text-sm ${state.ok ? "text-emerald-700" : "text-red-700"}`}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
