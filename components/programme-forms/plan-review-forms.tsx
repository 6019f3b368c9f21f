"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { recordFollowUpAction, scoreActionPlanAction } from "@/lib/actions/programme-forms";
import type { ActionState } from "@/lib/actions/state";
import { FieldError, FormMessage, SubmitButton, fieldValue } from "@/components/review/form-bits";
import { FOLLOW_UP_STATUS_LABELS } from "./format";

function useForm(action: (prev: ActionState, data: FormData) => Promise<ActionState>) {
  const [state, dispatch, pending] = useActionState(action, { ok: true } as ActionState);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
  return { state, pending, onSubmit };
}

/** The branch head's follow-up at 30, 60 or 90 days: status and a note. */
export function FollowUpForm({ planId, suggested }: { planId: string; suggested: number }) {
  const { state, pending, onSubmit } = useForm(recordFollowUpAction);
  const id = (n: string) => `${n}-${planId}`;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="follow-up-form">
      <input type="hidden" name="actionPlanId" value={planId} />
      <div className="flex flex-wrap gap-3">
        <div>
          <label htmlFor={id("checkpoint")} className="mb-1 block text-xs text-slate-700">
            跟进节点
          </label>
          <select
            id={id("checkpoint")}
            name="checkpoint"
            defaultValue={fieldValue(state, "checkpoint") ?? String(suggested)}
            className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          >
            {[30, 60, 90].map((c) => (
              <option key={c} value={c}>
                {c} 天
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={id("status")} className="mb-1 block text-xs text-slate-700">
            进展状态
          </label>
          <select
            id={id("status")}
            name="status"
            defaultValue={fieldValue(state, "status") ?? ""}
            className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          >
            <option value="" disabled>
              请选择
            </option>
            {Object.entries(FOLLOW_UP_STATUS_LABELS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
          <FieldError state={state} name="status" />
        </div>
      </div>
      <div>
        <label htmlFor={id("note")} className="mb-1 block text-xs text-slate-700">
          跟进记录
        </label>
        <textarea
          id={id("note")}
          name="note"
          rows={2}
          maxLength={1000}
          defaultValue={fieldValue(state, "note") ?? ""}
          className="w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        />
        <FieldError state={state} name="note" />
      </div>
      <FormMessage state={state} />
      <SubmitButton pending={pending} pendingText="正在保存…" tone="plain" size="sm">
        保存跟进
      </SubmitButton>
    </form>
  );
}

/** The final score 0–100; it feeds 行动计划跟进评分 of the linked quarter. */
export function FinalScoreForm({ planId, current }: { planId: string; current: number | null }) {
  const { state, pending, onSubmit } = useForm(scoreActionPlanAction);
  const id = `score-${planId}`;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2" data-testid="final-score-form">
      <input type="hidden" name="actionPlanId" value={planId} />
      <label htmlFor={id} className="block text-xs text-slate-700">
        最终评分（0–100）
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={id}
          name="score"
          inputMode="decimal"
          autoComplete="off"
          defaultValue={fieldValue(state, "score") ?? (current !== null ? String(current) : "")}
          className="w-24 rounded-md border border-slate-300 px-2 py-1.5 text-sm tabular-nums"
        />
        <SubmitButton pending={pending} pendingText="正在保存…" size="sm">
          {current === null ? "评分" : "修改评分"}
        </SubmitButton>
      </div>
      <FieldError state={state} name="score" />
      <FormMessage state={state} />
    </form>
  );
}
