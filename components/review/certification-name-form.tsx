"use client";

import { useActionState, useId } from "react";
import { saveCertificationNameAction } from "@/lib/actions/certification-names";
import { initialActionState } from "@/lib/actions/state";
import { FieldError, FormMessage, SubmitButton, fieldValue } from "./form-bits";

/** One certification code and the Chinese name everyone sees instead of it. */
export function CertificationNameForm({ code, name, holders }: { code: string; name: string | null; holders: number }) {
  const [state, action, pending] = useActionState(saveCertificationNameAction, initialActionState);
  const id = useId();
  return (
    <form action={action} className="flex flex-wrap items-end gap-3 border-t border-slate-100 py-3 first:border-t-0" data-testid={`certification-name-${code}`}>
      <input type="hidden" name="code" value={code} />
      <div className="min-w-0 flex-1">
        <label htmlFor={`${id}-name`} className="mb-1 block text-sm font-medium text-slate-700">
          认证名称
          <span className="ml-2 text-xs font-normal text-slate-600">
            （导入代码 <span data-code>{code}</span>，{holders} 条记录）
          </span>
        </label>
        <input
          id={`${id}-name`}
          name="name"
          required
          minLength={2}
          maxLength={30}
          defaultValue={fieldValue(state, "name") ?? name ?? ""}
          placeholder="例如 信贷业务资格（二级）"
          className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        <FieldError state={state} name="name" />
      </div>
      <SubmitButton pending={pending} pendingText="正在保存…" size="sm">
        保存名称
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
