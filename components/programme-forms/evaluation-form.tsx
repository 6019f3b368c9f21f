"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { saveEvaluationAction } from "@/lib/actions/programme-forms";
import type { ActionState } from "@/lib/actions/state";
import { FieldError, FormMessage, Spinner, fieldValue } from "@/components/review/form-bits";
import type { EvaluationFormView } from "@/lib/server/dal/programme-forms/views";
import { ASPECT_HINTS, ASPECT_LABELS, SCORE_WORDS } from "./format";

const ASPECTS = ["content", "delivery", "organisation", "applicability"] as const;

/** The 培训效果评估表: four 1–5 ratings and comments; saved as a draft or submitted (final). */
export function EvaluationForm({ sessionId, evaluation }: { sessionId: string; evaluation: EvaluationFormView["evaluation"] }) {
  const [state, dispatch, pending] = useActionState(saveEvaluationAction, { ok: true } as ActionState);
  const [intent, setIntent] = useState<"draft" | "submit">("draft");

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const chosen = submitter?.value === "submit" ? "submit" : "draft";
    if (chosen === "submit" && !window.confirm("提交后评估表不能再修改，确认提交吗？")) return;
    setIntent(chosen);
    const data = new FormData(event.currentTarget);
    data.set("intent", chosen);
    // Dispatched by hand so React does not reset what was typed when the save is refused.
    startTransition(() => dispatch(data));
  }

  const initial = (aspect: (typeof ASPECTS)[number]) => fieldValue(state, aspect) ?? (evaluation?.[aspect] != null ? String(evaluation[aspect]) : "");

  return (
    <form onSubmit={submit} noValidate className="space-y-5" data-testid="evaluation-form">
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
      <div>
        <label htmlFor="comments" className="mb-1 block text-sm font-medium text-slate-800">
          意见和建议（选填）
        </label>
        <textarea
          id="comments"
          name="comments"
          rows={4}
          maxLength={1000}
          defaultValue={fieldValue(state, "comments") ?? evaluation?.comments ?? ""}
          className="w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        />
        <FieldError state={state} name="comments" />
      </div>
      <FormMessage state={state} />
      <div className="flex flex-wrap gap-3">
        <button
          type="submit"
          name="intent"
          value="draft"
          disabled={pending}
          aria-busy={pending && intent === "draft"}
          className="inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100 disabled:opacity-60"
        >
          {pending && intent === "draft" ? (
            <>
              <Spinner /> 正在保存…
            </>
          ) : (
            "保存草稿"
          )}
        </button>
        <button
          type="submit"
          name="intent"
          value="submit"
          disabled={pending}
          aria-busy={pending && intent === "submit"}
          className="inline-flex items-center gap-2 rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending && intent === "submit" ? (
            <>
              <Spinner /> 正在提交…
            </>
          ) : (
            "提交评估表"
          )}
        </button>
      </div>
    </form>
  );
}
