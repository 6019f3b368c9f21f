"use client";

import { saveActionPlanAction } from "@/lib/actions/programme-forms";
import { FormMessage } from "@/components/ui/submit-row";
import { TextareaField, TextField } from "@/components/ui/fields";
import { DraftOrSubmitButtons, FORM_FIELD, useDraftOrSubmit } from "./draft-or-submit";
import type { ActionPlanFormView } from "@/lib/server/dal/programme-forms/views";

type Plan = ActionPlanFormView["plan"];

const REQUIRED_MARK = <span className="ml-1 text-xs font-normal text-slate-600">（提交时必填）</span>;

const FIELDS = [
  { name: "goals", label: "行动目标", hint: "培训后希望在工作中达成什么，尽量具体、可衡量", rows: 3, required: true },
  { name: "actions", label: "具体行动", hint: "为达成目标要做的事情、步骤和频次", rows: 4, required: true },
  { name: "resources", label: "所需资源与支持", hint: "需要支行、同事或总行提供的支持（选填）", rows: 2, required: false },
  { name: "successMeasure", label: "成功标准", hint: "到期时用什么结果来判断计划是否完成", rows: 2, required: true },
] as const;

/** The 行动计划表: goals, concrete actions, deadline, resources, success measure; draft → submitted. */
export function ActionPlanForm({ phaseId, plan }: { phaseId: string; plan: Plan }) {
  const { state, pending, intent, onSubmit } = useDraftOrSubmit(saveActionPlanAction, "提交后行动计划不能再修改，将由支行长跟进并评分。确认提交吗？");

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="action-plan-form">
      <input type="hidden" name="phaseId" value={phaseId} />
      {FIELDS.map((f) => (
        <TextareaField
          key={f.name}
          id={f.name}
          name={f.name}
          label={
            <>
              {f.label}
              {f.required ? REQUIRED_MARK : null}
            </>
          }
          hint={f.hint}
          state={state}
          rows={f.rows}
          maxLength={f.name === "actions" ? 2000 : 1000}
          defaultValue={plan?.[f.name] ?? ""}
          {...FORM_FIELD}
        />
      ))}
      <TextField
        id="deadline"
        name="deadline"
        label={<>完成期限{REQUIRED_MARK}</>}
        state={state}
        type="date"
        defaultValue={plan?.deadline ?? ""}
        labelClassName={FORM_FIELD.labelClassName}
        inputClassName="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
      />
      <FormMessage state={state} />
      <DraftOrSubmitButtons pending={pending} intent={intent} submitLabel="提交行动计划" />
    </form>
  );
}
