// The one result shape every server action returns to its form.
import { z } from "zod";

export type ActionState<T = undefined> =
  | { ok: true; message?: string; data?: T }
  | {
      ok: false;
      message: string;
      fieldErrors?: Record<string, string[] | undefined>;
      values?: Record<string, unknown>;
      /** A refusal may carry details, e.g. an import's per-row problems. */
      data?: T;
    };

export const initialActionState: ActionState = { ok: true };

/** A failed zod parse as a form result: per-field Chinese messages and the user's values back. */
export function invalidInput(error: z.ZodError, values?: Record<string, unknown>): ActionState<never> {
  const flat = z.flattenError(error);
  return {
    ok: false,
    message: flat.formErrors[0] ?? "请检查标红的字段",
    fieldErrors: flat.fieldErrors as Record<string, string[] | undefined>,
    values,
  };
}

/** What the user typed into `name` before a refused submit (to put back in the field), if any. */
export function fieldValue(state: ActionState<unknown>, name: string): string | undefined {
  if (state.ok) return undefined;
  const v = state.values?.[name];
  return typeof v === "string" ? v : undefined;
}
