"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import type { ActionState } from "@/lib/actions/state";
import { Spinner } from "@/components/ui/submit-row";
import { SubmitChoices } from "@/components/ui/fields";

type Intent = "draft" | "submit";
type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/**
 * A form dispatched by hand (after an optional confirmation), so React does not reset what was
 * typed when the action refuses it.
 */
export function useKeptForm(action: Action, confirmText?: string) {
  const [state, dispatch, pending] = useActionState(action, { ok: true } as ActionState);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (confirmText && !window.confirm(confirmText)) return;
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
  return { state, pending, onSubmit };
}

/** Field looks of the programme's after-phase and mentoring forms. */
export const SMALL_FIELD = { labelClassName: "mb-1 block text-xs text-slate-700", inputClassName: "rounded-md border border-slate-300 px-2 py-1.5 text-sm" };
export const WIDE_FIELD = { ...SMALL_FIELD, inputClassName: "w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" };
/** The after-phase forms' own fields (action plan, evaluation comments). */
export const FORM_FIELD = { ...WIDE_FIELD, labelClassName: "mb-1 block text-sm font-medium text-slate-800" };

/**
 * A form saved as a draft or submitted (final, after a confirmation). Dispatched by hand so React
 * does not reset what was typed when the save is refused.
 */
export function useDraftOrSubmit(action: Action, confirmSubmit: string) {
  const [state, dispatch, pending] = useActionState(action, { ok: true } as ActionState);
  const [intent, setIntent] = useState<Intent>("draft");
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const chosen: Intent = submitter?.value === "submit" ? "submit" : "draft";
    if (chosen === "submit" && !window.confirm(confirmSubmit)) return;
    setIntent(chosen);
    const data = new FormData(event.currentTarget);
    data.set("intent", chosen);
    startTransition(() => dispatch(data));
  }
  return { state, pending, intent, onSubmit };
}

const DRAFT = "border border-slate-300 text-slate-700 hover:bg-slate-100";
const SUBMIT = "bg-brand-600 font-medium text-white hover:bg-brand-700";

/** 保存草稿 and the submit button, each with its own pending label. */
export function DraftOrSubmitButtons({ pending, intent, submitLabel }: { pending: boolean; intent: Intent; submitLabel: string }) {
  const choices = [
    { value: "draft", label: "保存草稿", busy: <Busy text="正在保存…" />, tone: DRAFT },
    { value: "submit", label: submitLabel, busy: <Busy text="正在提交…" />, tone: SUBMIT },
  ];
  return (
    <div className="flex flex-wrap gap-3">
      <SubmitChoices
        name="intent"
        choices={choices}
        pending={pending}
        chosen={intent}
        className="inline-flex items-center gap-2 rounded-md px-3 py-1.5 text-sm disabled:opacity-60"
      />
    </div>
  );
}

function Busy({ text }: { text: string }) {
  return (
    <>
      <Spinner /> {text}
    </>
  );
}
