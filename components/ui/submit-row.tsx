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
