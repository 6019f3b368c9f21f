import "server-only";
import { AuthorizationError, DomainError } from "@/lib/server/errors";
import type { ActionState } from "@/lib/actions/state";

/**
 * Turns a thrown error into a form result: expected refusals keep their Chinese message,
 * anything else is logged and shown generically (no internals leak to the browser).
 */
export function actionError(error: unknown, values?: Record<string, unknown>): ActionState<never> {
  if (error instanceof DomainError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors, values };
  if (error instanceof AuthorizationError) return { ok: false, message: error.message, values };
  console.error("[action] unexpected error", error);
  return { ok: false, message: "操作失败，请稍后重试；如果问题持续，请联系系统管理员", values };
}
