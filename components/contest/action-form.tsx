"use client";

import { useActionState, useId } from "react";
import type { ActionState } from "@/lib/actions/state";
import { Dialog, FieldError, FormMessage, SubmitButton, useDialogClosingOnSuccess } from "@/components/review/form-bits";

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

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
export function ActionButton({
  action,
  fields,
  label,
  pendingText,
  tone = "plain",
}: {
  action: Action;
  fields: Record<string, string>;
  label: string;
  pendingText: string;
  tone?: "primary" | "plain" | "danger";
}) {
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
}: {
  action: Action;
  fields: Record<string, string>;
  label: string;
  title: string;
  body: React.ReactNode;
  confirmLabel: string;
  reasonLabel?: string;
  tone?: "primary" | "plain" | "danger";
}) {
  const [state, run, pending] = useActionState(action, { ok: true } as ActionState);
  const dialogRef = useDialogClosingOnSuccess(state);
  const titleId = useId();
  const reasonId = useId();
  const tones = {
    primary: "bg-brand-600 text-white hover:bg-brand-700",
    danger: "bg-orange-700 text-white hover:bg-orange-800",
    plain: "border border-slate-300 text-slate-700 hover:bg-slate-100",
  };
  return (
    <>
      <button type="button" onClick={() => dialogRef.current?.showModal()} className={`rounded-md px-2 py-1 text-xs font-medium ${tones[tone]}`}>
        {label}
      </button>
      {state.ok && state.message ? <FormMessage state={state} /> : null}
      <Dialog dialogRef={dialogRef} titleId={titleId} title={title}>
        <form action={run} className="space-y-3">
          <Hidden fields={fields} />
          <div className="text-sm text-slate-700">{body}</div>
          {reasonLabel ? (
            <div>
              <label htmlFor={reasonId} className="mb-1 block text-sm font-medium">
                {reasonLabel}
              </label>
              <textarea
                id={reasonId}
                name="reason"
                required
                minLength={2}
                maxLength={200}
                rows={2}
                className="w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
              />
              <FieldError state={state} name="reason" />
            </div>
          ) : null}
          {!state.ok ? <FormMessage state={state} /> : null}
          <div className="flex justify-end gap-2">
            <button type="button" onClick={() => dialogRef.current?.close()} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
              取消
            </button>
            <SubmitButton pending={pending} pendingText="正在处理…" tone={tone === "plain" ? "primary" : tone}>
              {confirmLabel}
            </SubmitButton>
          </div>
        </form>
      </Dialog>
    </>
  );
}
