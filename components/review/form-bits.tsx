"use client";

import type { ActionState } from "@/lib/actions/state";

// The form pieces live in components/ui; re-exported where the forms have always found them.
export { FieldError } from "@/components/ui/field-error";
export { FormMessage, Spinner, SubmitButton, SubmitLine } from "@/components/ui/submit-row";
export { Dialog, useDialogClosingOnSuccess } from "@/components/ui/dialog";

export function fieldValue(state: ActionState<unknown>, name: string): string | undefined {
  if (state.ok) return undefined;
  const v = state.values?.[name];
  return typeof v === "string" ? v : undefined;
}
