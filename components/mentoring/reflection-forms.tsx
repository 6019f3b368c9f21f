"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { replyReflectionAction, submitReflectionAction } from "@/lib/actions/mentoring";
import type { ActionState } from "@/lib/actions/state";
import { FieldError, FormMessage, SubmitButton, fieldValue } from "@/components/review/form-bits";
import { monthLabel } from "@/components/programme-forms/format";

function useForm(action: (prev: ActionState, data: FormData) => Promise<ActionState>, confirmText?: string) {
  const [state, dispatch, pending] = useActionState(action, { ok: true } as ActionState);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (confirmText && !window.confirm(confirmText)) return;
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
  return { state, pending, onSubmit };
}

/** The mentee's monthly 工作心得 for one of the months still open. */
export function ReflectionForm({ mentorshipId, months, overdue }: { mentorshipId: string; months: string[]; overdue: string[] }) {
  const { state, pending, onSubmit } = useForm(submitReflectionAction, "工作心得提交后不能修改，确认提交吗？");
  const id = (n: string) => `${n}-${mentorshipId}`;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="reflection-form">
      <input type="hidden" name="mentorshipId" value={mentorshipId} />
      <div>
        <label htmlFor={id("month")} className="mb-1 block text-sm text-slate-700">
          月份
        </label>
        <select
          id={id("month")}
          name="month"
          defaultValue={fieldValue(state, "month") ?? months[0]}
          className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        >
          {months.map((m) => (
            <option key={m} value={m}>
              {monthLabel(m)}
              {overdue.includes(m) ? "（已逾期）" : ""}
            </option>
          ))}
        </select>
        <FieldError state={state} name="month" />
      </div>
      <div>
        <label htmlFor={id("body")} className="mb-1 block text-sm text-slate-700">
          本月工作心得
        </label>
        <textarea
          id={id("body")}
          name="body"
          rows={5}
          maxLength={3000}
          defaultValue={fieldValue(state, "body") ?? ""}
          className="w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        />
        <FieldError state={state} name="body" />
      </div>
      <FormMessage state={state} />
      <SubmitButton pending={pending} pendingText="正在提交…">
        提交工作心得
      </SubmitButton>
    </form>
  );
}

/** The mentor's reply to one reflection. */
export function ReplyForm({ reflectionId, month }: { reflectionId: string; month: string }) {
  const { state, pending, onSubmit } = useForm(replyReflectionAction);
  const id = `reply-${reflectionId}`;
  return (
    <form onSubmit={onSubmit} noValidate className="mt-2 space-y-2" data-testid="reply-form">
      <input type="hidden" name="reflectionId" value={reflectionId} />
      <label htmlFor={id} className="block text-xs text-slate-700">
        回复{monthLabel(month)}的心得
      </label>
      <textarea
        id={id}
        name="reply"
        rows={2}
        maxLength={2000}
        defaultValue={fieldValue(state, "reply") ?? ""}
        className="w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
      />
      <FieldError state={state} name="reply" />
      <FormMessage state={state} />
      <SubmitButton pending={pending} pendingText="正在发送…" size="sm">
        发送回复
      </SubmitButton>
    </form>
  );
}
