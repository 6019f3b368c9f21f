"use client";

import { useActionState, useId, useRef } from "react";
import { resetPasswordAction, type ResetPasswordResult } from "@/lib/actions/account";
import type { ActionState } from "@/lib/actions/state";
import { Dialog, FormMessage, SubmitButton } from "@/components/review/form-bits";

const initial: ActionState<ResetPasswordResult> = { ok: true };

/**
 * HR's "重置密码" for one person: a confirmation, then the temporary password shown once. The
 * person must choose a new password at their next sign-in; their open sessions end at once.
 */
export function ResetPasswordButton({ userId, name }: { userId: string; name: string }) {
  const [state, action, pending] = useActionState(resetPasswordAction, initial);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const result = state.ok ? state.data : undefined;
  return (
    <div className="space-y-3">
      <button
        type="button"
        onClick={() => dialogRef.current?.showModal()}
        className="rounded-md bg-orange-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-orange-800"
      >
        重置密码
      </button>
      <Dialog dialogRef={dialogRef} titleId={titleId} title={`重置 ${name} 的密码？`}>
        <p className="text-sm text-slate-700">系统将生成一个临时密码，{name} 在所有设备上的登录立即失效，下次登录后必须先设置新密码。此操作不可撤销。</p>
        <form
          action={(form) => {
            dialogRef.current?.close();
            action(form);
          }}
          className="flex flex-wrap justify-end gap-2"
        >
          <input type="hidden" name="userId" value={userId} />
          <button
            type="button"
            onClick={() => dialogRef.current?.close()}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100"
          >
            取消
          </button>
          <SubmitButton pending={pending} pendingText="正在重置…" tone="danger">
            确认重置
          </SubmitButton>
        </form>
      </Dialog>
      {pending ? (
        <p className="text-sm text-slate-700" role="status">
          正在重置…
        </p>
      ) : null}
      <FormMessage state={state} />
      {result ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-slate-800" data-testid="temporary-password">
          <p>
            临时密码（只显示这一次，请当面或通过安全渠道交给本人）：
            <code className="ml-1 select-all rounded bg-white px-2 py-0.5 font-mono text-base text-slate-900">{result.temporaryPassword}</code>
          </p>
        </div>
      ) : null}
    </div>
  );
}
