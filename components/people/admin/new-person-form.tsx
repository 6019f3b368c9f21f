"use client";

import Link from "next/link";
import { useActionState, useId, useState } from "react";
import { createPersonAction, type CreatePersonState } from "@/lib/actions/people";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/domain/grades";
import type { BranchOption } from "@/lib/server/dal/people-admin/views";
import { FieldError, FormMessage, SubmitButton, fieldValue } from "@/components/review/form-bits";
import { inputClass, labelClass } from "./labels";

export function NewPersonForm({ branches, today }: { branches: BranchOption[]; today: string }) {
  const [state, action, pending] = useActionState(createPersonAction, { ok: true } as CreatePersonState);
  const [role, setRole] = useState<Role>("ACCOUNT_MANAGER");
  const id = useId();
  const created = state.ok && state.data ? state.data : null;
  return (
    <div className="space-y-4">
      {created ? (
        <div role="status" className="space-y-2 rounded-md bg-emerald-50 px-3 py-3 text-sm text-emerald-900 ring-1 ring-emerald-200">
          <p>{state.message}</p>
          {created.password ? (
            <p>
              初始密码：
              <code className="rounded bg-white px-2 py-0.5 font-mono text-base text-slate-900" data-testid="initial-password">
                {created.password}
              </code>
            </p>
          ) : null}
          <p>
            <Link href={`/hr/people/${created.id}`} className="font-medium text-brand-700 hover:underline">
              查看该人员
            </Link>
          </p>
        </div>
      ) : null}
      <form action={action} className="space-y-4" key={created?.id ?? "form"}>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor={`${id}-no`} className={labelClass}>
              工号
            </label>
            <input
              id={`${id}-no`}
              name="employeeNo"
              required
              maxLength={20}
              inputMode="numeric"
              defaultValue={fieldValue(state, "employeeNo")}
              className={inputClass}
            />
            <FieldError state={state} name="employeeNo" />
          </div>
          <div>
            <label htmlFor={`${id}-name`} className={labelClass}>
              姓名
            </label>
            <input id={`${id}-name`} name="name" required maxLength={40} defaultValue={fieldValue(state, "name")} className={inputClass} />
            <FieldError state={state} name="name" />
          </div>
          <div>
            <label htmlFor={`${id}-email`} className={labelClass}>
              邮箱
            </label>
            <input id={`${id}-email`} name="email" type="email" required defaultValue={fieldValue(state, "email")} className={inputClass} />
            <FieldError state={state} name="email" />
          </div>
          <div>
            <label htmlFor={`${id}-branch`} className={labelClass}>
              机构
            </label>
            <select id={`${id}-branch`} name="branchId" required defaultValue={fieldValue(state, "branchId") ?? ""} className={inputClass}>
              <option value="" disabled>
                请选择机构
              </option>
              {branches.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
            <FieldError state={state} name="branchId" />
          </div>
          <div>
            <label htmlFor={`${id}-role`} className={labelClass}>
              岗位
            </label>
            <select id={`${id}-role`} name="role" value={role} onChange={(e) => setRole(e.target.value as Role)} className={inputClass}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
            <FieldError state={state} name="role" />
          </div>
          <div>
            <label htmlFor={`${id}-start`} className={labelClass}>
              任职起始日{role === "ACCOUNT_MANAGER" || role === "ASSISTANT" ? "" : "（选填）"}
            </label>
            <input
              id={`${id}-start`}
              name="roleStartDate"
              type="date"
              max={today}
              required={role === "ACCOUNT_MANAGER" || role === "ASSISTANT"}
              defaultValue={fieldValue(state, "roleStartDate")}
              className={inputClass}
            />
            <FieldError state={state} name="roleStartDate" />
          </div>
          {role === "ACCOUNT_MANAGER" ? (
            <div>
              <label htmlFor={`${id}-grade`} className={labelClass}>
                等级
              </label>
              <select
                id={`${id}-grade`}
                name="grade"
                defaultValue={fieldValue(state, "grade") ?? "TRAINEE"}
                className={inputClass}
                aria-describedby={`${id}-grade-hint`}
              >
                <option value="TRAINEE">见习</option>
                <option value="">暂不定级（稍后在“定级”中确定）</option>
              </select>
              <p id={`${id}-grade-hint`} className="mt-1 text-xs text-slate-600">
                新入职的客户经理为见习；有任职经历的由人力资源部在“定级”中按任职年限、认证和年度考评确定。
              </p>
              <FieldError state={state} name="grade" />
            </div>
          ) : null}
          <div>
            <label htmlFor={`${id}-password`} className={labelClass}>
              初始密码（选填）
            </label>
            <input
              id={`${id}-password`}
              name="password"
              type="text"
              autoComplete="new-password"
              minLength={8}
              maxLength={64}
              className={inputClass}
              aria-describedby={`${id}-password-hint`}
            />
            <p id={`${id}-password-hint`} className="mt-1 text-xs text-slate-600">
              留空则自动生成，保存后只显示一次。
            </p>
            <FieldError state={state} name="password" />
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton pending={pending} pendingText="正在保存…">
            新增人员
          </SubmitButton>
          {!state.ok ? <FormMessage state={state} /> : null}
        </div>
      </form>
    </div>
  );
}
