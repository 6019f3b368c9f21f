"use client";

import { startTransition, useActionState, useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import type { ActionState } from "@/lib/actions/state";
import { SubmitButton } from "@/components/ui/submit-row";

type FormAction = (prev: ActionState<{ href?: string }>, formData: FormData) => Promise<ActionState<{ href?: string }>>;

/**
 * A form around a server action: the fields are the caller's (server-rendered) children; it
 * shows the result message with any per-field messages, a pending button, an optional
 * confirmation, and follows `data.href` after success. Submitted by hand so that a refused form
 * keeps what the user typed (React resets uncontrolled fields after a form action).
 */
export function ActionForm({
  action,
  children,
  submitLabel,
  pendingLabel = "正在保存…",
  confirmText,
  resetOnSuccess = false,
  tone = "primary",
  size = "md",
  className = "space-y-3",
  label,
  disabled = false,
}: {
  action: FormAction;
  children?: React.ReactNode;
  submitLabel: string;
  pendingLabel?: string;
  confirmText?: string;
  resetOnSuccess?: boolean;
  tone?: "primary" | "danger" | "plain";
  size?: "sm" | "md";
  className?: string;
  /** accessible name of the form */
  label?: string;
  disabled?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, { ok: true } as ActionState<{ href?: string }>);
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const last = useRef(state);
  useEffect(() => {
    if (state === last.current) return;
    last.current = state;
    if (!state.ok) return;
    if (state.data?.href) router.push(state.data.href);
    else if (resetOnSuccess) formRef.current?.reset();
  }, [state, router, resetOnSuccess]);
  const fieldMessages = state.ok
    ? []
    : Object.values(state.fieldErrors ?? {})
        .flat()
        .filter((m): m is string => !!m);
  return (
    <form
      ref={formRef}
      aria-label={label}
      className={className}
      onSubmit={(event) => {
        event.preventDefault();
        if (confirmText && !window.confirm(confirmText)) return;
        const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
        startTransition(() => formAction(data));
      }}
    >
      {children}
      <div className="flex flex-wrap items-center gap-3">
        {disabled ? null : (
          <SubmitButton pending={pending} pendingText={pendingLabel} tone={tone} size={size}>
            {submitLabel}
          </SubmitButton>
        )}
        {state.message ? (
          <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-emerald-800" : "text-red-700"}`}>
            {state.message}
            {fieldMessages.length && state.message !== fieldMessages[0] ? `：${[...new Set(fieldMessages)].join("；")}` : ""}
          </p>
        ) : null}
      </div>
    </form>
  );
}

/** A folded "remove with a reason" form (移出, 退出本场): the reason box, a confirmation, a danger button. */
export function RemoveWithReason({
  summary,
  summaryClassName = "cursor-pointer text-sm text-red-700",
  action,
  fields,
  submitLabel,
  confirmText,
  label,
  reasonLabel,
  width,
}: {
  summary: string;
  summaryClassName?: string;
  action: FormAction;
  fields: Record<string, string>;
  submitLabel: string;
  confirmText: string;
  label: string;
  reasonLabel: string;
  width: string;
}) {
  return (
    <details>
      <summary className={summaryClassName}>{summary}</summary>
      <ActionForm
        action={action}
        submitLabel={submitLabel}
        tone="danger"
        size="sm"
        className="mt-2 flex flex-wrap items-end gap-2"
        confirmText={confirmText}
        label={label}
      >
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <label className="text-sm">
          <span className="sr-only">{reasonLabel}</span>
          <input
            name="reason"
            required
            minLength={2}
            maxLength={200}
            placeholder={reasonLabel}
            className={`${width} rounded-md border border-slate-300 px-2 py-1.5`}
          />
        </label>
      </ActionForm>
    </details>
  );
}
