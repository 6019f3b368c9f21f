"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getViewer, requireActor } from "@/lib/server/auth/viewer";
import { AuthorizationError } from "@/lib/server/errors";
import { actionError } from "@/lib/server/action-errors";
import { changeOwnPassword, resetPassword } from "@/lib/server/auth/account";
import { ChangePasswordInput, ResetPasswordInput } from "@/lib/schemas/account";
import { invalidInput, type ActionState } from "@/lib/actions/state";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/** Any signed-in user (also one whose password HR reset) chooses a new password. */
export async function changePasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    // Not requireActor: after HR's reset this is the one action such a user may run.
    const viewer = await getViewer();
    if (!viewer) throw new AuthorizationError("登录已失效，请重新登录");
    const input = ChangePasswordInput.safeParse({
      currentPassword: form.get("currentPassword") ?? undefined,
      newPassword: form.get("newPassword") ?? undefined,
      confirmPassword: form.get("confirmPassword") ?? undefined,
    });
    // Passwords are never sent back into the form.
    if (!input.success) return invalidInput(input.error);
    await changeOwnPassword(viewer, input.data.currentPassword, input.data.newPassword);
  } catch (error) {
    return actionError(error);
  }
  // The new password ended every session, this one included: sign in again with it.
  const jar = await cookies();
  for (const name of SESSION_COOKIES) jar.delete(name);
  redirect("/login?changed=1");
}

export type ResetPasswordResult = { name: string; employeeNo: string; temporaryPassword: string };

/** HR resets someone's password to a temporary one, shown once; the change is forced at next sign-in. */
export async function resetPasswordAction(_prev: ActionState<ResetPasswordResult>, form: FormData): Promise<ActionState<ResetPasswordResult>> {
  try {
    const viewer = await requireActor(["HR"]);
    const input = ResetPasswordInput.safeParse({ userId: form.get("userId") ?? undefined });
    if (!input.success) return invalidInput(input.error);
    const result = await resetPassword(viewer, input.data.userId);
    revalidatePath("/hr/password-reset");
    return { ok: true, message: `已重置 ${result.name}（工号 ${result.employeeNo}）的密码`, data: result };
  } catch (error) {
    return actionError(error);
  }
}
