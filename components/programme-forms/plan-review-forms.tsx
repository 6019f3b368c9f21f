"use client";

import { recordFollowUpAction, scoreActionPlanAction } from "@/lib/actions/programme-forms";
import { FieldError } from "@/components/ui/field-error";
import { FormMessage, SubmitButton } from "@/components/ui/submit-row";
import { SelectField, TextField, TextareaField, valueAfter } from "@/components/ui/fields";
import { FOLLOW_UP_STATUS_LABELS } from "./format";
import { SMALL_FIELD, WIDE_FIELD, useKeptForm } from "./draft-or-submit";

const CHECKPOINTS = { "30": "30 天", "60": "60 天", "90": "90 天" };

/** The branch head's follow-up at 30, 60 or 90 days: status and a note. */
export function FollowUpForm({ planId, suggested }: { planId: string; suggested: number }) {
  const { state, pending, onSubmit } = useKeptForm(recordFollowUpAction);
  const id = (n: string) => `${n}-${planId}`;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="follow-up-form">
      <input type="hidden" name="actionPlanId" value={planId} />
      <div className="flex flex-wrap gap-3">
        {[
          { name: "checkpoint", label: "跟进节点", value: suggested, options: CHECKPOINTS },
          { name: "status", label: "进展状态", value: "", options: FOLLOW_UP_STATUS_LABELS, placeholder: "请选择" },
        ].map(({ name, value, ...f }) => (
          <SelectField key={name} id={id(name)} name={name} state={state} defaultValue={value} {...f} {...SMALL_FIELD} />
        ))}
      </div>
      <TextareaField id={id("note")} name="note" label="跟进记录" state={state} rows={2} maxLength={1000} {...WIDE_FIELD} />
      <FormMessage state={state} />
      <SubmitButton pending={pending} pendingText="正在保存…" tone="plain" size="sm">
        保存跟进
      </SubmitButton>
    </form>
  );
}

/** The final score 0–100; it feeds 行动计划跟进评分 of the linked quarter. */
export function FinalScoreForm({ planId, current }: { planId: string; current: number | null }) {
  const { state, pending, onSubmit } = useKeptForm(scoreActionPlanAction);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2" data-testid="final-score-form">
      <input type="hidden" name="actionPlanId" value={planId} />
      <div className="flex flex-wrap items-end gap-2">
        <TextField
          id={`score-${planId}`}
          name="score"
          label="最终评分（0–100）"
          inputMode="decimal"
          autoComplete="off"
          defaultValue={valueAfter(state, "score", current)}
          labelClassName="block text-xs text-slate-700"
          inputClassName="w-24 rounded-md border border-slate-300 px-2 py-1.5 text-sm tabular-nums"
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
