import type { ActionState } from "@/lib/actions/state";

/** One field's message under its input (linked by `id` from the input's aria-describedby). */
export function FieldMessage({ id, message }: { id?: string; message?: string }) {
  return message ? (
    <p id={id} className="mt-1 text-sm text-red-700" role="alert">
      {message}
    </p>
  ) : null;
}

/** A field's messages from a refused action's state. */
export function FieldError({ state, name, id }: { state: ActionState<unknown>; name: string; id?: string }) {
  const messages = state.ok ? undefined : state.fieldErrors?.[name];
  return <FieldMessage id={id} message={messages?.length ? messages.join("；") : undefined} />;
}
