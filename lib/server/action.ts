import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { invalidInput, type ActionState } from "@/lib/actions/state";
import { CONTROL_CHAR_MESSAGE, hasControlChars } from "@/lib/schemas/common";
import { actionError } from "@/lib/server/action-errors";
import { requireActorFor } from "@/lib/server/auth/guards";
import type { Permission } from "@/lib/server/auth/permissions";
import type { Viewer } from "@/lib/server/auth/viewer";

/** A path to revalidate, optionally as a whole layout. */
export type RevalidateTarget = string | readonly [path: string, type: "layout" | "page"];

/** What an action tells its form after `run` succeeded: a state, or a page to go to. */
export type ActionOutcome<D> = ActionState<D> | { redirect: string };

export interface FormActionDefinition<S extends z.ZodType, R, D> {
  /** The operation in the permission table (lib/server/auth/permissions.ts). */
  permission: Permission;
  /** Only for changing one's own password: runs while HR's reset still forces a new password. */
  allowPendingPasswordChange?: boolean;
  schema: S;
  /** The raw object to parse; default: the form's text fields (what `values` returns). */
  input?: (form: FormData, values: Record<string, unknown>) => unknown;
  /** The user's values handed back on a refusal; default: every text field (not files). */
  values?: (form: FormData) => Record<string, unknown>;
  /** The DAL call: it checks scope itself and writes in one transaction. */
  run: (viewer: Viewer, input: z.output<S>) => Promise<R>;
  /** Paths whose cached pages the change makes stale; a function may pick them from the result. */
  revalidate?: readonly RevalidateTarget[] | ((input: z.output<S>, result: R) => readonly RevalidateTarget[]);
  /** The form's state after success (default `{ ok: true }`), or `{ redirect }`. */
  done?: (result: R, input: z.output<S>, viewer: Viewer) => ActionOutcome<D>;
}

/**
 * Every text field of a form, minus Next's own `$ACTION…` keys; repeated keys, and keys named
 * `…Ids` (multi-selects), become arrays.
 */
export function formValues(form: FormData): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$")) continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    if (all.length === 0) continue;
    values[key] = all.length > 1 || key.endsWith("Ids") ? all : all[0];
  }
  return values;
}

/** A form's text field; "" when it is missing or a file. */
export function formText(form: FormData, key: string): string {
  const v = form.get(key);
  return typeof v === "string" ? v : "";
}

/** The actions of one area: one permission and the pages they change, given once. */
export function areaAction(permission: Permission, revalidate: readonly RevalidateTarget[]) {
  return <S extends z.ZodType, R, D = undefined>(def: Omit<FormActionDefinition<S, R, D>, "permission" | "revalidate">) =>
    defineFormAction<S, R, D>({ permission, revalidate, ...def });
}

/**
 * The one shape of a server action: authorise (permission table, viewer re-read from the
 * database) → parse with zod → run the DAL → revalidate → the form's state. A refusal
 * (AuthorizationError, DomainError) becomes the form's Chinese message and an unexpected error a
 * generic one — never a 500 page — and the user's values come back so the form keeps them.
 * A redirect happens after the try, as Next requires.
 */
export function defineFormAction<S extends z.ZodType, R, D = undefined>(def: FormActionDefinition<S, R, D>) {
  const action = async (_prev: ActionState<D>, form: FormData): Promise<ActionState<D>> => {
    let values: Record<string, unknown> = {};
    let target: string;
    try {
      values = (def.values ?? formValues)(form);
      const viewer = await requireActorFor(def.permission, { allowPendingPasswordChange: def.allowPendingPasswordChange });
      // No text field may carry NUL or other control characters, whatever its schema says.
      const tainted = [...form.entries()].find(([key, v]) => !key.startsWith("$") && typeof v === "string" && hasControlChars(v));
      if (tainted) return { ok: false, message: `所填内容${CONTROL_CHAR_MESSAGE}`, fieldErrors: { [tainted[0]]: [CONTROL_CHAR_MESSAGE] }, values };
      const parsed = def.schema.safeParse(def.input ? def.input(form, values) : values);
      if (!parsed.success) return invalidInput(parsed.error, values);
      const result = await def.run(viewer, parsed.data);
      const paths = typeof def.revalidate === "function" ? def.revalidate(parsed.data, result) : (def.revalidate ?? []);
      for (const path of paths) {
        if (typeof path === "string") revalidatePath(path);
        else revalidatePath(path[0], path[1]);
      }
      const outcome = def.done ? def.done(result, parsed.data, viewer) : ({ ok: true } as ActionState<D>);
      if (!("redirect" in outcome)) return outcome;
      target = outcome.redirect;
    } catch (error) {
      return actionError(error, values);
    }
    redirect(target);
  };
  // The matrix test reads which permission guards each exported action.
  return Object.assign(action, { permission: def.permission });
}
