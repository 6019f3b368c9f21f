"use client";

import { useActionState } from "react";
import { changePasswordAction } from "@/lib/actions/account";
import { initialActionState } from "@/lib/actions/state";
import { FormMessage, SubmitButton } from "@/components/ui/submit-row";
import { LARGE_CONTROL, TextField } from "@/components/ui/fields";
import type { ActionState } from "@/lib/actions/state";

/** A password box with its error under it (the typed password never comes back). */
function PasswordField({ name, ...props }: { name: string; label: string; autoComplete: string; hint?: string; state: ActionState<unknown> }) {
  return <TextField id={name} name={name} type="password" required maxLength={200} inputClassName={LARGE_CONTROL} {...props} />;
}

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, initialActionState);
  return (
    <form action={action} className="max-w-md space-y-4" noValidate>
      <PasswordField name="currentPassword" label="当前密码" autoComplete="current-password" state={state} />
      <PasswordField name="newPassword" label="新密码" autoComplete="new-password" hint="至少 8 个字符，须同时包含字母和数字，不能包含工号" state={state} />
      <PasswordField name="confirmPassword" label="再次输入新密码" autoComplete="new-password" state={state} />
      <FormMessage state={state} />
      <SubmitButton pending={pending} pendingText="正在保存…">
        修改密码
      </SubmitButton>
      <p className="text-xs text-slate-600">修改后所有设备上的登录都会失效，请用新密码重新登录。</p>
    </form>
  );
}
