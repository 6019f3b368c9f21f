import { startTransition, type FormEvent } from "react";

/**
 * A form's onSubmit that hands its data to a `useActionState` dispatch without React's reset of
 * the form after the action: controlled and typed-in values stay when the action refuses them.
 */
export function submitKeepingInput(dispatch: (data: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
}
