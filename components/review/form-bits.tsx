"use client";

import type { ActionState } from "@/lib/actions/state";

// The field error lives in components/ui; re-exported where the forms have always found it.
export { FieldError } from "@/components/ui/field-error";

export function FormMessage({ state }: { state: ActionState<unknown> }) {
  if (!state.message) return null;
  return (
    <p
      role={state.ok ? "status" : "alert"}
      className={`rounded-md px-3 py-2 text-sm ${state.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-700"}`}
    >
      {state.message}
    </p>
  );
}

export function fieldValue(state: ActionState<unknown>, name: string): string | undefined {
  if (state.ok) return undefined;
  const v = state.values?.[name];
  return typeof v === "string" ? v : undefined;
}

export function Spinner() {
  return <span aria-hidden="true" className="inline-block h-4 w-4 animate-spin rounded-full border-2 border-current border-r-transparent align-[-2px]" />;
}

export function SubmitButton({
  pending,
  children,
  pendingText,
  tone = "primary",
  size = "md",
}: {
  pending: boolean;
  children: React.ReactNode;
  pendingText: string;
  tone?: "primary" | "danger" | "plain";
  size?: "sm" | "md";
}) {
  const tones = {
    primary: "bg-brand-600 text-white hover:bg-brand-700",
    danger: "bg-orange-700 text-white hover:bg-orange-800",
    plain: "border border-slate-300 text-slate-700 hover:bg-slate-100",
  };
  return (
    <button
      type="submit"
      disabled={pending}
      aria-busy={pending}
      className={`inline-flex items-center gap-2 rounded-md font-medium disabled:opacity-60 ${size === "sm" ? "px-2 py-1 text-xs" : "px-3 py-1.5 text-sm"} ${tones[tone]}`}
    >
      {pending ? (
        <>
          <Spinner />
          {pendingText}
        </>
      ) : (
        children
      )}
    </button>
  );
}

/** A form's submit button and, beside it, the action's message. */
export function SubmitLine({
  state,
  pending,
  pendingText,
  tone,
  children,
}: {
  state: ActionState<unknown>;
  pending: boolean;
  pendingText: string;
  tone?: "primary" | "plain";
  children: React.ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <SubmitButton pending={pending} pendingText={pendingText} tone={tone}>
        {children}
      </SubmitButton>
      <FormMessage state={state} />
    </div>
  );
}

// The modal dialog lives in components/ui; re-exported where the review forms have always found it.
export { Dialog, useDialogClosingOnSuccess } from "@/components/ui/dialog";
