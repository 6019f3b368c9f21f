"use client";

import { useActionState } from "react";
import { changePasswordAction } from "@/lib/actions/account";
import { initialActionState } from "@/lib/actions/state";
import { FieldError, FormMessage, SubmitButton } from "@/components/review/form-bits";

const INPUT = "w-full rounded-md border border-slate-300 px-3 py-2 focus:border-brand-600";

function PasswordField({
  name,
  label,
  autoComplete,
  hint,
  state,
}: {
  name: string;
  label: string;
  autoComplete: string;
  hint?: string;
  state: Parameters<typeof FieldError>[0]["state"];
}) {
  const errorId = `${name}-error`;
  const hintId = hint ? `${name}-hint` : undefined;
  return (
    <div>
      <label htmlFor={name} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type="password"
        autoComplete={autoComplete}
        required
        maxLength={200}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ")}
        className={INPUT}
      />
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <FieldError state={state} name={name} id={errorId} />
    </div>
  );
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
