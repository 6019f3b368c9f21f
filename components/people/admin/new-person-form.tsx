"use client";

import Link from "next/link";
import { useActionState, useId, useState } from "react";
import { createPersonAction, type CreatePersonState } from "@/lib/actions/people";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/domain/grades";
import type { BranchOption } from "@/lib/server/dal/people-admin/views";
import { FormMessage, SubmitButton } from "@/components/ui/submit-row";
import { SelectField, TextField, optionsOf, type Option, namedOptions } from "@/components/ui/fields";

const GRADE_CHOICES: Option[] = [
  ["TRAINEE", "见习"],
  ["", "暂不定级（稍后在“定级”中确定）"],
];

export function NewPersonForm({ branches, today }: { branches: BranchOption[]; today: string }) {
  const [state, action, pending] = useActionState(createPersonAction, { ok: true } as CreatePersonState);
  const [role, setRole] = useState<Role>("ACCOUNT_MANAGER");
  const id = useId();
  const created = state.ok && state.data ? state.data : null;
  /** A field's id, name and the refused action's message and typed value. */
  const field = (name: string) => ({ id: `${id}-${name}`, name, state });
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
          <TextField {...field("employeeNo")} label="工号" required maxLength={20} inputMode="numeric" />
          <TextField {...field("name")} label="姓名" required maxLength={40} />
          <TextField {...field("email")} label="邮箱" type="email" required />
          <SelectField {...field("branchId")} label="机构" required options={namedOptions(branches)} placeholder="请选择机构" defaultValue="" />
          <SelectField {...field("role")} label="岗位" options={optionsOf(ROLES, ROLE_LABELS)} value={role} onChange={(e) => setRole(e.target.value as Role)} />
          <TextField
            {...field("roleStartDate")}
            label={`任职起始日${role === "ACCOUNT_MANAGER" || role === "ASSISTANT" ? "" : "（选填）"}`}
            type="date"
            max={today}
            required={role === "ACCOUNT_MANAGER" || role === "ASSISTANT"}
          />
          {role === "ACCOUNT_MANAGER" ? (
            <SelectField
              {...field("grade")}
              label="等级"
              options={GRADE_CHOICES}
              defaultValue="TRAINEE"
              hint="新入职的客户经理为见习；有任职经历的由人力资源部在“定级”中按任职年限、认证和年度考评确定。"
            />
          ) : null}
          <TextField
            {...field("password")}
            label="初始密码（选填）"
            type="text"
            autoComplete="new-password"
            minLength={8}
            maxLength={64}
            defaultValue=""
            hint="留空则自动生成，保存后只显示一次。"
          />
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
