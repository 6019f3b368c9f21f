"use client";

import { saveEvaluationAction } from "@/lib/actions/programme-forms";
import { FieldError } from "@/components/ui/field-error";
import { FormMessage } from "@/components/ui/submit-row";
import { fieldValue } from "@/lib/actions/state";
import { DraftOrSubmitButtons, FORM_FIELD, useDraftOrSubmit } from "./draft-or-submit";
import { TextareaField } from "@/components/ui/fields";
import type { EvaluationFormView } from "@/lib/server/dal/programme-forms/views";
import { ASPECT_HINTS, ASPECT_LABELS, SCORE_WORDS } from "./format";

const ASPECTS = ["content", "delivery", "organisation", "applicability"] as const;

/** The 培训效果评估表: four 1–5 ratings and comments; saved as a draft or submitted (final). */
export function EvaluationForm({ sessionId, evaluation }: { sessionId: string; evaluation: EvaluationFormView["evaluation"] }) {
  const { state, pending, intent, onSubmit } = useDraftOrSubmit(saveEvaluationAction, "提交后评估表不能再修改，确认提交吗？");

  const initial = (aspect: (typeof ASPECTS)[number]) => fieldValue(state, aspect) ?? (evaluation?.[aspect] != null ? String(evaluation[aspect]) : "");

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" data-testid="evaluation-form">
      <input type="hidden" name="sessionId" value={sessionId} />
      {ASPECTS.map((aspect) => (
        <fieldset key={aspect} className="rounded-lg border border-slate-200 p-3" aria-describedby={`${aspect}-hint`}>
          <legend className="px-1 text-sm font-medium text-slate-800">{ASPECT_LABELS[aspect]}</legend>
          <p id={`${aspect}-hint`} className="mb-2 text-xs text-slate-600">
            {ASPECT_HINTS[aspect]}
          </p>
          <div className="flex flex-wrap gap-2">
            {[1, 2, 3, 4, 5].map((n) => (
              <label
                key={n}
                className="flex min-w-[4.5rem] cursor-pointer items-center gap-1.5 rounded-md border border-slate-300 px-2 py-1.5 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
              >
                <input
                  type="radio"
                  name={aspect}
                  value={n}
                  defaultChecked={initial(aspect) === String(n)}
                  aria-label={`${ASPECT_LABELS[aspect]} ${n} 分（${SCORE_WORDS[n]}）`}
                />
                <span>
                  {n} <span className="text-xs text-slate-600">{SCORE_WORDS[n]}</span>
                </span>
              </label>
            ))}
          </div>
          <FieldError state={state} name={aspect} />
        </fieldset>
      ))}
      <TextareaField
        id="comments"
        name="comments"
        label="意见和建议（选填）"
        state={state}
        rows={4}
        maxLength={1000}
        defaultValue={evaluation?.comments ?? ""}
        {...FORM_FIELD}
      />
      <FormMessage state={state} />
      <DraftOrSubmitButtons pending={pending} intent={intent} submitLabel="提交评估表" />
    </form>
  );
}
