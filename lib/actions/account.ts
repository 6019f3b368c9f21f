"use server";

import { cookies } from "next/headers";
import { defineFormAction } from "@/lib/server/action";
import { changeOwnPassword, resetPassword } from "@/lib/server/auth/account";
import { ChangePasswordInput, ResetPasswordInput } from "@/lib/schemas/account";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/** Any signed-in user (also one whose password HR reset) chooses a new password. */
export const changePasswordAction = defineFormAction({
  permission: "account.password",
  // After HR's reset this is the one action such a user may run.
  allowPendingPasswordChange: true,
  schema: ChangePasswordInput,
  // Passwords are never sent back into the form.
  values: () => ({}),
  input: (form) => ({
    currentPassword: form.get("currentPassword") ?? undefined,
    newPassword: form.get("newPassword") ?? undefined,
    confirmPassword: form.get("confirmPassword") ?? undefined,
  }),
  run: async (viewer, data) => {
    await changeOwnPassword(viewer, data.currentPassword, data.newPassword);
    // The new password ended every session, this one included: sign in again with it.
    const jar = await cookies();
    for (const name of SESSION_COOKIES) jar.delete(name);
  },
  done: () => ({ redirect: "/login?changed=1" }),
});

export type ResetPasswordResult = { name: string; employeeNo: string; temporaryPassword: string };

/**
 * The one HR password reset (/hr/password-reset and the person page /hr/people/[id]): a temporary
 * password shown once, the change forced at next sign-in, audited, every open session ended.
 */
export const resetPasswordAction = defineFormAction({
  permission: "people.manage",
  schema: ResetPasswordInput,
  values: () => ({}),
  input: (form) => ({ userId: form.get("userId") ?? undefined }),
  run: (viewer, data) => resetPassword(viewer, data.userId),
  revalidate: (data) => ["/hr/password-reset", `/hr/people/${data.userId}`],
  done: (result) => ({ ok: true, message: `已重置 ${result.name}（工号 ${result.employeeNo}）的密码`, data: result }),
});
