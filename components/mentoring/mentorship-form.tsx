"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { createMentorshipAction, endMentorshipAction } from "@/lib/actions/mentoring";
import type { ActionState } from "@/lib/actions/state";
import { FieldError, FormMessage, SubmitButton, fieldValue } from "@/components/review/form-bits";

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

const input = "w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

/** HR pairs a 见习 account manager with a mentor, by employee numbers. */
export function MentorshipForm({ today }: { today: string }) {
  const { state, pending, onSubmit } = useForm(createMentorshipAction);
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="mentorship-form">
      <div>
        <label htmlFor="menteeNo" className="mb-1 block text-sm text-slate-700">
          学员工号（见习对公客户经理）
        </label>
        <input id="menteeNo" name="menteeNo" autoComplete="off" defaultValue={fieldValue(state, "menteeNo") ?? ""} className={input} />
        <FieldError state={state} name="menteeNo" />
      </div>
      <div>
        <label htmlFor="mentorNo" className="mb-1 block text-sm text-slate-700">
          导师工号（高级/资深客户经理、支行长或人力资源部）
        </label>
        <input id="mentorNo" name="mentorNo" autoComplete="off" defaultValue={fieldValue(state, "mentorNo") ?? ""} className={input} />
        <FieldError state={state} name="mentorNo" />
      </div>
      <div>
        <label htmlFor="note" className="mb-1 block text-sm text-slate-700">
          备注（选填）
        </label>
        <input id="note" name="note" maxLength={200} defaultValue={fieldValue(state, "note") ?? ""} className={input} />
        <FieldError state={state} name="note" />
      </div>
      <div>
        <label htmlFor="startsOn" className="mb-1 block text-sm text-slate-700">
          开始日期
        </label>
        <input id="startsOn" name="startsOn" type="date" defaultValue={fieldValue(state, "startsOn") ?? today} className={input} />
        <FieldError state={state} name="startsOn" />
      </div>
      <div>
        <label htmlFor="endsOn" className="mb-1 block text-sm text-slate-700">
          结束日期（选填）
        </label>
        <input id="endsOn" name="endsOn" type="date" defaultValue={fieldValue(state, "endsOn") ?? ""} className={input} />
        <FieldError state={state} name="endsOn" />
      </div>
      <div className="flex items-end">
        <SubmitButton pending={pending} pendingText="正在保存…">
          建立结对
        </SubmitButton>
      </div>
      <div className="sm:col-span-2 lg:col-span-3">
        <FormMessage state={state} />
      </div>
    </form>
  );
}

/** HR ends a pair today (after a confirmation). */
export function EndMentorshipButton({ mentorshipId, today, label }: { mentorshipId: string; today: string; label: string }) {
  const { state, pending, onSubmit } = useForm(endMentorshipAction, `确认结束 ${label} 的导师结对吗？结束后不再产生新的月度心得要求。`);
  return (
    <form onSubmit={onSubmit} className="inline-flex flex-col items-start gap-1">
      <input type="hidden" name="mentorshipId" value={mentorshipId} />
      <input type="hidden" name="endsOn" value={today} />
      <SubmitButton pending={pending} pendingText="处理中…" tone="plain" size="sm">
        结束结对
      </SubmitButton>
      {!state.ok ? (
        <span role="alert" className="text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
