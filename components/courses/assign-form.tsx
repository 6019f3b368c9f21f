"use client";

import { useActionState } from "react";
import { assignCourseAction } from "@/lib/actions/courses";
import type { ActionState } from "@/lib/actions/state";
import { TextField } from "@/components/ui/fields";
import { InlineMessage } from "@/components/ui/submit-row";

const BOX = "rounded-md border border-slate-300 px-3 py-1.5";

/** HR or a branch head assigns this course to people by employee number. */
export function AssignForm({ courseId }: { courseId: string }) {
  const [state, action, pending] = useActionState(assignCourseAction, { ok: true } as ActionState);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="courseId" value={courseId} />
      <TextField
        key={state.message}
        id="employeeNos"
        name="employeeNos"
        label="指派给（工号，可用逗号或空格分隔多个）"
        state={state}
        className="min-w-64 flex-1"
        inputClassName={`w-full ${BOX}`}
      />
      <TextField id="dueDate" name="dueDate" label="截止日期（可选）" state={state} type="date" inputClassName={BOX} />
      <button type="submit" disabled={pending} className="rounded-md border border-slate-300 px-4 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-60">
        {pending ? "正在指派…" : "指派课程"}
      </button>
      <InlineMessage state={state} className="w-full" />
    </form>
  );
}
