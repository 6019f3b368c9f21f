"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import type { ActionState } from "@/lib/actions/state";
import { SubmitButton, type ButtonTone } from "@/components/ui/submit-row";

/** A modal <dialog> that closes itself after the action it wraps succeeds. */
export function useDialogClosingOnSuccess(state: ActionState<unknown>) {
  const ref = useRef<HTMLDialogElement>(null);
  const last = useRef(state);
  useEffect(() => {
    if (state !== last.current && state.ok) ref.current?.close();
    last.current = state;
  }, [state]);
  return ref;
}

/** The one confirmation dialog: a titled modal <dialog>, opened with dialogRef.current.showModal(). */
export function Dialog({
  dialogRef,
  titleId,
  title,
  testId,
  children,
}: {
  dialogRef: React.RefObject<HTMLDialogElement | null>;
  titleId: string;
  title: string;
  testId?: string;
  children: React.ReactNode;
}) {
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      data-testid={testId}
      className="m-auto w-[min(32rem,92vw)] rounded-xl p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="space-y-4 p-5">
        <h2 id={titleId} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        {children}
      </div>
    </dialog>
  );
}

/** A dialog form's 取消 (closes the dialog) and its confirming submit button. */
export function DialogButtons({
  dialogRef,
  pending,
  label,
  pendingText,
  tone = "primary",
  disabled = false,
}: {
  dialogRef: React.RefObject<HTMLDialogElement | null>;
  pending: boolean;
  label: string;
  pendingText: string;
  tone?: ButtonTone;
  disabled?: boolean;
}) {
  return (
    <div className="flex justify-end gap-2">
      <button
        type="button"
        disabled={pending}
        onClick={() => dialogRef.current?.close()}
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100"
      >
        取消
      </button>
      <SubmitButton pending={pending} pendingText={pendingText} tone={tone} disabled={disabled}>
        {label}
      </SubmitButton>
    </div>
  );
}

/**
 * A button that opens a confirmation dialog holding the action's form (for anything
 * irreversible): hidden fields, the caller's body (given the action's state and whether it is
 * pending), then 取消 and the confirming submit button; the dialog closes once the action
 * succeeds. `outside` is shown beside the opener (e.g. the outcome once closed).
 */
export function DialogForm<T = undefined>({
  serverAction,
  opener,
  title,
  hidden = {},
  submit,
  outside,
  children,
}: {
  serverAction: (state: ActionState<T>, form: FormData) => Promise<ActionState<T>>;
  opener: { label: React.ReactNode; className: string };
  title: string;
  hidden?: Record<string, string>;
  submit: { label: string; pendingText: string; tone?: ButtonTone };
  outside?: (state: ActionState<T>, pending: boolean) => React.ReactNode;
  children: (state: ActionState<T>, pending: boolean) => React.ReactNode;
}) {
  const [state, action, pending] = useActionState(serverAction, { ok: true } as ActionState<T>);
  const dialog = useDialogClosingOnSuccess(state);
  const id = useId();
  // The dialog is rendered on first use: a list of fifty rows would otherwise send fifty forms.
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    if (opened) dialog.current?.showModal();
  }, [opened, dialog]);
  return (
    <>
      <button type="button" onClick={() => (opened ? dialog.current?.showModal() : setOpened(true))} className={opener.className}>
        {opener.label}
      </button>
      {outside?.(state, pending)}
      {opened ? (
        <Dialog dialogRef={dialog} titleId={`${id}-title`} title={title}>
          <form action={action} className="space-y-3">
            {Object.entries(hidden).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            {children(state, pending)}
            <DialogButtons dialogRef={dialog} pending={pending} label={submit.label} pendingText={submit.pendingText} tone={submit.tone} />
          </form>
        </Dialog>
      ) : null}
    </>
  );
}
