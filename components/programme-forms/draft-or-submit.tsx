"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import type { ActionState } from "@/lib/actions/state";
import { Spinner } from "@/components/review/form-bits";

type Intent = "draft" | "submit";
type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

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

const BUTTONS = [
  { intent: "draft", tone: "border border-slate-300 text-slate-700 hover:bg-slate-100", busy: "正在保存…" },
  { intent: "submit", tone: "bg-brand-600 font-medium text-white hover:bg-brand-700", busy: "正在提交…" },
] as const;

/** 保存草稿 and the submit button, each with its own pending label. */
export function DraftOrSubmitButtons({ pending, intent, submitLabel }: { pending: boolean; intent: Intent; submitLabel: string }) {
  return (
    <div className="flex flex-wrap gap-3">
      {BUTTONS.map((b) => (
        <button
          key={b.intent}
          type="submit"
          name="intent"
          value={b.intent}
          disabled={pending}
          aria-busy={pending && intent === b.intent}
          className={`inline-flex items-center gap-2 rounded-md px-3 py-1.5 text-sm disabled:opacity-60 ${b.tone}`}
        >
          {pending && intent === b.intent ? (
            <>
              <Spinner /> {b.busy}
            </>
          ) : b.intent === "draft" ? (
            "保存草稿"
          ) : (
            submitLabel
          )}
        </button>
      ))}
    </div>
  );
}
