"use client";

import { useActionState, useId } from "react";
import { saveCertificationNameAction } from "@/lib/actions/certification-names";
import { initialActionState } from "@/lib/actions/state";
import { FormMessage, SubmitButton } from "@/components/ui/submit-row";
import { TextField } from "@/components/ui/fields";

/** One certification code and the Chinese name everyone sees instead of it. */
export function CertificationNameForm({ code, name, holders }: { code: string; name: string | null; holders: number }) {
  const [state, action, pending] = useActionState(saveCertificationNameAction, initialActionState);
  const id = useId();
  return (
    <form action={action} className="flex flex-wrap items-end gap-3 border-t border-slate-100 py-3 first:border-t-0" data-testid={`certification-name-${code}`}>
      <input type="hidden" name="code" value={code} />
      <TextField
        id={`${id}-name`}
        name="name"
        state={state}
        className="min-w-0 flex-1"
        label={
          <>
            认证名称
            <span className="ml-2 text-xs font-normal text-slate-600">
              （导入代码 <span data-code>{code}</span>，{holders} 条记录）
            </span>
          </>
        }
        required
        minLength={2}
        maxLength={30}
        defaultValue={name ?? ""}
        placeholder="例如 信贷业务资格（二级）"
      />
      <SubmitButton pending={pending} pendingText="正在保存…" size="sm">
        保存名称
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
