"use client";

import { useActionState, useId } from "react";
import { changeGradeAction, convertAssistantAction, exitPersonAction, transferBranchAction } from "@/lib/actions/people";
import { initialActionState, type ActionState } from "@/lib/actions/state";
import { GRADES, GRADE_LABELS, type Grade, type Role } from "@/lib/domain/grades";
import type { BranchOption } from "@/lib/server/dal/people-admin/views";
import { FormMessage, SubmitLine } from "@/components/ui/submit-row";
import { SelectField, TextField, optionsOf, namedOptions } from "@/components/ui/fields";
import { ResetPasswordButton } from "@/components/auth/reset-password-button";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

function confirmSubmit(message: string) {
  return (e: React.FormEvent<HTMLFormElement>) => {
    if (!confirm(message)) e.preventDefault();
  };
}

function DateField({ state, id, name, label, today }: { state: ActionState; id: string; name: string; label: string; today: string }) {
  return <TextField id={id} name={name} label={label} state={state} type="date" required max={today} defaultValue={today} />;
}

function NoteField({ state, id }: { state: ActionState; id: string }) {
  return <TextField id={id} name="note" label="说明（选填）" state={state} maxLength={200} />;
}

function ReasonField({ state, id, label }: { state: ActionState; id: string; label: string }) {
  return <TextField id={id} name="reason" label={label} state={state} required minLength={2} maxLength={200} />;
}

function ActionForm({
  title,
  action,
  confirmText,
  submit,
  tone = "primary",
  children,
  testId,
  done = false,
}: {
  title: string;
  action: Action;
  confirmText: string;
  submit: string;
  tone?: "primary" | "danger";
  children: (state: ActionState) => React.ReactNode;
  testId: string;
  done?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  // `done`: the change no longer applies (e.g. the assistant has just been converted); the section
  // stays only to show the result message of the change just made.
  if (done) {
    return state.ok && state.message ? (
      <section className="rounded-lg border border-slate-200 p-4" data-testid={testId} aria-label={title}>
        <h3 className="mb-3 text-base font-semibold text-slate-900">{title}</h3>
        <FormMessage state={state} />
      </section>
    ) : null;
  }
  return (
    <section className="rounded-lg border border-slate-200 p-4" data-testid={testId} aria-label={title}>
      <h3 className="mb-3 text-base font-semibold text-slate-900">{title}</h3>
      <form action={formAction} onSubmit={confirmSubmit(confirmText)} className="space-y-3">
        {children(state)}
        <SubmitLine state={state} pending={pending} pendingText="正在保存…" tone={tone}>
          {submit}
        </SubmitLine>
      </form>
    </section>
  );
}

export function PersonActions({
  person,
  branches,
  today,
}: {
  person: { id: string; name: string; role: Role; status: "ACTIVE" | "EXITED"; branchId: string; grade: Grade | null };
  branches: BranchOption[];
  today: string;
}) {
  const id = useId();
  const hidden = <input type="hidden" name="userId" value={person.id} />;
  if (person.status !== "ACTIVE") {
    return <p className="text-sm text-slate-700">该人员已退出，历史记录保留；如需重新任用，请以新工号新增。</p>;
  }
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {person.role === "ASSISTANT" || person.role === "ACCOUNT_MANAGER" ? (
        <ActionForm
          testId="convert-form"
          done={person.role !== "ASSISTANT"}
          title="转岗为对公客户经理"
          action={convertAssistantAction}
          submit="确认转岗"
          confirmText={`确定将${person.name}转岗为见习对公客户经理吗？任职起始日为转岗日期，并分配基础层必修课。`}
        >
          {(state) => (
            <>
              {hidden}
              <DateField state={state} id={`${id}-convert-date`} name="date" label="转岗日期" today={today} />
              <NoteField state={state} id={`${id}-convert-note`} />
            </>
          )}
        </ActionForm>
      ) : null}
      <ActionForm
        testId="transfer-form"
        title="调动机构"
        action={transferBranchAction}
        submit="确认调动"
        confirmText={`确定调动${person.name}吗？调出机构的支行长将不再能查看此人，历史记录保留。`}
      >
        {(state) => (
          <>
            {hidden}
            <SelectField
              id={`${id}-transfer-branch`}
              name="branchId"
              label="调入机构"
              state={state}
              required
              defaultValue=""
              placeholder="请选择机构"
              options={namedOptions(branches.filter((b) => b.id !== person.branchId))}
            />
            <DateField state={state} id={`${id}-transfer-date`} name="date" label="生效日期" today={today} />
            <NoteField state={state} id={`${id}-transfer-note`} />
          </>
        )}
      </ActionForm>
      {person.role === "ACCOUNT_MANAGER" ? (
        <ActionForm
          testId="grade-form"
          title="手工调整等级"
          action={changeGradeAction}
          submit="确认调整"
          confirmText={`确定调整${person.name}的等级吗？调整会记入等级历史和审计日志，只能以新的调整更正。`}
        >
          {(state) => (
            <>
              {hidden}
              <SelectField
                id={`${id}-grade`}
                name="grade"
                label="调整为"
                state={state}
                required
                defaultValue=""
                placeholder="请选择等级"
                options={optionsOf(
                  GRADES.filter((g) => g !== person.grade),
                  GRADE_LABELS,
                )}
              />
              <DateField state={state} id={`${id}-grade-date`} name="date" label="生效日期" today={today} />
              <ReasonField state={state} id={`${id}-grade-reason`} label="调整原因" />
            </>
          )}
        </ActionForm>
      ) : null}
      <ActionForm
        testId="exit-form"
        title="办理退出"
        tone="danger"
        action={exitPersonAction}
        submit="确认退出"
        confirmText={`确定为${person.name}办理退出吗？退出后该账号不能登录；记录不会删除。`}
      >
        {(state) => (
          <>
            {hidden}
            <DateField state={state} id={`${id}-exit-date`} name="date" label="退出日期" today={today} />
            <ReasonField state={state} id={`${id}-exit-reason`} label="退出原因" />
          </>
        )}
      </ActionForm>
      <ResetPasswordSection userId={person.id} name={person.name} />
    </div>
  );
}

function ResetPasswordSection({ userId, name }: { userId: string; name: string }) {
  return (
    <section className="rounded-lg border border-slate-200 p-4" aria-label="重置密码">
      <h3 className="mb-3 text-base font-semibold text-slate-900">重置密码</h3>
      <p className="mb-3 text-sm text-slate-700">生成一个临时密码（只显示一次），例如名单导入的人员首次登录前；本人下次登录后必须先设置新密码。</p>
      <ResetPasswordButton userId={userId} name={name} />
    </section>
  );
}
