"use client";

import { resetPasswordAction, type ResetPasswordResult } from "@/lib/actions/account";
import type { ActionState } from "@/lib/actions/state";
import { FormMessage } from "@/components/ui/submit-row";
import { DialogForm } from "@/components/ui/dialog";

/**
 * HR's "重置密码" for one person: a confirmation, then the temporary password shown once. The
 * person must choose a new password at their next sign-in; their open sessions end at once.
 */
export function ResetPasswordButton({ userId, name }: { userId: string; name: string }) {
  return (
    <div className="space-y-3">
      <DialogForm<ResetPasswordResult>
        serverAction={resetPasswordAction}
        opener={OPENER}
        title={`重置 ${name} 的密码？`}
        hidden={{ userId }}
        submit={{ label: "确认重置", pendingText: "正在重置…", tone: "danger" }}
        outside={(state) => <TemporaryPassword state={state} />}
      >
        {(state) => (
          <>
            <p className="text-sm text-slate-700">系统将生成一个临时密码，{name} 在所有设备上的登录立即失效，下次登录后必须先设置新密码。此操作不可撤销。</p>
            {!state.ok ? <FormMessage state={state} /> : null}
          </>
        )}
      </DialogForm>
    </div>
  );
}

const OPENER = { label: "重置密码", className: "rounded-md bg-orange-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-orange-800" };

/** The reset's outcome: the temporary password, shown once. */
function TemporaryPassword({ state }: { state: ActionState<ResetPasswordResult> }) {
  const result = state.ok ? state.data : undefined;
  return (
    <>
      {state.ok ? <FormMessage state={state} /> : null}
      {result ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-slate-800" data-testid="temporary-password">
          <p>
            临时密码（只显示这一次，请当面或通过安全渠道交给本人）：
            <code className="ml-1 select-all rounded bg-white px-2 py-0.5 font-mono text-base text-slate-900">{result.temporaryPassword}</code>
          </p>
        </div>
      ) : null}
    </>
  );
}
