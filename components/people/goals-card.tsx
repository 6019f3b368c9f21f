"use client";

import { useActionState, useId } from "react";
import { saveGoalsAction } from "@/lib/actions/people";
import { initialActionState, type ActionState } from "@/lib/actions/state";
import { quarterLabel, type Quarter } from "@/lib/domain/dates";
import { Card } from "@/components/ui/card";
import { SubmitLine } from "@/components/ui/submit-row";
import { TextareaField } from "@/components/ui/fields";

export interface GoalsCardData {
  quarter: Quarter;
  shortTerm: string | null;
  longTerm: string | null;
}

/** Both goals: three lines, 2–300 characters. */
const goalField = (state: ActionState) => ({ state, rows: 3, required: true, minLength: 2, maxLength: 300 });

/**
 * Personal goals (short-term for this quarter, long-term). `editable` for the person themselves
 * (a form); read-only for their branch head and HR on the profile.
 */
export function GoalsCard({ goals, editable }: { goals: GoalsCardData; editable: boolean }) {
  if (!editable) {
    return (
      <Card title="个人目标">
        {goals.shortTerm || goals.longTerm ? (
          <dl className="space-y-3 text-sm" data-testid="personal-goals">
            <div>
              <dt className="text-slate-600">短期目标（{quarterLabel(goals.quarter)}）</dt>
              <dd className="mt-0.5 whitespace-pre-wrap text-slate-900">{goals.shortTerm ?? "本季度尚未填写"}</dd>
            </div>
            <div>
              <dt className="text-slate-600">长期目标</dt>
              <dd className="mt-0.5 whitespace-pre-wrap text-slate-900">{goals.longTerm ?? "尚未填写"}</dd>
            </div>
          </dl>
        ) : (
          <p className="text-sm text-slate-600">尚未填写个人目标。可提醒其在“我的目标”中填写本季度目标和长期目标。</p>
        )}
      </Card>
    );
  }
  return <GoalsForm goals={goals} />;
}

function GoalsForm({ goals }: { goals: GoalsCardData }) {
  const [state, action, pending] = useActionState(saveGoalsAction, initialActionState);
  const id = useId();
  return (
    <Card title="我的目标">
      <form action={action} className="space-y-4">
        <TextareaField
          id={`${id}-short`}
          name="shortTerm"
          label={`短期目标（${quarterLabel(goals.quarter)}）`}
          placeholder="例如：本季度新增 3 户供应链融资客户，存款完成率达到 100%"
          defaultValue={goals.shortTerm}
          {...goalField(state)}
        />
        <TextareaField
          id={`${id}-long`}
          name="longTerm"
          label="长期目标"
          placeholder="例如：两年内晋升为高级对公客户经理"
          defaultValue={goals.longTerm}
          {...goalField(state)}
        />
        <p className="text-xs text-slate-600">支行长可在您的档案中看到这些目标。每个季度的短期目标单独保存。</p>
        <SubmitLine state={state} pending={pending} pendingText="正在保存…">
          保存目标
        </SubmitLine>
      </form>
    </Card>
  );
}
