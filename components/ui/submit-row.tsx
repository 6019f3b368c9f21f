import type { ActionState } from "@/lib/actions/state";

/** A form's submit button (with its pending label) and the action's message beside it. */
export function SubmitRow({
  pending,
  disabled,
  label,
  pendingLabel,
  state,
  className = "",
}: {
  pending: boolean;
  disabled?: boolean;
  label: string;
  pendingLabel: string;
  state: ActionState<unknown>;
  className?: string;
}) {
  return (
    <div className={`flex flex-wrap items-center gap-3 ${className}`}>
      <button
        type="submit"
        disabled={pending || disabled}
        className="rounded-md bg-brand-600 px-5 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? pendingLabel : label}
      </button>
      {state.message ? (
        <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-sky-800" : "text-red-700"}`}>
          {state.message}
        </p>
      ) : null}
    </div>
  );
}

/** The action's message in a tinted box: a status when it succeeded, an alert when refused. */
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

/** The action's message as a line of text (beside a button, under a short form). */
export function InlineMessage({ state, className = "" }: { state: ActionState<unknown>; className?: string }) {
  if (!state.message) return null;
  return (
    <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-emerald-700" : "text-red-700"} ${className}`}>
      {state.message}
    </p>
  );
}

export function Spinner() {
  return <span aria-hidden="true" className="inline-block h-4 w-4 animate-spin rounded-full border-2 border-current border-r-transparent align-[-2px]" />;
}

export type ButtonTone = "primary" | "danger" | "plain";

/** The colours of a button by its tone (danger: anything irreversible). */
export const BUTTON_TONES: Record<ButtonTone, string> = {
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  danger: "bg-orange-700 text-white hover:bg-orange-800",
  plain: "border border-slate-300 text-slate-700 hover:bg-slate-100",
};

export function SubmitButton({
  pending,
  children,
  pendingText,
  tone = "primary",
  size = "md",
  disabled = false,
}: {
  pending: boolean;
  children: React.ReactNode;
  pendingText: string;
  tone?: ButtonTone;
  size?: "sm" | "md";
  disabled?: boolean;
}) {
  return (
    <button
      type="submit"
      disabled={pending || disabled}
      aria-busy={pending}
      className={`inline-flex items-center gap-2 rounded-md font-medium disabled:opacity-60 ${size === "sm" ? "px-2 py-1 text-xs" : "px-3 py-1.5 text-sm"} ${BUTTON_TONES[tone]}`}
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
  className = "",
  children,
}: {
  state: ActionState<unknown>;
  pending: boolean;
  pendingText: string;
  tone?: ButtonTone;
  /** Extra classes of the row (e.g. a full grid row). */
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={`flex flex-wrap items-center gap-3 ${className}`}>
      <SubmitButton pending={pending} pendingText={pendingText} tone={tone}>
        {children}
      </SubmitButton>
      <FormMessage state={state} />
    </div>
  );
}

/** A grid form's submit button in a cell of its own, then the action's message across a whole row. */
export function GridSubmit({
  state,
  pending,
  pendingText,
  tone,
  cellClassName,
  messageClassName,
  children,
}: {
  state: ActionState<unknown>;
  pending: boolean;
  pendingText: string;
  tone?: ButtonTone;
  cellClassName?: string;
  /** The message row's span of the grid, e.g. sm:col-span-4. */
  messageClassName: string;
  children: React.ReactNode;
}) {
  return (
    <>
      <div className={cellClassName}>
        <SubmitButton pending={pending} pendingText={pendingText} tone={tone}>
          {children}
        </SubmitButton>
      </div>
      <div className={messageClassName}>
        <FormMessage state={state} />
      </div>
    </>
  );
}
