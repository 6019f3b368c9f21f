"use client";

import { useActionState, useId } from "react";
import type { ActionState } from "@/lib/actions/state";
import { FormMessage, SubmitButton, BUTTON_TONES, type ButtonTone } from "@/components/ui/submit-row";
import { DialogForm } from "@/components/ui/dialog";
import { TextareaField } from "@/components/ui/fields";

/** The reason a confirmation asks for (as the action's schema wants it). */
const REASON = {
  required: true,
  minLength: 2,
  maxLength: 200,
  rows: 2,
  inputClassName: "w-full rounded-md border border-slate-300 px-2 py-1 text-sm",
} as const;

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/** What both buttons run: the action, its hidden fields, the button's words and colour. */
interface ButtonAction {
  action: Action;
  fields: Record<string, string>;
  label: string;
  tone?: ButtonTone;
}

function Hidden({ fields }: { fields: Record<string, string> }) {
  return (
    <>
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
    </>
  );
}

/** One button that runs an action at once (nothing irreversible), with a pending state and the result. */
export function ActionButton({ action, fields, label, pendingText, tone = "plain" }: ButtonAction & { pendingText: string }) {
  const [state, run, pending] = useActionState(action, { ok: true } as ActionState);
  return (
    <form action={run} className="inline-flex flex-col gap-1">
      <Hidden fields={fields} />
      <SubmitButton pending={pending} pendingText={pendingText} tone={tone} size="sm">
        {label}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

/**
 * A button that opens a confirmation dialog (for anything irreversible), optionally asking for a
 * reason, and runs the action from the dialog.
 */
export function ConfirmButton({
  action,
  fields,
  label,
  title,
  body,
  confirmLabel,
  reasonLabel,
  tone = "danger",
}: ButtonAction & { title: string; body: React.ReactNode; confirmLabel: string; reasonLabel?: string }) {
  const id = useId();
  const opener = { label, className: `rounded-md px-2 py-1 text-xs font-medium ${BUTTON_TONES[tone]}` };
  return (
    <DialogForm
      serverAction={action}
      opener={opener}
      title={title}
      hidden={fields}
      submit={{ label: confirmLabel, pendingText: "正在处理…", tone: tone === "plain" ? "primary" : tone }}
      outside={(state) => (state.ok && state.message ? <FormMessage state={state} /> : null)}
    >
      {(state) => (
        <>
          <div className="text-sm text-slate-700">{body}</div>
          {reasonLabel ? <TextareaField id={`${id}-reason`} name="reason" label={reasonLabel} state={state} {...REASON} /> : null}
          {!state.ok ? <FormMessage state={state} /> : null}
        </>
      )}
    </DialogForm>
  );
}
